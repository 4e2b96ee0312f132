package dev.quiver.storage.wal;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestWriteAheadLog
{
    private static final byte TYPE = 7;

    @TempDir
    Path directory;

    @Test
    void testAppendAndReplayAcrossSegments()
    {
        WalOptions options = new WalOptions(4096, WalOptions.ChannelFactory.DEFAULT);
        try (WriteAheadLog log = WriteAheadLog.open(directory, options)) {
            for (int i = 1; i <= 300; i++) {
                assertThat(log.append(TYPE, payload(i))).isEqualTo(i);
            }
            log.awaitDurable(300);
            assertThat(log.durableLsn()).isEqualTo(300);
            assertThat(log.segmentCount()).isGreaterThan(3);
        }
        try (WriteAheadLog log = WriteAheadLog.open(directory, options)) {
            assertThat(log.lastAppendedLsn()).isEqualTo(300);
            List<WalRecord> records = replay(log, 1);
            assertThat(records).hasSize(300);
            for (WalRecord record : records) {
                assertThat(record.type()).isEqualTo(TYPE);
                assertThat(record.payload()).isEqualTo(payload((int) record.lsn()));
            }
            assertThat(replay(log, 250)).extracting(WalRecord::lsn).startsWith(250L).hasSize(51);
            assertThat(log.appendDurably(TYPE, payload(301))).isEqualTo(301);
        }
    }

    @Test
    void testNoAcknowledgementBeforeItsForceReturns()
            throws Exception
    {
        List<RecordingFileChannel> channels = new CopyOnWriteArrayList<>();
        WalOptions options = new WalOptions(1 << 20, (path, openOptions) -> {
            RecordingFileChannel channel = new RecordingFileChannel(FileChannel.open(path, openOptions));
            channels.add(channel);
            return channel;
        });
        int threads = 8;
        int perThread = 40;
        int payloadBytes = 100;
        List<String> violations = Collections.synchronizedList(new ArrayList<>());
        try (WriteAheadLog log = WriteAheadLog.open(directory, options)) {
            RecordingFileChannel channel = channels.get(0);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        long lsn = log.append(TYPE, new byte[payloadBytes]);
                        log.awaitDurable(lsn);
                        long recordEnd = WalFormat.HEADER_BYTES + lsn * (WalFormat.FRAME_OVERHEAD + payloadBytes);
                        if (channel.forcedEnd() < recordEnd) {
                            violations.add("lsn " + lsn + " acknowledged with only " + channel.forcedEnd() + " bytes forced");
                        }
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            assertThat(violations).isEmpty();
            assertThat(log.durableLsn()).isEqualTo(threads * perThread);
        }
    }

    @Test
    void testConcurrentWritersShareOneForce()
            throws Exception
    {
        List<RecordingFileChannel> channels = new CopyOnWriteArrayList<>();
        WalOptions options = new WalOptions(1 << 20, (path, openOptions) -> {
            RecordingFileChannel channel = new RecordingFileChannel(FileChannel.open(path, openOptions));
            channels.add(channel);
            return channel;
        });
        int writers = 8;
        int payloadBytes = 10;
        try (WriteAheadLog log = WriteAheadLog.open(directory, options)) {
            RecordingFileChannel channel = channels.get(0);
            int forcesBefore = channel.forces();
            long allWritten = WalFormat.HEADER_BYTES + (long) writers * (WalFormat.FRAME_OVERHEAD + payloadBytes);
            // the first force waits until every writer has appended, so the batch is deterministic
            channel.gateForces(written -> written >= allWritten);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < writers; t++) {
                workers.add(Thread.ofPlatform().start(() -> log.appendDurably(TYPE, new byte[payloadBytes])));
            }
            for (Thread worker : workers) {
                worker.join();
            }
            assertThat(log.durableLsn()).isEqualTo(writers);
            assertThat(channel.forces() - forcesBefore).isBetween(1, 2);
        }
    }

    @Test
    void testTruncatingTheLastRecordAtEveryOffsetLosesNothingAcknowledged()
            throws IOException
    {
        Path original = directory.resolve("original");
        try (WriteAheadLog log = WriteAheadLog.open(original, WalOptions.defaults())) {
            for (int i = 1; i <= 5; i++) {
                log.appendDurably(TYPE, payload(i));
            }
        }
        Path segment = onlySegment(original);
        byte[] bytes = Files.readAllBytes(segment);
        int lastFrame = bytes.length - (WalFormat.FRAME_OVERHEAD + payload(5).length);
        for (int cut = lastFrame; cut <= bytes.length; cut++) {
            Path copy = directory.resolve("cut-" + cut);
            Files.createDirectories(copy);
            Files.write(copy.resolve(segment.getFileName()), java.util.Arrays.copyOf(bytes, cut));
            long expectedLast = cut == bytes.length ? 5 : 4;
            try (WriteAheadLog log = WriteAheadLog.open(copy, WalOptions.defaults())) {
                assertThat(replay(log, 1)).as("cut at %d", cut).extracting(WalRecord::lsn).containsExactly(lsns(expectedLast));
                assertThat(log.appendDurably(TYPE, payload(9))).isEqualTo(expectedLast + 1);
            }
            try (WriteAheadLog log = WriteAheadLog.open(copy, WalOptions.defaults())) {
                List<WalRecord> records = replay(log, 1);
                assertThat(records).hasSize((int) expectedLast + 1);
                assertThat(records.get(records.size() - 1).payload()).isEqualTo(payload(9));
            }
        }
    }

    @Test
    void testCorruptionInTheMiddleIsReportedAndATornTailIsDropped()
            throws IOException
    {
        try (WriteAheadLog log = WriteAheadLog.open(directory, WalOptions.defaults())) {
            for (int i = 1; i <= 5; i++) {
                log.appendDurably(TYPE, payload(i));
            }
        }
        Path segment = onlySegment(directory);
        byte[] bytes = Files.readAllBytes(segment);
        int secondPayload = WalFormat.HEADER_BYTES + WalFormat.FRAME_OVERHEAD + payload(1).length + WalFormat.FRAME_OVERHEAD;
        byte[] corrupted = bytes.clone();
        corrupted[secondPayload] ^= 0x01;
        Files.write(segment, corrupted);
        assertThatThrownBy(() -> WriteAheadLog.open(directory, WalOptions.defaults()))
                .isInstanceOfSatisfying(QuiverException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.ER_STORAGE_CORRUPT);
                    assertThat(e.getMessage()).contains("after lsn 1");
                });
        byte[] tornTail = bytes.clone();
        tornTail[bytes.length - 1] ^= 0x01;
        Files.write(segment, tornTail);
        try (WriteAheadLog log = WriteAheadLog.open(directory, WalOptions.defaults())) {
            assertThat(replay(log, 1)).extracting(WalRecord::lsn).containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @Test
    void testCorruptionInAnOlderSegmentIsReported()
            throws IOException
    {
        WalOptions options = new WalOptions(4096, WalOptions.ChannelFactory.DEFAULT);
        try (WriteAheadLog log = WriteAheadLog.open(directory, options)) {
            for (int i = 1; i <= 100; i++) {
                log.append(TYPE, payload(i));
            }
            log.awaitDurable(100);
        }
        Path first = segments(directory).get(0);
        byte[] bytes = Files.readAllBytes(first);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(first, bytes);
        assertThatThrownBy(() -> WriteAheadLog.open(directory, options))
                .isInstanceOfSatisfying(QuiverException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ER_STORAGE_CORRUPT));
    }

    @Test
    void testTrimDeletesCoveredSegments()
    {
        WalOptions options = new WalOptions(4096, WalOptions.ChannelFactory.DEFAULT);
        try (WriteAheadLog log = WriteAheadLog.open(directory, options)) {
            for (int i = 1; i <= 200; i++) {
                log.append(TYPE, payload(i));
            }
            log.awaitDurable(200);
            int before = log.segmentCount();
            assertThat(log.trimBefore(150)).isPositive();
            assertThat(log.segmentCount()).isLessThan(before);
            assertThat(replay(log, 150)).extracting(WalRecord::lsn).startsWith(150L).endsWith(200L);
        }
        try (WriteAheadLog log = WriteAheadLog.open(directory, options)) {
            assertThat(log.lastAppendedLsn()).isEqualTo(200);
            assertThat(replay(log, 150)).hasSize(51);
            assertThat(log.appendDurably(TYPE, payload(201))).isEqualTo(201);
        }
    }

    @Test
    void testFailedForceRefusesFurtherWrites()
    {
        List<RecordingFileChannel> channels = new CopyOnWriteArrayList<>();
        WalOptions options = new WalOptions(1 << 20, (path, openOptions) -> {
            RecordingFileChannel channel = new RecordingFileChannel(FileChannel.open(path, openOptions));
            channels.add(channel);
            return channel;
        });
        WriteAheadLog log = WriteAheadLog.open(directory, options);
        log.appendDurably(TYPE, payload(1));
        channels.get(0).failForces();
        long lsn = log.append(TYPE, payload(2));
        assertThatThrownBy(() -> log.awaitDurable(lsn))
                .isInstanceOfSatisfying(QuiverException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ER_STORAGE_IO));
        assertThatThrownBy(() -> log.append(TYPE, payload(3)))
                .isInstanceOfSatisfying(QuiverException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ER_STORAGE_IO));
        assertThat(log.durableLsn()).isEqualTo(1);
        log.close();
    }

    private static byte[] payload(int i)
    {
        return ("record-" + i + "-" + "x".repeat(i % 37)).getBytes(StandardCharsets.UTF_8);
    }

    private static Long[] lsns(long last)
    {
        Long[] result = new Long[(int) last];
        for (int i = 0; i < last; i++) {
            result[i] = i + 1L;
        }
        return result;
    }

    private static List<WalRecord> replay(WriteAheadLog log, long from)
    {
        List<WalRecord> records = new ArrayList<>();
        log.replay(from, records::add);
        return records;
    }

    private static Path onlySegment(Path directory)
            throws IOException
    {
        List<Path> segments = segments(directory);
        assertThat(segments).hasSize(1);
        return segments.get(0);
    }

    private static List<Path> segments(Path directory)
            throws IOException
    {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(path -> path.getFileName().toString().startsWith("wal-")).sorted().toList();
        }
    }

    @SuppressWarnings("unused")
    private static void touch(Path path)
            throws IOException
    {
        Files.newByteChannel(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
    }
}
