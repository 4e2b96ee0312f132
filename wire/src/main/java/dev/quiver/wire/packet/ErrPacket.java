package dev.quiver.wire.packet;

import dev.quiver.common.QuiverException;
import dev.quiver.wire.codec.PacketWriter;

import static java.util.Objects.requireNonNull;

/**
 * ERR with the 4.1 SQLSTATE marker.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_err_packet.html">ERR_Packet</a>
 */
public record ErrPacket(int errorCode, String sqlState, String message)
        implements ServerPacket
{
    public ErrPacket
    {
        requireNonNull(sqlState, "sqlState is null");
        requireNonNull(message, "message is null");
        if (sqlState.length() != 5) {
            throw new IllegalArgumentException("sqlState must have 5 characters: " + sqlState);
        }
    }

    public static ErrPacket of(QuiverException exception)
    {
        return new ErrPacket(exception.vendorCode(), exception.sqlState(), exception.getMessage());
    }

    @Override
    public void write(PacketWriter writer)
    {
        writer.writeFixedInt1(0xFF)
                .writeFixedInt2(errorCode)
                .writeRestOfPacketString("#")
                .writeRestOfPacketString(sqlState)
                .writeRestOfPacketString(message);
    }
}
