package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;

/**
 * The first packet of a result set: the number of columns.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query_response_text_resultset.html">Text Resultset</a>
 */
public record ColumnCountPacket(int columnCount)
        implements ServerPacket
{
    @Override
    public void write(PacketWriter writer)
    {
        writer.writeLengthEncodedInteger(columnCount);
    }
}
