package dev.quiver.storage.row;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.json.JsonNode;
import dev.quiver.storage.json.JsonParser;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Converts a value written to a column into the kind the column stores, enforcing MySQL's strict-mode checks:
 * 1048 NULL into NOT NULL, 1264 out of range, 1366 not a number, 1406 too long, 3140 malformed JSON, 1292 bad
 * temporal value, and the vector dimension check. {@code rowNumber} is 1-based, as in MySQL's messages.
 */
public final class ValueCoercion
{
    private ValueCoercion() {}

    public static Value coerce(String tableName, ColumnDefinition column, Value input, int rowNumber)
    {
        if (input.isNull()) {
            if (!column.nullable()) {
                throw new QuiverException(ErrorCode.ER_BAD_NULL_ERROR, column.name());
            }
            return Value.NULL;
        }
        return switch (column.type()) {
            case ColumnType.IntegerType type -> toInteger(column, input, rowNumber, toBigInteger(column, input, rowNumber, "integer"),
                    BigInteger.valueOf(type.minimum()), type.unsigned() ? new BigInteger(Long.toUnsignedString(type.maximum())) : BigInteger.valueOf(type.maximum()));
            case ColumnType.BooleanType ignored -> toInteger(column, input, rowNumber, toBigInteger(column, input, rowNumber, "integer"),
                    BigInteger.valueOf(-128), BigInteger.valueOf(127));
            case ColumnType.FloatType ignored -> {
                double value = toDouble(column, input, rowNumber);
                if (Double.isNaN(value) || Math.abs(value) > Float.MAX_VALUE) {
                    throw new QuiverException(ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, column.name(), rowNumber);
                }
                yield new Value.DoubleValue((float) value);
            }
            case ColumnType.DoubleType ignored -> {
                double value = toDouble(column, input, rowNumber);
                if (Double.isNaN(value) || Double.isInfinite(value)) {
                    throw new QuiverException(ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, column.name(), rowNumber);
                }
                yield new Value.DoubleValue(value);
            }
            case ColumnType.DecimalType type -> toDecimal(column, type, input, rowNumber);
            case ColumnType.StringType type -> toText(column, type, input, rowNumber);
            case ColumnType.BinaryType type -> toBinary(column, type, input, rowNumber);
            case ColumnType.JsonType ignored -> toJson(tableName, column, input);
            case ColumnType.VectorType type -> toVector(column, type, input);
            case ColumnType.TemporalType type -> toTemporal(column, type, input);
        };
    }

    private static Value toInteger(ColumnDefinition column, Value input, int rowNumber, BigInteger value, BigInteger minimum, BigInteger maximum)
    {
        if (value.compareTo(minimum) < 0 || value.compareTo(maximum) > 0) {
            throw new QuiverException(ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, column.name(), rowNumber);
        }
        if (value.bitLength() < 64) {
            return Value.of(value.longValue());
        }
        return Value.IntegerValue.unsignedOf(value.longValue());
    }

    private static BigInteger toBigInteger(ColumnDefinition column, Value input, int rowNumber, String typeName)
    {
        return switch (input) {
            case Value.IntegerValue integer -> integer.toBigInteger();
            case Value.DecimalValue decimal -> decimal.value().setScale(0, RoundingMode.HALF_UP).toBigInteger();
            case Value.DoubleValue real -> {
                if (Double.isNaN(real.value()) || Double.isInfinite(real.value())) {
                    throw new QuiverException(ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, column.name(), rowNumber);
                }
                yield new BigDecimal(real.value()).setScale(0, RoundingMode.HALF_UP).toBigInteger();
            }
            default -> parseNumber(column, input, rowNumber, typeName).setScale(0, RoundingMode.HALF_UP).toBigInteger();
        };
    }

