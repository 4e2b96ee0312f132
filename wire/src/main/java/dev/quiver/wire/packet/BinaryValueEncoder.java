package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;
import dev.quiver.wire.spi.ColumnDescriptor;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Writes one non-NULL value in the binary protocol form of its column's type.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_binary_resultset.html#sect_protocol_binary_resultset_row_value">Binary Protocol Value</a>
 */
final class BinaryValueEncoder
{
    private BinaryValueEncoder() {}

    static void write(PacketWriter writer, ColumnDescriptor column, Object value)
    {
        switch (column.type()) {
            case TINY -> writer.writeFixedInt1((int) toLong(value));
            case SHORT, YEAR -> writer.writeFixedInt2((int) toLong(value));
            case LONG, INT24 -> writer.writeFixedInt4(toLong(value));
            case LONGLONG -> writer.writeFixedInt8(toLong(value));
            case FLOAT -> writer.writeFixedInt4(Float.floatToIntBits(toNumber(value).floatValue()));
            case DOUBLE -> writer.writeFixedInt8(Double.doubleToLongBits(toNumber(value).doubleValue()));
            case DATE -> writeDate(writer, value);
            case DATETIME, TIMESTAMP -> writeDateTime(writer, value);
            case TIME -> writeTime(writer, value);
            case NULL -> throw new IllegalArgumentException("a column of type NULL holds only NULL");
            case DECIMAL, NEWDECIMAL, VARCHAR, BIT, JSON, ENUM, SET, TINY_BLOB, MEDIUM_BLOB, LONG_BLOB, BLOB,
                 VAR_STRING, STRING, GEOMETRY -> writer.writeLengthEncodedBytes(TextValueFormatter.format(value, column));
        }
    }

    private static long toLong(Object value)
    {
        return switch (value) {
            case Number number -> number.longValue();
            case Boolean bool -> bool ? 1 : 0;
            case String string -> parseInteger(string);
            default -> throw unsupported(value, "an integer");
        };
    }

    private static long parseInteger(String text)
    {
        BigInteger result = new BigDecimal(text.trim()).toBigInteger();
        return result.longValue();
    }

    private static Number toNumber(Object value)
    {
        return switch (value) {
            case Number number -> number;
            case Boolean bool -> bool ? 1 : 0;
            case String string -> Double.parseDouble(string.trim());
            default -> throw unsupported(value, "a floating point number");
        };
    }

    /** MySQL's zero date ({@code 0000-00-00}) has no java.time form; the binary protocol sends it as length 0. */
    private static boolean isZeroDate(Object value)
    {
        return value instanceof String text && text.trim().startsWith("0000-00-00");
    }

    private static void writeDate(PacketWriter writer, Object value)
    {
        if (isZeroDate(value)) {
            writer.writeFixedInt1(0);
            return;
        }
        LocalDate date = switch (value) {
            case LocalDate each -> each;
            case LocalDateTime each -> each.toLocalDate();
            case String each -> LocalDate.parse(each.trim());
            default -> throw unsupported(value, "a date");
        };
        writer.writeFixedInt1(4);
        writeDatePart(writer, date);
    }

    private static void writeDateTime(PacketWriter writer, Object value)
    {
        if (isZeroDate(value)) {
            writer.writeFixedInt1(0);
            return;
        }
        LocalDateTime dateTime = switch (value) {
            case LocalDateTime each -> each;
            case LocalDate each -> each.atStartOfDay();
            case String each -> LocalDateTime.parse(each.trim().replace(' ', 'T'));
            default -> throw unsupported(value, "a datetime");
        };
        int micros = dateTime.getNano() / 1000;
        boolean hasTime = dateTime.getHour() != 0 || dateTime.getMinute() != 0 || dateTime.getSecond() != 0;
        writer.writeFixedInt1(micros != 0 ? 11 : hasTime ? 7 : 4);
        writeDatePart(writer, dateTime.toLocalDate());
        if (micros == 0 && !hasTime) {
            return;
        }
        writer.writeFixedInt1(dateTime.getHour()).writeFixedInt1(dateTime.getMinute()).writeFixedInt1(dateTime.getSecond());
        if (micros != 0) {
            writer.writeFixedInt4(micros);
        }
    }

    private static void writeDatePart(PacketWriter writer, LocalDate date)
    {
        writer.writeFixedInt2(date.getYear()).writeFixedInt1(date.getMonthValue()).writeFixedInt1(date.getDayOfMonth());
    }

    private static void writeTime(PacketWriter writer, Object value)
    {
        Duration duration = switch (value) {
            case Duration each -> each;
            case LocalTime each -> Duration.ofNanos(each.toNanoOfDay());
            default -> throw unsupported(value, "a time");
        };
        boolean negative = duration.isNegative();
        Duration absolute = duration.abs();
        long seconds = absolute.getSeconds();
        int micros = absolute.getNano() / 1000;
        if (seconds == 0 && micros == 0) {
            writer.writeFixedInt1(0);
            return;
        }
        writer.writeFixedInt1(micros != 0 ? 12 : 8)
                .writeFixedInt1(negative ? 1 : 0)
                .writeFixedInt4(seconds / 86_400)
                .writeFixedInt1((int) (seconds / 3600 % 24))
                .writeFixedInt1((int) (seconds / 60 % 60))
                .writeFixedInt1((int) (seconds % 60));
        if (micros != 0) {
            writer.writeFixedInt4(micros);
        }
    }

    private static IllegalArgumentException unsupported(Object value, String expected)
    {
        return new IllegalArgumentException("Expected " + expected + " for a binary result value, got " + value.getClass().getName());
    }
}
