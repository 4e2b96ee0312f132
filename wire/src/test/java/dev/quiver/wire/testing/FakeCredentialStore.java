package dev.quiver.wire.testing;

import dev.quiver.common.PasswordHash;
import dev.quiver.wire.spi.CredentialStore;
import dev.quiver.wire.spi.StoredCredential;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Accounts in a map, any host; hashes computed as the SQL layer stores them. */
public final class FakeCredentialStore
        implements CredentialStore
{
    private final Map<String, StoredCredential> accounts = new ConcurrentHashMap<>();

    public FakeCredentialStore withAccount(String user, String plugin, String password)
    {
        accounts.put(user, credential(user, plugin, password));
        return this;
    }

    public static StoredCredential credential(String user, String plugin, String password)
    {
        if (password.isEmpty()) {
            return new StoredCredential(user, "%", plugin, PasswordHash.EMPTY);
        }
        // Hashed here independently of PasswordHash.of, so the tests check the production hashing too.
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        return new StoredCredential(user, "%", plugin, new PasswordHash(twice("SHA-1", bytes), twice("SHA-256", bytes)));
    }

    private static byte[] twice(String algorithm, byte[] bytes)
    {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            return digest.digest(digest.digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new AssertionError(ex);
        }
    }

    @Override
    public Optional<StoredCredential> find(String user, String clientHost)
    {
        return Optional.ofNullable(accounts.get(user));
    }
}
