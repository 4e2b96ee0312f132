package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.Casts;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.ExpressionTypes;
import dev.quiver.sql.expression.SearchFunctions;
import dev.quiver.sql.expression.Values;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.FromItem;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.type.SqlType;
import dev.quiver.storage.row.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A bound SELECT as a pipeline of stages, each over {@link Tuple}s:
 * <ol>
 * <li>access: each table read by its {@link AccessPath} (chosen by the registered rules, else a {@link TableScan})
 * with the conjuncts that only read it;</li>
 * <li>join: left-deep, INNER or LEFT, hash join on an equality between the new table and the earlier ones, else
 * nested loops; WHERE conjuncts over several tables filter right after the step that has them all;</li>
 * <li>filter: the rest of WHERE (subqueries, constants);</li>
 * <li>group/aggregate ({@link Aggregation}), then having;</li>
 * <li>sort (skipped when the access returned rows in ORDER BY order), project, distinct, offset/limit.</li>
 * </ol>
 */
record SelectPlan(Statement.TableQuery query, RelationScope scope, List<RelationScope.Source> sources, List<List<Expression>> accessConjuncts,
        List<JoinStep> joins, List<Expression> residual, List<Expression> items, List<SqlType> types, List<ResultColumn> columns,
        List<Expression> groupBy, List<Expression.Aggregate> aggregates, boolean aggregated, Optional<Expression> having,
        List<AccessPath.OrderKey> order, boolean finalShape)
{
    /** Joining table {@code right}: {@code on} decides matches (a LEFT JOIN keeps unmatched left tuples), {@code after} filters the result. */
    record JoinStep(int right, FromItem.JoinKind kind, List<Expression> on, List<Expression> after)
    {
        JoinStep
        {
            requireNonNull(kind, "kind is null");
            on = List.copyOf(on);
            after = List.copyOf(after);
        }
    }

    /** The result rows, each value coerced to its column's type. */
    List<Object[]> run(ExecutionContext context, List<AccessPath.Rule> rules)
    {
        long limit = limit(context);
        long offset = query.offset().map(each -> StatementExecutor.limitValue(each, context)).orElse(0L);
        Selected selected = select(context, rules, true);

        // project, distinct, offset/limit
        RelationScope fieldScope = scope.withClause("field list");
        ExecutionContext fieldContext = context.withScope(fieldScope);
        List<RelationScope.Resolved> plain = new ArrayList<>();
        for (Expression each : items) {
            plain.add(each instanceof Expression.ColumnReference reference && scope.isLocal(reference) && !aggregated ? scope.resolve(reference) : null);
        }
        List<Object[]> result = new ArrayList<>();
        Set<List<Object>> seen = query.distinct() ? new HashSet<>() : null;
        long skip = selected.offsetApplied() ? 0 : offset;
        for (Tuple tuple : selected.tuples()) {
            if (result.size() >= limit) {
                break;
            }
            fieldScope.setTuple(tuple);
            Object[] values = new Object[items.size()];
            for (int j = 0; j < values.length; j++) {
                RelationScope.Resolved resolved = plain.get(j);
                values[j] = resolved != null
                        ? fieldScope.outputValue(resolved)
                        : Casts.coerce(ExpressionEvaluator.evaluate(items.get(j), fieldContext), types.get(j), context::addWarning);
            }
            if (seen != null && !seen.add(GroupKeys.of(values))) {
                continue;
            }
            if (skip > 0) {
                skip--;
                continue;
            }
            result.add(values);
        }
        return result;
    }

    /**
     * The rows of a single-table, ungrouped plan's table in ORDER BY order, OFFSET and LIMIT applied: what an UPDATE
     * or DELETE whose WHERE needs the plan (a MATCH) touches.
     */
    List<Row> tableRows(ExecutionContext context, List<AccessPath.Rule> rules)
    {
        long limit = limit(context);
        // whole rows: UPDATE and DELETE write them back
        Selected selected = select(context, rules, false);
        List<Row> result = new ArrayList<>();
        for (Tuple tuple : selected.tuples()) {
            if (result.size() >= limit) {
                break;
            }
            result.add(tuple.rows()[0]);
        }
        return result;
    }

    /** Every expression of the plan: select list, the conditions of each stage, GROUP BY, HAVING and ORDER BY. */
    List<Expression> expressions()
    {
        List<Expression> result = new ArrayList<>(items);
        accessConjuncts.forEach(result::addAll);
        for (JoinStep each : joins) {
            result.addAll(each.on());
            result.addAll(each.after());
        }
        result.addAll(residual);
        result.addAll(groupBy);
        having.ifPresent(result::add);
        order.forEach(each -> result.add(each.expression()));
        return result;
    }

    /** True when ORDER BY ... APPROXIMATE was written (the parser marks the LIMIT). */
    boolean approximate()
    {
        return query.limit().flatMap(SearchFunctions::approximateItem).isPresent();
    }

    private long limit(ExecutionContext context)
    {
        return query.limit().map(each -> StatementExecutor.limitValue(each, context)).orElse(Long.MAX_VALUE);
    }

    /**
     * The access path of each table: the first registered rule that takes the table's {@link AccessPath.Request},
     * else a {@link TableScan}. ORDER BY, LIMIT and OFFSET reach the access when it can produce the final order (one
     * table, nothing after it but projection), and for APPROXIMATE also in a join or before a remaining filter: the
     * searched table's approximate top LIMIT + OFFSET rows are then joined and filtered (fewer rows may remain).
     */
    List<AccessPath> choose(ExecutionContext context, List<AccessPath.Rule> rules)
    {
        return choose(context, rules, 1, true);
    }

    /**
     * With {@code scale} above 1 (APPROXIMATE in a join or before a remaining filter that left fewer than LIMIT +
     * OFFSET rows), a searched table's window is {@code scale} times LIMIT + OFFSET, at most seekdb's cap.
     */
    private List<AccessPath> choose(ExecutionContext context, List<AccessPath.Rule> rules, long scale, boolean partialRows)
    {
        boolean approximate = approximate();
        if (approximate && (aggregated || query.distinct())) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "APPROXIMATE with GROUP BY, aggregates or DISTINCT");
        }
        long limit = limit(context);
        long offset = query.offset().map(each -> StatementExecutor.limitValue(each, context)).orElse(0L);
        List<AccessPath> paths = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            boolean ordered = finalShape || (approximate && !sources.get(i).nullable());
            List<Expression> conjuncts = accessConjuncts.get(i);
            if (approximate && sources.size() == 1) {
                // the search applies the remaining filter itself, so that LIMIT rows pass it
                conjuncts = new ArrayList<>(conjuncts);
                for (Expression each : residual) {
                    if (!SelectPlanner.hasSideEffects(each)) {
                        conjuncts.add(each);
                    }
                }
            }
            OptionalLong requestLimit = ordered && limit != Long.MAX_VALUE ? OptionalLong.of(limit) : OptionalLong.empty();
            long requestOffset = ordered ? offset : 0;
            if (ordered && !finalShape && requestLimit.isPresent()) {
                requestLimit = OptionalLong.of(window(limit, offset, scale));
                requestOffset = 0;
            }
            AccessPath.Request request = new AccessPath.Request(sources.get(i), i, scope, conjuncts,
                    ordered ? order : List.of(), approximate, requestLimit, requestOffset, finalShape, partialRows ? reads(i) : Optional.empty());
            AccessPath path = null;
            for (AccessPath.Rule rule : rules) {
                Optional<AccessPath> chosen = rule.choose(request, context);
                if (chosen.isPresent()) {
                    path = chosen.get();
                    break;
                }
            }
            paths.add(path == null ? new TableScan(request) : path);
        }
        return paths;
    }

    /**
     * The columns of table {@code source} the stages after its access read (see {@link AccessPath.Reads}); empty, so
     * the access returns whole rows, when the plan has a subquery (its body may read the table's columns), a hybrid
     * search call, or more than one MATCH over the table.
     */
    private Optional<AccessPath.Reads> reads(int source)
    {
        Set<Integer> columns = new HashSet<>();
        Set<Integer> orderColumns = new HashSet<>();
        Set<String> matches = new HashSet<>();
        List<Expression> read = new ArrayList<>(items);
        for (JoinStep each : joins) {
            read.addAll(each.on());
            read.addAll(each.after());
        }
        read.addAll(residual);
        read.addAll(groupBy);
        having.ifPresent(read::add);
        List<Expression> everything = new ArrayList<>(read);
        accessConjuncts.forEach(everything::addAll);
        order.forEach(each -> everything.add(each.expression()));
        for (Expression each : everything) {
            if (!SearchCalls.calls(each, SearchFunctions.HYBRID_SCORE).isEmpty() || !SearchCalls.calls(each, SearchFunctions.HYBRID_SEARCH).isEmpty()
                    || dev.quiver.sql.expression.ExpressionWalker.containsSubquery(each)) {
                return Optional.empty();
            }
            for (Expression.FunctionCall call : SearchCalls.calls(each, SearchFunctions.MATCH)) {
                SearchFunctions.Match match = SearchFunctions.match(call);
                if (scope.isLocal(match.columns().get(0)) && scope.resolve(match.columns().get(0)).source() == source) {
                    matches.add(call.toString());
                }
            }
        }
        if (matches.size() > 1) {
            return Optional.empty();
        }
        read.forEach(each -> columnsOf(each, source, columns));
        order.forEach(each -> columnsOf(each.expression(), source, orderColumns));
        return Optional.of(new AccessPath.Reads(columns, orderColumns, matches.stream().findFirst()));
    }

    /** The columns of table {@code source} an expression reads, those inside a MATCH (whose value is its score) aside. */
    private void columnsOf(Expression expression, int source, Set<Integer> into)
    {
        if (expression instanceof Expression.ColumnReference reference) {
            if (scope.isLocal(reference)) {
                RelationScope.Resolved resolved = scope.resolve(reference);
                if (resolved.source() == source) {
                    into.add(resolved.column());
                }
            }
            return;
        }
        if (SearchFunctions.isMatch(expression)) {
            return;
        }
        for (Expression each : dev.quiver.sql.expression.ExpressionWalker.children(expression)) {
            columnsOf(each, source, into);
        }
    }

    /** LIMIT + OFFSET times {@code scale}, at most seekdb's cap on an approximate window (unless LIMIT + OFFSET is above it already). */
    private static long window(long limit, long offset, long scale)
    {
        long window = SearchCalls.saturatedSum(limit, offset);
        if (scale == 1 || window >= SearchCalls.MAXIMUM_APPROXIMATE_WINDOW) {
            return window;
        }
        return Math.min(window * scale, SearchCalls.MAXIMUM_APPROXIMATE_WINDOW);
    }

    /** The tuples after access, join, filter, grouping, HAVING and sort; whether the access applied OFFSET already. */
    private record Selected(List<Tuple> tuples, boolean offsetApplied) {}

    private Selected select(ExecutionContext context, List<AccessPath.Rule> rules, boolean partialRows)
    {
        boolean ordered = false;
        boolean offsetApplied = false;
        List<Tuple> tuples = null;
        if (countOnly() && !approximate()) {
            AccessPath.Request request = new AccessPath.Request(sources.get(0), 0, scope, accessConjuncts.get(0), List.of(), false, OptionalLong.empty(), 0, false,
                    Optional.empty());
            OptionalLong count = TableScan.exactCount(request, context);
            if (count.isPresent()) {
                tuples = List.of(Aggregation.counted(count.getAsLong(), sources.size(), aggregates.size()));
            }
        }
        if (tuples == null) {
            // access: every path is chosen first, so that the MATCHes no path drives are searched before any table is read;
            // an approximate search whose window the join or filter thinned below LIMIT + OFFSET rows searches again, wider
            long wanted = SearchCalls.saturatedSum(limit(context), query.offset().map(each -> StatementExecutor.limitValue(each, context)).orElse(0L));
            long scale = 1;
            while (true) {
                List<AccessPath> paths = choose(context, rules, scale, partialRows);
                if (scale == 1) {
                    SearchCalls.publishMatches(this, paths, context);
                }
                boolean truncated = false;
                List<AccessPath.Result> accessed = new ArrayList<>();
                for (AccessPath path : paths) {
                    AccessPath.Result result = path.read(context);
                    context.session().addRowsExamined(result.rowsExamined());
                    accessed.add(result);
                    truncated |= path instanceof VectorSearchPath vector && !finalShape && result.rows().size() >= vector.window()
                            && vector.window() < SearchCalls.MAXIMUM_APPROXIMATE_WINDOW;
                }
                ordered = finalShape && accessed.get(0).ordered();
                offsetApplied = finalShape && accessed.get(0).offsetApplied();
                tuples = joined(accessed, context);
                if (!truncated || tuples.size() >= wanted) {
                    break;
                }
                scale *= 4;
            }

            // group/aggregate and having
            if (aggregated) {
                tuples = Aggregation.group(tuples, groupBy, aggregates, scope, context);
            }
        }
        if (having.isPresent()) {
            tuples = filter(tuples, List.of(having.get()), "having clause", context);
        }

        // sort
        if (!ordered && !order.isEmpty()) {
            tuples = sort(tuples, context);
        }
        return new Selected(tuples, offsetApplied);
    }

    /** {@code SELECT COUNT(*) FROM t [WHERE ...]} alone: the engine's count answers when the filter pushes exactly. */
    private boolean countOnly()
    {
        return sources.size() == 1 && aggregated && groupBy.isEmpty() && !aggregates.isEmpty() && aggregates.stream().allMatch(Expression.Aggregate::isCountStar)
                && residual.isEmpty() && having.isEmpty();
    }

    /** The accessed rows joined, then the remaining filter. */
    private List<Tuple> joined(List<AccessPath.Result> accessed, ExecutionContext context)
    {
        int width = sources.size();
        List<Tuple> tuples = new ArrayList<>(accessed.get(0).rows().size());
        for (Row row : accessed.get(0).rows()) {
            tuples.add(Tuple.of(width, 0, row));
        }
        for (JoinStep step : joins) {
            tuples = join(tuples, step, accessed.get(step.right()).rows(), context);
            tuples = filter(tuples, step.after(), "where clause", context);
        }
        return filter(tuples, residual, "where clause", context);
    }

    private List<Tuple> filter(List<Tuple> tuples, List<Expression> conditions, String clause, ExecutionContext context)
    {
        if (conditions.isEmpty()) {
            return tuples;
        }
        RelationScope where = scope.withClause(clause);
        ExecutionContext rowContext = context.withScope(where);
        List<Tuple> result = new ArrayList<>();
        for (Tuple tuple : tuples) {
            where.setTuple(tuple);
            if (allTrue(conditions, rowContext)) {
                result.add(tuple);
            }
        }
        return result;
    }

    private static boolean allTrue(List<Expression> conditions, ExecutionContext context)
    {
        for (Expression each : conditions) {
            if (!ExpressionEvaluator.isTrue(each, context)) {
                return false;
            }
        }
        return true;
    }

    private List<Tuple> join(List<Tuple> left, JoinStep step, List<Row> right, ExecutionContext context)
    {
        RelationScope on = scope.withClause("on clause");
        ExecutionContext onContext = context.withScope(on);
        Optional<HashKeys> hash = hashKeys(step, context);
        Map<List<Object>, List<Row>> buckets = null;
        if (hash.isPresent()) {
            buckets = new HashMap<>();
            for (Row row : right) {
                on.setTuple(Tuple.of(sources.size(), step.right(), row));
                Object key = ExpressionEvaluator.evaluate(hash.get().right(), onContext);
                if (key != null) {
                    buckets.computeIfAbsent(GroupKeys.of(new Object[] {key}), ignored -> new ArrayList<>()).add(row);
                }
            }
        }
        List<Tuple> result = new ArrayList<>();
        for (Tuple tuple : left) {
            List<Row> candidates = right;
            if (buckets != null) {
                on.setTuple(tuple);
                Object key = ExpressionEvaluator.evaluate(hash.get().left(), onContext);
                candidates = key == null ? List.of() : buckets.getOrDefault(GroupKeys.of(new Object[] {key}), List.of());
            }
            boolean matched = false;
            for (Row row : candidates) {
                Tuple joined = tuple.with(step.right(), row);
                on.setTuple(joined);
                if (allTrue(step.on(), onContext)) {
                    result.add(joined);
                    matched = true;
                }
            }
            if (!matched && step.kind() == FromItem.JoinKind.LEFT) {
                result.add(tuple.with(step.right(), null));
            }
        }
        return result;
    }

    private record HashKeys(Expression left, Expression right) {}

    /** Whether the join step hashes the new table's rows on an ON equality (else it loops over them); for EXPLAIN. */
    boolean hashes(JoinStep step, ExecutionContext context)
    {
        return hashKeys(step, context).isPresent();
    }

    /** An ON equality between the new table and earlier ones whose two sides are both numbers or both strings. */
    private Optional<HashKeys> hashKeys(JoinStep step, ExecutionContext context)
    {
        ExecutionContext typeContext = context.withScope(scope.withClause("on clause"));
        for (Expression each : step.on()) {
            if (!(each instanceof Expression.Comparison comparison) || comparison.operator() != Expression.ComparisonOperator.EQUAL) {
                continue;
            }
            Set<Integer> left = tables(comparison.left());
            Set<Integer> right = tables(comparison.right());
            Expression earlier;
            Expression later;
            if (right.equals(Set.of(step.right())) && !left.isEmpty() && !left.contains(step.right())) {
                earlier = comparison.left();
                later = comparison.right();
            }
            else if (left.equals(Set.of(step.right())) && !right.isEmpty() && !right.contains(step.right())) {
                earlier = comparison.right();
                later = comparison.left();
            }
            else {
                continue;
            }
            SqlType a = ExpressionTypes.typeOf(earlier, typeContext);
            SqlType b = ExpressionTypes.typeOf(later, typeContext);
            boolean numbers = a.kind().isNumeric() && b.kind().isNumeric();
            boolean strings = a.kind() == SqlType.Kind.VARCHAR && b.kind() == SqlType.Kind.VARCHAR;
            if (numbers || strings) {
                return Optional.of(new HashKeys(earlier, later));
            }
        }
        return Optional.empty();
    }

    private Set<Integer> tables(Expression expression)
    {
        Set<Integer> result = new HashSet<>();
        boolean[] unsafe = {false};
        dev.quiver.sql.expression.ExpressionWalker.visit(expression, true, each -> {
            if (each instanceof Expression.ColumnReference reference) {
                if (scope.isLocal(reference)) {
                    result.add(scope.resolve(reference).source());
                }
            }
            unsafe[0] |= each instanceof Expression.Subquery || each instanceof Expression.UserVariableAssignment;
        });
        return unsafe[0] ? Set.of() : result;
    }

    private List<Tuple> sort(List<Tuple> tuples, ExecutionContext context)
    {
        RelationScope orderScope = scope.withClause("order clause");
        ExecutionContext orderContext = context.withScope(orderScope);
        List<Object[]> keyed = new ArrayList<>(tuples.size());
        for (Tuple tuple : tuples) {
            orderScope.setTuple(tuple);
            Object[] keys = new Object[order.size() + 1];
            for (int i = 0; i < order.size(); i++) {
                keys[i] = ExpressionEvaluator.evaluate(order.get(i).expression(), orderContext);
            }
            keys[keys.length - 1] = tuple;
            keyed.add(keys);
        }
        Comparator<Object[]> comparator = (left, right) -> {
            for (int i = 0; i < order.size(); i++) {
                int result = compareNullsFirst(left[i], right[i], context);
                if (result != 0) {
                    return order.get(i).ascending() ? result : -result;
                }
            }
            return 0;
        };
        keyed.sort(comparator);
        return keyed.stream().map(each -> (Tuple) each[each.length - 1]).toList();
    }

    static int compareNullsFirst(Object left, Object right, ExecutionContext context)
    {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        Integer result = Values.compare(left, right, context::addWarning);
        return result == null ? 0 : result;
    }
}
