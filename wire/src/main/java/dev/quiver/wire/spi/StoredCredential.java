package dev.quiver.wire.spi;

import dev.quiver.common.PasswordHash;

import static java.util.Objects.requireNonNull;

/**
 * An account's authentication data, enough for either plugin's fast path without TLS or RSA.
 *
 * @param user the account's user name
 * @param host the account's host pattern ({@code %}, {@code localhost}, ...)
 * @param plugin the account's plugin: {@code mysql_native_password} or {@code caching_sha2_password}
 * @param password what the account stores of its password (both plugins' hashes, empty for no password)
 */
public record StoredCredential(String user, String host, String plugin, PasswordHash password)
{
    public StoredCredential
    {
        requireNonNull(user, "user is null");
        requireNonNull(host, "host is null");
        requireNonNull(plugin, "plugin is null");
        requireNonNull(password, "password is null");
    }

    public boolean hasEmptyPassword()
    {
        return password.isEmpty();
    }

    /** SHA1(SHA1(password)), 20 bytes, or empty for an empty password. */
    public byte[] nativeHash()
    {
        return password.nativeHash();
    }

    /** SHA256(SHA256(password)), 32 bytes, or empty for an empty password. */
    public byte[] sha2Hash()
    {
        return password.sha2Hash();
    }
}
