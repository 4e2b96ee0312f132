package dev.quiver.client.model;

import dev.quiver.client.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A document filter, seekdb's {@code whereDocument}: {@code $contains} (full-text
 * {@code MATCH(document) AGAINST (... IN NATURAL LANGUAGE MODE)}, any token matches) and
 * {@code $regex} ({@code document REGEXP ...}), combined with {@code $and} / {@code $or}. The text
 * is always a bound JDBC parameter.
 */
public sealed interface WhereDocument
{
    /** Documents containing any token of {@code text} (full-text search). */
    static WhereDocument contains(String text)
    {
        return new Contains(text);
    }

    /** Documents matching the regular expression (MySQL {@code REGEXP}, unanchored). */
    static WhereDocument regex(String pattern)
    {
        return new Regex(pattern);
    }

    static WhereDocument and(WhereDocument... operands)
    {
        return new And(List.of(operands));
    }

    static WhereDocument or(WhereDocument... operands)
    {
        return new Or(List.of(operands));
    }

    /**
     * A filter in the seekdb SDKs' object form: {@code {"$contains": "x"}}, {@code {"$regex": "^a"}},
     * {@code {"$and": [...]}}, {@code {"$or": [...]}}. Several keys are an {@link AllOf}.
     */
    static WhereDocument fromMap(Map<String, ?> filter)
    {
        requireNonNull(filter, "filter is null");
        List<WhereDocument> conditions = new ArrayList<>();
        for (Map.Entry<String, ?> entry : filter.entrySet()) {
            Object value = entry.getValue();
            switch (entry.getKey()) {
                case "$contains" -> conditions.add(contains(asText("$contains", value)));
                case "$regex" -> conditions.add(regex(asText("$regex", value)));
                case "$and" -> conditions.add(new And(fromMaps("$and", value)));
                case "$or" -> conditions.add(new Or(fromMaps("$or", value)));
                default -> throw new ValidationException("Unknown document filter operator: " + entry.getKey());
            }
        }
        if (conditions.size() == 1) {
            return conditions.getFirst();
        }
        return new AllOf(conditions);
    }

    @SuppressWarnings("unchecked")
    private static List<WhereDocument> fromMaps(String operator, Object value)
    {
        if (!(value instanceof List<?> list)) {
            throw new ValidationException(operator + " needs a list of document filters, got: " + value);
        }
        List<WhereDocument> result = new ArrayList<>();
        for (Object each : list) {
            if (!(each instanceof Map<?, ?> map)) {
                throw new ValidationException(operator + " needs document filter objects, got: " + each);
            }
            result.add(fromMap((Map<String, ?>) map));
        }
        return result;
    }

    private static String asText(String operator, Object value)
    {
        if (!(value instanceof String text)) {
            throw new ValidationException(operator + " needs a string, got: " + value);
        }
        return text;
    }

    /**
     * {@code $contains}.
     *
     * @param text the text whose tokens to match
     */
    record Contains(String text)
            implements WhereDocument
    {
        public Contains
        {
            requireNonNull(text, "text is null");
        }
    }

    /**
     * {@code $regex}.
     *
     * @param pattern the regular expression
     */
    record Regex(String pattern)
            implements WhereDocument
    {
        public Regex
        {
            requireNonNull(pattern, "pattern is null");
        }
    }

    /**
     * {@code $and}: {@code (a AND b ...)}.
     *
     * @param operands the conditions
     */
    record And(List<WhereDocument> operands)
            implements WhereDocument
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
    record Or(List<WhereDocument> operands)
            implements WhereDocument
    {
        public Or
        {
            operands = checkOperands("$or", operands);
        }
    }

    /**
     * The conditions of one filter object's keys, joined with {@code AND} without parentheses.
     *
     * @param conditions the conditions
     */
    record AllOf(List<WhereDocument> conditions)
            implements WhereDocument
    {
        public AllOf
        {
            conditions = checkOperands("document filter object", conditions);
        }
    }

    private static List<WhereDocument> checkOperands(String operator, List<WhereDocument> operands)
    {
        requireNonNull(operands, "operands is null");
        if (operands.isEmpty()) {
            throw new ValidationException(operator + " needs at least one condition");
        }
        return List.copyOf(operands);
    }
}
