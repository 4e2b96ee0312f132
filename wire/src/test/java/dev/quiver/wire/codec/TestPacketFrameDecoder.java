package dev.quiver.wire.codec;

import dev.quiver.wire.codec.InboundMessage.InboundPacket;
import dev.quiver.wire.codec.InboundMessage.PacketTooLarge;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;

import static dev.quiver.wire.codec.PacketFrameDecoder.MAX_CHUNK_LENGTH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TestPacketFrameDecoder
{
    /** A decoded packet, copied out of its buffer. */
    record Frame(int sequenceId, byte[] payload) {}

    @Test
    void testSmallFixturesSplitAtEveryOffset()
    {
        byte[] stream = concat(
                frame(0, new byte[] {0x03, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1'}),
                frame(0, new byte[] {0x0E}),
                frame(7, new byte[0]),
                frame(0, new byte[300]));
        List<Frame> expected = List.of(
                new Frame(0, new byte[] {0x03, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1'}),
                new Frame(0, new byte[] {0x0E}),
                new Frame(7, new byte[0]),
                new Frame(0, new byte[300]));
        for (int offset = 0; offset <= stream.length; offset++) {
            assertFrames(decode(Long.MAX_VALUE, stream, List.of(offset)), expected);
        }
    }

    @Test
    void testSplitHeaderAcrossThreeReads()
    {
        byte[] stream = frame(3, new byte[] {1, 2, 3});
        for (int first = 0; first <= stream.length; first++) {
            for (int second = first; second <= stream.length; second++) {
                assertFrames(decode(Long.MAX_VALUE, stream, List.of(first, second)), List.of(new Frame(3, new byte[] {1, 2, 3})));
            }
        }
    }

    @Test
    void testPayloadsAroundTheChunkBoundary()
    {
        for (int length : new int[] {MAX_CHUNK_LENGTH - 1, MAX_CHUNK_LENGTH, MAX_CHUNK_LENGTH + 1, 2 * MAX_CHUNK_LENGTH}) {
            byte[] payload = payload(length);
            byte[] stream = concat(split(0, payload), frame(0, new byte[] {0x0E}));
            int chunks = length / MAX_CHUNK_LENGTH + 1;
            List<Frame> expected = List.of(new Frame(chunks - 1, payload), new Frame(0, new byte[] {0x0E}));
            for (int offset : interestingOffsets(stream.length, chunks)) {
                assertFrames(decode(Long.MAX_VALUE, stream, List.of(offset)), expected);
            }
        }
    }

    @Test
    void testPacketTooLargeIsReportedOnceAndTheRestDiscarded()
    {
        byte[] stream = concat(frame(0, new byte[] {0x0E}), frame(0, new byte[101]), frame(0, new byte[] {0x0E}));
        for (int offset = 0; offset <= stream.length; offset++) {
            List<Object> decoded = decodeRaw(100, stream, List.of(offset));
            assertThat(decoded).hasSize(2);
            assertThat(decoded.get(0)).isInstanceOf(InboundPacket.class);
            assertThat(decoded.get(1)).isEqualTo(new PacketTooLarge(0));
            decoded.forEach(InboundMessage::release);
        }
    }

    @Test
    void testJoinedPacketOverTheLimitIsTooLarge()
    {
        byte[] stream = split(0, payload(MAX_CHUNK_LENGTH + 10));
        List<Object> decoded = decodeRaw(MAX_CHUNK_LENGTH + 9, stream, List.of(MAX_CHUNK_LENGTH + 6));
        assertThat(decoded).containsExactly(new PacketTooLarge(1));
    }

    @Test
    void testPartialChunksAreReleasedWhenTheChannelCloses()
    {
        EmbeddedChannel channel = new EmbeddedChannel(new PacketFrameDecoder(Long.MAX_VALUE));
        byte[] stream = split(0, payload(MAX_CHUNK_LENGTH + 5));
        assertFalse(channel.writeInbound(Unpooled.wrappedBuffer(stream, 0, MAX_CHUNK_LENGTH + 4 + 6)));
        assertFalse(channel.finish());
    }

    private static SortedSet<Integer> interestingOffsets(int streamLength, int chunks)
    {
        SortedSet<Integer> result = new TreeSet<>();
        for (int chunk = 0; chunk <= chunks; chunk++) {
            int boundary = chunk * (MAX_CHUNK_LENGTH + 4);
            for (int delta = -5; delta <= 9; delta++) {
                result.add(Math.clamp(boundary + delta, 0, streamLength));
            }
        }
        Random random = new Random(42);
        for (int i = 0; i < 8; i++) {
            result.add(random.nextInt(streamLength + 1));
        }
        for (int delta = 0; delta <= 10; delta++) {
            result.add(Math.max(0, streamLength - delta));
        }
        return result;
    }

    static byte[] payload(int length)
    {
        byte[] result = new byte[length];
        for (int i = 0; i < length; i++) {
            result[i] = (byte) (i * 31 + (i >>> 16));
        }
        return result;
    }

    static byte[] frame(int sequenceId, byte[] payload)
    {
        byte[] result = new byte[payload.length + 4];
        result[0] = (byte) payload.length;
        result[1] = (byte) (payload.length >>> 8);
        result[2] = (byte) (payload.length >>> 16);
        result[3] = (byte) sequenceId;
        System.arraycopy(payload, 0, result, 4, payload.length);
        return result;
    }

    /** The payload framed as the protocol splits it: 0xFFFFFF chunks and a shorter (maybe empty) last one. */
    static byte[] split(int firstSequenceId, byte[] payload)
    {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        int offset = 0;
        int sequenceId = firstSequenceId;
        while (true) {
            int length = Math.min(MAX_CHUNK_LENGTH, payload.length - offset);
            byte[] chunk = new byte[length];
            System.arraycopy(payload, offset, chunk, 0, length);
            result.writeBytes(frame(sequenceId++, chunk));
            offset += length;
            if (length < MAX_CHUNK_LENGTH) {
                return result.toByteArray();
            }
        }
    }

    static byte[] concat(byte[]... parts)
    {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        for (byte[] each : parts) {
            result.writeBytes(each);
        }
        return result.toByteArray();
    }

    private static List<Frame> decode(long maxPayloadLength, byte[] stream, List<Integer> splits)
    {
        List<Frame> result = new ArrayList<>();
        for (Object each : decodeRaw(maxPayloadLength, stream, splits)) {
            InboundPacket packet = (InboundPacket) each;
            result.add(new Frame(packet.sequenceId(), ByteBufUtil.getBytes(packet.payload())));
            packet.release();
        }
        return result;
    }

    private static List<Object> decodeRaw(long maxPayloadLength, byte[] stream, List<Integer> splits)
    {
        EmbeddedChannel channel = new EmbeddedChannel(new PacketFrameDecoder(maxPayloadLength));
        int start = 0;
        for (int each : splits) {
            channel.writeInbound(Unpooled.wrappedBuffer(stream, start, each - start));
            start = each;
        }
        channel.writeInbound(Unpooled.wrappedBuffer(stream, start, stream.length - start));
        List<Object> result = new ArrayList<>();
        for (Object each = channel.readInbound(); each != null; each = channel.readInbound()) {
            result.add(each);
        }
        assertFalse(channel.finish());
        return result;
    }

    private static void assertFrames(List<Frame> actual, List<Frame> expected)
    {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).sequenceId()).isEqualTo(expected.get(i).sequenceId());
            assertThat(actual.get(i).payload()).isEqualTo(expected.get(i).payload());
        }
    }
}
