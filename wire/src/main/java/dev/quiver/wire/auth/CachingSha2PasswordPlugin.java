package dev.quiver.wire.auth;

import dev.quiver.wire.spi.StoredCredential;

import java.security.MessageDigest;

/**
 * {@code caching_sha2_password}'s fast path:
 * {@code response = SHA256(pw) XOR SHA256(SHA256(SHA256(pw)) ‖ scramble)}. Since the store keeps
 * {@code SHA256(SHA256(pw))} for every account, the fast path always succeeds for the right password and
 * neither TLS nor RSA is ever needed.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_caching_sha2_authentication_exchanges.html">caching_sha2_password exchanges</a>
 */
public final class CachingSha2PasswordPlugin
        implements AuthenticationPlugin
{
    public static final CachingSha2PasswordPlugin INSTANCE = new CachingSha2PasswordPlugin();

    private CachingSha2PasswordPlugin() {}

    @Override
    public String name()
    {
        return CACHING_SHA2_PASSWORD;
    }

    @Override
    public byte[] storedHash(StoredCredential credential)
    {
        return credential.sha2Hash();
    }

    @Override
    public boolean verify(byte[] scramble, byte[] response, byte[] storedHash)
    {
        MessageDigest sha256 = AuthenticationPlugin.digest("SHA-256");
        sha256.update(storedHash);
        sha256.update(scramble);
        return AuthenticationPlugin.verifyXorScheme("SHA-256", sha256.digest(), response, storedHash);
    }

    /** The client's computation, for tests and tools. */
    public static byte[] scramblePassword(byte[] password, byte[] scramble)
    {
        MessageDigest sha256 = AuthenticationPlugin.digest("SHA-256");
        byte[] stage1 = sha256.digest(password);
        byte[] stage2 = sha256.digest(stage1);
        sha256.update(stage2);
        sha256.update(scramble);
        byte[] mix = sha256.digest();
        for (int i = 0; i < mix.length; i++) {
            mix[i] ^= stage1[i];
        }
        return mix;
    }
}
