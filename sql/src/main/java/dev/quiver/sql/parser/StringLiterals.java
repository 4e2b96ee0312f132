package dev.quiver.sql.parser;

/** MySQL's rules for quoted strings and identifiers (NO_BACKSLASH_ESCAPES off). */
public final class StringLiterals
{
    private StringLiterals()
    {
    }

    /** Removes the quotes of {@code 'x'} or {@code "x"} and resolves {@code ''} and backslash escapes. */
    public static String unquote(String quoted)
    {
        char quote = quoted.charAt(0);
        int end = quoted.length() > 1 && quoted.charAt(quoted.length() - 1) == quote ? quoted.length() - 1 : quoted.length();
        return unescape(quoted.substring(1, end), quote);
    }

    /**
     * Resolves the escapes of a string body: {@code \0 \' \" \b \n \r \t \Z \\}, {@code \%} and {@code \_} kept with
     * their backslash (as MySQL does, for LIKE), any other {@code \x} as {@code x}, and a doubled quote as one.
     */
    public static String unescape(String body, char quote)
    {
        if (body.indexOf('\\') < 0 && body.indexOf(quote) < 0) {
            return body;
        }
        StringBuilder result = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char next = body.charAt(++i);
                switch (next) {
                    case '0' -> result.append('\0');
                    case 'b' -> result.append('\b');
                    case 'n' -> result.append('\n');
                    case 'r' -> result.append('\r');
                    case 't' -> result.append('\t');
                    case 'Z' -> result.append('\u001a');
                    case '%', '_' -> result.append('\\').append(next);
                    default -> result.append(next);
                }
                continue;
            }
            if (c == quote && i + 1 < body.length() && body.charAt(i + 1) == quote) {
                i++;
            }
            result.append(c);
        }
        return result.toString();
    }

    /** Removes the backquotes of {@code `x`} and resolves doubled backquotes. */
    public static String unquoteIdentifier(String quoted)
    {
        int end = quoted.length() > 1 && quoted.endsWith("`") ? quoted.length() - 1 : quoted.length();
        return quoted.substring(1, end).replace("``", "`");
    }

    /** An identifier as written: backquoted or double-quoted forms unquoted, plain names unchanged. */
    public static String identifier(String text)
    {
        if (text.startsWith("`")) {
            return unquoteIdentifier(text);
        }
        if (text.startsWith("\"") && text.length() > 1) {
            return unquote(text);
        }
        return JSqlParserRewrites.restoreKeywordIdentifier(text);
    }
}
