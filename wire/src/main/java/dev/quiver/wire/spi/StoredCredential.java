package dev.quiver.wire.spi;

import static java.util.Objects.requireNonNull;

/**
 * An account's authentication data, enough for either plugin's fast path without TLS or RSA.
 *
 * @param user the account's user name
 * @param host the account's host pattern ({@code %}, {@code localhost}, ...)
 * @param plugin the account's plugin: {@code mysql_native_password} or {@code caching_sha2_password}
 * @param nativeHash SHA1(SHA1(password)), 20 bytes, or empty for an empty password
 * @param sha2Hash SHA256(SHA256(password)), 32 bytes, or empty for an empty password
 */
public record StoredCredential(String user, String host, String plugin, byte[] nativeHash, byte[] sha2Hash)
{
    public StoredCredential
    {
        requireNonNull(user, "user is null");
        requireNonNull(host, "host is null");
        requireNonNull(plugin, "plugin is null");
        nativeHash = requireNonNull(nativeHash, "nativeHash is null").clone();
        sha2Hash = requireNonNull(sha2Hash, "sha2Hash is null").clone();
    }

    public boolean hasEmptyPassword()
    {
        return nativeHash.length == 0 && sha2Hash.length == 0;
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
}
