package dev.quiver.sql.parser;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.parser.IndexDefinitionParser.IndexDraft;
import dev.quiver.sql.parser.Token.TokenType;
import dev.quiver.sql.tree.AlterAction;
import dev.quiver.sql.tree.ColumnSpec;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.TableName;
import dev.quiver.storage.catalog.IndexDefinition;

import java.util.ArrayList;
import java.util.HashSet;
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
 *
 * <p>This class parses the statements themselves; on its cursor, {@link ColumnDefinitionParser} parses column
 * definitions, {@link IndexDefinitionParser} key definitions and {@link TableOptionParser} table options.
 * DESCRIBE and the SHOW statements are {@link TableShowParser}'s.
 */
final class TableStatementParser
        extends TokenCursor
{
    private final ColumnDefinitionParser columnParser = new ColumnDefinitionParser(this);
    private final IndexDefinitionParser indexParser = new IndexDefinitionParser(this);
    private final TableOptionParser optionParser = new TableOptionParser(this);

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
        List<String> columns = indexParser.keyColumns();
        Map<String, String> options = indexParser.indexOptions(kind);
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
                ColumnSpec column = columnParser.column();
                actions.add(new AlterAction.ChangeColumn(column.name(), column, position()));
            }
            else if (word.isWord("CHANGE")) {
                next();
                acceptWord("COLUMN");
                String old = identifier();
                ColumnSpec column = columnParser.column();
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
                    ColumnDefinitionParser.DefaultClause clause = columnParser.defaultClause(column);
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
            else if (optionParser.isAcceptedTableOption()) {
                optionParser.skipTableOption();
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
            ColumnSpec column = columnParser.column();
            return new AlterAction.AddColumn(column, position());
        }
        if (peek().isSymbol("(")) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "ALTER TABLE ... ADD (...)");
        }
        List<IndexDraft> drafts = new ArrayList<>();
        if (indexParser.tableElement(drafts)) {
            IndexDraft draft = drafts.get(0);
            return new AlterAction.AddIndex(Optional.ofNullable(draft.name()), draft.kind(), draft.columns(), draft.options());
        }
        ColumnSpec column = columnParser.column();
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
        return new TableShowParser(original, cleaned, tokens, position).describe();
    }

    /** The table SHOW statements, positioned after SHOW; empty when it is another SHOW. */
    Optional<Statement> show()
    {
        return new TableShowParser(original, cleaned, tokens, position).show();
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
            if (!indexParser.tableElement(drafts)) {
                columns.add(columnParser.column());
            }
        }
        while (acceptSymbol(","));
        expectSymbol(")");
        Optional<String> comment = optionParser.tableOptions();
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
}
