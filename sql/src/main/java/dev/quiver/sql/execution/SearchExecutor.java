package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.analyzer.QueryAnalysis;
import dev.quiver.sql.expression.Casts;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.SearchFunctions;
import dev.quiver.sql.expression.Values;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.result.UpdateCountResult;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.VariableScope;
import dev.quiver.sql.type.SqlType;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.TextMode;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.ScanRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * The SELECTs (and DELETEs) that run through a search index rather than a scan: ORDER BY a vector distance with
 * LIMIT ({@code Table.vectorSearch}, approximate with APPROXIMATE/APPROX, exact otherwise), MATCH ... AGAINST
 * ({@code Table.textSearch}, once per MATCH per statement: a top-level MATCH conjunct drives the access, any other
 * MATCH is a membership test of the rows it found), the hybrid score of {@code DBMS_HYBRID_SEARCH.GET_SQL}'s SQL
 * ({@code Table.hybridSearch}) and {@code DBMS_HYBRID_SEARCH.SEARCH}. The WHERE is pushed into the search as a
 * storage filter ({@link FilterPushdown}); the rest runs as a residual. Every access adds the rows it examined to
 * the session's {@code Quiver_rows_examined}.
 */
final class SearchExecutor
{
    /** seekdb's cap on LIMIT + OFFSET of an approximate vector query. */
    static final long MAXIMUM_APPROXIMATE_WINDOW = 16_384;

    private final StorageEngine storage;
    private final AccessControl accessControl;
    private final SelectExecutor selects;

