package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;
import dev.quiver.wire.spi.ColumnDescriptor;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One row of a binary result set (COM_STMT_EXECUTE): {@code 0x00}, a NULL bitmap with offset 2, then the
 * non-NULL values in their binary forms.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_binary_resultset.html">Binary Protocol Resultset</a>
 */
public record BinaryResultRowPacket(List<ColumnDescriptor> columns, Object[] values)
        implements ServerPacket
{
    public BinaryResultRowPacket
    {
        requireNonNull(columns, "columns is null");
        requireNonNull(values, "values is null");
        if (columns.size() != values.length) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + columns.size() + " columns");
        }
    }

    @Override
    public void write(PacketWriter writer)
    {
        writer.writeFixedInt1(0x00);
        byte[] nullBitmap = new byte[(values.length + 7 + 2) / 8];
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                int bit = i + 2;
                nullBitmap[bit / 8] |= (byte) (1 << (bit % 8));
            }
        }
        writer.writeBytes(nullBitmap);
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                BinaryValueEncoder.write(writer, columns.get(i), values[i]);
            }
        }
    }

    @Override
    public int estimatedLength()
    {
        return estimate(values);
    }

    static int estimate(Object[] values)
    {
        long result = 8;
        for (Object each : values) {
            result += switch (each) {
                case byte[] bytes -> bytes.length + 9;
                case String string -> string.length() + 9;
                case null -> 1;
                default -> 16;
            };
        }
        return (int) Math.min(result, 1 << 20);
    }
}
