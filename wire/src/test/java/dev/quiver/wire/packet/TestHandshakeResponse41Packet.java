package dev.quiver.wire.packet;

import dev.quiver.common.QuiverException;
import dev.quiver.wire.codec.PacketReader;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static dev.quiver.wire.packet.PacketFixtures.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestHandshakeResponse41Packet
{
    private static HandshakeResponse41Packet decode(byte[] payload)
    {
        ByteBuf buffer = Unpooled.wrappedBuffer(payload);
        try {
            return HandshakeResponse41Packet.decode(new PacketReader(buffer));
        }
        finally {
            buffer.release();
        }
    }

    @Test
    void testMysql2StyleResponse()
    {
        // mysql2 3.x: flags 0x08BAF3CF, lenenc auth data, db, plugin and connect attributes
        HandshakeResponse41Packet packet = decode(hex("""
                cff3ba08 00000001 2d 0000000000000000000000000000000000000000000000
                "root@sys" 00
                00
                "test" 00
                "mysql_native_password" 00
                1c 0c "_client_name" 0c "Node-MySQL-2" 00 00"""));
        assertThat(packet.capabilities()).isEqualTo(0x08BAF3CF);
        assertThat(packet.maxPacketSize()).isEqualTo(0x01000000);
        assertThat(packet.characterSet()).isEqualTo(45);
        assertThat(packet.user()).isEqualTo("root@sys");
        assertThat(packet.authResponse()).isEmpty();
        assertThat(packet.database()).isEqualTo(Optional.of("test"));
        assertThat(packet.authPluginName()).isEqualTo("mysql_native_password");
        assertThat(packet.connectAttributes()).isEqualTo(Map.of("_client_name", "Node-MySQL-2", "", ""));
    }

    @Test
    void testOneByteAuthLengthWithoutPluginOrDatabase()
    {
        int capabilities = CapabilityFlags.CLIENT_PROTOCOL_41 | CapabilityFlags.CLIENT_SECURE_CONNECTION;
        HandshakeResponse41Packet packet = decode(hex(String.format("%02x%02x%02x%02x", capabilities & 0xFF, (capabilities >>> 8) & 0xFF, (capabilities >>> 16) & 0xFF, 0)
                + " 00000000 21 0000000000000000000000000000000000000000000000 \"u\" 00 03 010203"));
        assertThat(packet.authResponse()).containsExactly(1, 2, 3);
        assertThat(packet.database()).isEmpty();
        assertThat(packet.authPluginName()).isEmpty();
        assertThat(packet.connectAttributes()).isEmpty();
    }

    @Test
    void testEmptyDatabaseMeansNone()
    {
        int capabilities = CapabilityFlags.CLIENT_PROTOCOL_41 | CapabilityFlags.CLIENT_SECURE_CONNECTION | CapabilityFlags.CLIENT_CONNECT_WITH_DB;
        HandshakeResponse41Packet packet = decode(hex(String.format("%02x%02x%02x00", capabilities & 0xFF, (capabilities >>> 8) & 0xFF, (capabilities >>> 16) & 0xFF)
                + " 00000000 21 0000000000000000000000000000000000000000000000 \"u\" 00 00 00"));
        assertThat(packet.database()).isEmpty();
    }

    @Test
    void testTruncatedAndInconsistentResponsesAreMalformed()
    {
        assertThatThrownBy(() -> decode(hex("0f a2"))).isInstanceOf(QuiverException.class)
                .satisfies(ex -> assertThat(((QuiverException) ex).vendorCode()).isEqualTo(1835));
        assertThatThrownBy(() -> decode(hex("cff3ba08 00000001 2d 0000000000000000000000000000000000000000000000 \"root\" 00 14 0102")))
                .isInstanceOf(QuiverException.class);
        assertThatThrownBy(() -> decode(hex("cff3ba08 00000001 2d 0000000000000000000000000000000000000000000000 \"root\" 00 00 \"db\" 00 \"p\" 00 ff")))
                .isInstanceOf(QuiverException.class);
        assertThatThrownBy(() -> decode(hex("cff3ba08 00000001 2d 0000000000000000000000000000000000000000000000 \"root\" 00 00 \"db\" 00 \"p\" 00 03 01 \"a\" 01")))
                .isInstanceOf(QuiverException.class);
        assertThatThrownBy(() -> decode(hex("cff3ba08 00000001 2d 0000000000000000000000000000000000000000000000")))
                .isInstanceOf(QuiverException.class)
                .satisfies(ex -> assertThat(((QuiverException) ex).vendorCode()).isEqualTo(1043));
    }
}
