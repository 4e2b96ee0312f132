package dev.quiver.storage.lucene;

import dev.quiver.storage.wal.WalOptions;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the durable engine: the log's settings, how often a background checkpoint runs (zero disables the
 * timer), after how many logged bytes a checkpoint is started regardless of the timer (this bounds recovery time),
 * whether {@code close()} checkpoints (tests turn that off to exercise log replay), and after how many changed rows
 * a table's searcher is refreshed (besides a refresh every second).
 */
public record LuceneEngineOptions(WalOptions wal, Duration checkpointInterval, long checkpointLogBytes, boolean checkpointOnClose, int refreshRows)
{
    /** A table's searcher is refreshed (and its version map emptied) once this many rows changed since the last refresh. */
    public static final int DEFAULT_REFRESH_ROWS = 10_000;

    /**
     * A checkpoint starts after this much log, so at most this much is replayed after a crash: 64 MiB of
     * collection rows (about 70k at 128 dimensions) replay in a few seconds (BENCHMARKS.md, recovery).
     */
    public static final long DEFAULT_CHECKPOINT_LOG_BYTES = 64L << 20;

    public LuceneEngineOptions
    {
        requireNonNull(wal, "wal is null");
        requireNonNull(checkpointInterval, "checkpointInterval is null");
        if (refreshRows < 1) {
            throw new IllegalArgumentException("refreshRows must be positive");
        }
        if (checkpointLogBytes < 1) {
            throw new IllegalArgumentException("checkpointLogBytes must be positive");
        }
        if (checkpointInterval.isNegative()) {
            throw new IllegalArgumentException("negative checkpoint interval");
        }
    }

    public static LuceneEngineOptions defaults()
    {
        return new LuceneEngineOptions(WalOptions.defaults(), Duration.ofSeconds(60), DEFAULT_CHECKPOINT_LOG_BYTES, true, DEFAULT_REFRESH_ROWS);
    }
}
