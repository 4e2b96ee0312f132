package dev.quiver.sql.tree;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A parsed statement in Quiver's own immutable form. It is safe to cache and to share between sessions;
 * nothing of JSqlParser's mutable AST survives into it.
 */
public sealed interface Statement
{
    /** The statement family, as MySQL names it in messages and {@code Com_*} counters. */
    String kind();

    /**
     * A SELECT without a table (or {@code FROM DUAL}).
     *
     * @param items the select list, each named as MySQL names the column
     */
    record Query(List<SelectItem> items, Optional<Expression> where, Optional<Expression> limit, Optional<Expression> offset)
            implements Statement
    {
        public Query
        {
            items = List.copyOf(requireNonNull(items, "items is null"));
            requireNonNull(where, "where is null");
            requireNonNull(limit, "limit is null");
            requireNonNull(offset, "offset is null");
        }

        @Override
        public String kind()
        {
            return "SELECT";
        }
    }

    /** One select list entry; {@code name} is the alias, or the expression text as written. */
    record SelectItem(Expression expression, String name)
    {
        public SelectItem
        {
            requireNonNull(expression, "expression is null");
            requireNonNull(name, "name is null");
        }
    }

    record SetVariables(List<SetAssignment> assignments)
            implements Statement
    {
        public SetVariables
        {
            assignments = List.copyOf(requireNonNull(assignments, "assignments is null"));
        }

        @Override
        public String kind()
        {
            return "SET";
        }
    }

    /** {@code SET [GLOBAL|SESSION] TRANSACTION ...}; an empty scope sets the next transaction only. */
    record SetTransaction(Optional<VariableScope> scope, Optional<String> isolationLevel, Optional<Boolean> readOnly)
            implements Statement
    {
        public SetTransaction
        {
            requireNonNull(scope, "scope is null");
            requireNonNull(isolationLevel, "isolationLevel is null");
            requireNonNull(readOnly, "readOnly is null");
        }

        @Override
        public String kind()
        {
            return "SET TRANSACTION";
        }
    }

    record StartTransaction(Optional<Boolean> readOnly, boolean consistentSnapshot)
            implements Statement
    {
        public StartTransaction
        {
            requireNonNull(readOnly, "readOnly is null");
        }

        @Override
        public String kind()
        {
            return "BEGIN";
        }
    }

    record Commit()
            implements Statement
    {
        @Override
        public String kind()
        {
            return "COMMIT";
        }
    }

    record Rollback()
            implements Statement
    {
        @Override
        public String kind()
        {
            return "ROLLBACK";
        }
    }

    record Use(String database)
            implements Statement
    {
        public Use
        {
            requireNonNull(database, "database is null");
        }

        @Override
        public String kind()
        {
            return "USE";
        }
    }

    record CreateDatabase(String name, boolean ifNotExists, Optional<String> characterSet, Optional<String> collation)
            implements Statement
    {
        public CreateDatabase
        {
            requireNonNull(name, "name is null");
            requireNonNull(characterSet, "characterSet is null");
            requireNonNull(collation, "collation is null");
        }

        @Override
        public String kind()
        {
            return "CREATE DATABASE";
        }
    }

    record DropDatabase(String name, boolean ifExists)
            implements Statement
    {
        public DropDatabase
        {
            requireNonNull(name, "name is null");
        }

        @Override
        public String kind()
        {
            return "DROP DATABASE";
        }
    }

    /** {@code SHOW [GLOBAL|SESSION] VARIABLES|STATUS}, {@code SHOW DATABASES}, ... with an optional filter. */
    record Show(ShowTarget target, VariableScope scope, Optional<ShowFilter> filter)
            implements Statement
    {
        public Show
        {
            requireNonNull(target, "target is null");
            requireNonNull(scope, "scope is null");
            requireNonNull(filter, "filter is null");
        }

        @Override
        public String kind()
        {
            return "SHOW " + target.name().replace('_', ' ');
        }
    }

    enum ShowTarget
    {
        VARIABLES, STATUS, DATABASES, ENGINES, COLLATION, CHARACTER_SET
    }

