package dev.quiver.storage.lucene;

import dev.quiver.storage.wal.WalOptions;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the durable engine: the log's settings, how often a background checkpoint runs (zero disables the
 * timer), after how many logged bytes a checkpoint is started regardless of the timer (this bounds recovery time),
 * whether {@code close()} checkpoints (tests turn that off to exercise log replay), and after how many changed rows
 * a table's searcher is refreshed (besides a refresh every second), how many committed rows may wait for the
 * background index applier before writers wait for it (back-pressure), and after how long without writes a table
 * with a VECTOR index is merged into one segment in the background ({@link IndexMerges}; zero: never).
 */
public record LuceneEngineOptions(WalOptions wal, Duration checkpointInterval, long checkpointLogBytes, boolean checkpointOnClose, int refreshRows,
        long applyBacklogRows, Duration mergeWhenIdle)
{
    /** A table's searcher is refreshed (and its version map emptied) once this many rows changed since the last refresh. */
    public static final int DEFAULT_REFRESH_ROWS = 10_000;

    /**
     * A checkpoint starts after this much log, so at most this much is replayed after a crash: 64 MiB of
     * collection rows (about 70k at 128 dimensions) replay in a few seconds (BENCHMARKS.md, recovery).
     */
    public static final long DEFAULT_CHECKPOINT_LOG_BYTES = 64L << 20;

    /**
     * Default of {@link #applyBacklogRows}: twice the refresh threshold. A statement is acknowledged once logged and
     * in the version map; the applier builds documents (HNSW insertion included) behind it. Past this many rows not
     * yet applied, a writer waits after its statement until the backlog is back under the bound, so the version map
     * (and the rows searches score exactly) stays below about {@code applyBacklogRows + refreshRows} rows: some 120 MB
     * of 768-dimension rows.
     */
    public static final long DEFAULT_APPLY_BACKLOG_ROWS = 2L * DEFAULT_REFRESH_ROWS;

    /** A vector table idle this long is merged into one segment (if worthwhile): a bulk load is over by then. */
    public static final Duration DEFAULT_MERGE_WHEN_IDLE = Duration.ofSeconds(30);

    /** Without background merges of idle tables (tests that want a fixed segment layout). */
    public LuceneEngineOptions(WalOptions wal, Duration checkpointInterval, long checkpointLogBytes, boolean checkpointOnClose, int refreshRows)
    {
        this(wal, checkpointInterval, checkpointLogBytes, checkpointOnClose, refreshRows, Math.max(DEFAULT_APPLY_BACKLOG_ROWS, 2L * refreshRows));
    }

    /** Without background merges of idle tables. */
    public LuceneEngineOptions(WalOptions wal, Duration checkpointInterval, long checkpointLogBytes, boolean checkpointOnClose, int refreshRows,
            long applyBacklogRows)
    {
        this(wal, checkpointInterval, checkpointLogBytes, checkpointOnClose, refreshRows, applyBacklogRows, Duration.ZERO);
    }

    public LuceneEngineOptions
    {
        if (applyBacklogRows < 1) {
            throw new IllegalArgumentException("applyBacklogRows must be positive");
        }
        requireNonNull(wal, "wal is null");
        requireNonNull(checkpointInterval, "checkpointInterval is null");
        requireNonNull(mergeWhenIdle, "mergeWhenIdle is null");
        if (refreshRows < 1) {
            throw new IllegalArgumentException("refreshRows must be positive");
        }
        if (checkpointLogBytes < 1) {
            throw new IllegalArgumentException("checkpointLogBytes must be positive");
        }
        if (checkpointInterval.isNegative() || mergeWhenIdle.isNegative()) {
            throw new IllegalArgumentException("negative checkpoint interval or idle merge delay");
        }
    }

    public LuceneEngineOptions withMergeWhenIdle(Duration idle)
    {
        return new LuceneEngineOptions(wal, checkpointInterval, checkpointLogBytes, checkpointOnClose, refreshRows, applyBacklogRows, idle);
    }

    public static LuceneEngineOptions defaults()
    {
        return new LuceneEngineOptions(WalOptions.defaults(), Duration.ofSeconds(60), DEFAULT_CHECKPOINT_LOG_BYTES, true, DEFAULT_REFRESH_ROWS,
                DEFAULT_APPLY_BACKLOG_ROWS, DEFAULT_MERGE_WHEN_IDLE);
    }
}
