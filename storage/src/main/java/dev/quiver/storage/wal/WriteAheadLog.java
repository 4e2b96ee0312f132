package dev.quiver.storage.wal;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * A segmented, append-only write-ahead log with CRC32C per record, dense LSNs and group commit.
 *
 * <p>Writers {@link #append} (the record reaches the OS, not yet the disk) and then {@link #awaitDurable} their LSN.
 * The first waiter becomes the leader: it forces the file once for every record appended so far, so concurrent
 * writers share one {@code force} per batch; {@code awaitDurable} returns only after a force that covers the record
 * has returned. After a failed force the log refuses all further work (the page cache can no longer be trusted).
 *
 * <p>{@link #open} validates every segment. A bad frame at the very end of the last segment (a torn write: short,
 * or failing its CRC with nothing valid after it) is cut off and never replayed; a bad frame followed by valid
 * frames, or a bad frame in an older segment, is corruption and fails the open with {@code ER_STORAGE_CORRUPT}.
 * Thread-safe; locks are {@link ReentrantLock}s, so writers may be virtual threads.
 */
public final class WriteAheadLog
        implements AutoCloseable
{
    /** Receives replayed records in LSN order. */
    @FunctionalInterface
    public interface RecordConsumer
    {
        void accept(WalRecord record);
    }

    private record Segment(long firstLsn, Path path) {}

    private final Path directory;
    private final WalOptions options;
    private final ReentrantLock appendLock = new ReentrantLock();
    private final ReentrantLock syncLock = new ReentrantLock();
    private final AtomicLong durableLsn = new AtomicLong();
    private final List<Segment> segments = new ArrayList<>();
    private FileChannel current;
    private long currentSize;
    private volatile long lastLsn;
    private volatile long appendedBytes;
    private volatile Throwable failure;
    private boolean closed;

    private WriteAheadLog(Path directory, WalOptions options)
    {
        this.directory = requireNonNull(directory, "directory is null");
        this.options = requireNonNull(options, "options is null");
    }

    /** Opens (or creates) the log in {@code directory}, validating it and cutting off a torn tail. */
    public static WriteAheadLog open(Path directory, WalOptions options)
    {
        WriteAheadLog log = new WriteAheadLog(directory, options);
        try {
            log.recover();
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "opening the log in " + directory.getFileName() + ": " + e.getMessage());
        }
        return log;
    }

    private void recover()
            throws IOException
    {
        Files.createDirectories(directory);
        List<Segment> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(path -> {
                long firstLsn = WalFormat.parseSegmentName(path.getFileName().toString());
                if (firstLsn > 0) {
                    found.add(new Segment(firstLsn, path));
                }
            });
        }
        found.sort((left, right) -> Long.compare(left.firstLsn(), right.firstLsn()));
        if (found.isEmpty()) {
            startSegment(1);
            lastLsn = 0;
            durableLsn.set(0);
            return;
        }
        long expected = found.get(0).firstLsn();
        for (int i = 0; i < found.size(); i++) {
            Segment segment = found.get(i);
            boolean last = i == found.size() - 1;
            if (segment.firstLsn() != expected) {
                throw corrupt(segment, "expected first lsn " + expected + " but the segment starts at " + segment.firstLsn());
            }
            byte[] bytes = Files.readAllBytes(segment.path());
            if (bytes.length < WalFormat.HEADER_BYTES && last) {
                // crashed while creating the segment: rewrite its header
                Files.delete(segment.path());
                segments.addAll(found.subList(0, i));
                startSegment(segment.firstLsn());
                lastLsn = expected - 1;
                durableLsn.set(lastLsn);
                return;
            }
            checkHeader(segment, bytes);
            ScanResult scan = scan(bytes, segment.firstLsn(), 1, null);
            if (scan.badOffset() >= 0) {
                if (!last || scan.validFrameAfterBadOffset()) {
                    throw corrupt(segment, "bad record at offset " + scan.badOffset() + " (after lsn " + scan.lastLsn() + ")");
                }
                try (FileChannel channel = options.channelFactory().open(segment.path(), StandardOpenOption.WRITE)) {
                    channel.truncate(scan.badOffset());
                    channel.force(true);
                }
            }
            expected = scan.lastLsn() + 1;
        }
        segments.addAll(found);
        Segment tail = found.get(found.size() - 1);
        current = options.channelFactory().open(tail.path(), StandardOpenOption.WRITE, StandardOpenOption.READ);
        currentSize = current.size();
        lastLsn = expected - 1;
        durableLsn.set(lastLsn);
    }

    private static void checkHeader(Segment segment, byte[] bytes)
    {
        if (bytes.length < WalFormat.HEADER_BYTES) {
            throw corrupt(segment, "truncated header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 0, WalFormat.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int magic = header.getInt();
        int version = header.getInt();
        long firstLsn = header.getLong();
        if (magic != WalFormat.MAGIC) {
            throw corrupt(segment, "wrong magic");
        }
        if (version != WalFormat.VERSION) {
            throw corrupt(segment, "unsupported version " + version);
        }
        if (firstLsn != segment.firstLsn()) {
            throw corrupt(segment, "header says first lsn " + firstLsn);
        }
    }

    private static QuiverException corrupt(Segment segment, String detail)
    {
        return new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, "write-ahead log " + segment.path().getFileName() + ": " + detail);
    }

    /** lastLsn is the last good LSN; badOffset is -1 when the whole file parsed. */
    private record ScanResult(long lastLsn, int badOffset, boolean validFrameAfterBadOffset) {}

    private static ScanResult scan(byte[] bytes, long firstLsn, long fromLsn, RecordConsumer consumer)
    {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int position = WalFormat.HEADER_BYTES;
        long expected = firstLsn;
        while (position < bytes.length) {
            int length = frameLength(buffer, bytes, position, expected);
            if (length < 0) {
                return new ScanResult(expected - 1, position, validFrameAfter(buffer, bytes, position + 1, expected));
            }
            if (consumer != null && expected >= fromLsn) {
                byte[] payload = new byte[length];
                System.arraycopy(bytes, position + WalFormat.FRAME_OVERHEAD, payload, 0, length);
                consumer.accept(new WalRecord(expected, bytes[position + 16], payload));
            }
            position += WalFormat.FRAME_OVERHEAD + length;
            expected++;
        }
        return new ScanResult(expected - 1, -1, false);
    }

    /** The payload length of a valid frame with LSN {@code expected} at {@code position}, or -1. */
    private static int frameLength(ByteBuffer buffer, byte[] bytes, int position, long expected)
    {
        if (bytes.length - position < WalFormat.FRAME_OVERHEAD) {
            return -1;
        }
        int length = buffer.getInt(position);
        if (length < 0 || length > WalFormat.MAX_PAYLOAD || (long) position + WalFormat.FRAME_OVERHEAD + length > bytes.length) {
            return -1;
        }
        long lsn = buffer.getLong(position + 8);
        if (lsn != expected) {
            return -1;
        }
        int crc = buffer.getInt(position + 4);
        byte type = bytes[position + 16];
        if (crc != WalFormat.checksum(lsn, type, bytes, position + WalFormat.FRAME_OVERHEAD, length)) {
            return -1;
        }
        return length;
    }

    private static boolean validFrameAfter(ByteBuffer buffer, byte[] bytes, int from, long expected)
    {
        for (int position = from; position + WalFormat.FRAME_OVERHEAD <= bytes.length; position++) {
            long lsn = buffer.getLong(position + 8);
            if (lsn >= expected && lsn < expected + 1_000_000 && frameLength(buffer, bytes, position, lsn) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Creates a new segment starting at {@code firstLsn} and makes it current. Caller holds the append lock (or is opening). */
    private void startSegment(long firstLsn)
            throws IOException
    {
        Path path = directory.resolve(WalFormat.segmentName(firstLsn));
        FileChannel channel = options.channelFactory().open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
        writeFully(channel, WalFormat.header(firstLsn), 0);
        channel.force(true);
        forceDirectory();
        current = channel;
        currentSize = WalFormat.HEADER_BYTES;
        segments.add(new Segment(firstLsn, path));
    }

    private void forceDirectory()
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
        catch (IOException e) {
            // some platforms cannot open a directory; the segment's own force still stands
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position)
            throws IOException
    {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /**
     * Writes a record and returns its LSN. The record is not durable until {@link #awaitDurable} returns for it;
     * never acknowledge a write before that.
     */
    public long append(byte type, byte[] payload)
    {
        requireNonNull(payload, "payload is null");
        if (payload.length > WalFormat.MAX_PAYLOAD) {
            throw new QuiverException(ErrorCode.ER_STORAGE_IO, "log record of " + payload.length + " bytes is too large");
        }
        appendLock.lock();
        try {
            checkUsable();
            long lsn = lastLsn + 1;
            ByteBuffer frame = WalFormat.frame(lsn, type, payload);
            if (currentSize + frame.remaining() > options.segmentBytes() && currentSize > WalFormat.HEADER_BYTES) {
                roll(lsn);
            }
            writeFully(current, frame, currentSize);
            currentSize += WalFormat.FRAME_OVERHEAD + payload.length;
            appendedBytes += WalFormat.FRAME_OVERHEAD + payload.length;
            lastLsn = lsn;
            return lsn;
        }
        catch (IOException e) {
            failure = e;
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "appending to the log: " + e.getMessage());
        }
        finally {
            appendLock.unlock();
        }
    }

    /** Forces the finished segment (so everything before {@code nextLsn} is durable) and starts a new one. */
    private void roll(long nextLsn)
            throws IOException
    {
        FileChannel finished = current;
        finished.force(false);
        durableLsn.accumulateAndGet(nextLsn - 1, Math::max);
        startSegment(nextLsn);
        finished.close();
    }

    /** Returns once every record up to {@code lsn} is on disk; batches concurrent callers into one force. */
    public void awaitDurable(long lsn)
    {
        if (durableLsn.get() >= lsn) {
            return;
        }
        syncLock.lock();
        try {
            if (durableLsn.get() >= lsn) {
                return;
            }
            long target;
            FileChannel channel;
            appendLock.lock();
            try {
                checkUsable();
                if (lsn > lastLsn) {
                    throw new IllegalArgumentException("lsn " + lsn + " was never appended (last is " + lastLsn + ")");
                }
                target = lastLsn;
                channel = current;
            }
            finally {
                appendLock.unlock();
            }
            try {
                channel.force(false);
            }
            catch (ClosedChannelException e) {
                // a roll closed the channel after forcing it; that force covered everything before the roll
                if (durableLsn.get() < lsn) {
                    throw e;
                }
            }
            durableLsn.accumulateAndGet(target, Math::max);
        }
        catch (IOException e) {
            failure = e;
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "forcing the log: " + e.getMessage());
        }
        finally {
            syncLock.unlock();
        }
    }

    /** {@link #append} then {@link #awaitDurable}. */
    public long appendDurably(byte type, byte[] payload)
    {
        long lsn = append(type, payload);
        awaitDurable(lsn);
        return lsn;
    }

    public long lastAppendedLsn()
    {
        return lastLsn;
    }

    /** Bytes appended since this log was opened (drives size-triggered checkpoints). */
    public long appendedBytes()
    {
        return appendedBytes;
    }

    public long durableLsn()
    {
        return durableLsn.get();
    }

    /** Delivers every record with LSN ≥ {@code fromLsn}, in order. Call before appending (recovery). */
    public void replay(long fromLsn, RecordConsumer consumer)
    {
        requireNonNull(consumer, "consumer is null");
        List<Segment> snapshot;
        long end;
        appendLock.lock();
        try {
            snapshot = List.copyOf(segments);
            end = lastLsn;
        }
        finally {
            appendLock.unlock();
        }
        for (int i = 0; i < snapshot.size(); i++) {
            if (i + 1 < snapshot.size() && snapshot.get(i + 1).firstLsn() <= fromLsn) {
                continue;
            }
            Segment segment = snapshot.get(i);
            long last = end;
            try {
                byte[] bytes = Files.readAllBytes(segment.path());
                scan(bytes, segment.firstLsn(), fromLsn, record -> {
                    if (record.lsn() <= last) {
                        consumer.accept(record);
                    }
                });
            }
            catch (IOException e) {
                throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "reading the log: " + e.getMessage());
            }
        }
    }

    /**
     * Deletes whole segments whose records all have LSN &lt; {@code lsn} (they are covered by a checkpoint). The
     * current segment is never deleted. Returns how many segments were deleted.
     */
    public int trimBefore(long lsn)
    {
        appendLock.lock();
        try {
            int deleted = 0;
            while (segments.size() > 1 && segments.get(1).firstLsn() <= lsn) {
                Files.deleteIfExists(segments.get(0).path());
                segments.remove(0);
                deleted++;
            }
            if (deleted > 0) {
                forceDirectory();
            }
            return deleted;
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "trimming the log: " + e.getMessage());
        }
        finally {
            appendLock.unlock();
        }
    }

    /** Number of segment files (for tests and metrics). */
    public int segmentCount()
    {
        appendLock.lock();
        try {
            return segments.size();
        }
        finally {
            appendLock.unlock();
        }
    }

    private void checkUsable()
    {
        if (closed) {
            throw new QuiverException(ErrorCode.ER_STORAGE_IO, "the log is closed");
        }
        Throwable cause = failure;
        if (cause != null) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, cause, "the log failed earlier and refuses writes: " + cause.getMessage());
        }
    }

    /** Forces and closes the current segment. */
    @Override
    public void close()
    {
        syncLock.lock();
        appendLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            if (failure == null) {
                current.force(false);
                durableLsn.accumulateAndGet(lastLsn, Math::max);
            }
            current.close();
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "closing the log: " + e.getMessage());
        }
        finally {
            appendLock.unlock();
            syncLock.unlock();
        }
    }
}
