package dev.quiver.wire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import static java.util.Objects.requireNonNull;

/**
 * One server packet on its way to {@link PacketEncoder}: the payload, preceded by {@value #HEADER_LENGTH}
 * reserved bytes where the encoder writes the header, and the sequence id of its first chunk. The encoder
 * takes ownership of {@code buffer}.
 */
public record OutboundPacket(int sequenceId, ByteBuf buffer)
{
    public static final int HEADER_LENGTH = PacketFrameDecoder.HEADER_LENGTH;

    public OutboundPacket
    {
        requireNonNull(buffer, "buffer is null");
    }

    /** A buffer with the header bytes reserved; write the payload after them. */
    public static ByteBuf allocate(ByteBufAllocator allocator, int payloadCapacityHint)
    {
        ByteBuf result = allocator.buffer(HEADER_LENGTH + payloadCapacityHint);
        result.writeZero(HEADER_LENGTH);
        return result;
    }

    public int payloadLength()
    {
        return buffer.readableBytes() - HEADER_LENGTH;
    }

    /** How many sequence ids the packet consumes: one per 0xFFFFFF chunk plus the final, shorter one. */
    public static int chunkCount(int payloadLength)
    {
        return payloadLength / PacketFrameDecoder.MAX_CHUNK_LENGTH + 1;
    }
}
