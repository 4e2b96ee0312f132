package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;

import static java.util.Objects.requireNonNull;

/**
 * Asks the client to authenticate again with another plugin and a fresh scramble.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_auth_switch_request.html">Protocol::AuthSwitchRequest</a>
 */
public record AuthSwitchRequestPacket(String pluginName, byte[] scramble)
        implements ServerPacket
{
    public AuthSwitchRequestPacket
    {
        requireNonNull(pluginName, "pluginName is null");
        scramble = requireNonNull(scramble, "scramble is null").clone();
    }

    @Override
    public void write(PacketWriter writer)
    {
        writer.writeFixedInt1(0xFE).writeNullTerminatedString(pluginName).writeBytes(scramble).writeFixedInt1(0);
    }
}
