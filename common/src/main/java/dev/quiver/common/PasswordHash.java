package dev.quiver.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import static java.util.Objects.requireNonNull;

/**
 * What an account stores of its password: enough for both MySQL authentication plugins' fast paths and
 * nothing that reveals the password. {@code mysql_native_password} needs SHA1(SHA1(password));
 * {@code caching_sha2_password} (without TLS or RSA) needs SHA256(SHA256(password)). An empty password
 * stores two empty arrays, as MySQL stores an empty authentication string.
 */
public record PasswordHash(byte[] nativeHash, byte[] sha2Hash)
{
    public static final PasswordHash EMPTY = new PasswordHash(new byte[0], new byte[0]);

    public PasswordHash
    {
        nativeHash = requireNonNull(nativeHash, "nativeHash is null").clone();
        sha2Hash = requireNonNull(sha2Hash, "sha2Hash is null").clone();
    }

    public static PasswordHash of(String password)
    {
        requireNonNull(password, "password is null");
        if (password.isEmpty()) {
            return EMPTY;
        }
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        return new PasswordHash(
                digest("SHA-1", digest("SHA-1", bytes)),
                digest("SHA-256", digest("SHA-256", bytes)));
    }

    /** Reads the form {@link #toString()} writes: {@code native-hex:sha2-hex}, both empty for no password. */
    public static PasswordHash parse(String text)
    {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a stored password hash");
        }
        HexFormat hex = HexFormat.of();
        return new PasswordHash(hex.parseHex(text.substring(0, colon)), hex.parseHex(text.substring(colon + 1)));
    }

    public boolean isEmpty()
    {
        return nativeHash.length == 0 && sha2Hash.length == 0;
    }

    /** True when {@code password} hashes to this. */
    public boolean matches(String password)
    {
        PasswordHash other = of(password);
        return MessageDigest.isEqual(nativeHash, other.nativeHash) && MessageDigest.isEqual(sha2Hash, other.sha2Hash);
    }

    @Override
    public byte[] nativeHash()
    {
        return nativeHash.clone();
    }

    @Override
    public byte[] sha2Hash()
    {
        return sha2Hash.clone();
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof PasswordHash that
                && Arrays.equals(nativeHash, that.nativeHash)
                && Arrays.equals(sha2Hash, that.sha2Hash);
    }

    @Override
    public int hashCode()
    {
        return 31 * Arrays.hashCode(nativeHash) + Arrays.hashCode(sha2Hash);
    }

    /** {@code native-hex:sha2-hex}; stable, for storing. */
    @Override
    public String toString()
    {
        HexFormat hex = HexFormat.of();
        return hex.formatHex(nativeHash) + ":" + hex.formatHex(sha2Hash);
    }

    private static byte[] digest(String algorithm, byte[] input)
    {
        try {
            return MessageDigest.getInstance(algorithm).digest(input);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(algorithm + " is required by every JDK", ex);
        }
    }
}
