package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;
import dev.quiver.wire.spi.ColumnDescriptor;

import static java.util.Objects.requireNonNull;

/**
 * One column of a result set (or a parameter of a prepared statement). For COM_FIELD_LIST it carries the
 * extra default-value field, sent as NULL.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset_column_definition.html">Protocol::ColumnDefinition41</a>
 */
public record ColumnDefinition41Packet(ColumnDescriptor column, boolean forFieldList)
        implements ServerPacket
{
    public ColumnDefinition41Packet
    {
        requireNonNull(column, "column is null");
    }

    public ColumnDefinition41Packet(ColumnDescriptor column)
    {
        this(column, false);
    }

    @Override
    public void write(PacketWriter writer)
    {
        writer.writeLengthEncodedString("def")
                .writeLengthEncodedString(column.schema())
                .writeLengthEncodedString(column.table())
                .writeLengthEncodedString(column.originalTable())
                .writeLengthEncodedString(column.name())
                .writeLengthEncodedString(column.originalName())
                .writeLengthEncodedInteger(0x0C)
                .writeFixedInt2(column.collationId())
                .writeFixedInt4(column.columnLength())
                .writeFixedInt1(column.type().code())
                .writeFixedInt2(column.flags())
                .writeFixedInt1(column.decimals())
                .writeFixedInt2(0);
        if (forFieldList) {
            writer.writeNullMarker();
        }
    }

    @Override
    public int estimatedLength()
    {
        return 32 + 3 * column.name().length() + column.schema().length() + column.table().length()
                + column.originalTable().length() + column.originalName().length();
    }
}
