package dev.quiver.server;

import dev.quiver.common.PasswordHash;
import dev.quiver.wire.spi.CredentialStore;
import dev.quiver.wire.spi.StoredCredential;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The single account until users and grants land: {@code root@%} with the stored password hash. Decides,
 * too, whether the configured password may be used and whether a non-loopback bind is safe.
 */
final class RootAccount
        implements CredentialStore
{
    static final String USER = "root";
    static final String HOST = "%";
    static final String PLUGIN = "caching_sha2_password";

    private final PasswordHash hash;

    RootAccount(PasswordHash hash)
    {
        this.hash = requireNonNull(hash, "hash is null");
    }

    /**
     * Root's password for this start: the configured one when the data directory is new; the stored one
     * afterwards, refusing a configured password that differs from it.
     */
    static RootAccount establish(DataDirectory directory, Optional<String> configuredPassword)
            throws java.io.IOException, StartupException
    {
        Optional<PasswordHash> stored = directory.readRootPassword();
        if (stored.isEmpty()) {
            PasswordHash hash = PasswordHash.of(configuredPassword.orElse(""));
            directory.writeRootPassword(hash);
            return new RootAccount(hash);
        }
        if (configuredPassword.isPresent() && !stored.get().matches(configuredPassword.get())) {
            throw new StartupException("the root password given with --root-password (or "
                    + ServerConfig.ROOT_PASSWORD_ENVIRONMENT_VARIABLE + ") differs from the one stored in "
                    + directory.path() + "; it is only used when a data directory is created. Start without it "
                    + "and change the password with ALTER USER 'root'@'%' IDENTIFIED BY '...'");
        }
        return new RootAccount(stored.get());
    }

    /** Refuses to listen beyond loopback while root has no password. */
    void checkBindAddress(String bindAddress)
            throws StartupException
    {
        if (!hash.isEmpty() || isLoopback(bindAddress)) {
            return;
        }
        throw new StartupException("refusing to listen on " + bindAddress + " while root has an empty password: "
                + "anyone who can reach this address could log in. Either bind to 127.0.0.1, or create the data "
                + "directory with a root password (--root-password PW or the environment variable "
                + ServerConfig.ROOT_PASSWORD_ENVIRONMENT_VARIABLE + ")");
    }

    @Override
    public Optional<StoredCredential> find(String user, String clientHost)
    {
        if (!USER.equals(user)) {
            return Optional.empty();
        }
        return Optional.of(new StoredCredential(USER, HOST, PLUGIN, hash));
    }

    private static boolean isLoopback(String bindAddress)
    {
        if (bindAddress.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            return InetAddress.getByName(bindAddress).isLoopbackAddress();
        }
        catch (UnknownHostException ex) {
            return false;
        }
    }
}
