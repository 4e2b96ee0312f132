package dev.quiver.storage.lucene;

import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.row.Collation;
import dev.quiver.storage.row.Value;
import org.apache.lucene.util.BytesRef;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * Order-preserving byte encodings of indexed column values, so that Lucene term order is the order filters compare
 * in: integers (signed, then unsigned beyond the signed range), text by its {@code utf8mb4_general_ci} collation
 * key, dates and datetimes chronologically. Other column types are not encoded (filters on them scan).
 */
final class OrderedKeys
{
    private OrderedKeys() {}

    /** True when values of this column type get an ordered term. */
    static boolean supports(ColumnType type)
    {
        return type instanceof ColumnType.IntegerType || type instanceof ColumnType.BooleanType || type instanceof ColumnType.StringType
                || type instanceof ColumnType.TemporalType;
    }

    /**
     * The term of a value, or null when the value is NULL or not of the kind the column stores (a filter constant
     * of another kind cannot use the terms).
     */
    static BytesRef encode(ColumnType type, Value value)
    {
        return switch (type) {
            case ColumnType.IntegerType ignored -> integer(value);
            case ColumnType.BooleanType ignored -> integer(value);
            case ColumnType.StringType ignored -> value instanceof Value.StringValue string
                    ? new BytesRef(Collation.key(string.value()).getBytes(StandardCharsets.UTF_8))
                    : null;
            case ColumnType.TemporalType temporal -> temporal(temporal, value);
            default -> null;
        };
    }

    private static BytesRef integer(Value value)
    {
        if (!(value instanceof Value.IntegerValue integer)) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.allocate(9);
        if (integer.unsigned()) {
            buffer.put((byte) 2).putLong(integer.value());
        }
        else {
            buffer.put((byte) 1).putLong(integer.value() ^ Long.MIN_VALUE);
        }
        return new BytesRef(buffer.array());
    }

    private static BytesRef temporal(ColumnType.TemporalType type, Value value)
    {
        return switch (value) {
            case Value.DateValue date when type.kind() == ColumnType.TemporalKind.DATE ->
                    new BytesRef(ByteBuffer.allocate(8).putLong(date.value().toEpochDay() ^ Long.MIN_VALUE).array());
            case Value.DateTimeValue dateTime when type.kind() != ColumnType.TemporalKind.DATE ->
                    new BytesRef(ByteBuffer.allocate(12).putLong(dateTime.value().toEpochSecond(ZoneOffset.UTC) ^ Long.MIN_VALUE)
                            .putInt(dateTime.value().getNano()).array());
            default -> null;
        };
    }
}