    private static BigDecimal parseNumber(ColumnDefinition column, Value input, int rowNumber, String typeName)
    {
        String text = input.toSqlText();
        if (input instanceof Value.StringValue || input instanceof Value.BytesValue) {
            try {
                return new BigDecimal(text.strip());
            }
            catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new QuiverException(ErrorCode.ER_TRUNCATED_WRONG_VALUE_FOR_FIELD, typeName, text, column.name(), rowNumber);
    }

    private static double toDouble(ColumnDefinition column, Value input, int rowNumber)
    {
        return switch (input) {
            case Value.IntegerValue integer -> integer.unsigned() ? integer.toBigInteger().doubleValue() : (double) integer.value();
            case Value.DecimalValue decimal -> decimal.value().doubleValue();
            case Value.DoubleValue real -> real.value();
            default -> parseNumber(column, input, rowNumber, "double").doubleValue();
        };
    }

    private static Value toDecimal(ColumnDefinition column, ColumnType.DecimalType type, Value input, int rowNumber)
    {
        BigDecimal value = switch (input) {
            case Value.IntegerValue integer -> integer.toBigDecimal();
            case Value.DecimalValue decimal -> decimal.value();
            case Value.DoubleValue real -> {
                if (Double.isNaN(real.value()) || Double.isInfinite(real.value())) {
                    throw new QuiverException(ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, column.name(), rowNumber);
                }
                yield new BigDecimal(Double.toString(real.value()));
            }
            default -> parseNumber(column, input, rowNumber, "decimal");
        };
        BigDecimal rounded = value.setScale(type.scale(), RoundingMode.HALF_UP);
        int integerDigits = rounded.precision() - rounded.scale();
        if (rounded.signum() != 0 && integerDigits > type.precision() - type.scale()) {
            throw new QuiverException(ErrorCode.ER_WARN_DATA_OUT_OF_RANGE, column.name(), rowNumber);
        }
        return new Value.DecimalValue(rounded);
    }

    private static Value toText(ColumnDefinition column, ColumnType.StringType type, Value input, int rowNumber)
    {
        String text = input.toSqlText();
        if (type.lengthInCharacters()) {
            int length = text.codePointCount(0, text.length());
            if (length > type.maxLength()) {
                int cut = text.offsetByCodePoints(0, (int) type.maxLength());
                if (!text.substring(cut).isBlank() || !text.substring(cut).chars().allMatch(c -> c == ' ')) {
                    throw new QuiverException(ErrorCode.ER_DATA_TOO_LONG, column.name(), rowNumber);
                }
                text = text.substring(0, cut);
            }
        }
        else if (text.getBytes(StandardCharsets.UTF_8).length > type.maxLength()) {
            throw new QuiverException(ErrorCode.ER_DATA_TOO_LONG, column.name(), rowNumber);
        }
        if (type.kind() == ColumnType.StringKind.CHAR) {
            text = text.stripTrailing().length() == text.length() ? text : stripTrailingSpaces(text);
        }
        return new Value.StringValue(text);
    }

    private static String stripTrailingSpaces(String text)
    {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }

    private static Value toBinary(ColumnDefinition column, ColumnType.BinaryType type, Value input, int rowNumber)
    {
        byte[] bytes = input instanceof Value.BytesValue binary ? binary.value() : input.toSqlText().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > type.maxLength()) {
            throw new QuiverException(ErrorCode.ER_DATA_TOO_LONG, column.name(), rowNumber);
        }
        if (type.kind() == ColumnType.BinaryKind.BINARY && bytes.length < type.maxLength()) {
            bytes = Arrays.copyOf(bytes, (int) type.maxLength());
        }
        return new Value.BytesValue(bytes);
    }

    private static Value toJson(String tableName, ColumnDefinition column, Value input)
    {
        return switch (input) {
            case Value.JsonValue json -> json;
            case Value.StringValue string -> {
                try {
                    yield new Value.JsonValue(JsonParser.parse(string.value()));
                }
                catch (JsonParser.MalformedJsonException e) {
                    throw new QuiverException(ErrorCode.ER_INVALID_JSON_TEXT, e.reason(), e.position(), tableName + "." + column.name());
                }
            }
            case Value.BytesValue ignored -> throw new QuiverException(ErrorCode.ER_INVALID_JSON_CHARSET, "binary");
            default -> throw new QuiverException(ErrorCode.ER_INVALID_JSON_TEXT, "not a JSON text, may need CAST", 0, tableName + "." + column.name());
        };
    }

