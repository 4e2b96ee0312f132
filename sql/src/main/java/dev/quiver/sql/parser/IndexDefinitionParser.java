package dev.quiver.sql.parser;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.parser.Token.TokenType;
import dev.quiver.storage.catalog.IndexDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Key definitions on the statement parser's cursor: the PRIMARY / UNIQUE / FULLTEXT / VECTOR / plain key elements
 * of CREATE TABLE and ALTER TABLE ADD, the key column list, and the index options of seekdb's dialect
 * ({@code WITH PARSER x}, {@code PARSER_PROPERTIES=(...)}, {@code WITH(k=v, ...)}, {@code COMMENT 'x'}).
 */
final class IndexDefinitionParser
{
    private final TokenCursor cursor;

    IndexDefinitionParser(TokenCursor cursor)
    {
        this.cursor = cursor;
    }

    /** A key element as written; {@code name} is null when MySQL is to name the key after its first column. */
    record IndexDraft(String name, IndexDefinition.Kind kind, List<String> columns, Map<String, String> options) {}

    /** A key or constraint element; false (nothing consumed) when the element is a column. */
    boolean tableElement(List<IndexDraft> drafts)
    {
        Token first = cursor.peek();
        if (first.type() != TokenType.WORD) {
            return false;
        }
        String word = first.upper();
        boolean keyWord = switch (word) {
            case "CONSTRAINT", "PRIMARY", "UNIQUE", "KEY", "INDEX", "FULLTEXT", "VECTOR", "FOREIGN", "CHECK", "SPATIAL" -> true;
            default -> false;
        };
        if (!keyWord) {
            return false;
        }
        // a column may be named like a keyword: "key INT" or "vector VECTOR(3)"
        Token second = cursor.peek(1);
        if ((word.equals("KEY") || word.equals("INDEX") || word.equals("VECTOR") || word.equals("CHECK")) && second.type() == TokenType.WORD
                && !second.isWord("INDEX") && !second.isWord("KEY") && cursor.peek(2).isSymbol("(") && ColumnTypeParser.isTypeName(second.upper())) {
            return false;
        }
        Optional<String> constraintName = Optional.empty();
        if (cursor.acceptWord("CONSTRAINT")) {
            if (!cursor.peek().isWord("PRIMARY") && !cursor.peek().isWord("UNIQUE") && !cursor.peek().isWord("FOREIGN") && !cursor.peek().isWord("CHECK")) {
                constraintName = Optional.of(cursor.identifier());
            }
        }
        if (cursor.peek().isWord("FOREIGN") || cursor.peek().isWord("CHECK") || cursor.peek().isWord("SPATIAL")) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, cursor.peek().upper() + " constraints");
        }
        IndexDefinition.Kind kind;
        if (cursor.acceptWord("PRIMARY")) {
            cursor.expectWord("KEY");
            kind = IndexDefinition.Kind.PRIMARY;
        }
        else if (cursor.acceptWord("UNIQUE")) {
            kind = IndexDefinition.Kind.UNIQUE;
            if (!cursor.acceptWord("KEY")) {
                cursor.acceptWord("INDEX");
            }
        }
        else if (cursor.acceptWord("FULLTEXT")) {
            kind = IndexDefinition.Kind.FULLTEXT;
            if (!cursor.acceptWord("KEY")) {
                cursor.acceptWord("INDEX");
            }
        }
        else if (cursor.acceptWord("VECTOR")) {
            kind = IndexDefinition.Kind.VECTOR;
            if (!cursor.acceptWord("KEY")) {
                cursor.acceptWord("INDEX");
            }
        }
        else {
            cursor.next();
            kind = IndexDefinition.Kind.INDEX;
        }
        String name = constraintName.orElse(null);
        if (!cursor.peek().isSymbol("(") && !cursor.peek().isWord("USING")) {
            name = cursor.identifier();
        }
        skipUsing();
        List<String> columns = keyColumns();
        skipUsing();
        Map<String, String> options = indexOptions(kind);
        if (kind == IndexDefinition.Kind.PRIMARY) {
            name = IndexDefinition.PRIMARY;
        }
        drafts.add(new IndexDraft(name, kind, columns, options));
        return true;
    }

    private void skipUsing()
    {
        if (cursor.acceptWord("USING")) {
            cursor.identifier();
        }
    }

    List<String> keyColumns()
    {
        cursor.expectSymbol("(");
        List<String> columns = new ArrayList<>();
        do {
            columns.add(cursor.identifier());
            if (cursor.acceptSymbol("(")) {
                cursor.number();
                cursor.expectSymbol(")");
            }
            if (!cursor.acceptWord("ASC")) {
                cursor.acceptWord("DESC");
            }
        }
        while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
        return columns;
    }

    /** {@code WITH PARSER x [PARSER_PROPERTIES=(k=v, ...)]}, {@code WITH(k=v, ...)}, {@code COMMENT 'x'}, ... */
    Map<String, String> indexOptions(IndexDefinition.Kind kind)
    {
        Map<String, String> options = new LinkedHashMap<>();
        while (true) {
            if (cursor.peek().isWord("WITH") && cursor.peek(1).isWord("PARSER")) {
                cursor.next();
                cursor.next();
                options.put("parser", cursor.identifier().toLowerCase(Locale.ROOT));
            }
            else if (cursor.acceptWord("PARSER_PROPERTIES")) {
                cursor.acceptSymbol("=");
                options.putAll(keyValues("parser_properties."));
            }
            else if (cursor.peek().isWord("WITH") && cursor.peek(1).isSymbol("(")) {
                cursor.next();
                options.putAll(keyValues(""));
            }
            else if (cursor.acceptWord("COMMENT")) {
                options.put("comment", cursor.expect(TokenType.STRING).value());
            }
            else if (cursor.acceptWord("USING")) {
                cursor.identifier();
            }
            else if (cursor.peek().isWord("KEY_BLOCK_SIZE") || cursor.peek().isWord("LOCAL") || cursor.peek().isWord("GLOBAL") || cursor.peek().isWord("VISIBLE") || cursor.peek().isWord("INVISIBLE")) {
                cursor.next();
                if (cursor.acceptSymbol("=")) {
                    cursor.next();
                }
            }
            else {
                return options;
            }
        }
    }

    private Map<String, String> keyValues(String prefix)
    {
        Map<String, String> options = new LinkedHashMap<>();
        cursor.expectSymbol("(");
        do {
            String key = cursor.identifier().toLowerCase(Locale.ROOT);
            cursor.expectSymbol("=");
            Token value = cursor.next();
            if (value.type() == TokenType.END || value.isSymbol(",") || value.isSymbol(")")) {
                throw ParseErrors.at(cursor.original, value.start());
            }
            String text = value.type() == TokenType.STRING ? value.value() : value.text();
            options.put(prefix + key, value.type() == TokenType.WORD ? text.toLowerCase(Locale.ROOT) : text);
        }
        while (cursor.acceptSymbol(","));
        cursor.expectSymbol(")");
        return options;
    }
}
