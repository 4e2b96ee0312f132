package dev.quiver.client.model;

import dev.quiver.client.ValidationException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A metadata filter, seekdb's {@code where}: comparisons of a metadata key ({@code "a.b"} is a nested
 * path) with a value, combined with {@code $and}, {@code $or} and {@code $not}. Values are strings,
 * numbers or booleans; every value (and key path) is sent as a bound JDBC parameter.
 *
 * <pre>{@code
 * Where.and(Where.eq("category", "fruit"), Where.gte("score", 90))
 * Where.fromMap(Map.of("category", "fruit", "score", Map.of("$gte", 90)))
 * }</pre>
 */
public sealed interface Where
{
    /** {@code key = value} ({@code $eq}). */
    static Where eq(String key, Object value)
    {
        return new Comparison(key, ComparisonOperator.EQ, value);
    }

    /** {@code key != value} ({@code $ne}); rows without the key do not match, as in SQL. */
    static Where ne(String key, Object value)
    {
        return new Comparison(key, ComparisonOperator.NE, value);
    }

    /** {@code key > value} ({@code $gt}). */
    static Where gt(String key, Object value)
    {
        return new Comparison(key, ComparisonOperator.GT, value);
    }

    /** {@code key >= value} ({@code $gte}). */
    static Where gte(String key, Object value)
    {
        return new Comparison(key, ComparisonOperator.GTE, value);
    }

    /** {@code key < value} ({@code $lt}). */
    static Where lt(String key, Object value)
    {
        return new Comparison(key, ComparisonOperator.LT, value);
    }

    /** {@code key <= value} ({@code $lte}). */
    static Where lte(String key, Object value)
    {
        return new Comparison(key, ComparisonOperator.LTE, value);
    }

    /** {@code key IN (values)} ({@code $in}); at least one value. */
    static Where in(String key, List<?> values)
    {
        return new Membership(key, false, values);
    }

    /** {@code key NOT IN (values)} ({@code $nin}); at least one value. */
    static Where nin(String key, List<?> values)
    {
        return new Membership(key, true, values);
    }

    /** All operands hold ({@code $and}), written in parentheses. */
    static Where and(Where... operands)
    {
        return new And(List.of(operands));
    }

    /** Any operand holds ({@code $or}), written in parentheses. */
    static Where or(Where... operands)
    {
        return new Or(List.of(operands));
    }

    /** The operand does not hold ({@code $not}). */
    static Where not(Where operand)
    {
        return new Not(operand);
    }

    /**
     * A filter in the seekdb SDKs' object form: {@code {key: value}}, {@code {key: {"$gte": 1, "$lte": 5}}},
     * {@code {"$and": [...]}}, {@code {"$or": [...]}}, {@code {"$not": {...}}}. Several keys (or several
     * operators on one key) are an {@link AllOf}. Unknown operators are a {@link ValidationException}.
     */
    static Where fromMap(Map<String, ?> filter)
    {
        requireNonNull(filter, "filter is null");
        List<Where> conditions = new ArrayList<>();
        for (Map.Entry<String, ?> entry : filter.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            switch (key) {
                case "$and" -> conditions.add(new And(fromMaps(key, value)));
                case "$or" -> conditions.add(new Or(fromMaps(key, value)));
                case "$not" -> conditions.add(new Not(fromMap(asMap(key, value))));
                default -> {
                    if (key.startsWith("$")) {
                        throw new ValidationException("Unknown filter operator: " + key);
                    }
                    if (value instanceof Map<?, ?> operators) {
                        operators.forEach((operator, operand) -> conditions.add(fromOperator(key, String.valueOf(operator), operand)));
                    }
                    else {
                        conditions.add(eq(key, value));
                    }
                }
            }
        }
        if (conditions.size() == 1) {
            return conditions.getFirst();
        }
        return new AllOf(conditions);
    }

    private static Where fromOperator(String key, String operator, Object operand)
    {
        return switch (operator) {
            case "$eq" -> eq(key, operand);
            case "$ne" -> ne(key, operand);
            case "$gt" -> gt(key, operand);
            case "$gte" -> gte(key, operand);
            case "$lt" -> lt(key, operand);
            case "$lte" -> lte(key, operand);
            case "$in" -> in(key, asList(operator, operand));
            case "$nin" -> nin(key, asList(operator, operand));
            default -> throw new ValidationException("Unknown filter operator %s on key '%s'".formatted(operator, key));
        };
    }

