package dev.quiver.storage.row;

import java.text.Normalizer;

/**
 * MySQL's default collation {@code utf8mb4_general_ci}, approximated: case-insensitive, accent-insensitive for
 * letters with a canonical decomposition ('é' = 'E'), PAD SPACE (trailing spaces ignored), and characters outside
 * the Basic Multilingual Plane all weigh like U+FFFD. Two strings are equal under the collation exactly when their
 * {@link #key(String)}s are equal.
 */
public final class Collation
{
    private Collation() {}

    /** The sort key: equal keys mean equal strings; keys compare like the strings under the collation. */
    public static String key(String value)
    {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == ' ') {
            end--;
        }
        boolean ascii = true;
        for (int i = 0; i < end; i++) {
            if (value.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        StringBuilder builder = new StringBuilder(end);
        if (ascii) {
            for (int i = 0; i < end; i++) {
                char c = value.charAt(i);
                builder.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
            }
            return builder.toString();
        }
        String decomposed = Normalizer.normalize(value.substring(0, end), Normalizer.Form.NFD);
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < decomposed.length() && Character.isLowSurrogate(decomposed.charAt(i + 1))) {
                builder.append('\uFFFD');
                i++;
                continue;
            }
            if (c == '\u00DF') {
                builder.append('S');
                continue;
            }
            builder.append(Character.toUpperCase(c));
        }
        return builder.toString();
    }

    public static int compare(String left, String right)
    {
        return key(left).compareTo(key(right));
    }

    public static boolean equal(String left, String right)
    {
        return key(left).equals(key(right));
    }
}
