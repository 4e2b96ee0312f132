package dev.quiver.sql.parser;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * A lexical token of the front step.
 *
 * @param text the token as written
 * @param value the unquoted, unescaped value (identifiers, strings, variables)
 * @param start offset of the token in the statement text
 */
record Token(TokenType type, String text, String value, int start)
{
    enum TokenType
    {
        WORD, QUOTED_IDENTIFIER, STRING, NUMBER, USER_VARIABLE, SYSTEM_VARIABLE, SYMBOL, END
    }

    Token
    {
        requireNonNull(type, "type is null");
        requireNonNull(text, "text is null");
        requireNonNull(value, "value is null");
    }

    int end()
    {
        return start + text.length();
    }

    boolean isWord(String keyword)
    {
        return type == TokenType.WORD && text.equalsIgnoreCase(keyword);
    }

    boolean isSymbol(String symbol)
    {
        return type == TokenType.SYMBOL && text.equals(symbol);
    }

    /** An identifier: a plain word or a backquoted name. */
    boolean isIdentifier()
    {
        return type == TokenType.WORD || type == TokenType.QUOTED_IDENTIFIER;
    }

    String upper()
    {
        return text.toUpperCase(Locale.ROOT);
    }
}
