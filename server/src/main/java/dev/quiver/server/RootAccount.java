package dev.quiver.server;

import dev.quiver.common.PasswordHash;
import dev.quiver.sql.user.Account;
import dev.quiver.sql.user.AccountName;
import dev.quiver.sql.user.PrivilegeModel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;

/**
 * Root's password at startup. The data directory's {@code root.account} file seeds {@code root@%}: written from
 * {@code --root-password} when a data directory is created, and read once to create {@code root@%} in the grant tables
 * when they do not exist yet (a new directory, or one from before accounts moved into the {@code mysql} tables).
 * From then on the grant tables decide: root's password changes with {@code ALTER USER} or {@code SET PASSWORD}, a
 * {@code --root-password} given on a later start must match root's current password, and a non-loopback bind is
 * refused while an account that such clients could log in as has an empty password.
 */
final class RootAccount
{
    static final AccountName ROOT = new AccountName("root", "%");
    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

    private RootAccount()
    {
    }

    /** The password {@code root@%} is created with: the configured one on the first start (stored), the stored one after. */
    static PasswordHash seed(DataDirectory directory, Optional<String> configuredPassword)
            throws java.io.IOException
    {
        Optional<PasswordHash> stored = directory.readRootPassword();
        if (stored.isPresent()) {
            return stored.get();
        }
        PasswordHash hash = PasswordHash.of(configuredPassword.orElse(""));
        directory.writeRootPassword(hash);
        return hash;
    }

    /** Refuses a {@code --root-password} that differs from root's current password (it only seeds a new directory). */
    static void checkConfiguredPassword(PrivilegeModel accounts, Optional<String> configuredPassword)
            throws StartupException
    {
        if (configuredPassword.isEmpty()) {
            return;
        }
        Optional<Account> root = accounts.account(ROOT);
        if (root.isEmpty()) {
            throw new StartupException("--root-password (or " + ServerConfig.ROOT_PASSWORD_ENVIRONMENT_VARIABLE + ") was given but the account "
                    + ROOT.quoted() + " no longer exists in this data directory; start without it");
        }
        if (!root.get().password().matches(configuredPassword.get())) {
            throw new StartupException("the root password given with --root-password (or "
                    + ServerConfig.ROOT_PASSWORD_ENVIRONMENT_VARIABLE + ") differs from root's current password in "
                    + "this data directory; it is only used when a data directory is created. Start without it "
                    + "and change the password with ALTER USER 'root'@'%' IDENTIFIED BY '...'");
        }
    }

    /** Refuses to listen beyond loopback while an account that remote clients could use has an empty password. */
    static void checkBindAddress(PrivilegeModel accounts, String bindAddress)
            throws StartupException
    {
        if (isLoopback(bindAddress)) {
            return;
        }
        for (Account each : accounts.accounts()) {
            if (each.password().isEmpty() && !LOOPBACK_HOSTS.contains(each.name().host())) {
                throw new StartupException("refusing to listen on " + bindAddress + " while " + each.name().quoted() + " has an empty password: "
                        + "anyone who can reach this address could log in. Either bind to 127.0.0.1, or create the data "
                        + "directory with a root password (--root-password PW or the environment variable "
                        + ServerConfig.ROOT_PASSWORD_ENVIRONMENT_VARIABLE + "), or set a password with ALTER USER");
            }
        }
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
