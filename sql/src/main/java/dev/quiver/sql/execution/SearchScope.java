package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.SearchFunctions;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.type.SqlType;
import dev.quiver.storage.row.Row;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * A row scope that also answers the search calls of a statement (MATCH ... AGAINST, the hybrid score,
 * DBMS_HYBRID_SEARCH.SEARCH) from the index searches the executor ran before evaluation: each call is read under
 * {@link SearchFunctions#resultReference} and resolved for the current row. Not thread-safe: one per statement.
 */
final class SearchScope
        implements ExecutionContext.RowScope
{
    private final TableScope table;
    private final Map<String, Function<Row, Object>> results;
    private final Map<String, SqlType> types;

    SearchScope(TableScope table)
    {
        this(table, new HashMap<>(), new HashMap<>());
    }

    private SearchScope(TableScope table, Map<String, Function<Row, Object>> results, Map<String, SqlType> types)
    {
        this.table = table;
        this.results = results;
        this.types = types;
    }

    /** The same results over a scope naming another clause in its messages. */
    SearchScope withClause(String clause)
    {
        return new SearchScope(table == null ? null : table.withClause(clause), results, types);
    }

    /** Publishes a search call's per-row value. */
    void publish(Expression.FunctionCall call, SqlType type, Function<Row, Object> value)
    {
        String key = SearchFunctions.resultReference(call).name();
        results.put(key, requireNonNull(value, "value is null"));
        types.put(key, type);
    }

    void setRow(Row row)
    {
        table.setRow(row);
    }

    TableScope table()
    {
        return table;
    }

    @Override
    public Object value(Expression.ColumnReference reference)
    {
        if (isResult(reference)) {
            return results.get(reference.name()).apply(table == null ? null : table.row());
        }
        return tableScope(reference).value(reference);
    }

    @Override
    public SqlType type(Expression.ColumnReference reference)
    {
        if (isResult(reference)) {
            return types.get(reference.name());
        }
        return tableScope(reference).type(reference);
    }

    private boolean isResult(Expression.ColumnReference reference)
    {
        return reference.parts().size() == 2 && reference.parts().get(0).equals(SearchFunctions.RESULT_QUALIFIER) && results.containsKey(reference.name());
    }

    private TableScope tableScope(Expression.ColumnReference reference)
    {
        if (table == null) {
            throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, String.join(".", reference.parts()), "field list");
        }
        return table;
    }
}
