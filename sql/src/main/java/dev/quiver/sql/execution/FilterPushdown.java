package dev.quiver.sql.execution;

import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Expression.ComparisonOperator;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the top-level AND conjuncts of a WHERE that compare a plain column with a constant (literal, placeholder,
 * CAST of one) into storage {@link Filter}s, so the engine can use its indexes. Only comparisons whose value has
 * the column's own class (numbers with numeric columns, strings with text columns, bytes with binary columns) are
 * pushed, so storage's comparison is MySQL's; the evaluator re-checks the whole WHERE on every row returned.
 */
final class FilterPushdown
{
    /** The pushed filter, and whether it is the whole condition (then LIMIT can be pushed too). */
    record Pushed(Filter filter, boolean exact) {}

    private FilterPushdown()
    {
    }

    static Pushed push(Optional<Expression> where, TableDefinition table, TableScope scope, ExecutionContext context)
    {
        if (where.isEmpty()) {
            return new Pushed(Filter.ALL, true);
        }
        List<Expression> conjuncts = new ArrayList<>();
        flatten(where.get(), conjuncts);
        List<Filter> filters = new ArrayList<>();
        boolean exact = true;
        for (Expression each : conjuncts) {
            Optional<Filter> filter = convert(each, table, scope, context);
            if (filter.isPresent()) {
                filters.add(filter.get());
            }
            else {
                exact = false;
            }
        }
        if (filters.isEmpty()) {
            return new Pushed(Filter.ALL, false);
        }
        return new Pushed(filters.size() == 1 ? filters.get(0) : new Filter.And(filters), exact);
    }

    private static void flatten(Expression expression, List<Expression> conjuncts)
    {
        if (expression instanceof Expression.Logical logical && logical.operator() == Expression.LogicalOperator.AND) {
            flatten(logical.left(), conjuncts);
            flatten(logical.right(), conjuncts);
            return;
        }
        conjuncts.add(expression);
    }

    private static Optional<Filter> convert(Expression expression, TableDefinition table, TableScope scope, ExecutionContext context)
    {
        Optional<Filter> jsonPath = JsonPathFilters.convert(expression, table, scope, context);
        if (jsonPath.isPresent()) {
            return jsonPath;
        }
        switch (expression) {
            case Expression.Comparison comparison when comparison.operator() != ComparisonOperator.NOT_EQUAL
                    && comparison.operator() != ComparisonOperator.NULL_SAFE_EQUAL -> {
                ComparisonOperator operator = comparison.operator();
                Expression column = comparison.left();
                Expression constant = comparison.right();
                if (!(column instanceof Expression.ColumnReference)) {
                    column = comparison.right();
                    constant = comparison.left();
                    operator = operator.mirrored();
                }
                Optional<Column> resolved = column(column, table, scope);
                Optional<Value> value = constant(constant, resolved, context);
                if (resolved.isEmpty() || value.isEmpty()) {
                    return Optional.empty();
                }
                Filter.Field field = Filter.Field.column(resolved.get().definition().name());
                return Optional.of(switch (operator) {
                    case EQUAL -> new Filter.Equal(field, value.get());
                    case LESS_THAN -> Filter.Range.lessThan(field, value.get());
                    case LESS_THAN_OR_EQUAL -> Filter.Range.atMost(field, value.get());
                    case GREATER_THAN -> Filter.Range.greaterThan(field, value.get());
                    case GREATER_THAN_OR_EQUAL -> Filter.Range.atLeast(field, value.get());
                    case NOT_EQUAL, NULL_SAFE_EQUAL -> throw new IllegalStateException();
                });
            }
            case Expression.InList in when !in.negated() -> {
                Optional<Column> resolved = column(in.value(), table, scope);
                if (resolved.isEmpty()) {
                    return Optional.empty();
                }
                List<Value> values = new ArrayList<>();
                for (Expression each : in.list()) {
                    Optional<Value> value = constant(each, resolved, context);
                    if (value.isEmpty()) {
                        return Optional.empty();
                    }
                    values.add(value.get());
                }
                return Optional.of(new Filter.In(Filter.Field.column(resolved.get().definition().name()), values));
            }
            case Expression.Between between when !between.negated() -> {
                Optional<Column> resolved = column(between.value(), table, scope);
                Optional<Value> low = constant(between.low(), resolved, context);
                Optional<Value> high = constant(between.high(), resolved, context);
                if (resolved.isEmpty() || low.isEmpty() || high.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(Filter.Range.between(Filter.Field.column(resolved.get().definition().name()), low.get(), high.get()));
            }
            case Expression.IsNull isNull -> {
                Optional<Column> resolved = column(isNull.value(), table, scope);
                if (resolved.isEmpty()) {
                    return Optional.empty();
                }
                Filter filter = new Filter.IsNull(Filter.Field.column(resolved.get().definition().name()));
                return Optional.of(isNull.negated() ? new Filter.Not(filter) : filter);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private record Column(ColumnDefinition definition) {}

    private static Optional<Column> column(Expression expression, TableDefinition table, TableScope scope)
    {
        if (!(expression instanceof Expression.ColumnReference reference)) {
            return Optional.empty();
        }
        return Optional.of(new Column(table.columns().get(scope.index(reference))));
    }

    private static Optional<Value> constant(Expression expression, Optional<Column> column, ExecutionContext context)
    {
        if (column.isEmpty() || !isConstant(expression)) {
            return Optional.empty();
        }
        Object value = ExpressionEvaluator.evaluate(expression, context);
        ColumnType type = column.get().definition().type();
        boolean matches = switch (type) {
            case ColumnType.IntegerType ignored -> value instanceof Long || value instanceof BigInteger;
            case ColumnType.BooleanType ignored -> value instanceof Long;
            case ColumnType.DecimalType ignored -> value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal;
            case ColumnType.StringType ignored -> value instanceof String;
            case ColumnType.BinaryType ignored -> value instanceof byte[];
            default -> false;
        };
        return matches ? Optional.of(TableValues.toValue(value)) : Optional.empty();
    }

    private static boolean isConstant(Expression expression)
    {
        return switch (expression) {
            case Expression.IntegerLiteral ignored -> true;
            case Expression.DecimalLiteral ignored -> true;
            case Expression.StringLiteral ignored -> true;
            case Expression.BinaryLiteral ignored -> true;
            case Expression.Parameter ignored -> true;
            case Expression.Negation negation -> isConstant(negation.value());
            case Expression.Cast cast -> isConstant(cast.value());
            default -> false;
        };
    }
}
