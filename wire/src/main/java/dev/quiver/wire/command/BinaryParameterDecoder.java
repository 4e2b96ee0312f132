package dev.quiver.wire.command;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.wire.codec.PacketReader;
import dev.quiver.wire.spi.ColumnType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes the parameter block of COM_STMT_EXECUTE: NULL bitmap, {@code new_params_bound_flag}, types, then
 * the binary values. Values map to Java as {@link dev.quiver.wire.spi.QueryHandler#execute} documents:
 * integers as {@link Long} (unsigned BIGINT above Long.MAX_VALUE as {@link BigInteger}), FLOAT as
 * {@link Float}, DOUBLE as {@link Double}, DECIMAL as {@link BigDecimal}, character types and JSON as
 * {@link String} when they are valid UTF-8 (else {@code byte[]}), BLOB/BIT/GEOMETRY types as {@code byte[]}, DATE as {@link LocalDate}, DATETIME/TIMESTAMP
 * as {@link LocalDateTime} (zero dates as the text MySQL prints), TIME as {@link Duration}.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_execute.html">COM_STMT_EXECUTE</a>
 */
public final class BinaryParameterDecoder
{
    private static final int UNSIGNED_FLAG = 0x8000;

    private BinaryParameterDecoder() {}

    public static List<Object> decode(PreparedStatement statement, PacketReader reader)
    {
        if (statement.longDataTooLarge()) {
            throw new QuiverException(ErrorCode.ER_NET_PACKET_TOO_LARGE);
        }
        int count = statement.parameterCount();
        if (count == 0) {
            return List.of();
        }
        byte[] nullBitmap = reader.readFixedBytes((count + 7) / 8);
        int[] types = statement.parameterTypes();
        if (reader.readFixedInt1() == 1) {
            types = new int[count];
            for (int i = 0; i < count; i++) {
                types[i] = reader.readFixedInt2();
            }
            statement.bindParameterTypes(types);
        }
        if (types == null) {
            throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "mysqld_stmt_execute");
        }
        List<Object> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] longData = statement.longData(i);
            if (longData != null) {
                result.add(fromLongData(types[i], longData));
                continue;
            }
            if ((nullBitmap[i / 8] & (1 << (i % 8))) != 0) {
                result.add(null);
                continue;
            }
            result.add(readValue(types[i], reader));
        }
        return result;
    }

    private static Object fromLongData(int type, byte[] data)
    {
        ColumnType columnType = ColumnType.fromCode(type & 0xFF);
        if (columnType != null && isText(columnType)) {
            return textOrBytes(data);
        }
        return data;
    }

    /**
     * A character-typed value as a String when it is valid UTF-8, else as its bytes: drivers send
     * {@code setBytes} as MYSQL_TYPE_STRING (MySQL Connector/J), and decoding valid UTF-8 is lossless, so the
     * handler can always get the exact bytes back.
     */
    static Object textOrBytes(byte[] data)
    {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        }
        catch (CharacterCodingException ex) {
            return data;
        }
    }

    static Object readValue(int typeAndFlag, PacketReader reader)
    {
        boolean unsigned = (typeAndFlag & UNSIGNED_FLAG) != 0;
        ColumnType type = ColumnType.fromCode(typeAndFlag & 0xFF);
        if (type == null) {
            throw new QuiverException(ErrorCode.ER_MALFORMED_PACKET);
        }
        return switch (type) {
            case NULL -> null;
            case TINY -> unsigned ? (long) reader.readFixedInt1() : (long) (byte) reader.readFixedInt1();
            case SHORT, YEAR -> unsigned ? (long) reader.readFixedInt2() : (long) (short) reader.readFixedInt2();
            case LONG, INT24 -> unsigned ? reader.readFixedInt4() : (long) (int) reader.readFixedInt4();
            case LONGLONG -> readLongLong(reader, unsigned);
            case FLOAT -> Float.intBitsToFloat((int) reader.readFixedInt4());
            case DOUBLE -> Double.longBitsToDouble(reader.readFixedInt8());
            case DECIMAL, NEWDECIMAL -> readDecimal(reader);
            case DATE -> readDate(reader);
            case DATETIME, TIMESTAMP -> readDateTime(reader);
            case TIME -> readTime(reader);
            case VARCHAR, VAR_STRING, STRING, ENUM, SET, JSON -> textOrBytes(reader.readLengthEncodedBytes());
            case TINY_BLOB, MEDIUM_BLOB, LONG_BLOB, BLOB, BIT, GEOMETRY -> reader.readLengthEncodedBytes();
        };
    }

    private static boolean isText(ColumnType type)
    {
        return switch (type) {
            case VARCHAR, VAR_STRING, STRING, ENUM, SET, JSON, DECIMAL, NEWDECIMAL -> true;
            default -> false;
        };
    }

    private static Object readLongLong(PacketReader reader, boolean unsigned)
    {
        long value = reader.readFixedInt8();
        if (unsigned && value < 0) {
            return new BigInteger(Long.toUnsignedString(value));
        }
        return value;
    }

    private static BigDecimal readDecimal(PacketReader reader)
    {
        String text = reader.readLengthEncodedString();
        try {
            return new BigDecimal(text.trim());
        }
        catch (NumberFormatException ex) {
            throw new QuiverException(ErrorCode.ER_TRUNCATED_WRONG_VALUE, "DECIMAL", text);
        }
    }

    private static Object readDate(PacketReader reader)
    {
        int[] parts = readDateTimeParts(reader);
        if (isZeroOrInvalidDate(parts)) {
            return formatParts(parts).substring(0, 10);
        }
        return LocalDate.of(parts[0], parts[1], parts[2]);
    }

    private static Object readDateTime(PacketReader reader)
    {
        int[] parts = readDateTimeParts(reader);
        if (isZeroOrInvalidDate(parts) || parts[3] > 23 || parts[4] > 59 || parts[5] > 59 || parts[6] > 999_999) {
            return formatParts(parts);
        }
        return LocalDateTime.of(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6] * 1000);
    }

    /** year, month, day, hour, minute, second, microsecond from a 0/4/7/11-byte value. */
    private static int[] readDateTimeParts(PacketReader reader)
    {
        int length = reader.readFixedInt1();
        int[] result = new int[7];
        if (length != 0 && length != 4 && length != 7 && length != 11) {
            throw new QuiverException(ErrorCode.ER_MALFORMED_PACKET);
        }
        if (length >= 4) {
            result[0] = reader.readFixedInt2();
            result[1] = reader.readFixedInt1();
            result[2] = reader.readFixedInt1();
        }
        if (length >= 7) {
            result[3] = reader.readFixedInt1();
            result[4] = reader.readFixedInt1();
            result[5] = reader.readFixedInt1();
        }
        if (length == 11) {
            result[6] = (int) reader.readFixedInt4();
        }
        return result;
    }

    private static boolean isZeroOrInvalidDate(int[] parts)
    {
        if (parts[1] < 1 || parts[1] > 12 || parts[2] < 1) {
            return true;
        }
        return parts[2] > YearMonth.of(parts[0], parts[1]).lengthOfMonth();
    }

    private static String formatParts(int[] parts)
    {
        String result = String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d",
                parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
        return parts[6] == 0 ? result : result + String.format(Locale.ROOT, ".%06d", parts[6]);
    }

    private static Duration readTime(PacketReader reader)
    {
        int length = reader.readFixedInt1();
        if (length == 0) {
            return Duration.ZERO;
        }
        if (length != 8 && length != 12) {
            throw new QuiverException(ErrorCode.ER_MALFORMED_PACKET);
        }
        boolean negative = reader.readFixedInt1() == 1;
        long days = reader.readFixedInt4();
        int hours = reader.readFixedInt1();
        int minutes = reader.readFixedInt1();
        int seconds = reader.readFixedInt1();
        long micros = length == 12 ? reader.readFixedInt4() : 0;
        Duration result = Duration.ofDays(days).plusHours(hours).plusMinutes(minutes).plusSeconds(seconds).plusNanos(micros * 1000);
        return negative ? result.negated() : result;
    }
}
