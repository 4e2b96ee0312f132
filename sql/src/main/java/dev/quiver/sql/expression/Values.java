package dev.quiver.sql.expression;

import dev.quiver.common.NumberText;

import dev.quiver.common.ErrorCode;
import dev.quiver.sql.session.Warning;

import dev.quiver.storage.json.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's conversions between runtime values: {@code null}, {@link Long}, {@link BigInteger} (unsigned BIGINT),
 * {@link BigDecimal}, {@link Double}, {@link String}, {@code byte[]}, {@link LocalDate}, {@link LocalDateTime},
 * {@link Duration}. Truth values are {@code Long} 0 or 1.
 */
public final class Values
{
    private static final Pattern NUMERIC_PREFIX = Pattern.compile("^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Values()
    {
    }

    public static Long truth(boolean value)
    {
        return value ? 1L : 0L;
    }

    /** SQL truth of a value: null for NULL, else whether it is non-zero as a number. */
    public static Boolean isTrue(Object value, Consumer<Warning> warnings)
    {
        return switch (value) {
            case null -> null;
            case Long number -> number != 0;
            case BigInteger number -> number.signum() != 0;
            case BigDecimal number -> number.signum() != 0;
            case Double number -> number != 0;
            case JsonNode.JsonBoolean bool -> bool.value();
            case JsonNode.JsonNumber number -> number.value().signum() != 0;
            case JsonNode.JsonNull ignored -> false;
            case JsonNode json when !(json instanceof JsonNode.JsonString) -> true;
            default -> toDouble(value, warnings) != 0;
        };
    }

    public static boolean isExactNumber(Object value)
    {
        return value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal;
    }

    public static double toDouble(Object value, Consumer<Warning> warnings)
    {
        return switch (value) {
            case Long number -> number;
            case BigInteger number -> number.doubleValue();
            case BigDecimal number -> number.doubleValue();
            case Double number -> number;
            case Float number -> number;
            case String text -> parseDouble(text, warnings);
            case byte[] bytes -> parseDouble(new String(bytes, StandardCharsets.UTF_8), warnings);
            case LocalDate date -> date.getYear() * 10000.0 + date.getMonthValue() * 100 + date.getDayOfMonth();
            case LocalDateTime dateTime -> Double.parseDouble(dateTime.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)));
            case Duration duration -> duration.toHours() * 10000.0 + duration.toMinutesPart() * 100 + duration.toSecondsPart();
            case JsonNode.JsonNumber number -> number.value().doubleValue();
            case JsonNode.JsonString string -> parseDouble(string.value(), warnings);
            case JsonNode.JsonBoolean bool -> bool.value() ? 1 : 0;
            case JsonNode ignored -> 0;
            default -> throw new IllegalStateException("unexpected value " + value.getClass());
        };
    }

    public static BigDecimal toDecimal(Object value, Consumer<Warning> warnings)
    {
        return switch (value) {
            case Long number -> BigDecimal.valueOf(number);
            case BigInteger number -> new BigDecimal(number);
            case BigDecimal number -> number;
            default -> {
                double result = toDouble(value, warnings);
                yield Double.isFinite(result) ? new BigDecimal(Double.toString(result)) : BigDecimal.ZERO;
            }
        };
    }

    /** A signed 64-bit integer, rounding fractions half away from zero as MySQL's CAST does. */
    public static long toLong(Object value, Consumer<Warning> warnings)
    {
        return switch (value) {
            case Long number -> number;
            case BigInteger number -> number.longValue();
            case BigDecimal number -> number.setScale(0, java.math.RoundingMode.HALF_UP).longValue();
            case Double number -> Math.round(number);
            default -> {
                String text = text(value);
                Matcher matcher = Pattern.compile("^\\s*[+-]?\\d+").matcher(text);
                if (matcher.find() && !text.trim().contains(".") && !text.trim().toLowerCase(Locale.ROOT).contains("e")) {
                    if (matcher.end() != text.length()) {
                        warnings.accept(Warning.of(Warning.Level.Warning, ErrorCode.ER_TRUNCATED_WRONG_VALUE, "INTEGER", text));
                    }
                    try {
                        yield Long.parseLong(matcher.group().trim());
                    }
                    catch (NumberFormatException ex) {
                        yield matcher.group().trim().startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
                    }
                }
                yield Math.round(toDouble(value, warnings));
            }
        };
    }

    private static double parseDouble(String text, Consumer<Warning> warnings)
    {
        Matcher matcher = NUMERIC_PREFIX.matcher(text);
        if (!matcher.find()) {
            warnings.accept(Warning.of(Warning.Level.Warning, ErrorCode.ER_TRUNCATED_WRONG_VALUE, "DOUBLE", text));
            return 0;
        }
        if (!text.substring(matcher.end()).isBlank()) {
            warnings.accept(Warning.of(Warning.Level.Warning, ErrorCode.ER_TRUNCATED_WRONG_VALUE, "DOUBLE", text));
        }
        return Double.parseDouble(matcher.group().trim());
    }

    /** The text form of a value, as CONCAT and the text protocol print it. */
    public static String text(Object value)
    {
        return switch (value) {
            case String text -> text;
            case Long number -> number.toString();
            case BigInteger number -> number.toString();
            case BigDecimal number -> number.toPlainString();
            case Double number -> doubleText(number);
            case Float number -> NumberText.floatText(number);
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            case LocalDate date -> date.toString();
            case LocalDateTime dateTime -> dateTimeText(dateTime);
            case Duration duration -> durationText(duration);
            case JsonNode json -> json.toString();
            default -> throw new IllegalStateException("unexpected value " + value.getClass());
        };
    }

    public static byte[] bytes(Object value)
    {
        if (value instanceof byte[] bytes) {
            return bytes;
        }
        return text(value).getBytes(StandardCharsets.UTF_8);
    }

    /** MySQL's text of a DOUBLE ({@link NumberText}). */
    public static String doubleText(double value)
    {
        return NumberText.doubleText(value);
    }

    private static String dateTimeText(LocalDateTime dateTime)
    {
        String result = dateTime.format(DATE_TIME);
        if (dateTime.getNano() == 0) {
            return result;
        }
        return result + "." + String.format(Locale.ROOT, "%06d", dateTime.getNano() / 1000);
    }

    private static String durationText(Duration duration)
    {
        long seconds = Math.abs(duration.getSeconds());
        String sign = duration.isNegative() ? "-" : "";
        return String.format(Locale.ROOT, "%s%02d:%02d:%02d", sign, seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }

    /**
     * MySQL's comparison: numbers numerically, strings case-insensitively with trailing spaces ignored
     * (utf8mb4_general_ci), binary strings bytewise, a string against a number as doubles. Null when either is NULL.
     */
    public static Integer compare(Object left, Object right, Consumer<Warning> warnings)
    {
        if (left == null || right == null) {
            return null;
        }
        if (left instanceof JsonNode || right instanceof JsonNode) {
            // MySQL compares a JSON value with a SQL value as JSON: by type first, strings exactly, numbers numerically
            return dev.quiver.storage.json.JsonComparison.compare(toJson(left), toJson(right));
        }
        if (left instanceof byte[] || right instanceof byte[]) {
            if (!isNumber(left) && !isNumber(right)) {
                return Arrays.compareUnsigned(bytes(left), bytes(right));
            }
        }
        if (isString(left) && isString(right)) {
            return compareText(text(left), text(right));
        }
        if (isTemporal(left) || isTemporal(right)) {
            if (!isNumber(left) && !isNumber(right)) {
                return compareText(text(left), text(right));
            }
        }
        if (isExactNumber(left) && isExactNumber(right)) {
            return toDecimal(left, warnings).compareTo(toDecimal(right, warnings));
        }
        return Double.compare(toDouble(left, warnings), toDouble(right, warnings));
    }

    /** A SQL value as a JSON scalar (a JSON value as is), as MySQL converts one side of a JSON comparison. */
    public static JsonNode toJson(Object value)
    {
        return switch (value) {
            case JsonNode json -> json;
            case Long number -> JsonNode.JsonNumber.of(number);
            case BigInteger number -> new JsonNode.JsonNumber(new BigDecimal(number), true);
            case BigDecimal number -> new JsonNode.JsonNumber(number, number.scale() <= 0);
            case Double number -> JsonNode.JsonNumber.of(number);
            case Float number -> JsonNode.JsonNumber.of(number.doubleValue());
            default -> new JsonNode.JsonString(text(value));
        };
    }

    public static int compareText(String left, String right)
    {
        return stripTrailingSpaces(left).toLowerCase(Locale.ROOT).compareTo(stripTrailingSpaces(right).toLowerCase(Locale.ROOT));
    }

    private static String stripTrailingSpaces(String text)
    {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }

    public static boolean isNumber(Object value)
    {
        return value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal || value instanceof Double || value instanceof Float;
    }

    public static boolean isString(Object value)
    {
        return value instanceof String || value instanceof byte[];
    }

    public static boolean isTemporal(Object value)
    {
        return value instanceof LocalDate || value instanceof LocalDateTime || value instanceof Duration;
    }
}
