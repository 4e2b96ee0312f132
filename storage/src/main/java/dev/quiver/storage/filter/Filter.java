package dev.quiver.storage.filter;

import dev.quiver.storage.json.JsonPath;
import dev.quiver.storage.row.Value;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A row predicate the engine can evaluate and index: equality, range, IN and IS NULL over a column or a JSON path
 * inside a JSON column, combined with AND, OR and NOT. Evaluation follows SQL's three-valued logic (a comparison
 * with NULL is unknown, NOT unknown is unknown, only TRUE rows match). Comparisons follow
 * {@link dev.quiver.storage.row.ValueComparison}: text columns under {@code utf8mb4_general_ci}, JSON paths with
 * MySQL's JSON comparison (a missing path is SQL NULL; JSON {@code null} is a value, not SQL NULL).
 */
public sealed interface Filter
        permits Filter.All, Filter.Equal, Filter.Range, Filter.In, Filter.IsNull, Filter.And, Filter.Or, Filter.Not
{
    All ALL = new All();

    /** What a predicate reads: a column, or a JSON path inside a JSON column ({@code metadata->'$.a.b'}). */
    record Field(String column, Optional<JsonPath> path)
    {
        public Field
        {
            requireNonNull(column, "column is null");
            requireNonNull(path, "path is null");
        }

        public static Field column(String column)
        {
            return new Field(column, Optional.empty());
        }

        public static Field json(String column, String path)
        {
            return new Field(column, Optional.of(JsonPath.parse(path)));
        }
    }

    /** Matches every row. */
    record All()
            implements Filter {}

    /** {@code field = value}; {@code value} must not be NULL (use {@link IsNull}). */
    record Equal(Field field, Value value)
            implements Filter
    {
        public Equal
        {
            requireNonNull(field, "field is null");
            requireNonNull(value, "value is null");
        }
    }

    /** {@code lower <(=) field <(=) upper}; an empty bound is open. */
    record Range(Field field, Optional<Value> lower, boolean lowerInclusive, Optional<Value> upper, boolean upperInclusive)
            implements Filter
    {
        public Range
        {
            requireNonNull(field, "field is null");
            requireNonNull(lower, "lower is null");
            requireNonNull(upper, "upper is null");
        }

        public static Range greaterThan(Field field, Value value)
        {
            return new Range(field, Optional.of(value), false, Optional.empty(), false);
        }

        public static Range atLeast(Field field, Value value)
        {
            return new Range(field, Optional.of(value), true, Optional.empty(), false);
        }

        public static Range lessThan(Field field, Value value)
        {
            return new Range(field, Optional.empty(), false, Optional.of(value), false);
        }

        public static Range atMost(Field field, Value value)
        {
            return new Range(field, Optional.empty(), false, Optional.of(value), true);
        }

        public static Range between(Field field, Value lower, Value upper)
        {
            return new Range(field, Optional.of(lower), true, Optional.of(upper), true);
        }
    }

    /** {@code field IN (values)}; a NULL in the list makes a non-match unknown, as in SQL. */
    record In(Field field, List<Value> values)
            implements Filter
    {
        public In
        {
            requireNonNull(field, "field is null");
            values = List.copyOf(requireNonNull(values, "values is null"));
        }
    }

    /** {@code field IS NULL}; for a JSON path, true when the path is missing. */
    record IsNull(Field field)
            implements Filter
    {
        public IsNull
        {
            requireNonNull(field, "field is null");
        }
    }

    record And(List<Filter> operands)
            implements Filter
    {
        public And
        {
            operands = List.copyOf(requireNonNull(operands, "operands is null"));
        }
    }

    record Or(List<Filter> operands)
            implements Filter
    {
        public Or
        {
            operands = List.copyOf(requireNonNull(operands, "operands is null"));
        }
    }

    record Not(Filter operand)
            implements Filter
    {
        public Not
        {
            requireNonNull(operand, "operand is null");
        }
    }

    static Filter equal(String column, Value value)
    {
        return new Equal(Field.column(column), value);
    }

    static Filter and(Filter... operands)
    {
        return new And(List.of(operands));
    }

    static Filter or(Filter... operands)
    {
        return new Or(List.of(operands));
    }

    static Filter not(Filter operand)
    {
        return new Not(operand);
    }
}
