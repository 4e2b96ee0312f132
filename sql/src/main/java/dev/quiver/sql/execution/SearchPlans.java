package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.ExpressionWalker;
import dev.quiver.sql.expression.SearchFunctions;
import dev.quiver.sql.expression.Values;
import dev.quiver.sql.expression.VectorFunctions;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Statement;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.search.VectorMetric;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Chooses how a SELECT with search syntax reads its table: a vector search for {@code ORDER BY <distance>(column,
 * constant) LIMIT k} (approximate when marked APPROXIMATE), a hybrid search for the score of
 * {@code DBMS_HYBRID_SEARCH.GET_SQL}'s SQL, a full-text search when a MATCH is a top-level conjunct of the WHERE,
 * else a scan with the WHERE pushed down. Also the expression-tree walks the search executor needs.
 */
final class SearchPlans
{
    private SearchPlans()
    {
    }

    sealed interface Access
    {
        /** {@code distance} is the ORDER BY's distance call; {@code function} its function; {@code query} the constant vector. */
        record Vector(Expression.FunctionCall distance, VectorFunctions function, String column, float[] query, VectorMetric metric, boolean approximate)
                implements Access {}

        /** The hybrid score call and the search parameters (JSON text) it read. */
        record Hybrid(Expression.FunctionCall call, String parameters)
                implements Access {}

        /** The MATCH call that drives the access. */
        record FullText(Expression.FunctionCall call)
                implements Access {}

        record Scan()
                implements Access {}
    }

    /** How the table is read, the WHERE pushed into that access, and every distinct MATCH of the statement. */
    record Plan(Access access, FilterPushdown.Pushed pushed, List<Expression.FunctionCall> matches)
    {
        Plan
        {
            requireNonNull(access, "access is null");
            requireNonNull(pushed, "pushed is null");
            matches = List.copyOf(matches);
        }
    }

    static Plan plan(SelectExecutor.Bound bound, ExecutionContext context)
    {
        Statement.TableQuery query = bound.query();
        TableDefinition definition = bound.table().definition();
        FilterPushdown.Pushed pushed = FilterPushdown.push(query.where(), definition, bound.scope().withClause("where clause"), context);
        Set<Expression.FunctionCall> matches = new LinkedHashSet<>();
        query.where().ifPresent(where -> matches.addAll(calls(where, SearchFunctions.MATCH)));
        for (Expression each : bound.expressions()) {
            matches.addAll(calls(each, SearchFunctions.MATCH));
        }
        for (Statement.OrderItem each : query.order()) {
            matches.addAll(calls(resolveOrder(bound, each.expression()), SearchFunctions.MATCH));
        }
        return new Plan(access(bound, context), pushed, new ArrayList<>(matches));
    }

