package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.SearchFunctions;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Expression.ColumnReference;
import dev.quiver.sql.type.SqlType;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Row;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Column resolution over the tables of one SELECT ({@code c}, {@code t.c} with t a table name or alias,
 * {@code db.t.c}), with MySQL's 1054 (naming the clause) and 1052 for a name two tables have; a name no table has
 * is looked up in the enclosing query's scope (a correlated subquery). The current {@link Tuple} is shared by
 * every clause view ({@link #withClause}). Not thread-safe: one per query execution.
 */
final class RelationScope
        implements ExecutionContext.RowScope
{
    /** One table of the FROM clause; {@code label} is its alias, else its name. */
    record Source(String database, Table table, TableDefinition definition, String label, boolean aliased, boolean nullable)
    {
        Source
        {
            requireNonNull(database, "database is null");
            requireNonNull(table, "table is null");
            requireNonNull(definition, "definition is null");
            requireNonNull(label, "label is null");
        }
    }

    /** Where a column lives: the source (table) index and the column index in it. */
    record Resolved(int source, int column) {}

    /** The state every clause view of one query shares. */
    private static final class Shared
    {
        private Tuple current;
        private Map<Expression.Aggregate, Integer> aggregateSlots;
        private long innerReads;
        private SubqueryRunner subqueries;
        private final Map<Expression.Subquery, Object> subqueryResults = new java.util.IdentityHashMap<>();
        private final Map<String, Published> searches = new java.util.HashMap<>();
    }

    /** A search call's per-row value (a MATCH score, a hybrid score), read from the row of table {@code source}. */
    private record Published(int source, java.util.function.Function<Row, Object> value) {}

    /** Runs a subquery of this scope's query; the executor provides it. */
    interface SubqueryRunner
    {
        Object run(Expression.Subquery subquery, RelationScope outer, ExecutionContext context);

        SqlType type(Expression.Subquery subquery, RelationScope outer, ExecutionContext context);
    }

    private final List<Source> sources;
    private final Set<String> coalesced;
    private final RelationScope outer;
    private final String clause;
    private final Shared shared;

    RelationScope(List<Source> sources, Set<String> coalesced, RelationScope outer, String clause)
    {
        this(sources, coalesced, outer, clause, new Shared());
    }

    private RelationScope(List<Source> sources, Set<String> coalesced, RelationScope outer, String clause, Shared shared)
    {
        this.sources = List.copyOf(sources);
        this.coalesced = Set.copyOf(coalesced);
        this.outer = outer;
        this.clause = requireNonNull(clause, "clause is null");
        this.shared = shared;
    }

    RelationScope withClause(String newClause)
    {
        return new RelationScope(sources, coalesced, outer, newClause, shared);
    }

    List<Source> sources()
    {
        return sources;
    }

    void setTuple(Tuple tuple)
    {
        shared.current = tuple;
    }

    Tuple tuple()
    {
        return shared.current;
    }

    void setAggregateSlots(Map<Expression.Aggregate, Integer> slots)
    {
        shared.aggregateSlots = slots;
    }

    void setSubqueryRunner(SubqueryRunner runner)
    {
        shared.subqueries = runner;
    }

    /** How often queries nested in this one read (or typed) its columns: a change shows a dependent subquery. */
    long innerReads()
    {
        return shared.innerReads;
    }

    /** The result of an uncorrelated subquery of this query, once run. */
    Object cachedSubquery(Expression.Subquery subquery)
    {
        return shared.subqueryResults.get(subquery);
    }

    /** Runs a subquery of this query, keeping its result when it read nothing of this query (it is not correlated). */
    <T> T runSubquery(Expression.Subquery subquery, java.util.function.Supplier<T> runner)
    {
        long before = shared.innerReads;
        T result = runner.get();
        if (shared.innerReads == before) {
            shared.subqueryResults.put(subquery, result);
        }
        return result;
    }

    /**
     * Publishes the per-row value of a search call of this query ({@link SearchFunctions#resultReference}): the
     * evaluator reads it for the current tuple's row of table {@code source} (a missing row reads as 0), or once for
     * the statement when {@code source} is negative (a query without tables).
     */
    void publish(Expression.FunctionCall call, int source, java.util.function.Function<Row, Object> value)
    {
        shared.searches.put(SearchFunctions.resultReference(call).name(), new Published(source, requireNonNull(value, "value is null")));
    }

    /** True when a search call's value was published in this query. */
    boolean published(Expression.FunctionCall call)
    {
        return shared.searches.containsKey(SearchFunctions.resultReference(call).name());
    }

    private static boolean isSearchResult(ColumnReference reference)
    {
        return reference.parts().size() == 2 && reference.parts().get(0).equals(SearchFunctions.RESULT_QUALIFIER);
    }

    private Object searchResult(ColumnReference reference)
    {
        Published published = shared.searches.get(reference.name());
        if (published == null) {
            if (outer == null) {
                throw unknown(reference);
            }
            outer.shared.innerReads++;
            return outer.value(reference);
        }
        if (published.source() < 0) {
            return published.value().apply(null);
        }
        Row row = shared.current == null ? null : shared.current.rows()[published.source()];
        return row == null ? 0.0 : published.value().apply(row);
    }

    @Override
    public Object value(ColumnReference reference)
    {
        if (isSearchResult(reference)) {
            return searchResult(reference);
        }
        Resolved resolved = find(reference);
        if (resolved == null) {
            outer.shared.innerReads++;
            return outer.value(reference);
        }
        Row row = shared.current == null ? null : shared.current.rows()[resolved.source()];
        if (row == null) {
            return null;
        }
        return TableValues.forEvaluation(row.get(resolved.column()), sources.get(resolved.source()).definition().columns().get(resolved.column()).type());
    }

    /** The value as a result column carries it (JSON and VECTOR as their text, FLOAT kept). */
    Object outputValue(Resolved resolved)
    {
        Row row = shared.current == null ? null : shared.current.rows()[resolved.source()];
        if (row == null) {
            return null;
        }
        return TableValues.toRuntime(row.get(resolved.column()), sources.get(resolved.source()).definition().columns().get(resolved.column()).type());
    }

    @Override
    public SqlType type(ColumnReference reference)
    {
        Resolved resolved = find(reference);
        if (resolved == null) {
            outer.shared.innerReads++;
            return outer.type(reference);
        }
        Source source = sources.get(resolved.source());
        SqlType type = TableValues.sqlType(source.definition().columns().get(resolved.column()));
        return source.nullable() ? type.withNullable(true) : type;
    }

    @Override
    public Object aggregate(Expression.Aggregate aggregate)
    {
        Integer slot = shared.aggregateSlots == null ? null : shared.aggregateSlots.get(aggregate);
        if (slot == null || shared.current == null || shared.current.aggregates() == null) {
            throw new QuiverException(ErrorCode.ER_INVALID_GROUP_FUNC_USE);
        }
        return shared.current.aggregates()[slot];
    }

    @Override
    public Object subquery(Expression.Subquery subquery, ExecutionContext context)
    {
        if (shared.subqueries == null) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "subqueries here");
        }
        return shared.subqueries.run(subquery, this, context);
    }

    @Override
    public SqlType subqueryType(Expression.Subquery subquery, ExecutionContext context)
    {
        if (shared.subqueries == null) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "subqueries here");
        }
        return shared.subqueries.type(subquery, this, context);
    }

    /** The table and column a reference names in this query (not an enclosing one), or 1054/1052. */
    Resolved resolve(ColumnReference reference)
    {
        Resolved resolved = find(reference);
        if (resolved == null) {
            throw unknown(reference);
        }
        return resolved;
    }

    /** True when the reference names a column of this query's tables (not of an enclosing query). */
    boolean isLocal(ColumnReference reference)
    {
        return findLocal(reference) != null;
    }

    private Resolved find(ColumnReference reference)
    {
        Resolved local = findLocal(reference);
        if (local != null) {
            return local;
        }
        if (outer != null && outer.resolvable(reference)) {
            return null;
        }
        throw unknown(reference);
    }

    private boolean resolvable(ColumnReference reference)
    {
        return findLocal(reference) != null || (outer != null && outer.resolvable(reference));
    }

    private Resolved findLocal(ColumnReference reference)
    {
        List<String> parts = reference.parts();
        String name = reference.name();
        Resolved found = null;
        for (int i = 0; i < sources.size(); i++) {
            Source source = sources.get(i);
            boolean matches = switch (parts.size()) {
                case 1 -> true;
                case 2 -> parts.get(0).equals(source.label());
                case 3 -> !source.aliased() && parts.get(0).equals(source.database()) && parts.get(1).equals(source.definition().name());
                default -> false;
            };
            if (!matches) {
                continue;
            }
            OptionalInt column = source.definition().columnIndex(name);
            if (column.isEmpty()) {
                continue;
            }
            if (found != null) {
                if (parts.size() == 1 && coalesced.contains(name.toLowerCase(Locale.ROOT))) {
                    continue;
                }
                throw new QuiverException(ErrorCode.ER_NON_UNIQ_ERROR, String.join(".", parts), clause);
            }
            found = new Resolved(i, column.getAsInt());
        }
        return found;
    }

    private QuiverException unknown(ColumnReference reference)
    {
        return new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, String.join(".", reference.parts()), clause);
    }
}
