package dev.quiver.sql.parser;

import dev.quiver.sql.parser.Token.TokenType;
import dev.quiver.sql.tree.ShowFilter;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.TableName;

import java.util.List;
import java.util.Optional;

/**
 * The statements that describe tables: DESCRIBE t [column] and SHOW [FULL] TABLES, SHOW TABLE STATUS,
 * SHOW [FULL] COLUMNS, SHOW INDEX and SHOW CREATE TABLE, with their LIKE / WHERE filters.
 */
final class TableShowParser
        extends TokenCursor
{
    TableShowParser(String original, String cleaned, List<Token> tokens, int position)
    {
        super(original, cleaned, tokens, position);
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
            return Optional.of(new Statement.ShowTables(database, full, showFilter()));
        }
        if (!full && peek().isWord("TABLE") && peek(1).isWord("STATUS")) {
            next();
            next();
            Optional<String> database = Optional.empty();
            if (acceptWord("FROM") || acceptWord("IN")) {
                database = Optional.of(identifier());
            }
            return Optional.of(new Statement.ShowTableStatus(database, showFilter()));
        }
        if (acceptWord("COLUMNS") || acceptWord("FIELDS")) {
            TableName table = fromTable();
            return Optional.of(new Statement.ShowTable(table, Statement.ShowTableTarget.COLUMNS, full, showFilter()));
        }
        if (!full && (acceptWord("INDEX") || acceptWord("INDEXES") || acceptWord("KEYS"))) {
            TableName table = fromTable();
            return Optional.of(new Statement.ShowTable(table, Statement.ShowTableTarget.INDEX, false, showFilter()));
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
}
