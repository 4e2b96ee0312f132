package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.Values;
import dev.quiver.sql.expression.VectorFunctions;
import dev.quiver.sql.tree.Expression;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A table read through {@code Table.vectorSearch}: chosen when the request's ORDER BY is one distance between a
 * VECTOR column of the table and a constant vector, in the order an index serves (nearest first), with a LIMIT. With
 * APPROXIMATE the search goes through the VECTOR index (LIMIT + OFFSET at most 16384, seekdb's cap), else it is exact.
 * The table's conjuncts go into the search as a pushed filter and a residual; the rows come back nearest first,
 * LIMIT + OFFSET of them.
 */
final class VectorSearchPath
        implements AccessPath
{
    static final Rule RULE = (request, context) -> {
        if (request.order().size() != 1 || request.limit().isEmpty()) {
            return Optional.empty();
        }
        AccessPath.OrderKey key = request.order().get(0);
        if (!(SearchCalls.orderItem(key) instanceof Expression.FunctionCall call)) {
            return Optional.empty();
        }
        return shape(request, call, key.ascending(), context).map(shape -> new VectorSearchPath(request, shape));
    };

    /** The search an ORDER BY distance asks for: the column, the constant query vector and the metric. */
    private record Shape(VectorFunctions function, String column, float[] query, VectorMetric metric) {}

    private final Request request;
    private final Shape shape;
    private final List<String> projection;

    private VectorSearchPath(Request request, Shape shape)
    {
        this.request = requireNonNull(request, "request is null");
        this.shape = requireNonNull(shape, "shape is null");
        // in the final shape the rows come back in ORDER BY order, so the plan never evaluates the distance
        this.projection = SearchCalls.projection(request, request.finalShape(), Optional.empty());
    }

    /** The columns the search returns (the rest read as NULL, the plan does not read them); empty: whole rows. */
    List<String> projection()
    {
        return projection;
    }

    /** True when the search returns only primary key columns and nothing else tests its rows. */
    boolean keyOnly()
    {
        return request.conjuncts().isEmpty() && SearchCalls.keyOnly(request.source().definition(), projection);
    }

    boolean approximate()
    {
        return request.approximate();
    }

    VectorMetric metric()
    {
        return shape.metric();
    }

    /** How many rows the search asks for: LIMIT + OFFSET. */
    long window()
    {
        return SearchCalls.saturatedSum(request.offset(), request.limit().getAsLong());
    }

    /** The VECTOR index an approximate search reads (MySQL's {@code key}, type {@code vector}); empty for an exact search. */
    @Override
    public Optional<String> key()
    {
        return request.approximate()
                ? SearchCalls.vectorIndex(request.source().definition(), shape.column(), shape.metric()).map(IndexDefinition::name)
                : Optional.empty();
    }

    @Override
    public Result read(ExecutionContext context)
    {
        long window = window();
        if (request.approximate() && window > SearchCalls.MAXIMUM_APPROXIMATE_WINDOW) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "approximate vector search with LIMIT + OFFSET above " + SearchCalls.MAXIMUM_APPROXIMATE_WINDOW);
        }
        FilterPushdown.Pushed pushed = SearchCalls.pushed(request, context);
        VectorSearchRequest search = new VectorSearchRequest(shape.column(), shape.query(), shape.metric(), (int) Math.min(window, Integer.MAX_VALUE),
                pushed.filter(), SearchCalls.residual(request, pushed, context),
                request.approximate() ? SearchStrategy.APPROXIMATE : SearchStrategy.EXACT, SearchCalls.efSearch(context), projection);
        SearchResult result = request.table().vectorSearch(search);
        double[] scores = new double[result.rows().size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = shape.function().fromSearchScore(result.rows().get(i).score());
        }
        return new Result(SearchCalls.widen(result.rows(), projection, request.source().definition()), true, false, Optional.of(scores), result.rowsExamined());
    }

    private static Optional<Shape> shape(Request request, Expression.FunctionCall call, boolean ascending, ExecutionContext context)
    {
        Optional<VectorFunctions> function = VectorFunctions.find(call.name());
        if (function.isEmpty()) {
            return Optional.empty();
        }
        List<Expression> arguments = call.arguments();
        Optional<String> metricName = Optional.empty();
        if (arguments.size() == 3) {
            if (!SearchCalls.isConstant(arguments.get(2))) {
                return Optional.empty();
            }
            Object value = ExpressionEvaluator.evaluate(arguments.get(2), context);
            if (value == null) {
                return Optional.empty();
            }
            metricName = Optional.of(Values.text(value));
        }
        Optional<VectorMetric> metric = function.get().searchMetric(ascending, metricName);
        if (metric.isEmpty()) {
            return Optional.empty();
        }
        Expression columnSide = arguments.get(0);
        Expression constantSide = arguments.get(1);
        if (!(columnSide instanceof Expression.ColumnReference)) {
            columnSide = arguments.get(1);
            constantSide = arguments.get(0);
        }
        if (!(columnSide instanceof Expression.ColumnReference reference) || !SearchCalls.isConstant(constantSide) || !request.scope().isLocal(reference)) {
            return Optional.empty();
        }
        RelationScope.Resolved resolved = request.scope().resolve(reference);
        if (resolved.source() != request.sourceIndex()) {
            return Optional.empty();
        }
        ColumnDefinition column = request.source().definition().columns().get(resolved.column());
        if (!(column.type() instanceof ColumnType.VectorType type)) {
            return Optional.empty();
        }
        Object value = ExpressionEvaluator.evaluate(constantSide, context);
        if (value == null) {
            return Optional.empty();
        }
        float[] query = VectorFunctions.parse(value, function.get().functionName());
        if (query.length != type.dimensions()) {
            throw new QuiverException(ErrorCode.ER_VECTOR_DIFFERENT_DIMENSIONS, type.dimensions(), query.length);
        }
        return Optional.of(new Shape(function.get(), column.name(), query, metric.get()));
    }
}
