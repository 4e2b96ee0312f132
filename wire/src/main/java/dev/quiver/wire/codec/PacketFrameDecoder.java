package dev.quiver.wire.codec;

import dev.quiver.wire.codec.InboundMessage.InboundPacket;
import dev.quiver.wire.codec.InboundMessage.PacketTooLarge;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;

import java.util.List;

/**
 * Splits the byte stream into MySQL packets ({@code int<3>} payload length, {@code int<1>} sequence id,
 * payload) and joins a payload sent as 0xFFFFFF-byte chunks (terminated by a shorter, possibly empty,
 * chunk) into one {@link InboundPacket}. A payload whose total length would exceed the limit is reported as
 * {@link PacketTooLarge} as soon as its header arrives; the decoder then discards all further input, since
 * the connection is about to close.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_packets.html">MySQL packets</a>
 */
public final class PacketFrameDecoder
        extends ByteToMessageDecoder
{
    public static final int MAX_CHUNK_LENGTH = 0xFF_FFFF;
    static final int HEADER_LENGTH = 4;

    private final long maxPayloadLength;
    private CompositeByteBuf pending;
    private long pendingLength;
    private boolean discarding;

    public PacketFrameDecoder(long maxPayloadLength)
    {
        if (maxPayloadLength <= 0) {
            throw new IllegalArgumentException("maxPayloadLength must be positive: " + maxPayloadLength);
        }
        this.maxPayloadLength = maxPayloadLength;
    }

    @Override
    protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out)
    {
        while (true) {
            if (discarding) {
                in.skipBytes(in.readableBytes());
                return;
            }
            if (in.readableBytes() < HEADER_LENGTH) {
                return;
            }
            int start = in.readerIndex();
            int length = in.getUnsignedMediumLE(start);
            int sequenceId = in.getUnsignedByte(start + 3);
            if (pendingLength + length > maxPayloadLength) {
                releasePending();
                discarding = true;
                out.add(new PacketTooLarge(sequenceId));
                continue;
            }
            if (in.readableBytes() < HEADER_LENGTH + length) {
                return;
            }
            in.skipBytes(HEADER_LENGTH);
            ByteBuf chunk = in.readRetainedSlice(length);
            if (length == MAX_CHUNK_LENGTH) {
                appendToPending(context, chunk);
                continue;
            }
            if (pending == null) {
                out.add(new InboundPacket(sequenceId, chunk));
                continue;
            }
            pending.addComponent(true, chunk);
            out.add(new InboundPacket(sequenceId, pending));
            pending = null;
            pendingLength = 0;
        }
    }

    private void appendToPending(ChannelHandlerContext context, ByteBuf chunk)
    {
        if (pending == null) {
            pending = context.alloc().compositeBuffer(Integer.MAX_VALUE);
        }
        pending.addComponent(true, chunk);
        pendingLength += chunk.readableBytes();
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext context)
    {
        releasePending();
    }

    private void releasePending()
    {
        if (pending != null) {
            pending.release();
            pending = null;
        }
        pendingLength = 0;
    }
}
