package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;

import static java.util.Objects.requireNonNull;

/**
 * Extra authentication data, e.g. caching_sha2_password's fast-auth success {@code 0x01 0x03}.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_auth_more_data.html">Protocol::AuthMoreData</a>
 */
public record AuthMoreDataPacket(byte[] data)
        implements ServerPacket
{
    public static final byte FAST_AUTH_SUCCESS = 0x03;

    public AuthMoreDataPacket
    {
        data = requireNonNull(data, "data is null").clone();
    }

    @Override
    public void write(PacketWriter writer)
    {
        writer.writeFixedInt1(0x01).writeBytes(data);
    }
}
