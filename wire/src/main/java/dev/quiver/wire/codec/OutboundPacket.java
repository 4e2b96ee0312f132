package dev.quiver.wire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.DefaultByteBufHolder;

/**
 * One server packet on its way to {@link PacketEncoder}: the payload, preceded by {@value #HEADER_LENGTH}
 * reserved bytes where the encoder writes the header, and the sequence id of its first chunk. It is
 * reference counted through its buffer, so Netty releases it when a write fails or is dropped.
 */
public final class OutboundPacket
        extends DefaultByteBufHolder
{
    public static final int HEADER_LENGTH = PacketFrameDecoder.HEADER_LENGTH;

    private final int sequenceId;

    public OutboundPacket(int sequenceId, ByteBuf buffer)
    {
        super(buffer);
        this.sequenceId = sequenceId & 0xFF;
    }

    public int sequenceId()
    {
        return sequenceId;
    }

    /** The header space and the payload. */
    public ByteBuf buffer()
    {
        return content();
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
        return content().readableBytes() - HEADER_LENGTH;
    }

    /** How many sequence ids the packet consumes: one per 0xFFFFFF chunk plus the final, shorter one. */
    public static int chunkCount(int payloadLength)
    {
        return payloadLength / PacketFrameDecoder.MAX_CHUNK_LENGTH + 1;
    }

    @Override
    public OutboundPacket replace(ByteBuf content)
    {
        return new OutboundPacket(sequenceId, content);
    }

    @Override
    public String toString()
    {
        return "OutboundPacket(sequenceId=" + sequenceId + ", payloadLength=" + payloadLength() + ")";
    }
}
