package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;
import dev.quiver.wire.spi.ColumnDescriptor;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One row of a text result set: each value a {@code string<lenenc>}, NULL as {@code 0xFB}. Holds the
 * caller's value array only until it is written.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset_row.html">Text Resultset Row</a>
 */
public record TextResultRowPacket(List<ColumnDescriptor> columns, Object[] values)
        implements ServerPacket
{
    public TextResultRowPacket
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
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                writer.writeNullMarker();
                continue;
            }
            writer.writeLengthEncodedBytes(TextValueFormatter.format(values[i], columns.get(i)));
        }
    }

    @Override
    public int estimatedLength()
    {
        return BinaryResultRowPacket.estimate(values);
    }
}