    private static Value toVector(ColumnDefinition column, ColumnType.VectorType type, Value input)
    {
        float[] elements = switch (input) {
            case Value.VectorValue vector -> vector.value();
            case Value.StringValue string -> parseVector(column, string.value());
            case Value.JsonValue json -> parseVector(column, json.value().toString());
            default -> throw new QuiverException(ErrorCode.ER_INVALID_VECTOR_TEXT, column.name(), "not a vector: " + input.toSqlText());
        };
        if (elements.length != type.dimensions()) {
            throw new QuiverException(ErrorCode.ER_VECTOR_DIMENSION_MISMATCH, column.name(), type.dimensions(), elements.length);
        }
        for (float element : elements) {
            if (!Float.isFinite(element)) {
                throw new QuiverException(ErrorCode.ER_INVALID_VECTOR_TEXT, column.name(), "elements must be finite");
            }
        }
        return new Value.VectorValue(elements);
    }

    /** Parses seekdb's vector text {@code [1, 2.5, -3e2]}. */
    public static float[] parseVector(ColumnDefinition column, String text)
    {
        String trimmed = text.strip();
        if (!trimmed.startsWith("[") || !trimmed.endsWith("]")) {
            throw new QuiverException(ErrorCode.ER_INVALID_VECTOR_TEXT, column.name(), "expected '[' ... ']'");
        }
        String body = trimmed.substring(1, trimmed.length() - 1).strip();
        if (body.isEmpty()) {
            return new float[0];
        }
        String[] parts = body.split(",", -1);
        float[] elements = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                elements[i] = Float.parseFloat(parts[i].strip());
            }
            catch (NumberFormatException e) {
                throw new QuiverException(ErrorCode.ER_INVALID_VECTOR_TEXT, column.name(), "bad element '" + parts[i].strip() + "'");
            }
        }
        return elements;
    }

    private static Value toTemporal(ColumnDefinition column, ColumnType.TemporalType type, Value input)
    {
        LocalDateTime dateTime = switch (input) {
            case Value.DateValue date -> date.value().atStartOfDay();
            case Value.DateTimeValue timestamp -> timestamp.value();
            case Value.StringValue string -> parseDateTime(string.value(), type);
            default -> throw new QuiverException(ErrorCode.ER_TRUNCATED_WRONG_VALUE, type.kind().name().toLowerCase(java.util.Locale.ROOT), input.toSqlText());
        };
        if (type.kind() == ColumnType.TemporalKind.DATE) {
            return new Value.DateValue(dateTime.toLocalDate());
        }
        long unit = (long) Math.pow(10, 9 - type.fractionalDigits());
        long nanos = dateTime.getNano();
        long rounded = (nanos + unit / 2) / unit * unit;
        return new Value.DateTimeValue(dateTime.withNano(0).plusNanos(rounded));
    }

    private static LocalDateTime parseDateTime(String text, ColumnType.TemporalType type)
    {
        String trimmed = text.strip();
        try {
            if (trimmed.length() <= 10) {
                return LocalDate.parse(trimmed).atStartOfDay();
            }
            String datePart = trimmed.substring(0, 10);
            String timePart = trimmed.substring(11);
            return LocalDate.parse(datePart).atTime(LocalTime.parse(timePart));
        }
        catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new QuiverException(ErrorCode.ER_TRUNCATED_WRONG_VALUE, type.kind().name().toLowerCase(java.util.Locale.ROOT), text);
        }
    }

    /** Converts a SQL value to a JSON scalar for comparison with a JSON column or path. */
    public static JsonNode toJsonNode(Value value)
    {
        return switch (value) {
            case Value.NullValue ignored -> JsonNode.NULL;
            case Value.IntegerValue integer -> new JsonNode.JsonNumber(integer.toBigDecimal(), true);
            case Value.DoubleValue real -> JsonNode.JsonNumber.of(real.value());
            case Value.DecimalValue decimal -> new JsonNode.JsonNumber(decimal.value(), false);
            case Value.JsonValue json -> json.value();
            default -> new JsonNode.JsonString(value.toSqlText());
        };
    }
}
