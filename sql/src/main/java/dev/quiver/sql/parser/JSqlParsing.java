package dev.quiver.sql.parser;

import dev.quiver.common.QuiverException;
import dev.quiver.sql.tree.Expression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;
import net.sf.jsqlparser.parser.TokenMgrException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;

/**
 * Runs JSqlParser the way a server must: a fresh parser on the calling thread (never
 * {@code CCJSqlParserUtil.parse(String)}, which starts a thread per call), backslash escapes on, simple parsing
 * first and complex parsing as the retry. Failures become ER_PARSE_ERROR positioned in the original text.
 */
final class JSqlParsing
{
    private static final String SELECT_PREFIX = "SELECT ";

    private JSqlParsing()
    {
    }

    /** Parses one statement; {@code cleaned} and {@code original} have equal length (see {@link StatementSplitter}). */
    static Statement parse(String cleaned, String original)
    {
        try {
            return parse(cleaned, false);
        }
        catch (ParseException | TokenMgrException first) {
            try {
                return parse(cleaned, true);
            }
            catch (ParseException ex) {
                // report the attempt that got further: the complex grammar sometimes fails at the first token
                if (first instanceof ParseException simple && offset(simple, cleaned) > offset(ex, cleaned)) {
                    throw error(simple, cleaned, original, 0);
                }
                throw error(ex, cleaned, original, 0);
            }
            catch (TokenMgrException ex) {
                throw ParseErrors.at(original, lexicalErrorOffset(ex, cleaned));
            }
        }
    }

    /**
     * Parses {@code cleaned[start, end)} as one expression, reporting errors at their place in {@code original}. The
     * text before {@code start} is blanked (newlines kept) so that line numbers stay right.
     */
    static Expression parseExpression(String cleaned, String original, int start, int end)
    {
        StringBuilder text = new StringBuilder(SELECT_PREFIX.length() + end);
        text.append(SELECT_PREFIX);
        for (int i = 0; i < start; i++) {
            text.append(cleaned.charAt(i) == '\n' ? '\n' : ' ');
        }
        JSqlParserRewrites.Rewritten rewritten = JSqlParserRewrites.rewrite(cleaned.substring(start, end));
        text.append(rewritten.text());
        String synthetic = text.toString();
        Statement statement;
        try {
            statement = parse(synthetic, true);
        }
        catch (ParseException ex) {
            throw error(ex, synthetic, original, SELECT_PREFIX.length());
        }
        catch (TokenMgrException ex) {
            throw ParseErrors.at(original, start);
        }
        if (!(statement instanceof PlainSelect select) || select.getSelectItems().size() != 1 || select.getSelectItems().get(0).getAlias() != null
                || select.getFromItem() != null || select.getLimit() != null || select.getWhere() != null) {
            throw ParseErrors.at(original, lastWordStart(cleaned, start, end));
        }
        return new ExpressionBuilder(rewritten.userVariables()).build(select.getSelectItems().get(0).getExpression());
    }

    private static Statement parse(String text, boolean complex)
            throws ParseException
    {
        try {
            return CCJSqlParserUtil.newParser(text)
                    .withBackslashEscapeCharacter(true)
                    .withAllowComplexParsing(complex)
                    .Statement();
        }
        catch (NumberFormatException ex) {
            // the grammar converts some numbers itself (type lengths); an unrepresentable one is a syntax error
            throw new ParseException(ex.getMessage());
        }
    }

    private static QuiverException error(ParseException ex, String parsed, String original, int shift)
    {
        Token token = ex.currentToken == null ? null : ex.currentToken.next;
        if (token == null || token.kind == 0) {
            // the statement ended where more was expected: MySQL shows an empty remainder
            return ParseErrors.at(original, original.length());
        }
        int offset = ParseErrors.offsetOf(parsed, token.beginLine, token.beginColumn) - shift;
        return ParseErrors.at(original, offset);
    }

    private static int offset(ParseException ex, String parsed)
    {
        Token token = ex.currentToken == null ? null : ex.currentToken.next;
        if (token == null || token.kind == 0) {
            return parsed.length();
        }
        return ParseErrors.offsetOf(parsed, token.beginLine, token.beginColumn);
    }

    private static int lexicalErrorOffset(TokenMgrException ex, String cleaned)
    {
        // "Lexical error at line 1, column 12."
        String message = String.valueOf(ex.getMessage());
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("line (\\d+), column (\\d+)").matcher(message);
        if (matcher.find()) {
            return ParseErrors.offsetOf(cleaned, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
        }
        return 0;
    }

    private static int lastWordStart(String text, int start, int end)
    {
        int i = end;
        while (i > start && Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        while (i > start && !Character.isWhitespace(text.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
