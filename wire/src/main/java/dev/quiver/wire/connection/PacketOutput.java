package dev.quiver.wire.connection;

import dev.quiver.wire.codec.OutboundPacket;
import dev.quiver.wire.codec.PacketFrameDecoder;
import dev.quiver.wire.codec.PacketWriter;
import dev.quiver.wire.packet.ServerPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * Writes server packets of one exchange from the command thread: frames each packet into a batch buffer
 * (sequence ids continue from the client's last packet), hands the batch to the channel every
 * {@value #FLUSH_THRESHOLD} bytes and flushes. Packets of 16 MiB and more go to {@link
 * dev.quiver.wire.codec.PacketEncoder}, which splits them. When the channel stops being
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
    private ByteBuf batch;

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
            discard();
            throw new ConnectionClosedException();
        }
        if (batch == null) {
            batch = channel.alloc().buffer(Math.max(FLUSH_THRESHOLD, packet.estimatedLength()) + OutboundPacket.HEADER_LENGTH);
        }
        int start = batch.writerIndex();
        batch.writeZero(OutboundPacket.HEADER_LENGTH);
        try {
            packet.write(new PacketWriter(batch));
        }
        catch (RuntimeException | Error ex) {
            batch.writerIndex(start);
            throw ex;
        }
        int payloadLength = batch.writerIndex() - start - OutboundPacket.HEADER_LENGTH;
        int sequenceId = nextSequenceId;
        nextSequenceId = (nextSequenceId + OutboundPacket.chunkCount(payloadLength)) & 0xFF;
        if (payloadLength < PacketFrameDecoder.MAX_CHUNK_LENGTH) {
            batch.setMediumLE(start, payloadLength);
            batch.setByte(start + 3, sequenceId);
        }
        else {
            writeLargePacket(start, sequenceId);
        }
        if (batch != null && batch.readableBytes() >= FLUSH_THRESHOLD) {
            writeBatch();
        }
        if (unflushedBytes >= FLUSH_THRESHOLD || !channel.isWritable()) {
            flush();
            awaitWritable();
        }
    }

    /** A payload of 16 MiB or more: everything before it goes as it is, the packet itself to the splitting encoder. */
    private void writeLargePacket(int start, int sequenceId)
    {
        ByteBuf buffer = batch;
        batch = null;
        try {
            if (start > buffer.readerIndex()) {
                write(buffer.retainedSlice(buffer.readerIndex(), start - buffer.readerIndex()));
            }
            write(new OutboundPacket(sequenceId, buffer.retainedSlice(start, buffer.writerIndex() - start)));
        }
        finally {
            buffer.release();
        }
    }

    private void writeBatch()
    {
        ByteBuf buffer = batch;
        batch = null;
        write(buffer);
    }

    private void write(ByteBufHolder packet)
    {
        unflushedBytes += packet.content().readableBytes();
        lastWrite = channel.write(packet);
    }

    private void write(ByteBuf bytes)
    {
        unflushedBytes += bytes.readableBytes();
        lastWrite = channel.write(bytes);
    }

    /** Flushes what was written; returns the future of the last write (succeeded when nothing was written). */
    ChannelFuture flush()
    {
        if (batch != null) {
            writeBatch();
        }
        unflushedBytes = 0;
        channel.flush();
        ChannelFuture result = lastWrite == null ? channel.newSucceededFuture() : lastWrite;
        lastWrite = null;
        return result;
    }

    /** Drops what was framed but not yet handed to the channel (the connection is gone). */
    void discard()
    {
        if (batch != null) {
            batch.release();
            batch = null;
        }
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
