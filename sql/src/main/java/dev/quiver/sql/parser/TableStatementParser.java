package dev.quiver.sql.parser;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.parser.Token.TokenType;
import dev.quiver.sql.tree.AlterAction;
import dev.quiver.sql.tree.ColumnSpec;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.ShowFilter;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.TableName;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.ColumnType.IntegerWidth;
import dev.quiver.storage.catalog.IndexDefinition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The front step for table DDL and the table SHOW statements, which JSqlParser cannot parse in seekdb's dialect
 * (inline {@code VECTOR INDEX ... WITH(...)}, {@code FULLTEXT INDEX ... WITH PARSER x}, {@code ORGANIZATION = HEAP},
 * the {@code STRING} and {@code VECTOR(n)} types): CREATE TABLE, CREATE [UNIQUE|FULLTEXT|VECTOR] INDEX, DROP INDEX,
 * DROP TABLE, RENAME TABLE, ALTER TABLE, TRUNCATE, DESCRIBE and SHOW TABLES / COLUMNS / CREATE TABLE / INDEX. Default expressions are handed to JSqlParser
 * as expressions.
 */
final class TableStatementParser
        extends TokenCursor
{
    private static final int DEFAULT_CHAR_LENGTH = 1;

    TableStatementParser(String original, String cleaned, List<Token> tokens, int position)
    {
        super(original, cleaned, tokens, position);
    }

    /** {@code CREATE TABLE ...} or {@code CREATE [UNIQUE|FULLTEXT|VECTOR] INDEX ...}, positioned after CREATE; empty if neither. */
    Optional<Statement> create()
    {
        if (acceptWord("TABLE")) {
            return Optional.of(createTable());
        }
        int start = position;
        IndexDefinition.Kind kind = IndexDefinition.Kind.INDEX;
        if (acceptWord("UNIQUE")) {
            kind = IndexDefinition.Kind.UNIQUE;
        }
        else if (acceptWord("FULLTEXT")) {
            kind = IndexDefinition.Kind.FULLTEXT;
        }
        else if (acceptWord("VECTOR")) {
            kind = IndexDefinition.Kind.VECTOR;
        }
        if (!acceptWord("INDEX") && !acceptWord("KEY")) {
            position = start;
            return Optional.empty();
        }
        String name = identifier();
        expectWord("ON");
        TableName table = tableName();
        List<String> columns = keyColumns();
        Map<String, String> options = indexOptions(kind);
        expectEnd();
        return Optional.of(new Statement.CreateIndex(table, new IndexDefinition(name, kind, columns, options)));
    }

    /** {@code DROP [TEMPORARY] TABLE [IF EXISTS] t[, t2]}, positioned after DROP; empty for other objects. */
    Optional<Statement> drop()
    {
        int start = position;
        if (peek().isWord("INDEX") || peek().isWord("KEY")) {
            next();
            String name = identifier();
            expectWord("ON");
            TableName table = tableName();
            while (acceptWord("ALGORITHM") || acceptWord("LOCK")) {
                acceptSymbol("=");
                next();
            }
            expectEnd();
            return Optional.of(new Statement.DropIndex(name, table));
        }
        acceptWord("TEMPORARY");
        if (!acceptWord("TABLE") && !acceptWord("TABLES")) {
            position = start;
            return Optional.empty();
        }
        boolean ifExists = false;
        if (acceptWord("IF")) {
            expectWord("EXISTS");
            ifExists = true;
        }
        List<TableName> tables = new ArrayList<>();
        do {
            tables.add(tableName());
        }
        while (acceptSymbol(","));
        if (!acceptWord("RESTRICT")) {
            acceptWord("CASCADE");
        }
        expectEnd();
        return Optional.of(new Statement.DropTable(tables, ifExists));
    }

    /** {@code RENAME TABLE a TO b[, c TO d]}, positioned after RENAME; empty for RENAME USER. */
    Optional<Statement> rename()
    {
        if (!acceptWord("TABLE") && !acceptWord("TABLES")) {
            return Optional.empty();
        }
        List<TableName> from = new ArrayList<>();
        List<TableName> to = new ArrayList<>();
        do {
            from.add(tableName());
            expectWord("TO");
            to.add(tableName());
        }
        while (acceptSymbol(","));
        expectEnd();
        return Optional.of(new Statement.RenameTables(from, to));
    }

    /** {@code ALTER TABLE t ...}, positioned after ALTER; empty for other objects. */
    Optional<Statement> alter()
    {
        if (!acceptWord("TABLE")) {
            return Optional.empty();
        }
        TableName table = tableName();
        if (peek().isWord("RENAME") && !peek(1).isWord("COLUMN") && !peek(1).isWord("INDEX") && !peek(1).isWord("KEY")) {
            next();
            if (!acceptWord("TO")) {
                acceptWord("AS");
            }
            TableName target = tableName();
            if (!peek().isSymbol(",")) {
                expectEnd();
                return Optional.of(new Statement.RenameTables(List.of(table), List.of(target)));
            }
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "ALTER TABLE ... RENAME together with other changes");
        }
        List<AlterAction> actions = new ArrayList<>();
        Optional<String> comment = Optional.empty();
        if (peek().type() == TokenType.END) {
            throw errorHere();
        }
        do {
            Token word = peek();
            if (word.isWord("ADD")) {
                next();
                actions.add(alterAdd());
            }
            else if (word.isWord("DROP")) {
                next();
                actions.add(alterDrop());
            }
            else if (word.isWord("MODIFY")) {
                next();
                acceptWord("COLUMN");
                ColumnSpec column = column();
                actions.add(new AlterAction.ChangeColumn(column.name(), column, position()));
            }
            else if (word.isWord("CHANGE")) {
                next();
                acceptWord("COLUMN");
                String old = identifier();
                ColumnSpec column = column();
                actions.add(new AlterAction.ChangeColumn(old, column, position()));
            }
            else if (word.isWord("RENAME") && (peek(1).isWord("COLUMN") || peek(1).isWord("INDEX") || peek(1).isWord("KEY"))) {
                next();
                boolean column = next().isWord("COLUMN");
                String from = identifier();
                expectWord("TO");
                String to = identifier();
                actions.add(column ? new AlterAction.RenameColumn(from, to) : new AlterAction.RenameIndex(from, to));
            }
            else if (word.isWord("ALTER") && (peek(1).isWord("COLUMN") ? peek(3) : peek(2)).isWord("SET") && (peek(1).isWord("COLUMN") ? peek(4) : peek(3)).isWord("DEFAULT")
                    || word.isWord("ALTER") && (peek(1).isWord("COLUMN") ? peek(3) : peek(2)).isWord("DROP") && (peek(1).isWord("COLUMN") ? peek(4) : peek(3)).isWord("DEFAULT")) {
                next();
                acceptWord("COLUMN");
                String column = identifier();
                if (acceptWord("SET")) {
                    expectWord("DEFAULT");
                    DefaultClause clause = defaultClause(column);
                    actions.add(new AlterAction.AlterDefault(column, Optional.of(clause.value()), clause.text(), clause.expression()));
                }
                else {
                    expectWord("DROP");
                    expectWord("DEFAULT");
                    actions.add(new AlterAction.AlterDefault(column, Optional.empty(), Optional.empty(), false));
                }
            }
            else if (word.isWord("COMMENT")) {
                next();
                acceptSymbol("=");
                comment = Optional.of(expect(TokenType.STRING).value());
            }
            else if (isAcceptedTableOption()) {
                skipTableOption();
            }
            else {
                throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "ALTER TABLE ... " + clause());
            }
        }
        while (acceptSymbol(","));
        expectEnd();
        return Optional.of(new Statement.AlterTable(table, actions, comment));
    }

    private String clause()
    {
        Token word = peek();
        if (word.type() != TokenType.WORD) {
            throw errorHere();
        }
        Token second = peek(1);
        return second.type() == TokenType.WORD ? word.upper() + " " + second.upper() : word.upper();
    }

    private AlterAction alterAdd()
    {
        if (acceptWord("COLUMN")) {
            if (peek().isSymbol("(")) {
                throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "ALTER TABLE ... ADD COLUMN (...)");
            }
            ColumnSpec column = column();
            return new AlterAction.AddColumn(column, position());
        }
        if (peek().isSymbol("(")) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "ALTER TABLE ... ADD (...)");
        }
        List<IndexDraft> drafts = new ArrayList<>();
        if (tableElement(drafts)) {
            IndexDraft draft = drafts.get(0);
            return new AlterAction.AddIndex(Optional.ofNullable(draft.name()), draft.kind(), draft.columns(), draft.options());
        }
        ColumnSpec column = column();
        return new AlterAction.AddColumn(column, position());
    }

    private AlterAction alterDrop()
    {
        if (acceptWord("INDEX") || acceptWord("KEY")) {
            return new AlterAction.DropIndex(identifier());
        }
        if (peek().isWord("PRIMARY") && peek(1).isWord("KEY")) {
            next();
            next();
            return new AlterAction.DropIndex(IndexDefinition.PRIMARY);
        }
        if (peek().isWord("FOREIGN") || peek().isWord("CHECK") || peek().isWord("CONSTRAINT") || peek().isWord("PARTITION")
                || (peek().isWord("DEFAULT") && !peek(1).isSymbol(",") && peek(1).type() != TokenType.END)) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "ALTER TABLE ... DROP " + peek().upper());
        }
        acceptWord("COLUMN");
        String name = identifier();
        if (!acceptWord("RESTRICT")) {
            acceptWord("CASCADE");
        }
        return new AlterAction.DropColumn(name);
    }

    private AlterAction.Position position()
    {
        if (acceptWord("FIRST")) {
            return new AlterAction.Position(true, Optional.empty());
        }
        if (acceptWord("AFTER")) {
            return new AlterAction.Position(false, Optional.of(identifier()));
        }
        return AlterAction.Position.DEFAULT;
    }

    private static final Set<String> ACCEPTED_TABLE_OPTIONS = Set.of("ENGINE", "CHARSET", "COLLATE", "ROW_FORMAT", "ALGORITHM", "LOCK",
            "STATS_PERSISTENT", "STATS_AUTO_RECALC", "STATS_SAMPLE_PAGES", "PACK_KEYS", "CHECKSUM", "DELAY_KEY_WRITE", "KEY_BLOCK_SIZE",
            "COMPRESSION", "ORGANIZATION", "AVG_ROW_LENGTH");

    /** Table options that change nothing Quiver keeps: ENGINE, [DEFAULT] CHARSET / CHARACTER SET / COLLATE, ROW_FORMAT, ALGORITHM, LOCK, ... */
    private boolean isAcceptedTableOption()
    {
        int at = peek().isWord("DEFAULT") ? 1 : 0;
        Token word = peek(at);
        if (word.isWord("CHARACTER") && peek(at + 1).isWord("SET")) {
            return true;
        }
        return word.type() == TokenType.WORD && ACCEPTED_TABLE_OPTIONS.contains(word.upper());
    }

    private void skipTableOption()
    {
        acceptWord("DEFAULT");
        if (acceptWord("CHARACTER")) {
            expectWord("SET");
        }
        else {
            next();
        }
        acceptSymbol("=");
        Token value = next();
        if (value.type() == TokenType.END || value.type() == TokenType.SYMBOL) {
            throw ParseErrors.at(original, value.start());
        }
    }

    /** {@code TRUNCATE [TABLE] t}, positioned after TRUNCATE. */
    Statement truncate()
    {
        acceptWord("TABLE");
        TableName table = tableName();
        expectEnd();
        return new Statement.TruncateTable(table);
    }

    /** {@code DESCRIBE t [column]}, positioned after DESCRIBE/DESC; empty for DESCRIBE of a query. */
    Optional<Statement> describe()
    {
        if (!peek().isIdentifier() || peek().isWord("SELECT") || peek().isWord("FORMAT") || peek().isWord("ANALYZE")) {
            return Optional.empty();
        }
        TableName table = tableName();
        Optional<ShowFilter> filter = Optional.empty();
        if (peek().type() == TokenType.STRING || peek().isIdentifier()) {
            filter = Optional.of(new ShowFilter.Like(next().value()));
        }
        expectEnd();
        return Optional.of(new Statement.ShowTable(table, Statement.ShowTableTarget.COLUMNS, false, filter));
    }

    /** The table SHOW statements, positioned after SHOW; empty when it is another SHOW. */
    Optional<Statement> show()
    {
        int start = position;
        boolean full = acceptWord("FULL");
        if (acceptWord("TABLES")) {
            Optional<String> database = Optional.empty();
            if (acceptWord("FROM") || acceptWord("IN")) {
                database = Optional.of(identifier());
            }
            return Optional.of(new Statement.ShowTables(database, full, filter()));
        }
        if (!full && peek().isWord("TABLE") && peek(1).isWord("STATUS")) {
            next();
            next();
            Optional<String> database = Optional.empty();
            if (acceptWord("FROM") || acceptWord("IN")) {
                database = Optional.of(identifier());
            }
            return Optional.of(new Statement.ShowTableStatus(database, filter()));
        }
        if (acceptWord("COLUMNS") || acceptWord("FIELDS")) {
            TableName table = fromTable();
            return Optional.of(new Statement.ShowTable(table, Statement.ShowTableTarget.COLUMNS, full, filter()));
        }
        if (!full && (acceptWord("INDEX") || acceptWord("INDEXES") || acceptWord("KEYS"))) {
            TableName table = fromTable();
            return Optional.of(new Statement.ShowTable(table, Statement.ShowTableTarget.INDEX, false, filter()));
        }
        if (!full && peek().isWord("CREATE") && peek(1).isWord("TABLE")) {
            next();
            next();
            TableName table = tableName();
            expectEnd();
            return Optional.of(new Statement.ShowTable(table, Statement.ShowTableTarget.CREATE_TABLE, false, Optional.empty()));
        }
        position = start;
        return Optional.empty();
    }

    private TableName fromTable()
    {
        if (!acceptWord("FROM")) {
            expectWord("IN");
        }
        TableName table = tableName();
        if (acceptWord("FROM") || acceptWord("IN")) {
            table = new TableName(Optional.of(identifier()), table.name());
        }
        return table;
    }

    private Optional<ShowFilter> filter()
    {
        Optional<ShowFilter> filter = Optional.empty();
        if (acceptWord("LIKE")) {
            filter = Optional.of(new ShowFilter.Like(expect(TokenType.STRING).value()));
        }
        else if (peek().isWord("WHERE")) {
            Token where = next();
            filter = Optional.of(new ShowFilter.Where(JSqlParsing.parseExpression(cleaned, original, where.end(), cleaned.length())));
            position = tokens.size() - 1;
        }
        expectEnd();
        return filter;
    }

    private Statement createTable()
    {
        boolean ifNotExists = false;
        if (acceptWord("IF")) {
            expectWord("NOT");
            expectWord("EXISTS");
            ifNotExists = true;
        }
        TableName table = tableName();
        if (peek().isWord("LIKE") || peek().isWord("AS") || peek().isWord("SELECT")) {
            return new Statement.Unsupported("CREATE TABLE ... " + peek().upper());
        }
        expectSymbol("(");
        List<ColumnSpec> columns = new ArrayList<>();
        List<IndexDefinition> indexes = new ArrayList<>();
        List<IndexDraft> drafts = new ArrayList<>();
        do {
            if (!tableElement(drafts)) {
                columns.add(column());
            }
        }
        while (acceptSymbol(","));
        expectSymbol(")");
        Optional<String> comment = tableOptions();
        expectEnd();
        // inline PRIMARY KEY and UNIQUE come first in MySQL's key order only by position; keep definition order,
        // with the primary key first as MySQL lists it
        Set<String> names = new HashSet<>();
        for (ColumnSpec each : columns) {
            if (each.primaryKey()) {
                drafts.add(0, new IndexDraft(IndexDefinition.PRIMARY, IndexDefinition.Kind.PRIMARY, List.of(each.name()), Map.of()));
            }
        }
        List<IndexDraft> ordered = new ArrayList<>();
        drafts.stream().filter(each -> each.kind() == IndexDefinition.Kind.PRIMARY).forEach(ordered::add);
        for (ColumnSpec each : columns) {
            if (each.unique() && !each.primaryKey()) {
                ordered.add(new IndexDraft(null, IndexDefinition.Kind.UNIQUE, List.of(each.name()), Map.of()));
            }
        }
        drafts.stream().filter(each -> each.kind() != IndexDefinition.Kind.PRIMARY).forEach(ordered::add);
        for (IndexDraft each : ordered) {
            if (each.name() != null) {
                names.add(each.name().toLowerCase(Locale.ROOT));
            }
        }
        for (IndexDraft each : ordered) {
            String name = each.name();
            if (name == null) {
                // MySQL names an unnamed key after its first column, adding _2, _3 on collision
                String base = each.columns().get(0);
                name = base;
                for (int suffix = 2; names.contains(name.toLowerCase(Locale.ROOT)); suffix++) {
                    name = base + "_" + suffix;
                }
                names.add(name.toLowerCase(Locale.ROOT));
            }
            indexes.add(new IndexDefinition(name, each.kind(), each.columns(), each.options()));
        }
        return new Statement.CreateTable(table, ifNotExists, columns, indexes, comment);
    }

    private record IndexDraft(String name, IndexDefinition.Kind kind, List<String> columns, Map<String, String> options) {}

    /** A key or constraint element; false (nothing consumed) when the element is a column. */
    private boolean tableElement(List<IndexDraft> drafts)
    {
        Token first = peek();
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
        Token second = peek(1);
        if ((word.equals("KEY") || word.equals("INDEX") || word.equals("VECTOR") || word.equals("CHECK")) && second.type() == TokenType.WORD
                && !second.isWord("INDEX") && !second.isWord("KEY") && peek(2).isSymbol("(") && isTypeName(second.upper())) {
            return false;
        }
        Optional<String> constraintName = Optional.empty();
        if (acceptWord("CONSTRAINT")) {
            if (!peek().isWord("PRIMARY") && !peek().isWord("UNIQUE") && !peek().isWord("FOREIGN") && !peek().isWord("CHECK")) {
                constraintName = Optional.of(identifier());
            }
        }
        if (peek().isWord("FOREIGN") || peek().isWord("CHECK") || peek().isWord("SPATIAL")) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, peek().upper() + " constraints");
        }
        IndexDefinition.Kind kind;
        if (acceptWord("PRIMARY")) {
            expectWord("KEY");
            kind = IndexDefinition.Kind.PRIMARY;
        }
        else if (acceptWord("UNIQUE")) {
            kind = IndexDefinition.Kind.UNIQUE;
            if (!acceptWord("KEY")) {
                acceptWord("INDEX");
            }
        }
        else if (acceptWord("FULLTEXT")) {
            kind = IndexDefinition.Kind.FULLTEXT;
            if (!acceptWord("KEY")) {
                acceptWord("INDEX");
            }
        }
        else if (acceptWord("VECTOR")) {
            kind = IndexDefinition.Kind.VECTOR;
            if (!acceptWord("KEY")) {
                acceptWord("INDEX");
            }
        }
        else {
            next();
            kind = IndexDefinition.Kind.INDEX;
        }
        String name = constraintName.orElse(null);
        if (!peek().isSymbol("(") && !peek().isWord("USING")) {
            name = identifier();
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
        if (acceptWord("USING")) {
            identifier();
        }
    }

    private List<String> keyColumns()
    {
        expectSymbol("(");
        List<String> columns = new ArrayList<>();
        do {
            columns.add(identifier());
            if (acceptSymbol("(")) {
                number();
                expectSymbol(")");
            }
            if (!acceptWord("ASC")) {
                acceptWord("DESC");
            }
        }
        while (acceptSymbol(","));
        expectSymbol(")");
        return columns;
    }

    /** {@code WITH PARSER x [PARSER_PROPERTIES=(k=v, ...)]}, {@code WITH(k=v, ...)}, {@code COMMENT 'x'}, ... */
    private Map<String, String> indexOptions(IndexDefinition.Kind kind)
    {
        Map<String, String> options = new LinkedHashMap<>();
        while (true) {
            if (peek().isWord("WITH") && peek(1).isWord("PARSER")) {
                next();
                next();
                options.put("parser", identifier().toLowerCase(Locale.ROOT));
            }
            else if (acceptWord("PARSER_PROPERTIES")) {
                acceptSymbol("=");
                options.putAll(keyValues("parser_properties."));
            }
            else if (peek().isWord("WITH") && peek(1).isSymbol("(")) {
                next();
                options.putAll(keyValues(""));
            }
            else if (acceptWord("COMMENT")) {
                options.put("comment", expect(TokenType.STRING).value());
            }
            else if (acceptWord("USING")) {
                identifier();
            }
            else if (peek().isWord("KEY_BLOCK_SIZE") || peek().isWord("LOCAL") || peek().isWord("GLOBAL") || peek().isWord("VISIBLE") || peek().isWord("INVISIBLE")) {
                next();
                if (acceptSymbol("=")) {
                    next();
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
        expectSymbol("(");
        do {
            String key = identifier().toLowerCase(Locale.ROOT);
            expectSymbol("=");
            Token value = next();
            if (value.type() == TokenType.END || value.isSymbol(",") || value.isSymbol(")")) {
                throw ParseErrors.at(original, value.start());
            }
            String text = value.type() == TokenType.STRING ? value.value() : value.text();
            options.put(prefix + key, value.type() == TokenType.WORD ? text.toLowerCase(Locale.ROOT) : text);
        }
        while (acceptSymbol(","));
        expectSymbol(")");
        return options;
    }

    private ColumnSpec column()
    {
        String name = identifier();
        ColumnType type = type(name);
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
            if (acceptWord("NOT")) {
                expectWord("NULL");
                nullable = Optional.of(false);
            }
            else if (acceptWord("NULL")) {
                nullable = Optional.of(true);
            }
            else if (acceptWord("DEFAULT")) {
                DefaultClause clause = defaultClause(name);
                defaultValue = Optional.of(clause.value());
                defaultText = clause.text();
                defaultIsExpression = clause.expression();
            }
            else if (acceptWord("ON")) {
                expectWord("UPDATE");
                if (!isCurrentTimestamp()) {
                    throw errorHere();
                }
                onUpdate = true;
            }
            else if (acceptWord("AUTO_INCREMENT")) {
                autoIncrement = true;
            }
            else if (acceptWord("PRIMARY")) {
                expectWord("KEY");
                primaryKey = true;
            }
            else if (acceptWord("KEY")) {
                primaryKey = true;
            }
            else if (acceptWord("UNIQUE")) {
                acceptWord("KEY");
                unique = true;
            }
            else if (acceptWord("COMMENT")) {
                comment = Optional.of(expect(TokenType.STRING).value());
            }
            else if (acceptWord("COLLATE")) {
                name();
            }
            else if (acceptWord("CHARSET")) {
                name();
            }
            else if (peek().isWord("CHARACTER") && peek(1).isWord("SET")) {
                next();
                next();
                name();
            }
            else if (acceptWord("VISIBLE") || acceptWord("INVISIBLE")) {
                continue;
            }
            else if (acceptWord("COLUMN_FORMAT") || acceptWord("STORAGE")) {
                identifier();
            }
            else if (peek().isWord("GENERATED") || peek().isWord("AS") || peek().isWord("REFERENCES") || peek().isWord("CHECK")) {
                throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, peek().upper() + " in a column definition");
            }
            else {
                break;
            }
        }
        return new ColumnSpec(name, type, nullable, defaultValue, defaultText, defaultIsExpression, onUpdate, autoIncrement, primaryKey, unique, comment);
    }

    private record DefaultClause(Expression value, Optional<String> text, boolean expression) {}

    /** What follows DEFAULT: a literal, {@code CURRENT_TIMESTAMP}, or a parenthesised expression. */
    private DefaultClause defaultClause(String name)
    {
        Token start = peek();
        if (start.isSymbol("(")) {
            int end = matchingParenthesis();
            Expression value = JSqlParsing.parseExpression(cleaned, original, start.end(), tokens.get(end).start());
            String text = original.substring(start.end(), tokens.get(end).start()).trim();
            position = end + 1;
            return new DefaultClause(value, Optional.of(text), true);
        }
        if (isCurrentTimestamp()) {
            return new DefaultClause(new Expression.FunctionCall("now", List.of()), Optional.of("CURRENT_TIMESTAMP"), true);
        }
        int first = position;
        if (peek().isSymbol("-") || peek().isSymbol("+")) {
            next();
        }
        Token literal = next();
        if (literal.type() == TokenType.WORD && (literal.isWord("_binary") || literal.isWord("_utf8mb4")) && peek().type() == TokenType.STRING) {
            literal = next();
        }
        if (literal.type() != TokenType.STRING && literal.type() != TokenType.NUMBER && !literal.isWord("NULL")
                && !literal.isWord("TRUE") && !literal.isWord("FALSE") && !(literal.type() == TokenType.WORD && literal.text().matches("(?i)x'[0-9a-f]*'|0x[0-9a-f]+|b'[01]*'"))) {
            throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, name);
        }
        return new DefaultClause(JSqlParsing.parseExpression(cleaned, original, tokens.get(first).start(), literal.end()), Optional.empty(), false);
    }

    private boolean isCurrentTimestamp()
    {
        if (acceptWord("CURRENT_TIMESTAMP") || acceptWord("NOW") || acceptWord("LOCALTIMESTAMP") || acceptWord("LOCALTIME")) {
            if (acceptSymbol("(")) {
                if (peek().type() == TokenType.NUMBER) {
                    next();
                }
                expectSymbol(")");
            }
            return true;
        }
        return false;
    }

    private int matchingParenthesis()
    {
        int depth = 0;
        for (int i = position; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            }
            else if (token.isSymbol(")") && --depth == 0) {
                return i;
            }
            else if (token.type() == TokenType.END) {
                throw ParseErrors.at(original, token.start());
            }
        }
        throw ParseErrors.at(original, original.length());
    }

    private static boolean isTypeName(String word)
    {
        return switch (word) {
            case "INT", "INTEGER", "TINYINT", "SMALLINT", "MEDIUMINT", "BIGINT", "BOOL", "BOOLEAN", "FLOAT", "DOUBLE", "REAL", "DECIMAL",
                    "NUMERIC", "DEC", "FIXED", "CHAR", "CHARACTER", "VARCHAR", "TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "STRING", "BINARY",
                    "VARBINARY", "BLOB", "TINYBLOB", "MEDIUMBLOB", "LONGBLOB", "JSON", "VECTOR", "DATE", "DATETIME", "TIMESTAMP" -> true;
            default -> false;
        };
    }

    private ColumnType type(String column)
    {
        Token token = next();
        if (token.type() != TokenType.WORD) {
            throw ParseErrors.at(original, token.start());
        }
        String word = token.upper();
        ColumnType type = switch (word) {
            case "TINYINT" -> integer(IntegerWidth.TINYINT, column);
            case "SMALLINT" -> integer(IntegerWidth.SMALLINT, column);
            case "MEDIUMINT" -> integer(IntegerWidth.MEDIUMINT, column);
            case "INT", "INTEGER" -> integer(IntegerWidth.INT, column);
            case "BIGINT" -> integer(IntegerWidth.BIGINT, column);
            case "BOOL", "BOOLEAN" -> new ColumnType.BooleanType();
            case "FLOAT" -> {
                skipPrecision();
                skipSign();
                yield new ColumnType.FloatType();
            }
            case "DOUBLE", "REAL" -> {
                acceptWord("PRECISION");
                skipPrecision();
                skipSign();
                yield new ColumnType.DoubleType();
            }
            case "DECIMAL", "NUMERIC", "DEC", "FIXED" -> decimal(column);
            case "CHAR", "CHARACTER" -> {
                if (acceptWord("VARYING")) {
                    yield new ColumnType.StringType(ColumnType.StringKind.VARCHAR, requiredLength(column));
                }
                yield new ColumnType.StringType(ColumnType.StringKind.CHAR, optionalLength(DEFAULT_CHAR_LENGTH));
            }
            case "VARCHAR" -> new ColumnType.StringType(ColumnType.StringKind.VARCHAR, requiredLength(column));
            case "TINYTEXT" -> new ColumnType.StringType(ColumnType.StringKind.VARCHAR, 255);
            case "TEXT" -> {
                optionalLength(0);
                yield ColumnType.StringType.text();
            }
            case "MEDIUMTEXT" -> new ColumnType.StringType(ColumnType.StringKind.MEDIUMTEXT, 16_777_215);
            case "LONGTEXT" -> ColumnType.StringType.longText();
            case "STRING" -> ColumnType.StringType.string();
            case "BINARY" -> new ColumnType.BinaryType(ColumnType.BinaryKind.BINARY, optionalLength(1));
            case "VARBINARY" -> new ColumnType.BinaryType(ColumnType.BinaryKind.VARBINARY, requiredLength(column));
            case "TINYBLOB" -> new ColumnType.BinaryType(ColumnType.BinaryKind.VARBINARY, 255);
            case "BLOB" -> {
                optionalLength(0);
                yield ColumnType.BinaryType.blob();
            }
            case "MEDIUMBLOB" -> new ColumnType.BinaryType(ColumnType.BinaryKind.MEDIUMBLOB, 16_777_215);
            case "LONGBLOB" -> new ColumnType.BinaryType(ColumnType.BinaryKind.LONGBLOB, 4_294_967_295L);
            case "JSON" -> new ColumnType.JsonType();
            case "VECTOR" -> {
                long dimensions = requiredLength(column);
                if (dimensions < 1 || dimensions > ColumnType.MAX_VECTOR_DIMENSIONS) {
                    throw new QuiverException(ErrorCode.ER_TOO_BIG_FIELDLENGTH, column, (long) ColumnType.MAX_VECTOR_DIMENSIONS);
                }
                yield new ColumnType.VectorType((int) dimensions);
            }
            case "DATE" -> ColumnType.TemporalType.date();
            case "DATETIME" -> new ColumnType.TemporalType(ColumnType.TemporalKind.DATETIME, fractionalDigits(column));
            case "TIMESTAMP" -> new ColumnType.TemporalType(ColumnType.TemporalKind.TIMESTAMP, fractionalDigits(column));
            default -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "column type " + word);
        };
        return type;
    }

    private ColumnType integer(IntegerWidth width, String column)
    {
        if (acceptSymbol("(")) {
            long display = number();
            expectSymbol(")");
            if (display > 255) {
                throw new QuiverException(ErrorCode.ER_TOO_BIG_DISPLAYWIDTH, column, 255L);
            }
            if (width == IntegerWidth.TINYINT && display == 1 && !peek().isWord("UNSIGNED")) {
                return new ColumnType.BooleanType();
            }
        }
        boolean unsigned = skipSign();
        return new ColumnType.IntegerType(width, unsigned);
    }

    private boolean skipSign()
    {
        boolean unsigned = false;
        while (true) {
            if (acceptWord("UNSIGNED")) {
                unsigned = true;
            }
            else if (acceptWord("ZEROFILL")) {
                unsigned = true;
            }
            else if (!acceptWord("SIGNED")) {
                return unsigned;
            }
        }
    }

    private void skipPrecision()
    {
        if (acceptSymbol("(")) {
            number();
            if (acceptSymbol(",")) {
                number();
            }
            expectSymbol(")");
        }
    }

    private ColumnType decimal(String column)
    {
        long precision = 10;
        long scale = 0;
        if (acceptSymbol("(")) {
            precision = number();
            if (acceptSymbol(",")) {
                scale = number();
            }
            expectSymbol(")");
        }
        skipSign();
        if (precision > ColumnType.MAX_DECIMAL_PRECISION) {
            throw new QuiverException(ErrorCode.ER_TOO_BIG_PRECISION, precision, column, (long) ColumnType.MAX_DECIMAL_PRECISION);
        }
        if (scale > ColumnType.MAX_DECIMAL_SCALE) {
            throw new QuiverException(ErrorCode.ER_TOO_BIG_SCALE, scale, column, (long) ColumnType.MAX_DECIMAL_SCALE);
        }
        if (scale > precision) {
            throw new QuiverException(ErrorCode.ER_WRONG_FIELD_SPEC, column);
        }
        return new ColumnType.DecimalType((int) precision, (int) scale);
    }

    private int fractionalDigits(String column)
    {
        long digits = optionalLength(0);
        if (digits > 6) {
            throw new QuiverException(ErrorCode.ER_TOO_BIG_PRECISION, digits, column, 6L);
        }
        return (int) digits;
    }

    private long requiredLength(String column)
    {
        if (!peek().isSymbol("(")) {
            throw errorHere();
        }
        return optionalLength(0);
    }

    private long optionalLength(long otherwise)
    {
        if (!acceptSymbol("(")) {
            return otherwise;
        }
        long length = number();
        expectSymbol(")");
        return length;
    }

    /** Table options: ENGINE, [DEFAULT] CHARSET / CHARACTER SET / COLLATE, COMMENT, ORGANIZATION, AUTO_INCREMENT, ... */
    private Optional<String> tableOptions()
    {
        Optional<String> comment = Optional.empty();
        while (peek().type() != TokenType.END) {
            acceptSymbol(",");
            if (peek().isWord("SELECT") || peek().isWord("AS") || peek().isWord("IGNORE") || peek().isWord("REPLACE") || peek().isSymbol("(")) {
                throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "CREATE TABLE ... SELECT");
            }
            if (peek().isWord("PARTITION")) {
                throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "PARTITION BY");
            }
            acceptWord("DEFAULT");
            if (acceptWord("COMMENT")) {
                acceptSymbol("=");
                comment = Optional.of(expect(TokenType.STRING).value());
                continue;
            }
            if (peek().isWord("CHARACTER")) {
                next();
                expectWord("SET");
            }
            else if (peek().type() == TokenType.WORD) {
                next();
            }
            else {
                throw errorHere();
            }
            acceptSymbol("=");
            Token value = next();
            if (value.type() == TokenType.END || value.type() == TokenType.SYMBOL) {
                throw ParseErrors.at(original, value.start());
            }
        }
        return comment;
    }

    private TableName tableName()
    {
        String first = identifier();
        if (acceptSymbol(".")) {
            return new TableName(Optional.of(first), identifier());
        }
        return new TableName(Optional.empty(), first);
    }
}