    private static Access access(SelectExecutor.Bound bound, ExecutionContext context)
    {
        Statement.TableQuery query = bound.query();
        if (query.order().size() == 1) {
            Expression order = query.order().get(0).expression();
            boolean approximate = query.limit().flatMap(SearchFunctions::approximateItem).isPresent();
            Expression resolved = resolveOrder(bound, SearchFunctions.approximateItem(order).orElse(order));
            if (resolved instanceof Expression.FunctionCall call && call.name().equalsIgnoreCase(SearchFunctions.HYBRID_SCORE)) {
                Object parameters = ExpressionEvaluator.evaluate(call.arguments().get(0), context);
                if (parameters == null) {
                    throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "DBMS_HYBRID_SEARCH.SCORE");
                }
                return new Access.Hybrid(call, Values.text(parameters));
            }
            if (query.limit().isPresent() && resolved instanceof Expression.FunctionCall call) {
                Optional<Access.Vector> vector = vector(bound, call, query.order().get(0).ascending(), approximate, context);
                if (vector.isPresent()) {
                    return vector.get();
                }
            }
        }
        if (query.where().isPresent()) {
            for (Expression each : conjuncts(query.where().get())) {
                if (SearchFunctions.isMatch(each)) {
                    return new Access.FullText((Expression.FunctionCall) each);
                }
            }
        }
        return new Access.Scan();
    }

    /** The vector search an ORDER BY distance item asks for, when it has the servable shape. */
    private static Optional<Access.Vector> vector(SelectExecutor.Bound bound, Expression.FunctionCall call, boolean ascending, boolean approximate, ExecutionContext context)
    {
        Optional<VectorFunctions> function = VectorFunctions.find(call.name());
        if (function.isEmpty()) {
            return Optional.empty();
        }
        List<Expression> arguments = call.arguments();
        Optional<String> metricName = Optional.empty();
        if (arguments.size() == 3) {
            if (!isConstant(arguments.get(2))) {
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
        if (!(columnSide instanceof Expression.ColumnReference reference) || !isConstant(constantSide)) {
            return Optional.empty();
        }
        ColumnDefinition column = bound.table().definition().columns().get(bound.scope().index(reference));
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
        return Optional.of(new Access.Vector(call, function.get(), column.name(), query, metric.get(), approximate));
    }

    /** The VECTOR index an approximate search of {@code metric} on {@code column} can use. */
    static Optional<IndexDefinition> vectorIndex(TableDefinition table, String column, VectorMetric metric)
    {
        for (IndexDefinition each : table.indexes()) {
            if (each.kind() == IndexDefinition.Kind.VECTOR && each.columns().get(0).equalsIgnoreCase(column)) {
                String distance = each.options().getOrDefault("distance", "l2");
                try {
                    if (VectorMetric.fromOption(distance) == metric) {
                        return Optional.of(each);
                    }
                }
                catch (QuiverException ex) {
                    // an index of a distance Quiver does not know serves no search
                }
            }
        }
        return Optional.empty();
    }

    /** The FULLTEXT index over exactly the MATCH columns (MySQL's rule). */
    static Optional<IndexDefinition> fulltextIndex(TableDefinition table, List<String> columns)
    {
        for (IndexDefinition each : table.indexes()) {
            if (each.kind() == IndexDefinition.Kind.FULLTEXT && each.columns().size() == columns.size()
                    && each.columns().stream().allMatch(column -> columns.stream().anyMatch(column::equalsIgnoreCase))) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }

    /** The distance call an ORDER BY item names, directly, by select alias or by position; syntactic, before binding. */
    static Optional<Expression.FunctionCall> distanceCall(Statement.TableQuery query, Expression order)
    {
        Expression item = SearchFunctions.approximateItem(order).orElse(order);
        if (item instanceof Expression.IntegerLiteral literal) {
            long position = literal.value().longValue();
            item = position >= 1 && position <= query.items().size() ? query.items().get((int) position - 1).expression() : item;
        }
        else if (item instanceof Expression.ColumnReference reference && reference.parts().size() == 1) {
            for (Statement.SelectItem each : query.items()) {
                if (each.name().equalsIgnoreCase(reference.name()) && each.expression() instanceof Expression.FunctionCall) {
                    item = each.expression();
                    break;
                }
            }
        }
        return item instanceof Expression.FunctionCall call && VectorFunctions.find(call.name()).isPresent() ? Optional.of(call) : Optional.empty();
    }

    /** ORDER BY 2 and ORDER BY alias name a select item (the bound, expanded select list). */
    static Expression resolveOrder(SelectExecutor.Bound bound, Expression expression)
    {
        Expression item = SearchFunctions.approximateItem(expression).orElse(expression);
        if (item instanceof Expression.IntegerLiteral literal) {
            long position = literal.value().longValue();
            if (position < 1 || position > bound.expressions().size()) {
                throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, String.valueOf(position), "order clause");
            }
            return bound.expressions().get((int) position - 1);
        }
        if (item instanceof Expression.ColumnReference reference && reference.parts().size() == 1) {
            List<Statement.SelectItem> items = bound.query().items();
            for (Statement.SelectItem each : items) {
                boolean isColumn = each.expression() instanceof Expression.ColumnReference column && column.name().equalsIgnoreCase(reference.name());
                if (!isColumn && each.name().equalsIgnoreCase(reference.name())) {
                    return each.expression();
                }
            }
        }
        return item;
    }

    static List<Expression> conjuncts(Expression expression)
    {
        List<Expression> result = new ArrayList<>();
        collectConjuncts(expression, result);
        return result;
    }

    private static void collectConjuncts(Expression expression, List<Expression> result)
    {
        if (expression instanceof Expression.Logical logical && logical.operator() == Expression.LogicalOperator.AND) {
            collectConjuncts(logical.left(), result);
            collectConjuncts(logical.right(), result);
            return;
        }
        result.add(expression);
    }

    static boolean containsSearchCall(Expression expression)
    {
        return containsCall(expression, SearchFunctions.MATCH) || containsCall(expression, SearchFunctions.HYBRID_SCORE)
                || containsCall(expression, SearchFunctions.HYBRID_SEARCH) || containsCall(expression, SearchFunctions.APPROXIMATE);
    }

    static boolean containsCall(Expression expression, String name)
    {
        return !calls(expression, name).isEmpty();
    }

    /** Every call of {@code name} (case-insensitively) inside {@code expression}. */
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
}
