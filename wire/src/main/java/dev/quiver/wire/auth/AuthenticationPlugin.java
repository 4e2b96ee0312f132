package dev.quiver.wire.auth;

import dev.quiver.wire.spi.StoredCredential;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * A server-side authentication plugin: checks a client's scramble response against the stored hash.
 */
public sealed interface AuthenticationPlugin
        permits NativePasswordPlugin, CachingSha2PasswordPlugin
{
    String MYSQL_NATIVE_PASSWORD = "mysql_native_password";
    String CACHING_SHA2_PASSWORD = "caching_sha2_password";

    String name();

    /** The stored hash this plugin checks against (empty for an empty password). */
    byte[] storedHash(StoredCredential credential);

    /** Whether {@code response} proves knowledge of the password whose hash is {@code storedHash}. */
    boolean verify(byte[] scramble, byte[] response, byte[] storedHash);

    static Optional<AuthenticationPlugin> byName(String name)
    {
        return switch (name) {
            case MYSQL_NATIVE_PASSWORD -> Optional.of(NativePasswordPlugin.INSTANCE);
            case CACHING_SHA2_PASSWORD -> Optional.of(CachingSha2PasswordPlugin.INSTANCE);
            default -> Optional.empty();
        };
    }

    static MessageDigest digest(String algorithm)
    {
        try {
            return MessageDigest.getInstance(algorithm);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(algorithm + " is not available", ex);
        }
    }

    /**
     * The shared scheme of both plugins: {@code response = H(pw) XOR H(mix)}, where the mix is computed from
     * the stored {@code H(H(pw))} and the scramble. Recover {@code H(pw)} and compare its hash.
     */
    static boolean verifyXorScheme(String algorithm, byte[] mix, byte[] response, byte[] storedHash)
    {
        if (storedHash.length == 0 || response.length != mix.length) {
            return false;
        }
        byte[] candidate = new byte[mix.length];
        for (int i = 0; i < candidate.length; i++) {
            candidate[i] = (byte) (response[i] ^ mix[i]);
        }
        return MessageDigest.isEqual(digest(algorithm).digest(candidate), storedHash);
    }
}
