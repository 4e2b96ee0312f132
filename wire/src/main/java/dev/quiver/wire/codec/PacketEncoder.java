package dev.quiver.wire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;

import java.util.List;

/**
 * Writes the header of each {@link OutboundPacket}. A payload shorter than 0xFFFFFF bytes goes out in its
 * own buffer, header filled in place; a longer one is split into 0xFFFFFF-byte chunks followed by a shorter
 * (possibly empty) final chunk, each with its own header and the next sequence id.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_packets.html">MySQL packets</a>
 */
@ChannelHandler.Sharable
public final class PacketEncoder
        extends MessageToMessageEncoder<OutboundPacket>
{
    public static final PacketEncoder INSTANCE = new PacketEncoder();

    private PacketEncoder()
    {
        super(OutboundPacket.class);
    }

    @Override
    protected void encode(ChannelHandlerContext context, OutboundPacket packet, List<Object> out)
    {
        ByteBuf buffer = packet.buffer();
        int start = buffer.readerIndex();
        int payloadLength = packet.payloadLength();
        if (payloadLength < PacketFrameDecoder.MAX_CHUNK_LENGTH) {
            buffer.setMediumLE(start, payloadLength);
            buffer.setByte(start + 3, packet.sequenceId());
            out.add(buffer.retain());
            return;
        }
        int sequenceId = packet.sequenceId();
        int offset = start + OutboundPacket.HEADER_LENGTH;
        int remaining = payloadLength;
        while (true) {
            int chunkLength = Math.min(remaining, PacketFrameDecoder.MAX_CHUNK_LENGTH);
            ByteBuf header = context.alloc().buffer(OutboundPacket.HEADER_LENGTH);
            header.writeMediumLE(chunkLength).writeByte(sequenceId);
            out.add(header);
            if (chunkLength > 0) {
                out.add(buffer.retainedSlice(offset, chunkLength));
            }
            sequenceId = (sequenceId + 1) & 0xFF;
            offset += chunkLength;
            remaining -= chunkLength;
            if (chunkLength < PacketFrameDecoder.MAX_CHUNK_LENGTH) {
                return;
            }
        }
    }
}
