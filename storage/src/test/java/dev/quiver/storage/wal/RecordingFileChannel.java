package dev.quiver.storage.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * A FileChannel that delegates to a real one and records what reached the disk: {@link #forcedEnd()} is the
 * highest file offset written before a force that has returned. Tests can make {@code force} wait for a condition
 * or fail.
 */
final class RecordingFileChannel
        extends FileChannel
{
    private final FileChannel delegate;
    private final AtomicLong writtenEnd = new AtomicLong();
    private final AtomicLong forcedEnd = new AtomicLong();
    private final AtomicInteger forces = new AtomicInteger();
    private volatile LongPredicate forceGate;
    private volatile boolean failForce;

    RecordingFileChannel(FileChannel delegate)
            throws IOException
    {
        this.delegate = delegate;
        this.writtenEnd.set(delegate.size());
        this.forcedEnd.set(delegate.size());
    }

    long writtenEnd()
    {
        return writtenEnd.get();
    }

    long forcedEnd()
    {
        return forcedEnd.get();
    }

    int forces()
    {
        return forces.get();
    }

    /** Each force first spins until {@code gate.test(writtenEnd)} holds (bounded by a deadline). */
    void gateForces(LongPredicate gate)
    {
        this.forceGate = gate;
    }

    void failForces()
    {
        this.failForce = true;
    }

    @Override
    public void force(boolean metaData)
            throws IOException
    {
        long snapshot = writtenEnd.get();
        LongPredicate gate = forceGate;
        if (gate != null) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!gate.test(writtenEnd.get()) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        if (failForce) {
            throw new IOException("injected force failure");
        }
        delegate.force(metaData);
        forces.incrementAndGet();
        forcedEnd.accumulateAndGet(snapshot, Math::max);
    }

    @Override
    public int write(ByteBuffer source, long position)
            throws IOException
    {
        int written = delegate.write(source, position);
        writtenEnd.accumulateAndGet(position + written, Math::max);
        return written;
    }

    @Override
    public int write(ByteBuffer source)
            throws IOException
    {
        int written = delegate.write(source);
        writtenEnd.accumulateAndGet(delegate.position(), Math::max);
        return written;
    }

    @Override
    public long write(ByteBuffer[] sources, int offset, int length)
            throws IOException
    {
        long written = delegate.write(sources, offset, length);
        writtenEnd.accumulateAndGet(delegate.position(), Math::max);
        return written;
    }

    @Override
    public int read(ByteBuffer destination)
            throws IOException
    {
        return delegate.read(destination);
    }

    @Override
    public long read(ByteBuffer[] destinations, int offset, int length)
            throws IOException
    {
        return delegate.read(destinations, offset, length);
    }

    @Override
    public int read(ByteBuffer destination, long position)
            throws IOException
    {
        return delegate.read(destination, position);
    }

    @Override
    public long position()
            throws IOException
    {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition)
            throws IOException
    {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size()
            throws IOException
    {
        return delegate.size();
    }

    @Override
    public FileChannel truncate(long size)
            throws IOException
    {
        delegate.truncate(size);
        writtenEnd.accumulateAndGet(size, Math::min);
        return this;
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target)
            throws IOException
    {
        return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel source, long position, long count)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileLock lock(long position, long size, boolean shared)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared)
    {
        throw new UnsupportedOperationException();
    }

    @Override
    protected void implCloseChannel()
            throws IOException
    {
        delegate.close();
    }
}
