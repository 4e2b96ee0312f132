package dev.quiver.sql.parser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Length-preserving rewrites of MySQL forms JSqlParser does not know, applied to comment-free text just before
 * JSqlParser parses it. Token boundaries outside the rewritten spots stay where they were, so error positions and
 * column names (taken from the original text) stay right.
 */
final class JSqlParserRewrites
{
    private static final Set<String> OPERAND_STARTS_NOT = Set.of("FROM", "AS", "WHERE", "LIMIT", "ORDER", "GROUP", "HAVING", "INTO");
    private static final Set<String> OPERAND_ENDS_NOT = Set.of("SELECT", "WHERE", "AND", "OR", "NOT", "XOR", "BY", "ON", "SET", "DISTINCT", "WHEN", "THEN", "ELSE", "CASE", "IN", "LIKE", "BETWEEN", "IS", "DIV", "MOD");

    /**
     * Rewrites, keeping the text's length and every token boundary outside the rewritten spots, the MySQL forms
     * JSqlParser does not know: infix {@code a MOD b} becomes {@code a % b}, {@code CONVERT(x, type)} becomes
     * {@code CAST(x AS type)}.
     */
    /**
     * The rewritten text and the user variables renamed in it (synthetic name to the name as written): JSqlParser
     * rejects some names ({@code @v}, quoted names), so every user variable gets a safe name of the same length.
     */
    record Rewritten(String text, Map<String, String> userVariables)
    {
        Rewritten
        {
            requireNonNull(text, "text is null");
            userVariables = Map.copyOf(requireNonNull(userVariables, "userVariables is null"));
        }
    }

    /** Single-character names JSqlParser accepts after {@code @} ({@code @v} it does not). */
    private static final String SINGLE_LETTER_NAMES = "abcdefghijklmnopqrstuwxyz";

    static Rewritten rewrite(String cleaned)
    {
        return renameUserVariables(renameKeywordIdentifiers(rewriteConvert(rewriteOperators(cleaned))));
    }

    /**
     * Plain names MySQL allows as identifiers but JSqlParser reserves (ClickHouse's SETTINGS, SAMPLE; the seekdb
     * SDK's catalog has a {@code settings} column). Their first letter is replaced by a marker letter of the same
     * length ({@code ª} for lower case, {@code º} for upper case) that {@link #restoreKeywordIdentifier} undoes.
     */
    private static final Set<String> JSQLPARSER_RESERVED_NAMES = Set.of("SETTINGS", "SAMPLE");
    private static final char LOWER_MARKER = '\u00aa';
    private static final char UPPER_MARKER = '\u00ba';

    private static String renameKeywordIdentifiers(String cleaned)
    {
        StringBuilder result = null;
        for (Token each : SqlLexer.tokenize(cleaned)) {
            if (each.type() == Token.TokenType.WORD && JSQLPARSER_RESERVED_NAMES.contains(each.upper())) {
                if (result == null) {
                    result = new StringBuilder(cleaned);
                }
                char first = each.text().charAt(0);
                result.setCharAt(each.start(), Character.isUpperCase(first) ? UPPER_MARKER : LOWER_MARKER);
            }
        }
        return result == null ? cleaned : result.toString();
    }

    /** Undoes {@link #renameKeywordIdentifiers} for one plain identifier. */
    static String restoreKeywordIdentifier(String text)
    {
        if (text.isEmpty() || (text.charAt(0) != LOWER_MARKER && text.charAt(0) != UPPER_MARKER)) {
            return text;
        }
        for (String each : JSQLPARSER_RESERVED_NAMES) {
            if (each.length() == text.length() && each.substring(1).equalsIgnoreCase(text.substring(1))) {
                char first = each.charAt(0);
                return (text.charAt(0) == UPPER_MARKER ? first : Character.toLowerCase(first)) + text.substring(1);
            }
        }
        return text;
    }

