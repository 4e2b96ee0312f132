package dev.quiver.storage.lucene;

import dev.quiver.storage.wal.WalOptions;

import java.time.Duration;

import static java.util.Objects.requireNonNull;

/**
 * Settings of the durable engine: the log's settings, how often a background checkpoint runs (zero disables it),
 * and whether {@code close()} checkpoints (tests turn that off to exercise log replay).
 */
public record LuceneEngineOptions(WalOptions wal, Duration checkpointInterval, boolean checkpointOnClose)
{
    public LuceneEngineOptions
    {
        requireNonNull(wal, "wal is null");
        requireNonNull(checkpointInterval, "checkpointInterval is null");
        if (checkpointInterval.isNegative()) {
            throw new IllegalArgumentException("negative checkpoint interval");
        }
    }

    public static LuceneEngineOptions defaults()
    {
        return new LuceneEngineOptions(WalOptions.defaults(), Duration.ofSeconds(60), true);
    }
}
