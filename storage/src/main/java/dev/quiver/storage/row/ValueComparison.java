package dev.quiver.storage.row;

import dev.quiver.storage.json.JsonComparison;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;

/**
 * Compares two non-null values the way MySQL compares a column with a constant: numbers numerically (as doubles
 * when either side is approximate), character strings under {@code utf8mb4_general_ci}, byte strings (or a byte
 * string and a character string) by bytes, a string with a number as numbers, temporal values chronologically
 * (strings parsed), and a JSON value with anything by {@link JsonComparison}.
 */
public final class ValueComparison
{
    private ValueComparison() {}

    public static int compare(Value left, Value right)
    {
        if (left.isNull() || right.isNull()) {
            throw new IllegalArgumentException("NULL has no order; the caller handles it");
        }
        if (left instanceof Value.JsonValue || right instanceof Value.JsonValue) {
            return JsonComparison.compare(ValueCoercion.toJsonNode(left), ValueCoercion.toJsonNode(right));
        }
        if (isNumeric(left) || isNumeric(right)) {
            if (isNumeric(left) && isNumeric(right)) {
                return compareNumbers(left, right);
            }
            return Double.compare(toDouble(left), toDouble(right));
        }
        if (left instanceof Value.StringValue l && right instanceof Value.StringValue r) {
            return Collation.compare(l.value(), r.value());
        }
        if (isTemporal(left) || isTemporal(right)) {
            return toDateTime(left).compareTo(toDateTime(right));
        }
        if (left instanceof Value.VectorValue l && right instanceof Value.VectorValue r) {
            return Arrays.compare(l.value(), r.value());
        }
        return Arrays.compareUnsigned(bytes(left), bytes(right));
    }

    public static boolean equal(Value left, Value right)
    {
        return compare(left, right) == 0;
    }

    /** Orders rows for ORDER BY: NULL first when ascending, as MySQL does. */
    public static int compareForSort(Value left, Value right)
    {
        if (left.isNull() || right.isNull()) {
            return Boolean.compare(!left.isNull(), !right.isNull());
        }
        return compare(left, right);
    }

    /** The key under which a value takes part in a unique index: equal keys mean a duplicate. */
    public static Object indexKey(Value value)
    {
        return switch (value) {
            case Value.StringValue string -> new CollatedKey(Collation.key(string.value()));
            default -> value;
        };
    }

    /** A composite index key; null when any part is NULL (such keys never conflict, as in MySQL). */
    public static List<Object> indexKey(Row row, int[] positions)
    {
        Object[] parts = new Object[positions.length];
        for (int i = 0; i < positions.length; i++) {
            Value value = row.get(positions[i]);
            if (value.isNull()) {
                return null;
            }
            parts[i] = indexKey(value);
        }
        return List.of(parts);
    }

    /** The duplicate-entry text of a key, as in MySQL's 1062 message: the parts joined with '-'. */
    public static String keyText(Row row, int[] positions)
    {
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < positions.length; i++) {
            if (i > 0) {
                builder.append('-');
            }
            builder.append(row.get(positions[i]).toSqlText());
        }
        return builder.toString();
    }

    /** A text key part: the collation key of the value. */
    public record CollatedKey(String key) {}

    private static boolean isNumeric(Value value)
    {
        return value instanceof Value.IntegerValue || value instanceof Value.DoubleValue || value instanceof Value.DecimalValue;
    }

    private static boolean isTemporal(Value value)
    {
        return value instanceof Value.DateValue || value instanceof Value.DateTimeValue;
    }

    private static int compareNumbers(Value left, Value right)
    {
        if (left instanceof Value.DoubleValue || right instanceof Value.DoubleValue) {
            return Double.compare(toDouble(left), toDouble(right));
        }
        return toBigDecimal(left).compareTo(toBigDecimal(right));
    }

    private static BigDecimal toBigDecimal(Value value)
    {
        return switch (value) {
            case Value.IntegerValue integer -> integer.toBigDecimal();
            case Value.DecimalValue decimal -> decimal.value();
            default -> BigDecimal.valueOf(toDouble(value));
        };
    }

    private static double toDouble(Value value)
    {
        return switch (value) {
            case Value.IntegerValue integer -> integer.unsigned() ? integer.toBigInteger().doubleValue() : integer.value();
            case Value.DoubleValue real -> real.value();
            case Value.DecimalValue decimal -> decimal.value().doubleValue();
            default -> parseLeadingDouble(value.toSqlText());
        };
    }

    /** MySQL's string-to-number conversion: the longest numeric prefix, 0 when there is none. */
    private static double parseLeadingDouble(String text)
    {
        String trimmed = text.strip();
        for (int end = trimmed.length(); end > 0; end--) {
            try {
                return Double.parseDouble(trimmed.substring(0, end));
            }
            catch (NumberFormatException e) {
                // try a shorter prefix
            }
        }
        return 0;
    }

    private static LocalDateTime toDateTime(Value value)
    {
        return switch (value) {
            case Value.DateValue date -> date.value().atStartOfDay();
            case Value.DateTimeValue dateTime -> dateTime.value();
            default -> {
                String text = value.toSqlText().strip();
                try {
                    yield text.length() <= 10 ? LocalDate.parse(text).atStartOfDay()
                            : LocalDate.parse(text.substring(0, 10)).atTime(LocalTime.parse(text.substring(11)));
                }
                catch (RuntimeException e) {
                    yield LocalDateTime.MIN;
                }
            }
        };
    }

    private static byte[] bytes(Value value)
    {
        return value instanceof Value.BytesValue binary ? binary.value() : value.toSqlText().getBytes(StandardCharsets.UTF_8);
    }
}
