package dev.quiver.wire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;

import static dev.quiver.wire.codec.PacketFrameDecoder.MAX_CHUNK_LENGTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TestPacketEncoder
{
    @Test
    void testSmallPacketGetsItsHeaderInPlace()
    {
        assertThat(encode(3, new byte[] {0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00}))
                .isEqualTo(ByteBufUtil.decodeHexDump("07000003" + "00000002000000"));
        assertThat(encode(255, new byte[0])).isEqualTo(ByteBufUtil.decodeHexDump("000000ff"));
    }

    @Test
    void testLargePayloadsAreSplitWithTrailerChunk()
    {
        for (int length : new int[] {MAX_CHUNK_LENGTH - 1, MAX_CHUNK_LENGTH, MAX_CHUNK_LENGTH + 1, 2 * MAX_CHUNK_LENGTH, 2 * MAX_CHUNK_LENGTH + 3}) {
            byte[] payload = TestPacketFrameDecoder.payload(length);
            assertThat(encode(254, payload)).as("length %d", length).isEqualTo(TestPacketFrameDecoder.split(254, payload));
        }
    }

    @Test
    void testSequenceIdsWrapAcrossChunks()
    {
        byte[] encoded = encode(255, TestPacketFrameDecoder.payload(MAX_CHUNK_LENGTH));
        assertThat(encoded[3]).isEqualTo((byte) 255);
        assertThat(encoded[MAX_CHUNK_LENGTH + 4 + 3]).isEqualTo((byte) 0);
        assertThat(encoded).hasSize(MAX_CHUNK_LENGTH + 8);
    }

    @Test
    void testEncoderOutputDecodesBackAtChunkBoundaries()
    {
        for (int length : new int[] {0, 1, MAX_CHUNK_LENGTH - 1, MAX_CHUNK_LENGTH, MAX_CHUNK_LENGTH + 1}) {
            byte[] payload = TestPacketFrameDecoder.payload(length);
            byte[] encoded = encode(1, payload);
            EmbeddedChannel channel = new EmbeddedChannel(new PacketFrameDecoder(Long.MAX_VALUE));
            int split = Math.min(encoded.length, MAX_CHUNK_LENGTH + 2);
            channel.writeInbound(Unpooled.wrappedBuffer(encoded, 0, split));
            channel.writeInbound(Unpooled.wrappedBuffer(encoded, split, encoded.length - split));
            InboundMessage.InboundPacket packet = channel.readInbound();
            assertThat(ByteBufUtil.getBytes(packet.payload())).isEqualTo(payload);
            assertThat(packet.sequenceId()).isEqualTo(length / MAX_CHUNK_LENGTH + 1);
            packet.release();
            assertFalse(channel.finish());
        }
    }

    @Test
    void testDroppedPacketIsReleased()
    {
        EmbeddedChannel channel = new EmbeddedChannel(PacketEncoder.INSTANCE);
        channel.close();
        ByteBuf buffer = OutboundPacket.allocate(channel.alloc(), 4);
        OutboundPacket packet = new OutboundPacket(0, buffer.writeInt(7));
        assertThat(channel.writeAndFlush(packet).isSuccess()).isFalse();
        assertThat(buffer.refCnt()).isZero();
        assertFalse(channel.finish());
    }

    /** Encodes through an EmbeddedChannel and concatenates every outbound buffer. */
    static byte[] encode(int sequenceId, byte[] payload)
    {
        EmbeddedChannel channel = new EmbeddedChannel(PacketEncoder.INSTANCE);
        ByteBuf buffer = OutboundPacket.allocate(channel.alloc(), payload.length);
        buffer.writeBytes(payload);
        channel.writeOutbound(new OutboundPacket(sequenceId, buffer));
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        for (ByteBuf each = channel.readOutbound(); each != null; each = channel.readOutbound()) {
            result.writeBytes(ByteBufUtil.getBytes(each));
            each.release();
        }
        assertFalse(channel.finish());
        return result.toByteArray();
    }
}
