package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.nio.charset.StandardCharsets;

/** Helpers to turn packets into bytes and hex fixtures into bytes. */
final class PacketFixtures
{
    private PacketFixtures() {}

    static byte[] payload(ServerPacket packet)
    {
        ByteBuf buffer = Unpooled.buffer();
        try {
            packet.write(new PacketWriter(buffer));
            return ByteBufUtil.getBytes(buffer);
        }
        finally {
            buffer.release();
        }
    }

    /** Hex with optional spaces, and {@code "text"} segments as UTF-8. */
    static byte[] hex(String fixture)
    {
        StringBuilder hex = new StringBuilder();
        boolean inText = false;
        for (int i = 0; i < fixture.length(); i++) {
            char each = fixture.charAt(i);
            if (each == '"') {
                inText = !inText;
                continue;
            }
            if (inText) {
                int end = fixture.indexOf('"', i);
                hex.append(ByteBufUtil.hexDump(fixture.substring(i, end).getBytes(StandardCharsets.UTF_8)));
                i = end - 1;
                continue;
            }
            if (!Character.isWhitespace(each)) {
                hex.append(each);
            }
        }
        return ByteBufUtil.decodeHexDump(hex);
    }
}
