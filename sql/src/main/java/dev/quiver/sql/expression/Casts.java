package dev.quiver.sql.expression;

import dev.quiver.common.ErrorCode;
import dev.quiver.sql.session.Warning;
import dev.quiver.sql.tree.CastTarget;
import dev.quiver.sql.type.SqlType;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;

/** CAST/CONVERT, and the coercion of a computed value to its column's static type. */
public final class Casts
{
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS][.S]", Locale.ROOT);

    private Casts()
    {
    }

    public static Object cast(Object value, CastTarget target, Consumer<Warning> warnings)
    {
        if (value == null) {
            return null;
        }
        return switch (target.kind()) {
            case SIGNED -> Values.toLong(value, warnings);
            case UNSIGNED -> {
                if (value instanceof BigInteger number) {
                    yield number;
                }
                long result = Values.toLong(value, warnings);
                yield result >= 0 ? (Object) result : BigInteger.valueOf(result).add(TWO_TO_64);
            }
            case DECIMAL -> Values.toDecimal(value, warnings).setScale(target.scale().orElse(0), RoundingMode.HALF_UP);
            case DOUBLE, FLOAT -> Values.toDouble(value, warnings);
            case CHAR -> {
                String text = Values.text(value);
                if (target.length().isPresent() && text.codePointCount(0, text.length()) > target.length().getAsInt()) {
                    warnings.accept(Warning.of(Warning.Level.Warning, ErrorCode.ER_TRUNCATED_WRONG_VALUE, "CHAR(" + target.length().getAsInt() + ")", text));
                    yield text.substring(0, text.offsetByCodePoints(0, target.length().getAsInt()));
                }
                yield text;
            }
            case BINARY -> {
                byte[] bytes = Values.bytes(value);
                if (target.length().isPresent()) {
                    yield Arrays.copyOf(bytes, target.length().getAsInt());
                }
                yield bytes;
            }
            case DATE -> {
                LocalDateTime dateTime = toDateTime(value, warnings);
                yield dateTime == null ? null : dateTime.toLocalDate();
            }
            case DATETIME -> toDateTime(value, warnings);
            case TIME -> toTime(value, warnings);
            case JSON -> throw new IllegalStateException("CAST to JSON needs the expression's type: JsonFunctions.castToJson");
        };
    }

    /** Converts a value to the runtime representation of {@code type} (e.g. IF(1, 1, 'a') gives the text '1'). */
    public static Object coerce(Object value, SqlType type, Consumer<Warning> warnings)
    {
        if (value == null) {
            return null;
        }
        return switch (type.kind()) {
            case NULL -> null;
            case BIGINT -> value instanceof Long || (type.unsigned() && value instanceof BigInteger) ? value : Values.toLong(value, warnings);
            case DECIMAL -> Values.toDecimal(value, warnings).setScale(type.scale(), RoundingMode.HALF_UP);
            case DOUBLE -> Values.toDouble(value, warnings);
            case VARCHAR -> Values.text(value);
            case VARBINARY -> Values.bytes(value);
            case DATE -> value instanceof LocalDate ? value : cast(value, CastTarget.of(CastTarget.Kind.DATE), warnings);
            case DATETIME -> value instanceof LocalDateTime ? value : cast(value, CastTarget.of(CastTarget.Kind.DATETIME), warnings);
            case TIME -> value instanceof Duration ? value : cast(value, CastTarget.of(CastTarget.Kind.TIME), warnings);
            case JSON -> value instanceof String ? value : Values.toJson(value).toString();
        };
    }

    private static LocalDateTime toDateTime(Object value, Consumer<Warning> warnings)
    {
        if (value instanceof LocalDateTime dateTime) {
            return dateTime;
        }
        if (value instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        String text = Values.text(value).trim();
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay();
            }
            return LocalDateTime.parse(text, DATE_TIME);
        }
        catch (DateTimeParseException ex) {
            warnings.accept(Warning.of(Warning.Level.Warning, ErrorCode.ER_TRUNCATED_WRONG_VALUE, "datetime", text));
            return null;
        }
    }

    private static Duration toTime(Object value, Consumer<Warning> warnings)
    {
        if (value instanceof Duration duration) {
            return duration;
        }
        if (value instanceof LocalDateTime dateTime) {
            return Duration.ofSeconds(dateTime.toLocalTime().toSecondOfDay());
        }
        String text = Values.text(value).trim();
        try {
            return Duration.ofSeconds(LocalTime.parse(text).toSecondOfDay());
        }
        catch (DateTimeParseException ex) {
            warnings.accept(Warning.of(Warning.Level.Warning, ErrorCode.ER_TRUNCATED_WRONG_VALUE, "time", text));
            return null;
        }
    }
}