    SearchExecutor(StorageEngine storage, AccessControl accessControl, SelectExecutor selects)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.selects = requireNonNull(selects, "selects is null");
    }

    /** True when the query needs a search: a search call anywhere, or ORDER BY one vector distance with LIMIT. */
    static boolean handles(Statement.TableQuery query)
    {
        for (Statement.SelectItem each : query.items()) {
            if (SearchPlans.containsSearchCall(each.expression())) {
                return true;
            }
        }
        if (query.where().isPresent() && SearchPlans.containsSearchCall(query.where().get())) {
            return true;
        }
        for (Statement.OrderItem each : query.order()) {
            if (SearchPlans.containsSearchCall(each.expression())) {
                return true;
            }
        }
        if (query.limit().flatMap(SearchFunctions::approximateItem).isPresent()) {
            return true;
        }
        // an exact top-k by distance: a vector search when it is a plain single-table query, else the SELECT plan sorts
        return query.order().size() == 1 && query.limit().isPresent() && query.from() instanceof dev.quiver.sql.tree.FromItem.TableReference
                && query.groupBy().isEmpty() && query.having().isEmpty() && !query.distinct()
                && query.items().stream().noneMatch(each -> each.expression() instanceof Expression.Aggregate)
                && SearchPlans.distanceCall(query, query.order().get(0).expression()).isPresent();
    }

    static boolean handles(Statement.Query query)
    {
        return query.items().stream().anyMatch(each -> SearchPlans.containsCall(each.expression(), SearchFunctions.HYBRID_SEARCH));
    }

    static boolean handles(Statement.Delete delete)
    {
        return delete.where().isPresent() && SearchPlans.containsSearchCall(delete.where().get());
    }

    static void addRowsExamined(ExecutionContext context, long rows)
    {
        context.session().addRowsExamined(rows);
    }

    QueryResult execute(Statement.TableQuery query, ExecutionContext context)
    {
        SelectExecutor.Bound bound = selects.bind(query, context);
        SearchPlans.Plan plan = SearchPlans.plan(bound, context);
        List<Object[]> rows = run(bound, plan, context);
        context.session().setFoundRows(rows.size());
        return new RowsResult(bound.columns(), RowCursor.of(rows));
    }

    /** The plan EXPLAIN shows for a query this executor runs. */
    SearchPlans.Plan explain(Statement.TableQuery query, ExecutionContext context)
    {
        return SearchPlans.plan(selects.bind(query, context), context);
    }

    private List<Object[]> run(SelectExecutor.Bound bound, SearchPlans.Plan plan, ExecutionContext context)
    {
        Statement.TableQuery query = bound.query();
        SearchScope scope = new SearchScope(bound.scope().withClause("where clause"));
        publishMatches(bound, plan, scope, context);
        long limit = query.limit().map(each -> StatementExecutor.limitValue(each, context)).orElse(Long.MAX_VALUE);
        long offset = query.offset().map(each -> StatementExecutor.limitValue(each, context)).orElse(0L);
        List<ScoredRow> candidates;
        boolean ordered;
        switch (plan.access()) {
            case SearchPlans.Access.Vector vector -> {
                long window = saturatedSum(offset, limit);
                if (vector.approximate() && window > MAXIMUM_APPROXIMATE_WINDOW) {
                    throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "approximate vector search with LIMIT + OFFSET above " + MAXIMUM_APPROXIMATE_WINDOW);
                }
                VectorSearchRequest request = new VectorSearchRequest(vector.column(), vector.query(), vector.metric(), (int) Math.min(window, Integer.MAX_VALUE),
                        plan.pushed().filter(), residual(query, plan, scope, context),
                        vector.approximate() ? SearchStrategy.APPROXIMATE : SearchStrategy.EXACT, efSearch(context), List.of());
                SearchResult result = bound.table().vectorSearch(request);
                addRowsExamined(context, result.rowsExamined());
                candidates = result.rows();
                ordered = true;
            }
            case SearchPlans.Access.Hybrid hybrid -> {
                SearchResult result = bound.table().hybridSearch(HybridParameters.request(hybrid.parameters(), bound.table().definition(), efSearch(context),
                        saturatedSum(offset, limit)));
                addRowsExamined(context, result.rowsExamined());
                Map<Row, Double> scores = new HashMap<>();
                for (ScoredRow each : result.rows()) {
                    scores.put(each.row(), each.score());
                }
                scope.publish(hybrid.call(), SqlType.doubleType(false), row -> scores.getOrDefault(row, 0.0));
                candidates = result.rows();
                ordered = true;
            }
            case SearchPlans.Access.FullText text -> {
                // the residual sees only rows this MATCH found: it holds for them until their scores are known
                scope.publish(text.call(), SqlType.doubleType(false), row -> 1.0);
                TextSearchRequest request = textRequest(text.call(), bound, context)
                        .withFilter(plan.pushed().filter());
                request = new TextSearchRequest(request.columns(), request.query(), request.mode(), request.filter(), residual(query, plan, scope, context),
                        OptionalInt.empty(), List.of());
                SearchResult result = bound.table().textSearch(request);
                addRowsExamined(context, result.rowsExamined());
                Map<Row, Double> scores = new HashMap<>();
                for (ScoredRow each : result.rows()) {
                    scores.put(each.row(), each.score());
                }
                scope.publish(text.call(), SqlType.doubleType(false), row -> scores.getOrDefault(row, 0.0));
                candidates = result.rows();
                ordered = query.order().isEmpty();
            }
            case SearchPlans.Access.Scan ignored -> {
                candidates = scan(bound, plan, scope, context);
                ordered = query.order().isEmpty();
            }
        }
        if (!ordered) {
            candidates = sort(candidates, bound, scope.withClause("order clause"), context);
        }
        if (countOnly(bound)) {
            // COUNT(*) alone: one row counting what the access found
            long count = offset == 0 && limit > 0 ? candidates.size() : -1;
            return count < 0 ? List.of() : List.<Object[]>of(new Object[] {count});
        }
        List<Object[]> result = new ArrayList<>();
        SearchScope fieldScope = scope.withClause("field list");
        ExecutionContext fieldContext = context.withScope(fieldScope);
        for (long i = offset; i < candidates.size() && result.size() < limit; i++) {
            ScoredRow scored = candidates.get((int) i);
            fieldScope.setRow(scored.row());
            Object[] values = new Object[bound.expressions().size()];
            for (int j = 0; j < values.length; j++) {
                Expression expression = bound.expressions().get(j);
                if (expression instanceof Expression.ColumnReference reference) {
                    int index = fieldScope.table().index(reference);
                    values[j] = TableValues.toRuntime(scored.row().get(index), bound.table().definition().columns().get(index).type());
                }
                else if (plan.access() instanceof SearchPlans.Access.Vector vector && expression.equals(vector.distance())) {
                    values[j] = Casts.coerce(vector.function().fromSearchScore(scored.score()), bound.types().get(j), context::addWarning);
                }
                else {
                    values[j] = Casts.coerce(ExpressionEvaluator.evaluate(expression, fieldContext), bound.types().get(j), context::addWarning);
                }
            }
            result.add(values);
        }
        return result;
    }

    /** {@code SELECT COUNT(*)} alone; other aggregates, GROUP BY and DISTINCT over a search are not supported yet. */
    private static boolean countOnly(SelectExecutor.Bound bound)
    {
        SelectPlan plan = bound.plan();
        if (!plan.aggregated() && !bound.query().distinct()) {
            return false;
        }
        if (plan.groupBy().isEmpty() && plan.having().isEmpty() && !bound.query().distinct() && bound.expressions().size() == 1
                && bound.expressions().get(0) instanceof Expression.Aggregate aggregate && aggregate.isCountStar()) {
            return true;
        }
        throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "aggregates, GROUP BY or DISTINCT over a vector, full-text or hybrid search");
    }

    /** Runs one text search for every MATCH that does not drive the access, published as a membership score. */
    private void publishMatches(SelectExecutor.Bound bound, SearchPlans.Plan plan, SearchScope scope, ExecutionContext context)
    {
        for (Expression.FunctionCall each : plan.matches()) {
            if (plan.access() instanceof SearchPlans.Access.FullText text && text.call().equals(each)) {
                continue;
            }
            SearchResult result = bound.table().textSearch(textRequest(each, bound, context));
            addRowsExamined(context, result.rowsExamined());
            Map<Row, Double> scores = new HashMap<>();
            for (ScoredRow row : result.rows()) {
                scores.put(row.row(), row.score());
            }
            scope.publish(each, SqlType.doubleType(false), row -> scores.getOrDefault(row, 0.0));
        }
    }

    private static TextSearchRequest textRequest(Expression.FunctionCall call, SelectExecutor.Bound bound, ExecutionContext context)
    {
        SearchFunctions.Match match = SearchFunctions.match(call);
        List<String> columns = new ArrayList<>();
        for (Expression.ColumnReference each : match.columns()) {
            columns.add(bound.table().definition().columns().get(bound.scope().index(each)).name());
        }
        if (!SearchPlans.isConstant(match.query())) {
            throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "AGAINST");
        }
        Object value = ExpressionEvaluator.evaluate(match.query(), context);
        String text = value == null ? "" : Values.text(value);
        return new TextSearchRequest(columns, text, match.booleanMode() ? TextMode.BOOLEAN : TextMode.NATURAL_LANGUAGE, Filter.ALL, TextSearchRequest.NO_RESIDUAL,
                OptionalInt.empty(), List.of());
    }

    /** The WHERE the pushed filter does not cover, evaluated on a row the search proposes. */
    private static Predicate<Row> residual(Statement.TableQuery query, SearchPlans.Plan plan, SearchScope scope, ExecutionContext context)
    {
        if (query.where().isEmpty() || plan.pushed().exact()) {
            return TextSearchRequest.NO_RESIDUAL;
        }
        Expression where = query.where().get();
        ExecutionContext whereContext = context.withScope(scope);
        return row -> {
            synchronized (scope) {
                scope.setRow(row);
                return ExpressionEvaluator.isTrue(where, whereContext);
            }
        };
    }

    private List<ScoredRow> scan(SelectExecutor.Bound bound, SearchPlans.Plan plan, SearchScope scope, ExecutionContext context)
    {
        Optional<Expression> where = bound.query().where();
        ExecutionContext whereContext = context.withScope(scope);
        List<ScoredRow> matched = new ArrayList<>();
        long examined = 0;
        try (dev.quiver.storage.table.RowCursor cursor = bound.table().scan(ScanRequest.where(plan.pushed().filter()))) {
            while (cursor.hasNext()) {
                Row row = cursor.next();
                examined++;
                scope.setRow(row);
                if (where.isEmpty() || ExpressionEvaluator.isTrue(where.get(), whereContext)) {
                    matched.add(new ScoredRow(row, 0));
                }
            }
        }
        finally {
            addRowsExamined(context, examined);
        }
        return matched;
    }

    private static List<ScoredRow> sort(List<ScoredRow> rows, SelectExecutor.Bound bound, SearchScope scope, ExecutionContext context)
    {
        List<Statement.OrderItem> order = bound.query().order();
        ExecutionContext orderContext = context.withScope(scope);
        List<Expression> keys = new ArrayList<>();
        for (Statement.OrderItem each : order) {
            keys.add(SearchPlans.resolveOrder(bound, each.expression()));
        }
        List<Object[]> keyed = new ArrayList<>(rows.size());
        for (ScoredRow row : rows) {
            scope.setRow(row.row());
            Object[] values = new Object[keys.size() + 1];
            for (int i = 0; i < keys.size(); i++) {
                values[i] = ExpressionEvaluator.evaluate(keys.get(i), orderContext);
            }
            values[keys.size()] = row;
            keyed.add(values);
        }
        Comparator<Object[]> comparator = (left, right) -> {
            for (int i = 0; i < keys.size(); i++) {
                int result = compareNullsFirst(left[i], right[i], context);
                if (result != 0) {
                    return order.get(i).ascending() ? result : -result;
                }
            }
            return 0;
        };
        keyed.sort(comparator);
        return keyed.stream().map(each -> (ScoredRow) each[each.length - 1]).toList();
    }

    private static int compareNullsFirst(Object left, Object right, ExecutionContext context)
    {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        Integer result = Values.compare(left, right, context::addWarning);
        return result == null ? 0 : result;
    }

    /** The session's {@code ob_hnsw_ef_search}. */
    static OptionalInt efSearch(ExecutionContext context)
    {
        Object value = context.systemVariable(VariableScope.SESSION, "ob_hnsw_ef_search");
        return value instanceof Long number && number > 0 ? OptionalInt.of((int) Math.min(number, Integer.MAX_VALUE)) : OptionalInt.empty();
    }

    private static long saturatedSum(long a, long b)
    {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** DELETE ... WHERE with MATCH: the matching rows are found as a SELECT would, then deleted by primary key. */
    QueryResult delete(Statement.Delete delete, ExecutionContext context)
    {
        if (!delete.order().isEmpty()) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "DELETE with MATCH ... AGAINST and ORDER BY");
        }
        String database = TableValues.database(delete.table(), context.session());
        Table table = storage.table(database, delete.table().name());
        TableDefinition definition = table.definition();
        accessControl.checkCanDelete(context.session().identity(), database, definition.name());
        IndexDefinition primary = definition.indexes().stream()
                .filter(each -> each.kind() == IndexDefinition.Kind.PRIMARY)
                .findFirst()
                .orElseThrow(() -> new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "DELETE with MATCH ... AGAINST on a table without a primary key"));
        Statement.TableQuery query = new Statement.TableQuery(delete.table(), Optional.empty(),
                List.of(new Statement.SelectItem(new Expression.ColumnReference(List.of("*")), "*")), delete.where(), List.of(), delete.limit(), Optional.empty());
        SelectExecutor.Bound bound = selects.bind(query, context);
        List<Object[]> rows = run(bound, SearchPlans.plan(bound, context), context);
        if (rows.isEmpty()) {
            return new UpdateCountResult(0, 0, null);
        }
        List<Filter> keys = new ArrayList<>();
        for (Object[] row : rows) {
            List<Filter> parts = new ArrayList<>();
            for (String column : primary.columns()) {
                int index = definition.columnIndex(column).orElseThrow();
                parts.add(new Filter.Equal(Filter.Field.column(definition.columns().get(index).name()), TableValues.toValue(row[index])));
            }
            keys.add(parts.size() == 1 ? parts.get(0) : new Filter.And(parts));
        }
        long deleted = table.delete(keys.size() == 1 ? keys.get(0) : new Filter.Or(keys));
        context.session().recordWrite();
        return new UpdateCountResult(deleted, 0, null);
    }

    /** SELECT DBMS_HYBRID_SEARCH.SEARCH(table, params): the fused hits as a JSON array. */
    QueryResult query(QueryAnalysis analysis, ExecutionContext context)
    {
        Statement.Query query = analysis.query();
        SearchScope scope = new SearchScope(null);
        for (Statement.SelectItem item : query.items()) {
            for (Expression.FunctionCall call : SearchPlans.calls(item.expression(), SearchFunctions.HYBRID_SEARCH)) {
                Object tableName = ExpressionEvaluator.evaluate(call.arguments().get(0), context);
                Object parameters = ExpressionEvaluator.evaluate(call.arguments().get(1), context);
                String json = tableName == null || parameters == null ? null : hybridJson(Values.text(tableName), Values.text(parameters), context);
                scope.publish(call, SqlType.varchar(16_383, true), row -> json);
            }
        }
        ExecutionContext scoped = context.withScope(scope);
        boolean selected = query.where().map(where -> ExpressionEvaluator.isTrue(where, scoped)).orElse(true);
        long limit = query.limit().map(each -> StatementExecutor.limitValue(each, context)).orElse(Long.MAX_VALUE);
        long offset = query.offset().map(each -> StatementExecutor.limitValue(each, context)).orElse(0L);
        List<Object[]> rows = List.of();
        if (selected && limit > 0 && offset == 0) {
            Object[] row = new Object[query.items().size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = Casts.coerce(ExpressionEvaluator.evaluate(query.items().get(i).expression(), scoped), analysis.types().get(i), context::addWarning);
            }
            rows = List.<Object[]>of(row);
        }
        context.session().setFoundRows(rows.size());
        return new RowsResult(analysis.columns(), RowCursor.of(rows));
    }

    private String hybridJson(String tableName, String parameters, ExecutionContext context)
    {
        String database = TableValues.database(new dev.quiver.sql.tree.TableName(Optional.empty(), tableName), context.session());
        Table table = storage.table(database, tableName);
        TableDefinition definition = table.definition();
        accessControl.checkCanSelect(context.session().identity(), database, definition.name(),
                definition.columns().stream().map(dev.quiver.storage.catalog.ColumnDefinition::name).toList());
        SearchResult result = table.hybridSearch(HybridParameters.request(parameters, definition, efSearch(context), Long.MAX_VALUE));
        addRowsExamined(context, result.rowsExamined());
        StringBuilder json = new StringBuilder("[");
        for (ScoredRow each : result.rows()) {
            if (json.length() > 1) {
                json.append(", ");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < definition.columns().size(); i++) {
                Value value = each.row().get(i);
                fields.put(definition.columns().get(i).name(), HybridParameters.jsonValue(value));
            }
            fields.put("_score", HybridParameters.jsonNumber(each.score()));
            json.append('{');
            boolean first = true;
            for (Map.Entry<String, String> field : fields.entrySet()) {
                if (!first) {
                    json.append(", ");
                }
                first = false;
                json.append(HybridParameters.jsonString(field.getKey())).append(": ").append(field.getValue());
            }
            json.append('}');
        }
        return json.append(']').toString();
    }
}
