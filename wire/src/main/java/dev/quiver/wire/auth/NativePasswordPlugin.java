package dev.quiver.wire.auth;

import dev.quiver.wire.spi.StoredCredential;

import java.security.MessageDigest;

/**
 * {@code mysql_native_password}: {@code response = SHA1(pw) XOR SHA1(scramble ‖ SHA1(SHA1(pw)))}.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_authentication_methods_native_password_authentication.html">Native authentication</a>
 */
public final class NativePasswordPlugin
        implements AuthenticationPlugin
{
    public static final NativePasswordPlugin INSTANCE = new NativePasswordPlugin();

    private NativePasswordPlugin() {}

    @Override
    public String name()
    {
        return MYSQL_NATIVE_PASSWORD;
    }

    @Override
    public byte[] storedHash(StoredCredential credential)
    {
        return credential.nativeHash();
    }

    @Override
    public boolean verify(byte[] scramble, byte[] response, byte[] storedHash)
    {
        MessageDigest sha1 = AuthenticationPlugin.digest("SHA-1");
        sha1.update(scramble);
        sha1.update(storedHash);
        return AuthenticationPlugin.verifyXorScheme("SHA-1", sha1.digest(), response, storedHash);
    }

    /** The client's computation, for tests and tools. */
    public static byte[] scramblePassword(byte[] password, byte[] scramble)
    {
        MessageDigest sha1 = AuthenticationPlugin.digest("SHA-1");
        byte[] stage1 = sha1.digest(password);
        byte[] stage2 = sha1.digest(stage1);
        sha1.update(scramble);
        sha1.update(stage2);
        byte[] mix = sha1.digest();
        for (int i = 0; i < mix.length; i++) {
            mix[i] ^= stage1[i];
        }
        return mix;
    }
}
