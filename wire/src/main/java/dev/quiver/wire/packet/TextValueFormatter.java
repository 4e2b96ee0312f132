package dev.quiver.wire.packet;

import dev.quiver.common.NumberText;
import dev.quiver.wire.spi.ColumnDescriptor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Formats a value the way MySQL prints it in a text result row.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset_row.html">Text Resultset Row</a>
 */
public final class TextValueFormatter
{
    private TextValueFormatter() {}

    /** The value's bytes; {@code value} must not be null (NULL is the row's 0xFB marker). */
    public static byte[] format(Object value, ColumnDescriptor column)
    {
        return switch (value) {
            case byte[] bytes -> bytes;
            case String string -> string.getBytes(StandardCharsets.UTF_8);
            default -> formatToString(value, column.decimals()).getBytes(StandardCharsets.US_ASCII);
        };
    }

    public static String formatToString(Object value, int decimals)
    {
        return switch (value) {
            case String string -> string;
            case Long number -> number.toString();
            case Integer number -> number.toString();
            case Short number -> number.toString();
            case Byte number -> number.toString();
            case BigInteger number -> number.toString();
            case BigDecimal number -> number.toPlainString();
            case Double number -> formatDouble(number);
            case Float number -> formatFloat(number);
            case Boolean bool -> bool ? "1" : "0";
            case LocalDate date -> formatDate(date);
            case LocalDateTime dateTime -> formatDate(dateTime.toLocalDate()) + " "
                    + formatTime(dateTime.toLocalTime(), decimals);
            case LocalTime time -> formatTime(time, decimals);
            case Duration duration -> formatDuration(duration, decimals);
            default -> throw new IllegalArgumentException("Unsupported value type for a result row: " + value.getClass().getName());
        };
    }

    /** MySQL's text of a DOUBLE: shortest round-trip digits, fixed or exponent notation ({@link NumberText}). */
    public static String formatDouble(double value)
    {
        return NumberText.doubleText(value);
    }

    public static String formatFloat(float value)
    {
        return NumberText.floatText(value);
    }

    public static String formatDate(LocalDate date)
    {
        return pad(date.getYear(), 4) + "-" + pad(date.getMonthValue(), 2) + "-" + pad(date.getDayOfMonth(), 2);
    }

    static String formatTime(LocalTime time, int decimals)
    {
        return pad(time.getHour(), 2) + ":" + pad(time.getMinute(), 2) + ":" + pad(time.getSecond(), 2)
                + fraction(time.getNano(), decimals);
    }

    public static String formatDuration(Duration duration, int decimals)
    {
        String sign = duration.isNegative() ? "-" : "";
        Duration absolute = duration.abs();
        long seconds = absolute.getSeconds();
        return sign + pad(seconds / 3600, 2) + ":" + pad(seconds / 60 % 60, 2) + ":" + pad(seconds % 60, 2)
                + fraction(absolute.getNano(), decimals);
    }

    /**
     * The fractional seconds: exactly {@code decimals} digits for a column with fractional precision 1..6;
     * otherwise six digits, only when the value has a fraction.
     */
    private static String fraction(int nanos, int decimals)
    {
        String micros = pad(nanos / 1000, 6);
        if (decimals >= 1 && decimals <= 6) {
            return "." + micros.substring(0, decimals);
        }
        return nanos / 1000 == 0 ? "" : "." + micros;
    }

    private static String pad(long value, int width)
    {
        String text = Long.toString(value);
        return text.length() >= width ? text : "0".repeat(width - text.length()) + text;
    }
}
