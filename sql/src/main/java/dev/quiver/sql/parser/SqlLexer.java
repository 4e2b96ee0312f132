package dev.quiver.sql.parser;

import dev.quiver.sql.parser.Token.TokenType;

import java.util.ArrayList;
import java.util.List;

/** Tokenizes comment-free statement text (see {@link StatementSplitter}) for the keyword front step. */
final class SqlLexer
{
    private static final List<String> TWO_CHARACTER_SYMBOLS = List.of(":=", "<=", ">=", "<>", "!=", "||", "&&", "<<", ">>");

    private SqlLexer()
    {
    }

    static List<Token> tokenize(String text)
    {
        List<Token> result = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '\'' || c == '"') {
                i = StatementSplitter.skipQuoted(text, i, c);
                String raw = text.substring(start, i);
                result.add(new Token(TokenType.STRING, raw, StringLiterals.unquote(raw), start));
                continue;
            }
            if (c == '`') {
                i = StatementSplitter.skipQuoted(text, i, c);
                String raw = text.substring(start, i);
                result.add(new Token(TokenType.QUOTED_IDENTIFIER, raw, StringLiterals.unquoteIdentifier(raw), start));
                continue;
            }
            if (c == '@') {
                i = variableEnd(text, i);
                String raw = text.substring(start, i);
                boolean system = raw.startsWith("@@");
                String name = system ? raw.substring(2) : unquoteUserVariable(raw.substring(1));
                result.add(new Token(system ? TokenType.SYSTEM_VARIABLE : TokenType.USER_VARIABLE, raw, name, start));
                continue;
            }
            if (Character.isDigit(c) || (c == '.' && i + 1 < length && Character.isDigit(text.charAt(i + 1)))) {
                while (i < length && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || ((text.charAt(i) == '-' || text.charAt(i) == '+') && (text.charAt(i - 1) == 'e' || text.charAt(i - 1) == 'E')))) {
                    i++;
                }
                String raw = text.substring(start, i);
                result.add(new Token(isNumber(raw) ? TokenType.NUMBER : TokenType.WORD, raw, raw, start));
                continue;
            }
            if (isIdentifierCharacter(c)) {
                while (i < length && isIdentifierCharacter(text.charAt(i))) {
                    i++;
                }
                String raw = text.substring(start, i);
                result.add(new Token(TokenType.WORD, raw, raw, start));
                continue;
            }
            String symbol = String.valueOf(c);
            if (i + 1 < length && TWO_CHARACTER_SYMBOLS.contains(text.substring(i, i + 2))) {
                symbol = text.substring(i, i + 2);
                if (symbol.equals("<=") && i + 2 < length && text.charAt(i + 2) == '>') {
                    symbol = "<=>";
                }
            }
            i += symbol.length();
            result.add(new Token(TokenType.SYMBOL, symbol, symbol, start));
        }
        result.add(new Token(TokenType.END, "", "", length));
        return List.copyOf(result);
    }

    /** Decimal, exponent and hexadecimal/bit forms; {@code 1abc} is an identifier in MySQL. */
    private static boolean isNumber(String text)
    {
        return text.matches("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|0x[0-9a-fA-F]+|0b[01]+");
    }

    static boolean isIdentifierCharacter(char c)
    {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 0x7f;
    }

    private static int variableEnd(String text, int start)
    {
        int i = start + 1;
        if (i < text.length() && text.charAt(i) == '@') {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == '\'' || text.charAt(i) == '"' || text.charAt(i) == '`')) {
            return StatementSplitter.skipQuoted(text, i, text.charAt(i));
        }
        while (i < text.length() && (isIdentifierCharacter(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        return i;
    }

    private static String unquoteUserVariable(String name)
    {
        if (name.isEmpty()) {
            return name;
        }
        char first = name.charAt(0);
        if (first == '`') {
            return StringLiterals.unquoteIdentifier(name);
        }
        if (first == '\'' || first == '"') {
            return StringLiterals.unquote(name);
        }
        return name;
    }
}