    /** {@code SHOW WARNINGS|ERRORS [LIMIT [offset,] n]} and {@code SHOW COUNT(*) WARNINGS|ERRORS}. */
    record ShowWarnings(boolean errorsOnly, boolean countOnly, OptionalLong limit, OptionalLong offset)
            implements Statement
    {
        public ShowWarnings
        {
            requireNonNull(limit, "limit is null");
            requireNonNull(offset, "offset is null");
        }

        @Override
        public String kind()
        {
            return errorsOnly ? "SHOW ERRORS" : "SHOW WARNINGS";
        }
    }

    /** {@code KILL [CONNECTION|QUERY] expr}. */
    record Kill(Expression connectionId, boolean queryOnly)
            implements Statement
    {
        public Kill
        {
            requireNonNull(connectionId, "connectionId is null");
        }

        @Override
        public String kind()
        {
            return "KILL";
        }
    }

    /** {@code CREATE TABLE}: columns as written, and the indexes (table-level and inline) in definition order. */
    record CreateTable(TableName table, boolean ifNotExists, List<ColumnSpec> columns, List<dev.quiver.storage.catalog.IndexDefinition> indexes, Optional<String> comment)
            implements Statement
    {
        public CreateTable
        {
            requireNonNull(table, "table is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            indexes = List.copyOf(requireNonNull(indexes, "indexes is null"));
            requireNonNull(comment, "comment is null");
        }

        @Override
        public String kind()
        {
            return "CREATE TABLE";
        }
    }

    record DropTable(List<TableName> tables, boolean ifExists)
            implements Statement
    {
        public DropTable
        {
            tables = List.copyOf(requireNonNull(tables, "tables is null"));
        }

        @Override
        public String kind()
        {
            return "DROP TABLE";
        }
    }

    record TruncateTable(TableName table)
            implements Statement
    {
        public TruncateTable
        {
            requireNonNull(table, "table is null");
        }

        @Override
        public String kind()
        {
            return "TRUNCATE TABLE";
        }
    }

    /** {@code SHOW TABLE STATUS [FROM db] [LIKE|WHERE]}. */
    record ShowTableStatus(Optional<String> database, Optional<ShowFilter> filter)
            implements Statement
    {
        public ShowTableStatus
        {
            requireNonNull(database, "database is null");
            requireNonNull(filter, "filter is null");
        }

        @Override
        public String kind()
        {
            return "SHOW TABLE STATUS";
        }
    }

    /** {@code SHOW [FULL] TABLES [FROM db] [LIKE|WHERE]}. */
    record ShowTables(Optional<String> database, boolean full, Optional<ShowFilter> filter)
            implements Statement
    {
        public ShowTables
        {
            requireNonNull(database, "database is null");
            requireNonNull(filter, "filter is null");
        }

        @Override
        public String kind()
        {
            return "SHOW TABLES";
        }
    }

    /** {@code DESCRIBE t}, {@code SHOW [FULL] COLUMNS FROM t}, {@code SHOW CREATE TABLE t}, {@code SHOW INDEX FROM t}. */
    record ShowTable(TableName table, ShowTableTarget target, boolean full, Optional<ShowFilter> filter)
            implements Statement
    {
        public ShowTable
        {
            requireNonNull(table, "table is null");
            requireNonNull(target, "target is null");
            requireNonNull(filter, "filter is null");
        }

        @Override
        public String kind()
        {
            return "SHOW " + target.name().replace('_', ' ');
        }
    }

    enum ShowTableTarget
    {
        COLUMNS, CREATE_TABLE, INDEX
    }

    /** One {@code column = expression} of UPDATE SET, INSERT SET or ON DUPLICATE KEY UPDATE. */
    record Assignment(String column, Expression value)
    {
        public Assignment
        {
            requireNonNull(column, "column is null");
            requireNonNull(value, "value is null");
        }
    }

    enum ConflictAction
    {
        ERROR, IGNORE, UPDATE, REPLACE
    }

    /**
     * INSERT, INSERT IGNORE, INSERT ... ON DUPLICATE KEY UPDATE and REPLACE: rows from VALUES (or SET), or from a
     * query. An empty column list means every column in order. {@code rowAlias} is the {@code AS new [(a, b)]} alias.
     */
    record Insert(TableName table, List<String> columns, List<List<Expression>> rows, Optional<TableQuery> query, ConflictAction action,
            List<Assignment> updates, Optional<String> rowAlias, List<String> rowAliasColumns)
            implements Statement
    {
        public Insert
        {
            requireNonNull(table, "table is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            rows = requireNonNull(rows, "rows is null").stream().map(List::copyOf).toList();
            requireNonNull(query, "query is null");
            requireNonNull(action, "action is null");
            updates = List.copyOf(requireNonNull(updates, "updates is null"));
            requireNonNull(rowAlias, "rowAlias is null");
            rowAliasColumns = List.copyOf(requireNonNull(rowAliasColumns, "rowAliasColumns is null"));
        }

        @Override
        public String kind()
        {
            return action == ConflictAction.REPLACE ? "REPLACE" : "INSERT";
        }
    }

    record OrderItem(Expression expression, boolean ascending)
    {
        public OrderItem
        {
            requireNonNull(expression, "expression is null");
        }
    }

    record Update(TableName table, List<Assignment> assignments, Optional<Expression> where, List<OrderItem> order, Optional<Expression> limit)
            implements Statement
    {
        public Update
        {
            requireNonNull(table, "table is null");
            assignments = List.copyOf(requireNonNull(assignments, "assignments is null"));
            requireNonNull(where, "where is null");
            order = List.copyOf(requireNonNull(order, "order is null"));
            requireNonNull(limit, "limit is null");
        }

        @Override
        public String kind()
        {
            return "UPDATE";
        }
    }

    record Delete(TableName table, Optional<Expression> where, List<OrderItem> order, Optional<Expression> limit)
            implements Statement
    {
        public Delete
        {
            requireNonNull(table, "table is null");
            requireNonNull(where, "where is null");
            order = List.copyOf(requireNonNull(order, "order is null"));
            requireNonNull(limit, "limit is null");
        }

        @Override
        public String kind()
        {
            return "DELETE";
        }
    }

    /**
     * A SELECT that reads tables. A select item whose expression is {@link Expression.ColumnReference} {@code [*]} (or
     * {@code [t, *]}) stands for every column (of the table labelled t).
     */
    record TableQuery(FromItem from, List<SelectItem> items, Optional<Expression> where, List<Expression> groupBy, Optional<Expression> having,
            boolean distinct, List<OrderItem> order, Optional<Expression> limit, Optional<Expression> offset)
            implements Statement
    {
        public TableQuery
        {
            requireNonNull(from, "from is null");
            items = List.copyOf(requireNonNull(items, "items is null"));
            requireNonNull(where, "where is null");
            groupBy = List.copyOf(requireNonNull(groupBy, "groupBy is null"));
            requireNonNull(having, "having is null");
            order = List.copyOf(requireNonNull(order, "order is null"));
            requireNonNull(limit, "limit is null");
            requireNonNull(offset, "offset is null");
        }

        /** A single-table query without grouping. */
        public TableQuery(TableName table, Optional<String> alias, List<SelectItem> items, Optional<Expression> where, List<OrderItem> order,
                Optional<Expression> limit, Optional<Expression> offset)
        {
            this(new FromItem.TableReference(table, alias), items, where, List.of(), Optional.empty(), false, order, limit, offset);
        }

        /** The same query with another ORDER BY. */
        public TableQuery withOrder(List<OrderItem> newOrder)
        {
            return new TableQuery(from, items, where, groupBy, having, distinct, newOrder, limit, offset);
        }

        /** The table of a single-table query (the first table of a join). */
        public TableName table()
        {
            return first().table();
        }

        /** The alias of {@link #table()}. */
        public Optional<String> alias()
        {
            return first().alias();
        }

        private FromItem.TableReference first()
        {
            FromItem item = from;
            while (item instanceof FromItem.Join join) {
                item = join.left();
            }
            return (FromItem.TableReference) item;
        }

        @Override
        public String kind()
        {
            return "SELECT";
        }
    }

    /**
     * {@code SELECT ... UNION [ALL|DISTINCT] SELECT ...}: the column names come from the first; ORDER BY and LIMIT
     * apply to the whole. {@code all.get(i)} tells whether the i-th UNION (joining part i and i+1) keeps duplicates.
     */
    record Union(List<Statement> parts, List<Boolean> all, List<OrderItem> order, Optional<Expression> limit, Optional<Expression> offset)
            implements Statement
    {
        public Union
        {
            parts = List.copyOf(requireNonNull(parts, "parts is null"));
            all = List.copyOf(requireNonNull(all, "all is null"));
            order = List.copyOf(requireNonNull(order, "order is null"));
            requireNonNull(limit, "limit is null");
            requireNonNull(offset, "offset is null");
        }

        @Override
        public String kind()
        {
            return "SELECT";
        }
    }

    /** {@code ALTER TABLE t action[, action]...}: one rebuild of the table; {@code comment} from a {@code COMMENT=} table option. */
    record AlterTable(TableName table, List<AlterAction> actions, Optional<String> comment)
            implements Statement
    {
        public AlterTable
        {
            requireNonNull(table, "table is null");
            actions = List.copyOf(requireNonNull(actions, "actions is null"));
            requireNonNull(comment, "comment is null");
        }

        @Override
        public String kind()
        {
            return "ALTER TABLE";
        }
    }

    /** {@code DROP INDEX name ON t}. */
    record DropIndex(String name, TableName table)
            implements Statement
    {
        public DropIndex
        {
            requireNonNull(name, "name is null");
            requireNonNull(table, "table is null");
        }

        @Override
        public String kind()
        {
            return "DROP INDEX";
        }
    }

    /** {@code RENAME TABLE a TO b[, c TO d]} and {@code ALTER TABLE a RENAME [TO|AS] b}: pairs applied in order, all or none. */
    record RenameTables(List<TableName> from, List<TableName> to)
            implements Statement
    {
        public RenameTables
        {
            from = List.copyOf(requireNonNull(from, "from is null"));
            to = List.copyOf(requireNonNull(to, "to is null"));
        }

        @Override
        public String kind()
        {
            return "RENAME TABLE";
        }
    }

    /** {@code CREATE [UNIQUE|FULLTEXT|VECTOR] INDEX name ON t (cols) [WITH (...)]}. */
    record CreateIndex(TableName table, dev.quiver.storage.catalog.IndexDefinition index)
            implements Statement
    {
        public CreateIndex
        {
            requireNonNull(table, "table is null");
            requireNonNull(index, "index is null");
        }

        @Override
        public String kind()
        {
            return "CREATE INDEX";
        }
    }

    /** A statement that parses but that this version cannot run yet; executing it answers 1235. */
    /** {@code EXPLAIN <select>}: the plan in MySQL's traditional column layout. */
    record Explain(Statement statement)
            implements Statement
    {
        public Explain
        {
            requireNonNull(statement, "statement is null");
        }

        @Override
        public String kind()
        {
            return "EXPLAIN";
        }
    }

    /** {@code CALL db.procedure()}: seekdb's built-in procedures ({@code dbms_index_manager.refresh}). */
    record Call(List<String> name)
            implements Statement
    {
        public Call
        {
            name = List.copyOf(requireNonNull(name, "name is null"));
        }

        @Override
        public String kind()
        {
            return "CALL";
        }
    }

    record Unsupported(String kind)
            implements Statement
    {
        public Unsupported
        {
            requireNonNull(kind, "kind is null");
        }
    }

    /** An account statement (CREATE/ALTER/DROP/RENAME USER, SET PASSWORD, GRANT, REVOKE, SHOW GRANTS). */
    record Account(dev.quiver.sql.user.AccountStatement statement)
            implements Statement
    {
        public Account
        {
            requireNonNull(statement, "statement is null");
        }

        @Override
        public String kind()
        {
            return statement.kind();
        }
    }
}