    private static Rewritten renameUserVariables(String cleaned)
    {
        List<Token> tokens = SqlLexer.tokenize(cleaned);
        StringBuilder result = null;
        Map<String, String> names = new HashMap<>();
        int counter = 0;
        for (Token each : tokens) {
            if (each.type() != Token.TokenType.USER_VARIABLE) {
                continue;
            }
            Optional<String> synthetic = syntheticName(each.text().length() - 1, counter++);
            if (synthetic.isEmpty()) {
                continue;
            }
            if (result == null) {
                result = new StringBuilder(cleaned);
            }
            result.replace(each.start() + 1, each.end(), synthetic.get());
            names.put(synthetic.get(), each.value());
        }
        return new Rewritten(result == null ? cleaned : result.toString(), names);
    }

    /** A name of exactly {@code length} characters, unique per counter: {@code a}..{@code z} or {@code z0}, {@code z01}, ... */
    private static Optional<String> syntheticName(int length, int counter)
    {
        if (length == 1) {
            return counter < SINGLE_LETTER_NAMES.length() ? Optional.of(String.valueOf(SINGLE_LETTER_NAMES.charAt(counter))) : Optional.empty();
        }
        if (length < 2) {
            return Optional.empty();
        }
        String digits = Integer.toString(counter);
        if (digits.length() > length - 1) {
            return Optional.empty();
        }
        return Optional.of("z" + "0".repeat(length - 1 - digits.length()) + digits);
    }

    private static String rewriteConvert(String cleaned)
    {
        List<Token> tokens = SqlLexer.tokenize(cleaned);
        StringBuilder result = null;
        for (int i = tokens.size() - 2; i >= 0; i--) {
            // CONVERT is a keyword: "CONVERT (x, t)" with a space is the function too (MariaDB Connector/J sends it so)
            if (!tokens.get(i).isWord("CONVERT") || !tokens.get(i + 1).isSymbol("(")) {
                continue;
            }
            int depth = 0;
            for (int j = i + 1; j < tokens.size(); j++) {
                Token token = tokens.get(j);
                if (token.isSymbol("(")) {
                    depth++;
                }
                else if (token.isSymbol(")")) {
                    depth--;
                    if (depth == 0) {
                        break;
                    }
                }
                else if (depth == 1 && token.isSymbol(",")) {
                    if (result == null) {
                        result = new StringBuilder(cleaned);
                    }
                    // "CONVERT(x, t)" and "CAST(x AS  t)" have the same length: the shift stays inside the call
                    result.replace(token.start(), token.end(), " AS ");
                    result.replace(tokens.get(i).start(), tokens.get(i).end(), "CAST");
                    break;
                }
            }
        }
        return result == null ? cleaned : result.toString();
    }

    private static String rewriteOperators(String cleaned)
    {
        List<Token> tokens = SqlLexer.tokenize(cleaned);
        char[] result = null;
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.isWord("MOD") || !isOperandEnd(tokens.get(i - 1)) || !isOperandStart(tokens.get(i + 1))) {
                continue;
            }
            if (result == null) {
                result = cleaned.toCharArray();
            }
            result[token.start()] = ' ';
            result[token.start() + 1] = '%';
            result[token.start() + 2] = ' ';
        }
        return result == null ? cleaned : new String(result);
    }

    private static boolean isOperandEnd(Token token)
    {
        return switch (token.type()) {
            case NUMBER, STRING, QUOTED_IDENTIFIER, USER_VARIABLE, SYSTEM_VARIABLE -> true;
            case WORD -> !OPERAND_ENDS_NOT.contains(token.upper());
            case SYMBOL -> token.isSymbol(")") || token.isSymbol("?");
            case END -> false;
        };
    }

    private static boolean isOperandStart(Token token)
    {
        return switch (token.type()) {
            case NUMBER, STRING, QUOTED_IDENTIFIER, USER_VARIABLE, SYSTEM_VARIABLE -> true;
            case WORD -> !OPERAND_STARTS_NOT.contains(token.upper());
            case SYMBOL -> token.isSymbol("(") || token.isSymbol("?") || token.isSymbol("-") || token.isSymbol("+");
            case END -> false;
        };
    }

    private JSqlParserRewrites()
    {
    }
}
