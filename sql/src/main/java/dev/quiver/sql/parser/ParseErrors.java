package dev.quiver.sql.parser;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;

/** Builds MySQL's ER_PARSE_ERROR: the rest of the statement from the offending token, and its line. */
final class ParseErrors
{
    /** MySQL prints at most this many characters of the remaining text ({@code %.80s}). */
    private static final int NEAR_LENGTH = 80;

    private ParseErrors()
    {
    }

    static QuiverException at(String statement, int offset)
    {
        int bounded = Math.max(0, Math.min(offset, statement.length()));
        String near = statement.substring(bounded);
        if (near.length() > NEAR_LENGTH) {
            near = near.substring(0, NEAR_LENGTH);
        }
        return new QuiverException(ErrorCode.ER_PARSE_ERROR, near, lineOf(statement, bounded));
    }

    static int lineOf(String text, int offset)
    {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Offset of a 1-based line and column (JavaCC's token position) in {@code text}. */
    static int offsetOf(String text, int line, int column)
    {
        int offset = 0;
        int currentLine = 1;
        while (currentLine < line && offset < text.length()) {
            if (text.charAt(offset) == '\n') {
                currentLine++;
            }
            offset++;
        }
        return Math.min(text.length(), offset + Math.max(0, column - 1));
    }
}
