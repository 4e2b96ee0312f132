package dev.quiver.sql.execution;

import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Expression.ComparisonOperator;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pushes the seekdb SDK's metadata filters, {@code JSON_EXTRACT(col, '$.path') <op> constant} and
 * {@code JSON_EXTRACT(col, '$.path') [NOT] IN (constants)}, into storage as JSON-path {@link Filter}s, so a filtered
 * vector or full-text search filters inside the index. Storage compares with MySQL's JSON rules (a missing path is
 * NULL and never matches, strings compare exactly, numbers numerically). Boolean constants are left to the
 * evaluator (MySQL's JSON-to-boolean comparison).
 */
final class JsonPathFilters
{
    private JsonPathFilters()
    {
    }

    static Optional<Filter> convert(Expression expression, TableDefinition table, TableScope scope, ExecutionContext context)
    {
        switch (expression) {
            case Expression.Comparison comparison when comparison.operator() != ComparisonOperator.NULL_SAFE_EQUAL -> {
                ComparisonOperator operator = comparison.operator();
                Optional<Filter.Field> field = field(comparison.left(), table, scope);
                Expression constant = comparison.right();
                if (field.isEmpty()) {
                    field = field(comparison.right(), table, scope);
                    constant = comparison.left();
                    operator = operator.mirrored();
                }
                Optional<Value> value = constant(constant, context);
                if (field.isEmpty() || value.isEmpty()) {
                    return Optional.empty();
                }
                Filter.Field each = field.get();
                Value v = value.get();
                return Optional.of(switch (operator) {
                    case EQUAL -> new Filter.Equal(each, v);
                    case NOT_EQUAL -> new Filter.Not(new Filter.Equal(each, v));
                    case LESS_THAN -> Filter.Range.lessThan(each, v);
                    case LESS_THAN_OR_EQUAL -> Filter.Range.atMost(each, v);
                    case GREATER_THAN -> Filter.Range.greaterThan(each, v);
                    case GREATER_THAN_OR_EQUAL -> Filter.Range.atLeast(each, v);
                    case NULL_SAFE_EQUAL -> throw new IllegalStateException();
                });
            }
            case Expression.InList in -> {
                Optional<Filter.Field> field = field(in.value(), table, scope);
                if (field.isEmpty()) {
                    return Optional.empty();
                }
                List<Value> values = new ArrayList<>();
                for (Expression each : in.list()) {
                    Optional<Value> value = constant(each, context);
                    if (value.isEmpty()) {
                        return Optional.empty();
                    }
                    values.add(value.get());
                }
                Filter filter = new Filter.In(field.get(), values);
                return Optional.of(in.negated() ? new Filter.Not(filter) : filter);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** {@code JSON_EXTRACT(json column, 'simple path')} as a storage field. */
    static Optional<Filter.Field> field(Expression expression, TableDefinition table, TableScope scope)
    {
        if (!(expression instanceof Expression.FunctionCall call) || !call.name().equalsIgnoreCase("json_extract") || call.arguments().size() != 2
                || !(call.arguments().get(0) instanceof Expression.ColumnReference reference)
                || !(call.arguments().get(1) instanceof Expression.StringLiteral path)) {
            return Optional.empty();
        }
        ColumnDefinition column = table.columns().get(scope.index(reference));
        if (!(column.type() instanceof ColumnType.JsonType) || path.value().contains("*")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Filter.Field.json(column.name(), path.value()));
        }
        catch (QuiverException | IllegalArgumentException ex) {
            // a malformed path is the evaluator's error to raise, with MySQL's message
            return Optional.empty();
        }
    }

    private static Optional<Value> constant(Expression expression, ExecutionContext context)
    {
        boolean literal = switch (expression) {
            case Expression.IntegerLiteral ignored -> true;
            case Expression.DecimalLiteral ignored -> true;
            case Expression.DoubleLiteral ignored -> true;
            case Expression.StringLiteral ignored -> true;
            case Expression.Parameter ignored -> true;
            case Expression.Negation negation -> negation.value() instanceof Expression.IntegerLiteral || negation.value() instanceof Expression.DecimalLiteral
                    || negation.value() instanceof Expression.DoubleLiteral;
            default -> false;
        };
        if (!literal) {
            return Optional.empty();
        }
        Object value = ExpressionEvaluator.evaluate(expression, context);
        return switch (value) {
            case Long number -> Optional.of(Value.of(number));
            case BigDecimal number -> Optional.of(Value.of(number));
            case Double number -> Optional.of(Value.of(number));
            case String text -> Optional.of(Value.of(text));
            case null, default -> Optional.empty();
        };
    }
}
