package dev.quiver.sql.expression;

import java.util.Locale;

/** MySQL's LIKE: {@code %} any run, {@code _} one character, an escape character (backslash by default). */
public final class LikeMatcher
{
    private LikeMatcher()
    {
    }

    /** Case-insensitive unless {@code caseSensitive} (binary strings). */
    public static boolean matches(String value, String pattern, char escape, boolean caseSensitive)
    {
        String text = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
        String like = caseSensitive ? pattern : pattern.toLowerCase(Locale.ROOT);
        return matches(text, 0, like, 0, escape);
    }

    private static boolean matches(String text, int textIndex, String pattern, int patternIndex, char escape)
    {
        while (patternIndex < pattern.length()) {
            char c = pattern.charAt(patternIndex);
            if (c == '%') {
                while (patternIndex < pattern.length() && pattern.charAt(patternIndex) == '%') {
                    patternIndex++;
                }
                if (patternIndex == pattern.length()) {
                    return true;
                }
                for (int i = textIndex; i <= text.length(); i++) {
                    if (matches(text, i, pattern, patternIndex, escape)) {
                        return true;
                    }
                }
                return false;
            }
            if (textIndex >= text.length()) {
                return false;
            }
            if (c == '_') {
                textIndex++;
                patternIndex++;
                continue;
            }
            if (c == escape && patternIndex + 1 < pattern.length()) {
                patternIndex++;
                c = pattern.charAt(patternIndex);
            }
            if (text.charAt(textIndex) != c) {
                return false;
            }
            textIndex++;
            patternIndex++;
        }
        return textIndex == text.length();
    }
}
