package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;

import static java.util.Objects.requireNonNull;

/**
 * The answer to COM_STATISTICS: a bare human-readable string.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_statistics.html">COM_STATISTICS</a>
 */
public record StatisticsPacket(String text)
        implements ServerPacket
{
    public StatisticsPacket
    {
        requireNonNull(text, "text is null");
    }

    @Override
    public void write(PacketWriter writer)
    {
        writer.writeRestOfPacketString(text);
    }
}
