package dev.quiver.wire.auth;

import java.security.SecureRandom;

/**
 * The 20-byte nonce of the handshake: printable ASCII, never NUL (clients read it as a C string) and never
 * {@code $}, as MySQL's {@code generate_user_salt} makes it.
 */
public final class Scramble
{
    public static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Scramble() {}

    public static byte[] generate()
    {
        byte[] result = new byte[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            byte candidate;
            do {
                candidate = (byte) (0x21 + RANDOM.nextInt(0x7F - 0x21));
            }
            while (candidate == '$');
            result[i] = candidate;
        }
        return result;
    }
}
