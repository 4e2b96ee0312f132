package dev.quiver.sql.execution;

import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.ExpressionTypes;
import dev.quiver.sql.expression.Values;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.type.SqlType;
import dev.quiver.storage.row.Row;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The group/aggregate stage: tuples are grouped by the GROUP BY values (one group when there is no GROUP BY, even
 * over no rows), and each group becomes one tuple holding its first row (for grouped columns) and its aggregate
 * values. COUNT counts non-NULL values; SUM and AVG of exact numbers are DECIMAL (AVG with 4 more digits of scale),
 * of anything else DOUBLE; MIN and MAX compare as SQL does; DISTINCT aggregates see each value once.
 */
final class Aggregation
{
    private static final int DIV_PRECISION_INCREMENT = 4;

    private Aggregation()
    {
    }

    static List<Tuple> group(List<Tuple> tuples, List<Expression> groupBy, List<Expression.Aggregate> aggregates, RelationScope scope, ExecutionContext context)
    {
        RelationScope groupScope = scope.withClause("group statement");
        ExecutionContext groupContext = context.withScope(groupScope);
        RelationScope fieldScope = scope.withClause("field list");
        ExecutionContext fieldContext = context.withScope(fieldScope);
        List<Boolean> exact = new ArrayList<>();
        for (Expression.Aggregate each : aggregates) {
            exact.add(each.argument().map(argument -> isExact(ExpressionTypes.typeOf(argument, fieldContext))).orElse(true));
        }
        Map<List<Object>, Accumulator[]> groups = new LinkedHashMap<>();
        Map<List<Object>, Tuple> firsts = new LinkedHashMap<>();
        if (groupBy.isEmpty()) {
            groups.put(List.of(), newAccumulators(aggregates, exact));
            firsts.put(List.of(), tuples.isEmpty() ? new Tuple(new Row[scope.sources().size()], null) : tuples.get(0));
        }
        for (Tuple tuple : tuples) {
            groupScope.setTuple(tuple);
            Object[] keyValues = new Object[groupBy.size()];
            for (int i = 0; i < keyValues.length; i++) {
                keyValues[i] = ExpressionEvaluator.evaluate(groupBy.get(i), groupContext);
            }
            List<Object> key = GroupKeys.of(keyValues);
            Accumulator[] accumulators = groups.computeIfAbsent(key, ignored -> newAccumulators(aggregates, exact));
            firsts.putIfAbsent(key, tuple);
            fieldScope.setTuple(tuple);
            for (int i = 0; i < aggregates.size(); i++) {
                Expression.Aggregate aggregate = aggregates.get(i);
                Object value = aggregate.argument().isEmpty() ? 1L : ExpressionEvaluator.evaluate(aggregate.argument().get(), fieldContext);
                accumulators[i].add(value, context);
            }
        }
        List<Tuple> result = new ArrayList<>(groups.size());
        for (Map.Entry<List<Object>, Accumulator[]> entry : groups.entrySet()) {
            Object[] values = new Object[aggregates.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = entry.getValue()[i].result();
            }
            result.add(new Tuple(firsts.get(entry.getKey()).rows(), values));
        }
        return result;
    }

    /** The result tuple of {@code SELECT COUNT(*) ... } answered by the engine's count. */
    static Tuple counted(long count, int sources, int aggregates)
    {
        Object[] values = new Object[aggregates];
        java.util.Arrays.fill(values, count);
        return new Tuple(new Row[sources], values);
    }

    private static boolean isExact(SqlType type)
    {
        return type.kind() == SqlType.Kind.BIGINT || type.kind() == SqlType.Kind.DECIMAL || type.kind() == SqlType.Kind.NULL;
    }

    private static Accumulator[] newAccumulators(List<Expression.Aggregate> aggregates, List<Boolean> exact)
    {
        Accumulator[] result = new Accumulator[aggregates.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = new Accumulator(aggregates.get(i), exact.get(i));
        }
        return result;
    }

    private static final class Accumulator
    {
        private final Expression.Aggregate aggregate;
        private final boolean exact;
        private final Set<Object> distinct;
        private long count;
        private BigDecimal decimalSum = BigDecimal.ZERO;
        private double doubleSum;
        private int scale;
        private Object extreme;

        Accumulator(Expression.Aggregate aggregate, boolean exact)
        {
            this.aggregate = aggregate;
            this.exact = exact;
            this.distinct = aggregate.distinct() ? new HashSet<>() : null;
        }

        void add(Object value, ExecutionContext context)
        {
            if (value == null) {
                return;
            }
            if (distinct != null && !distinct.add(GroupKeys.normalize(value))) {
                return;
            }
            count++;
            switch (aggregate.kind()) {
                case COUNT -> {
                }
                case SUM, AVG -> {
                    if (exact) {
                        BigDecimal number = Values.toDecimal(value, context::addWarning);
                        scale = Math.max(scale, Math.max(0, number.scale()));
                        decimalSum = decimalSum.add(number);
                    }
                    else {
                        doubleSum += Values.toDouble(value, context::addWarning);
                    }
                }
                case MIN, MAX -> {
                    if (extreme == null) {
                        extreme = value;
                    }
                    else {
                        Integer comparison = Values.compare(value, extreme, context::addWarning);
                        if (comparison != null && (aggregate.kind() == Expression.AggregateKind.MIN ? comparison < 0 : comparison > 0)) {
                            extreme = value;
                        }
                    }
                }
            }
        }

        Object result()
        {
            return switch (aggregate.kind()) {
                case COUNT -> count;
                case SUM -> count == 0 ? null : exact ? decimalSum : (Object) doubleSum;
                case AVG -> count == 0 ? null : exact
                        ? decimalSum.divide(BigDecimal.valueOf(count), scale + DIV_PRECISION_INCREMENT, RoundingMode.HALF_UP)
                        : (Object) (doubleSum / count);
                case MIN, MAX -> extreme;
            };
        }
    }
}
