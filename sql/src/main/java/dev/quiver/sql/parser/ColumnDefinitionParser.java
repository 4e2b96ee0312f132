package dev.quiver.sql.parser;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.parser.Token.TokenType;
import dev.quiver.sql.tree.ColumnSpec;
import dev.quiver.sql.tree.Expression;
import dev.quiver.storage.catalog.ColumnType;

import java.util.List;
import java.util.Optional;

/**
 * A column definition on the statement parser's cursor (CREATE TABLE, ALTER TABLE ADD / MODIFY / CHANGE): the name,
 * the data type ({@link ColumnTypeParser}) and the attributes (NULL, DEFAULT, ON UPDATE, AUTO_INCREMENT, inline keys,
 * COMMENT, ...), and the DEFAULT clause ALTER ... SET DEFAULT shares. Default expressions are handed to JSqlParser.
 */
final class ColumnDefinitionParser
{
    private final TokenCursor cursor;
    private final ColumnTypeParser typeParser;

    ColumnDefinitionParser(TokenCursor cursor)
    {
        this.cursor = cursor;
        this.typeParser = new ColumnTypeParser(cursor);
    }

    ColumnSpec column()
    {
        String name = cursor.identifier();
        ColumnType type = typeParser.type(name);
        Optional<Boolean> nullable = Optional.empty();
        Optional<Expression> defaultValue = Optional.empty();
        Optional<String> defaultText = Optional.empty();
        boolean defaultIsExpression = false;
        boolean onUpdate = false;
        boolean autoIncrement = false;
        boolean primaryKey = false;
        boolean unique = false;
        Optional<String> comment = Optional.empty();
        while (true) {
            if (cursor.acceptWord("NOT")) {
                cursor.expectWord("NULL");
                nullable = Optional.of(false);
            }
            else if (cursor.acceptWord("NULL")) {
                nullable = Optional.of(true);
            }
            else if (cursor.acceptWord("DEFAULT")) {
                DefaultClause clause = defaultClause(name);
                defaultValue = Optional.of(clause.value());
                defaultText = clause.text();
                defaultIsExpression = clause.expression();
            }
            else if (cursor.acceptWord("ON")) {
                cursor.expectWord("UPDATE");
                if (!isCurrentTimestamp()) {
                    throw cursor.errorHere();
                }
                onUpdate = true;
            }
            else if (cursor.acceptWord("AUTO_INCREMENT")) {
                autoIncrement = true;
            }
            else if (cursor.acceptWord("PRIMARY")) {
                cursor.expectWord("KEY");
                primaryKey = true;
            }
            else if (cursor.acceptWord("KEY")) {
                primaryKey = true;
            }
            else if (cursor.acceptWord("UNIQUE")) {
                cursor.acceptWord("KEY");
                unique = true;
            }
            else if (cursor.acceptWord("COMMENT")) {
                comment = Optional.of(cursor.expect(TokenType.STRING).value());
            }
            else if (cursor.acceptWord("COLLATE")) {
                cursor.name();
            }
            else if (cursor.acceptWord("CHARSET")) {
                cursor.name();
            }
            else if (cursor.peek().isWord("CHARACTER") && cursor.peek(1).isWord("SET")) {
                cursor.next();
                cursor.next();
                cursor.name();
            }
            else if (cursor.acceptWord("VISIBLE") || cursor.acceptWord("INVISIBLE")) {
                continue;
            }
            else if (cursor.acceptWord("COLUMN_FORMAT") || cursor.acceptWord("STORAGE")) {
                cursor.identifier();
            }
            else if (cursor.peek().isWord("GENERATED") || cursor.peek().isWord("AS") || cursor.peek().isWord("REFERENCES") || cursor.peek().isWord("CHECK")) {
                throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, cursor.peek().upper() + " in a column definition");
            }
            else {
                break;
            }
        }
        return new ColumnSpec(name, type, nullable, defaultValue, defaultText, defaultIsExpression, onUpdate, autoIncrement, primaryKey, unique, comment);
    }

    /** A parsed DEFAULT: its value, and for an expression default (parenthesised or CURRENT_TIMESTAMP) its source text. */
    record DefaultClause(Expression value, Optional<String> text, boolean expression) {}

    /** What follows DEFAULT: a literal, {@code CURRENT_TIMESTAMP}, or a parenthesised expression. */
    DefaultClause defaultClause(String name)
    {
        Token start = cursor.peek();
        if (start.isSymbol("(")) {
            int end = matchingParenthesis();
            Expression value = JSqlParsing.parseExpression(cursor.cleaned, cursor.original, start.end(), cursor.tokens.get(end).start());
            String text = cursor.original.substring(start.end(), cursor.tokens.get(end).start()).trim();
            cursor.position = end + 1;
            return new DefaultClause(value, Optional.of(text), true);
        }
        if (isCurrentTimestamp()) {
            return new DefaultClause(new Expression.FunctionCall("now", List.of()), Optional.of("CURRENT_TIMESTAMP"), true);
        }
        int first = cursor.position;
        if (cursor.peek().isSymbol("-") || cursor.peek().isSymbol("+")) {
            cursor.next();
        }
        Token literal = cursor.next();
        if (literal.type() == TokenType.WORD && (literal.isWord("_binary") || literal.isWord("_utf8mb4")) && cursor.peek().type() == TokenType.STRING) {
            literal = cursor.next();
        }
        if (literal.type() != TokenType.STRING && literal.type() != TokenType.NUMBER && !literal.isWord("NULL")
                && !literal.isWord("TRUE") && !literal.isWord("FALSE") && !(literal.type() == TokenType.WORD && literal.text().matches("(?i)x'[0-9a-f]*'|0x[0-9a-f]+|b'[01]*'"))) {
            throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, name);
        }
        return new DefaultClause(JSqlParsing.parseExpression(cursor.cleaned, cursor.original, cursor.tokens.get(first).start(), literal.end()), Optional.empty(), false);
    }

    private boolean isCurrentTimestamp()
    {
        if (cursor.acceptWord("CURRENT_TIMESTAMP") || cursor.acceptWord("NOW") || cursor.acceptWord("LOCALTIMESTAMP") || cursor.acceptWord("LOCALTIME")) {
            if (cursor.acceptSymbol("(")) {
                if (cursor.peek().type() == TokenType.NUMBER) {
                    cursor.next();
                }
                cursor.expectSymbol(")");
            }
            return true;
        }
        return false;
    }

    private int matchingParenthesis()
    {
        int depth = 0;
        for (int i = cursor.position; i < cursor.tokens.size(); i++) {
            Token token = cursor.tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            }
            else if (token.isSymbol(")") && --depth == 0) {
                return i;
            }
            else if (token.type() == TokenType.END) {
                throw ParseErrors.at(cursor.original, token.start());
            }
        }
        throw ParseErrors.at(cursor.original, cursor.original.length());
    }
}