    private static List<Where> fromMaps(String operator, Object value)
    {
        List<Where> result = new ArrayList<>();
        for (Object each : asList(operator, value)) {
            result.add(fromMap(asMap(operator, each)));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asMap(String operator, Object value)
    {
        if (!(value instanceof Map<?, ?> map)) {
            throw new ValidationException("%s needs a filter object, got: %s".formatted(operator, value));
        }
        return (Map<String, ?>) map;
    }

    private static List<?> asList(String operator, Object value)
    {
        if (!(value instanceof List<?> list)) {
            throw new ValidationException("%s needs a list, got: %s".formatted(operator, value));
        }
        return list;
    }

    /** The comparison operators, with their seekdb SDK names and SQL symbols. */
    enum ComparisonOperator
    {
        EQ("$eq", "="),
        NE("$ne", "!="),
        GT("$gt", ">"),
        GTE("$gte", ">="),
        LT("$lt", "<"),
        LTE("$lte", "<=");

        private final String sdkName;
        private final String sqlSymbol;

        ComparisonOperator(String sdkName, String sqlSymbol)
        {
            this.sdkName = sdkName;
            this.sqlSymbol = sqlSymbol;
        }

        public String sdkName()
        {
            return sdkName;
        }

        public String sqlSymbol()
        {
            return sqlSymbol;
        }
    }

    /**
     * {@code key <operator> value}.
     *
     * @param key the metadata key (a dotted key is a nested path)
     * @param operator the comparison
     * @param value a string, number or boolean
     */
    record Comparison(String key, ComparisonOperator operator, Object value)
            implements Where
    {
        public Comparison
        {
            checkKey(key);
            requireNonNull(operator, "operator is null");
            checkValue(key, value);
        }
    }

    /**
     * {@code key IN (values)}, or {@code NOT IN} when {@code negated}.
     *
     * @param key the metadata key
     * @param negated whether this is {@code NOT IN}
     * @param values the values (at least one)
     */
    record Membership(String key, boolean negated, List<?> values)
            implements Where
    {
        public Membership
        {
            checkKey(key);
            requireNonNull(values, "values is null");
            if (values.isEmpty()) {
                throw new ValidationException("%s on key '%s' needs at least one value".formatted(negated ? "$nin" : "$in", key));
            }
            values.forEach(each -> checkValue(key, each));
            values = List.copyOf(values);
        }
    }

    /**
     * {@code $and}: {@code (a AND b ...)}.
     *
     * @param operands the conditions
     */
    record And(List<Where> operands)
            implements Where
    {
        public And
        {
            operands = checkOperands("$and", operands);
        }
    }

    /**
     * {@code $or}: {@code (a OR b ...)}.
     *
     * @param operands the conditions
     */
    record Or(List<Where> operands)
            implements Where
    {
        public Or
        {
            operands = checkOperands("$or", operands);
        }
    }

    /**
     * {@code $not}: {@code NOT (a)}.
     *
     * @param operand the negated condition
     */
    record Not(Where operand)
            implements Where
    {
        public Not
        {
            requireNonNull(operand, "operand is null");
        }
    }

    /**
     * The conditions of one filter object's keys, joined with {@code AND} without parentheses, as the
     * seekdb SDKs write {@code {a: 1, b: {"$gt": 2}}}.
     *
     * @param conditions the conditions
     */
    record AllOf(List<Where> conditions)
            implements Where
    {
        public AllOf
        {
            conditions = checkOperands("filter object", conditions);
        }
    }

    private static List<Where> checkOperands(String operator, List<Where> operands)
    {
        requireNonNull(operands, "operands is null");
        if (operands.isEmpty()) {
            throw new ValidationException(operator + " needs at least one condition");
        }
        return List.copyOf(operands);
    }

    private static void checkKey(String key)
    {
        requireNonNull(key, "key is null");
        if (key.isEmpty()) {
            throw new ValidationException("A metadata filter key must not be empty");
        }
    }

    private static void checkValue(String key, Object value)
    {
        switch (value) {
            case String ignored -> {}
            case Boolean ignored -> {}
            case Integer ignored -> {}
            case Long ignored -> {}
            case Short ignored -> {}
            case Byte ignored -> {}
            case BigInteger ignored -> {}
            case BigDecimal ignored -> {}
            case Double number -> checkFinite(key, number);
            case Float number -> checkFinite(key, number.doubleValue());
            case null -> throw new ValidationException("Filter value for key '%s' is null; use a string, number or boolean".formatted(key));
            default -> throw new ValidationException("Filter value for key '%s' must be a string, number or boolean, got %s".formatted(key, value.getClass().getName()));
        }
    }

    private static void checkFinite(String key, double number)
    {
        if (!Double.isFinite(number)) {
            throw new ValidationException("Filter value for key '%s' must be finite, got %s".formatted(key, number));
        }
    }
}
