package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.ExpressionWalker;
import dev.quiver.sql.expression.SearchFunctions;
import dev.quiver.sql.expression.Values;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.VariableScope;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.TextMode;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.search.VectorMetric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * What the search access paths ({@link VectorSearchPath}, {@link TextSearchPath}, {@link HybridSearchPath}) share:
 * the expression-tree walks that find search calls, the MATCH of a call as a {@link TextSearchRequest}, the index a
 * search uses, the session's ef_search, and {@link #publishMatches}: one text search per statement for each MATCH that
 * does not drive a table's access (inside OR/NOT, a score in the select list or ORDER BY), whose scores the evaluator
 * then reads per row.
 */
final class SearchCalls
{
    /** seekdb's cap on LIMIT + OFFSET of an approximate vector query. */
    static final long MAXIMUM_APPROXIMATE_WINDOW = 16_384;

    private SearchCalls()
    {
    }

    /**
     * Runs one text search for every distinct MATCH of the plan that no chosen access path drives, and publishes its
     * scores (0 for a row it did not find) in the plan's scope; a MATCH over an enclosing query's table is left to
     * that query.
     */
    static void publishMatches(SelectPlan plan, List<AccessPath> paths, ExecutionContext context)
    {
        Map<String, Expression.FunctionCall> matches = new LinkedHashMap<>();
        for (Expression each : plan.expressions()) {
            for (Expression.FunctionCall call : calls(each, SearchFunctions.MATCH)) {
                matches.putIfAbsent(call.toString(), call);
            }
        }
        for (AccessPath path : paths) {
            if (path instanceof TextSearchPath text) {
                matches.remove(text.call().toString());
            }
        }
        RelationScope scope = plan.scope().withClause("where clause");
        for (Expression.FunctionCall call : matches.values()) {
            SearchFunctions.Match match = SearchFunctions.match(call);
            if (!scope.isLocal(match.columns().get(0))) {
                continue;
            }
            int source = source(match, scope);
            RelationScope.Source table = plan.sources().get(source);
            SearchResult result = table.table().textSearch(textRequest(call, table.definition(), scope, context));
            context.session().addRowsExamined(result.rowsExamined());
            Map<Row, Object> scores = scores(result);
            scope.publish(call, source, row -> scores.getOrDefault(row, 0.0));
        }
    }

    static Map<Row, Object> scores(SearchResult result)
    {
        Map<Row, Object> scores = new HashMap<>();
        for (ScoredRow each : result.rows()) {
            scores.put(each.row(), each.score());
        }
        return scores;
    }

