package dev.quiver.wire.connection;

import dev.quiver.wire.codec.OutboundPacket;
import dev.quiver.wire.codec.PacketWriter;
import dev.quiver.wire.packet.ServerPacket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * Writes server packets of one exchange from the command thread: encodes each payload, assigns sequence
 * ids (continuing from the client's last packet), and flushes in batches. When the channel stops being
 * writable it flushes and blocks the command thread until the event loop reports it writable again, so a
 * large result streams with bounded memory. The event loop never blocks here.
 */
final class PacketOutput
{
    static final int FLUSH_THRESHOLD = 64 * 1024;
    private static final long WAIT_SLICE_MILLIS = 200;

    private final Channel channel;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition writable = lock.newCondition();
    private int nextSequenceId;
    private long unflushedBytes;
    private ChannelFuture lastWrite;

    PacketOutput(Channel channel)
    {
        this.channel = requireNonNull(channel, "channel is null");
    }

    /** Starts the server's part of an exchange after a client packet with {@code clientSequenceId}. */
    void startExchange(int clientSequenceId)
    {
        nextSequenceId = (clientSequenceId + 1) & 0xFF;
    }

    void write(ServerPacket packet)
    {
        if (!channel.isActive()) {
            throw new ConnectionClosedException();
        }
        ByteBuf buffer = OutboundPacket.allocate(channel.alloc(), packet.estimatedLength());
        try {
            packet.write(new PacketWriter(buffer));
        }
        catch (RuntimeException | Error ex) {
            buffer.release();
            throw ex;
        }
        int payloadLength = buffer.readableBytes() - OutboundPacket.HEADER_LENGTH;
        int sequenceId = nextSequenceId;
        nextSequenceId = (nextSequenceId + OutboundPacket.chunkCount(payloadLength)) & 0xFF;
        lastWrite = channel.write(new OutboundPacket(sequenceId, buffer));
        unflushedBytes += buffer.readableBytes();
        if (unflushedBytes >= FLUSH_THRESHOLD || !channel.isWritable()) {
            flush();
            awaitWritable();
        }
    }

    /** Flushes what was written; returns the future of the last write (succeeded when nothing was written). */
    ChannelFuture flush()
    {
        unflushedBytes = 0;
        channel.flush();
        ChannelFuture result = lastWrite == null ? channel.newSucceededFuture() : lastWrite;
        lastWrite = null;
        return result;
    }

    /** Called from the event loop when the channel's writability or activity changes. */
    void signal()
    {
        lock.lock();
        try {
            writable.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    private void awaitWritable()
    {
        lock.lock();
        try {
            while (!channel.isWritable()) {
                if (!channel.isActive()) {
                    throw new ConnectionClosedException();
                }
                writable.await(WAIT_SLICE_MILLIS, TimeUnit.MILLISECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ConnectionClosedException();
        }
        finally {
            lock.unlock();
        }
    }
}
