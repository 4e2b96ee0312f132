package dev.quiver.sql.execution;

import dev.quiver.sql.tree.Expression;
import dev.quiver.storage.Table;
import dev.quiver.storage.row.Row;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * How a SELECT reads one table: the first stage of its plan, and the place another access path plugs in. The
 * planner builds an {@link Request} per table and asks each registered {@link Rule} in turn; the first that returns
 * a path reads the table, else {@link TableScan} does (storage scan with pushed filters, sort keys and limit).
 *
 * <p>A vector or full-text search is a {@link Rule} that recognizes its shape in the request (e.g. an ORDER BY
 * distance with APPROXIMATE and a LIMIT, or a MATCH conjunct), answers from the engine's index and says in its
 * {@link Result} that the rows are already in ORDER BY order and limited, so the plan neither sorts nor scans.
 */
interface AccessPath
{
    /** The rows of the table that satisfy every conjunct of the request; see {@link Result} for order and limit. */
    Result read(ExecutionContext context);

    /** What EXPLAIN shows for this access: the index used ({@code key}), or empty for a full scan. */
    Optional<String> key();

    /**
     * One table of a SELECT and what the plan asks of it.
     *
     * @param source the table (its definition, label, database)
     * @param sourceIndex its position in the FROM clause
     * @param scope a scope that resolves the table's columns (set a tuple with {@link Tuple#of} to evaluate)
     * @param conjuncts the AND-ed conditions that only read this table: the access must return only rows satisfying
     *         all of them ({@link #matches} evaluates them)
     * @param order the query's ORDER BY (select aliases and positions resolved) when the plan lets the access produce
     *         the final order (one table, no grouping, DISTINCT or remaining filter); empty otherwise
     * @param approximate ORDER BY ... APPROXIMATE was written (set by the parser of the vector-search helper)
     * @param limit the query's LIMIT when {@code order} is given (or the query has no ORDER BY), else empty
     * @param offset the query's OFFSET under the same condition, else 0
     * @param finalShape nothing follows the access but projection and OFFSET/LIMIT: one table, no grouping, DISTINCT,
     *         HAVING or remaining filter
     * @param reads which columns the plan reads from the rows the access returns, when it knows (an access may then
     *         return rows with only those columns filled); empty: whole rows
     */
    record Request(RelationScope.Source source, int sourceIndex, RelationScope scope, List<Expression> conjuncts,
            List<OrderKey> order, boolean approximate, OptionalLong limit, long offset, boolean finalShape, Optional<Reads> reads)
    {
        public Request
        {
            requireNonNull(source, "source is null");
            requireNonNull(scope, "scope is null");
            conjuncts = List.copyOf(conjuncts);
            order = List.copyOf(order);
            requireNonNull(limit, "limit is null");
            requireNonNull(reads, "reads is null");
        }

        public Table table()
        {
            return source.table();
        }

        /** Evaluates every conjunct on a row of this table. */
        public Predicate<Row> matches(ExecutionContext context)
        {
            RelationScope where = scope.withClause("where clause");
            ExecutionContext rowContext = context.withScope(where);
            int width = scope.sources().size();
            return row -> {
                where.setTuple(Tuple.of(width, sourceIndex, row));
                for (Expression each : conjuncts) {
                    if (!dev.quiver.sql.expression.ExpressionEvaluator.isTrue(each, rowContext)) {
                        return false;
                    }
                }
                return true;
            };
        }
    }

    /**
     * The columns (positions in the table) the stages after an access read from its rows, its own conjuncts aside:
     * {@code columns} by the select list, joins, remaining filter, grouping and HAVING, {@code orderColumns} by the
     * sort (needed unless the access returns the rows in ORDER BY order). The columns inside a MATCH are not counted
     * (its value is the search's score); {@code match} is the one MATCH over the table the plan evaluates, if any
     * (its score is published per row, so only the access that drives it may return partial rows).
     */
    record Reads(Set<Integer> columns, Set<Integer> orderColumns, Optional<String> match)
    {
        public Reads
        {
            columns = Set.copyOf(columns);
            orderColumns = Set.copyOf(orderColumns);
            requireNonNull(match, "match is null");
        }
    }

    /** One ORDER BY key: its expression (aliases and positions already replaced) and direction. */
    record OrderKey(Expression expression, boolean ascending)
    {
        public OrderKey
        {
            requireNonNull(expression, "expression is null");
        }
    }

    /**
     * The rows an access read, each satisfying the request's conjuncts. {@code ordered}: they are in the request's
     * ORDER BY order (the plan does not sort). {@code offsetApplied}: the request's OFFSET was skipped already and at
     * most LIMIT rows remain. {@code scores}: a per-row score (distance or relevance) parallel to {@code rows}, for
     * the expressions that read it, when the access computed one.
     */
    record Result(List<Row> rows, boolean ordered, boolean offsetApplied, Optional<double[]> scores, long rowsExamined)
    {
        public Result
        {
            rows = requireNonNull(rows, "rows is null");
            requireNonNull(scores, "scores is null");
        }
    }

    /** Chooses an access path for a table, or declines (empty) so the next rule, and finally a scan, is tried. */
    interface Rule
    {
        Optional<AccessPath> choose(Request request, ExecutionContext context);
    }
}
