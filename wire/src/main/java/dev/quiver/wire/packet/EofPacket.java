package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;

/**
 * The classic EOF (only without CLIENT_DEPRECATE_EOF).
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_eof_packet.html">EOF_Packet</a>
 */
public record EofPacket(int warnings, int statusFlags)
        implements ServerPacket
{
    @Override
    public void write(PacketWriter writer)
    {
        writer.writeFixedInt1(0xFE).writeFixedInt2(warnings).writeFixedInt2(statusFlags);
    }
}
