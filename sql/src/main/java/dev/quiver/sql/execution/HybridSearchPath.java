package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.SearchFunctions;
import dev.quiver.sql.expression.Values;
import dev.quiver.sql.tree.Expression;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * A table read through {@code Table.hybridSearch}: chosen for the SQL that {@code DBMS_HYBRID_SEARCH.GET_SQL} returns,
 * whose ORDER BY is {@code DBMS_HYBRID_SEARCH.SCORE(@param)}. The parameters (seekdb's JSON request) say what to
 * search; the rows come back fused best first, and the score call reads each row's fused score.
 */
final class HybridSearchPath
        implements AccessPath
{
    static final Rule RULE = (request, context) -> {
        if (request.order().size() != 1 || !(SearchCalls.orderItem(request.order().get(0)) instanceof Expression.FunctionCall call)
                || !call.name().equalsIgnoreCase(SearchFunctions.HYBRID_SCORE)) {
            return Optional.empty();
        }
        Object parameters = ExpressionEvaluator.evaluate(call.arguments().get(0), context);
        if (parameters == null) {
            throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "DBMS_HYBRID_SEARCH.SCORE");
        }
        return Optional.of(new HybridSearchPath(request, call, Values.text(parameters)));
    };

    private final Request request;
    private final Expression.FunctionCall call;
    private final String parameters;

    private HybridSearchPath(Request request, Expression.FunctionCall call, String parameters)
    {
        this.request = requireNonNull(request, "request is null");
        this.call = requireNonNull(call, "call is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    /** Every VECTOR and FULLTEXT index of the table, comma-separated (a fused search may read any of them). */
    @Override
    public Optional<String> key()
    {
        Set<String> keys = new LinkedHashSet<>();
        for (IndexDefinition each : request.source().definition().indexes()) {
            if (each.kind() == IndexDefinition.Kind.VECTOR || each.kind() == IndexDefinition.Kind.FULLTEXT) {
                keys.add(each.name());
            }
        }
        return keys.isEmpty() ? Optional.empty() : Optional.of(String.join(",", keys));
    }

    @Override
    public Result read(ExecutionContext context)
    {
        long window = request.limit().isPresent() ? SearchCalls.saturatedSum(request.offset(), request.limit().getAsLong()) : Long.MAX_VALUE;
        SearchResult result = request.table().hybridSearch(HybridParameters.request(parameters, request.source().definition(), SearchCalls.efSearch(context), window));
        Map<Row, Object> scores = SearchCalls.scores(result);
        request.scope().publish(call, request.sourceIndex(), row -> scores.getOrDefault(row, 0.0));
        List<Row> rows = new ArrayList<>();
        Predicate<Row> matches = request.matches(context);
        long examined = result.rowsExamined();
        for (ScoredRow each : result.rows()) {
            if (request.conjuncts().isEmpty() || matches.test(each.row())) {
                rows.add(each.row());
            }
        }
        return new Result(rows, true, false, Optional.empty(), examined);
    }
}
