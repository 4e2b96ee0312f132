package dev.quiver.wire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;

import static java.util.Objects.requireNonNull;

/**
 * What {@link PacketFrameDecoder} emits: a whole (re-assembled) client packet, or the news that the
 * client sent one larger than {@code max_allowed_packet}.
 */
public sealed interface InboundMessage
{
    /**
     * A client packet. {@code sequenceId} is the id of its last chunk, so the reply continues from it. The
     * receiver owns {@code payload} and must release it.
     */
    record InboundPacket(int sequenceId, ByteBuf payload)
            implements InboundMessage
    {
        public InboundPacket
        {
            requireNonNull(payload, "payload is null");
        }

        public void release()
        {
            payload.release();
        }
    }

    /** The client's packet exceeded {@code max_allowed_packet}; everything after it is discarded. */
    record PacketTooLarge(int sequenceId)
            implements InboundMessage {}

    /** Releases the payload if the message holds one. */
    static void release(Object message)
    {
        if (message instanceof InboundPacket packet) {
            packet.release();
        }
        else if (message instanceof ReferenceCounted counted) {
            counted.release();
        }
    }
}
