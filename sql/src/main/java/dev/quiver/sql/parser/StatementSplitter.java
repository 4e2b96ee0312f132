package dev.quiver.sql.parser;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Splits a COM_QUERY text into statements at top-level semicolons and neutralises comments, in one scan that
 * respects quotes and backticks. Comments become blanks of the same length (newlines kept), so offsets and
 * line numbers in the cleaned text equal those in the original. MySQL executable comments ({@code /*! ... *}{@code /},
 * {@code /*!80013 ... *}{@code /}) keep their content when their version is not above the server's; optimizer
 * hints ({@code /*+ ... *}{@code /}) and ordinary comments are dropped.
 */
public final class StatementSplitter
{
    private final int serverVersionNumber;

    /** @param serverVersionNumber the server version as MySQL encodes it in executable comments, e.g. 80036 */
    public StatementSplitter(int serverVersionNumber)
    {
        this.serverVersionNumber = serverVersionNumber;
    }

    /** A statement's original text and its comment-free twin, both trimmed identically. */
    public record StatementText(String original, String cleaned)
    {
        public StatementText
        {
            requireNonNull(original, "original is null");
            requireNonNull(cleaned, "cleaned is null");
            if (original.length() != cleaned.length()) {
                throw new IllegalArgumentException("original and cleaned differ in length");
            }
        }

        public boolean isBlank()
        {
            return cleaned.isBlank();
        }
    }

    /**
     * The statements of {@code sql}. A trailing empty statement after the last semicolon is dropped; an empty text
     * gives one blank statement (which answers ER_EMPTY_QUERY).
     */
    public List<StatementText> split(String sql)
    {
        requireNonNull(sql, "sql is null");
        char[] cleaned = sql.toCharArray();
        List<StatementText> result = new ArrayList<>();
        int start = 0;
        int i = 0;
        int length = sql.length();
        boolean inExecutableComment = false;
        while (i < length) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = skipQuoted(sql, i, c);
                continue;
            }
            if (inExecutableComment && c == '*' && i + 1 < length && sql.charAt(i + 1) == '/') {
                cleaned[i] = ' ';
                cleaned[i + 1] = ' ';
                inExecutableComment = false;
                i += 2;
                continue;
            }
            if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-' && !isDashDashComment(sql, i)) {
                // "1--1" is 1 - (-1) in MySQL, but JSqlParser would read "--1" as a comment: same meaning, same length
                cleaned[i] = ' ';
                cleaned[i + 1] = '+';
                i += 2;
                continue;
            }
            if (c == '#' || (c == '-' && isDashDashComment(sql, i))) {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? length : end;
                blank(cleaned, i, end);
                i = end;
                continue;
            }
            if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*' && !inExecutableComment) {
                i = comment(sql, cleaned, i);
                inExecutableComment = i < 0;
                i = Math.abs(i);
                continue;
            }
            if (c == ';') {
                result.add(trimmed(sql, cleaned, start, i));
                start = i + 1;
            }
            i++;
        }
        StatementText last = trimmed(sql, cleaned, start, length);
        if (!last.isBlank() || result.isEmpty()) {
            result.add(last);
        }
        return List.copyOf(result);
    }

    /** Handles a comment at {@code start}; answers the index after it, negated when an executable comment opened. */
    private int comment(String sql, char[] cleaned, int start)
    {
        int length = sql.length();
        if (start + 2 < length && sql.charAt(start + 2) == '!') {
            int contentStart = start + 3;
            int digits = 0;
            while (contentStart + digits < length && digits < 6 && Character.isDigit(sql.charAt(contentStart + digits))) {
                digits++;
            }
            boolean versioned = digits == 5 || digits == 6;
            if (versioned && Integer.parseInt(sql.substring(contentStart, contentStart + digits)) > serverVersionNumber) {
                int end = endOfComment(sql, start);
                blank(cleaned, start, end);
                return end;
            }
            int markerEnd = versioned ? contentStart + digits : contentStart;
            blank(cleaned, start, markerEnd);
            return -markerEnd;
        }
        int end = endOfComment(sql, start);
        blank(cleaned, start, end);
        return end;
    }

    private static int endOfComment(String sql, int start)
    {
        int close = sql.indexOf("*/", start + 2);
        return close < 0 ? sql.length() : close + 2;
    }

    /** MySQL requires whitespace (or a control character, or the end) after {@code --}. */
    private static boolean isDashDashComment(String sql, int i)
    {
        if (i + 1 >= sql.length() || sql.charAt(i + 1) != '-') {
            return false;
        }
        return i + 2 >= sql.length() || sql.charAt(i + 2) <= ' ';
    }

    /** Index after the closing quote (or the end of the text when the quote never closes). */
    static int skipQuoted(String sql, int start, char quote)
    {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
                continue;
            }
            if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static void blank(char[] cleaned, int start, int end)
    {
        for (int i = start; i < end; i++) {
            if (cleaned[i] != '\n' && cleaned[i] != '\r') {
                cleaned[i] = ' ';
            }
        }
    }

    private static StatementText trimmed(String sql, char[] cleaned, int start, int end)
    {
        while (start < end && Character.isWhitespace(cleaned[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(cleaned[end - 1])) {
            end--;
        }
        return new StatementText(sql.substring(start, end), new String(cleaned, start, end - start));
    }
}