    /** The table a MATCH's columns belong to (all of them one table's, else 1210). */
    static int source(SearchFunctions.Match match, RelationScope scope)
    {
        int source = -1;
        for (Expression.ColumnReference each : match.columns()) {
            int of = scope.resolve(each).source();
            if (source >= 0 && of != source) {
                throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "MATCH");
            }
            source = of;
        }
        return source;
    }

    /** A MATCH as an unfiltered text search of its table. */
    static TextSearchRequest textRequest(Expression.FunctionCall call, TableDefinition definition, RelationScope scope, ExecutionContext context)
    {
        SearchFunctions.Match match = SearchFunctions.match(call);
        List<String> columns = new ArrayList<>();
        for (Expression.ColumnReference each : match.columns()) {
            columns.add(definition.columns().get(scope.resolve(each).column()).name());
        }
        if (!isConstant(match.query())) {
            throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "AGAINST");
        }
        Object value = ExpressionEvaluator.evaluate(match.query(), context);
        String text = value == null ? "" : Values.text(value);
        return new TextSearchRequest(columns, text, match.booleanMode() ? TextMode.BOOLEAN : TextMode.NATURAL_LANGUAGE, Filter.ALL,
                TextSearchRequest.NO_RESIDUAL, OptionalInt.empty(), List.of());
    }

    /**
     * A request's conjuncts as a predicate a search may call (from its own threads: calls are serialized, since the
     * scope holds one current tuple), or {@link TextSearchRequest#NO_RESIDUAL} when the pushed filter covers them.
     */
    static Predicate<Row> residual(AccessPath.Request request, FilterPushdown.Pushed pushed, ExecutionContext context)
    {
        if (request.conjuncts().isEmpty() || pushed.exact()) {
            // the text search then need not read rows to test them
            return TextSearchRequest.NO_RESIDUAL;
        }
        Predicate<Row> matches = request.matches(context);
        Object lock = new Object();
        return row -> {
            synchronized (lock) {
                return matches.test(row);
            }
        };
    }

    /**
     * The conjuncts of a request pushed into a storage filter; a conjunct only the evaluator can check (a subquery,
     * MATCH) is left out, and the result is then not exact.
     */
    static FilterPushdown.Pushed pushed(AccessPath.Request request, ExecutionContext context)
    {
        TableScope tableScope = new TableScope(request.source().database(), request.source().definition(),
                request.source().aliased() ? java.util.Optional.of(request.source().label()) : java.util.Optional.empty(), "where clause");
        List<Expression> pushable = new ArrayList<>();
        for (Expression each : request.conjuncts()) {
            if (!ExpressionWalker.containsSubquery(each) && !containsCall(each, SearchFunctions.MATCH)) {
                pushable.add(each);
            }
        }
        java.util.Optional<Expression> where = pushable.stream().reduce((left, right) -> new Expression.Logical(Expression.LogicalOperator.AND, left, right));
        try {
            FilterPushdown.Pushed pushed = FilterPushdown.push(where, request.source().definition(), tableScope, context);
            return pushable.size() == request.conjuncts().size() ? pushed : new FilterPushdown.Pushed(pushed.filter(), false);
        }
        catch (QuiverException ex) {
            // a conjunct naming a column through a form the table scope does not know (an outer alias): evaluate it instead
            return new FilterPushdown.Pushed(Filter.ALL, request.conjuncts().isEmpty());
        }
    }

    /**
     * The columns a search of {@code request}'s table returns (names, in table order), or none for whole rows: the
     * columns the plan reads after the access ({@link AccessPath.Reads}), the ORDER BY's unless the access returns the
     * rows in that order ({@code orderServed}), and the primary key (so projected rows stay distinct). Whole rows when
     * the plan did not say what it reads, when the table has no primary key, or when it evaluates a MATCH over the
     * table other than {@code drives} (the MATCH this access searches), whose scores are looked up by whole row.
     */
    static List<String> projection(AccessPath.Request request, boolean orderServed, java.util.Optional<String> drives)
    {
        if (request.reads().isEmpty()) {
            return List.of();
        }
        AccessPath.Reads reads = request.reads().get();
        TableDefinition definition = request.source().definition();
        java.util.Optional<IndexDefinition> key = definition.primaryKey();
        if (key.isEmpty() || (reads.match().isPresent() && !reads.match().equals(drives))) {
            return List.of();
        }
        java.util.SortedSet<Integer> positions = new java.util.TreeSet<>(reads.columns());
        if (!orderServed) {
            positions.addAll(reads.orderColumns());
        }
        for (String column : key.get().columns()) {
            positions.add(definition.requireColumn(column));
        }
        if (positions.size() == definition.columns().size()) {
            return List.of();
        }
        List<String> result = new ArrayList<>(positions.size());
        for (int each : positions) {
            result.add(definition.columns().get(each).name());
        }
        return result;
    }

    /** True when a projection holds only primary key columns (an engine serves them without reading stored rows). */
    static boolean keyOnly(TableDefinition definition, List<String> projection)
    {
        java.util.Optional<IndexDefinition> key = definition.primaryKey();
        return !projection.isEmpty() && key.isPresent() && projection.stream().allMatch(column -> key.get().columns().stream().anyMatch(column::equalsIgnoreCase));
    }

    /**
     * The rows of a search as whole-width rows of the table: a projected row's values at their columns' positions and
     * NULL in the columns the plan does not read; whole rows ({@code projection} empty) unchanged.
     */
    static List<Row> widen(List<ScoredRow> rows, List<String> projection, TableDefinition definition)
    {
        List<Row> result = new ArrayList<>(rows.size());
        if (projection.isEmpty()) {
            for (ScoredRow each : rows) {
                result.add(each.row());
            }
            return result;
        }
        int[] positions = definition.columnPositions(projection);
        int width = definition.columns().size();
        for (ScoredRow each : rows) {
            dev.quiver.storage.row.Value[] values = new dev.quiver.storage.row.Value[width];
            java.util.Arrays.fill(values, dev.quiver.storage.row.Value.NULL);
            for (int i = 0; i < positions.length; i++) {
                values[positions[i]] = each.row().get(i);
            }
            result.add(new Row(java.util.Arrays.asList(values)));
        }
        return result;
    }

    /** The session's {@code ob_hnsw_ef_search}. */
    static OptionalInt efSearch(ExecutionContext context)
    {
        Object value = context.systemVariable(VariableScope.SESSION, "ob_hnsw_ef_search");
        return value instanceof Long number && number > 0 ? OptionalInt.of((int) Math.min(number, Integer.MAX_VALUE)) : OptionalInt.empty();
    }

    static long saturatedSum(long a, long b)
    {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** The VECTOR index an approximate search of {@code metric} on {@code column} can use. */
    static java.util.Optional<IndexDefinition> vectorIndex(TableDefinition table, String column, VectorMetric metric)
    {
        for (IndexDefinition each : table.indexes()) {
            if (each.kind() == IndexDefinition.Kind.VECTOR && each.columns().get(0).equalsIgnoreCase(column)) {
                String distance = each.options().getOrDefault("distance", "l2");
                try {
                    if (VectorMetric.fromOption(distance) == metric) {
                        return java.util.Optional.of(each);
                    }
                }
                catch (QuiverException ex) {
                    // an index of a distance Quiver does not know serves no search
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** The FULLTEXT index over exactly the MATCH columns (MySQL's rule). */
    static java.util.Optional<IndexDefinition> fulltextIndex(TableDefinition table, List<String> columns)
    {
        for (IndexDefinition each : table.indexes()) {
            if (each.kind() == IndexDefinition.Kind.FULLTEXT && each.columns().size() == columns.size()
                    && each.columns().stream().allMatch(column -> columns.stream().anyMatch(column::equalsIgnoreCase))) {
                return java.util.Optional.of(each);
            }
        }
        return java.util.Optional.empty();
    }

    static boolean containsCall(Expression expression, String name)
    {
        return !calls(expression, name).isEmpty();
    }

    /** Every call of {@code name} (case-insensitively) inside {@code expression} (not inside a subquery's body). */
    static List<Expression.FunctionCall> calls(Expression expression, String name)
    {
        List<Expression.FunctionCall> result = new ArrayList<>();
        collectCalls(expression, name, result);
        return result;
    }

    private static void collectCalls(Expression expression, String name, List<Expression.FunctionCall> result)
    {
        if (expression instanceof Expression.FunctionCall call && call.name().equalsIgnoreCase(name)) {
            result.add(call);
        }
        for (Expression each : ExpressionWalker.children(expression)) {
            collectCalls(each, name, result);
        }
    }

    /** True for an expression without column references (a literal, parameter, variable or a function of them). */
    static boolean isConstant(Expression expression)
    {
        if (expression instanceof Expression.ColumnReference || SearchFunctions.isMatch(expression)) {
            return false;
        }
        for (Expression each : ExpressionWalker.children(expression)) {
            if (!isConstant(each)) {
                return false;
            }
        }
        return true;
    }

    /** The distance, MATCH or hybrid score call an ORDER BY key is, APPROXIMATE marker removed. */
    static Expression orderItem(AccessPath.OrderKey key)
    {
        return SearchFunctions.approximateItem(key.expression()).orElse(key.expression());
    }
}
