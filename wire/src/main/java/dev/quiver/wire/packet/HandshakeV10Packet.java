package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;

import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The server greeting.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_v10.html">Protocol::HandshakeV10</a>
 */
public record HandshakeV10Packet(
        String serverVersion,
        long connectionId,
        byte[] scramble,
        int capabilities,
        int characterSet,
        int statusFlags,
        String authPluginName)
        implements ServerPacket
{
    public static final int PROTOCOL_VERSION = 10;
    public static final int SCRAMBLE_LENGTH = 20;

    public HandshakeV10Packet
    {
        requireNonNull(serverVersion, "serverVersion is null");
        requireNonNull(scramble, "scramble is null");
        requireNonNull(authPluginName, "authPluginName is null");
        if (scramble.length != SCRAMBLE_LENGTH) {
            throw new IllegalArgumentException("scramble must have 20 bytes");
        }
        scramble = scramble.clone();
    }

    @Override
    public void write(PacketWriter writer)
    {
        writer.writeFixedInt1(PROTOCOL_VERSION)
                .writeNullTerminatedString(serverVersion)
                .writeFixedInt4(connectionId)
                .writeBytes(Arrays.copyOfRange(scramble, 0, 8))
                .writeFixedInt1(0)
                .writeFixedInt2(capabilities & 0xFFFF)
                .writeFixedInt1(characterSet)
                .writeFixedInt2(statusFlags)
                .writeFixedInt2(capabilities >>> 16)
                .writeFixedInt1(SCRAMBLE_LENGTH + 1)
                .writeZeros(10)
                .writeBytes(Arrays.copyOfRange(scramble, 8, SCRAMBLE_LENGTH))
                .writeFixedInt1(0)
                .writeNullTerminatedString(authPluginName);
    }

    @Override
    public int estimatedLength()
    {
        return 128;
    }
}
