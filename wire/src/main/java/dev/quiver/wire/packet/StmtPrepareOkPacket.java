package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;

/**
 * The first packet of the COM_STMT_PREPARE response.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_prepare.html">COM_STMT_PREPARE_OK</a>
 */
public record StmtPrepareOkPacket(long statementId, int columnCount, int parameterCount, int warnings)
        implements ServerPacket
{
    @Override
    public void write(PacketWriter writer)
    {
        writer.writeFixedInt1(0x00)
                .writeFixedInt4(statementId)
                .writeFixedInt2(columnCount)
                .writeFixedInt2(parameterCount)
                .writeFixedInt1(0)
                .writeFixedInt2(warnings);
    }
}
