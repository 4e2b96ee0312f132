package dev.quiver.storage.lucene;

import dev.quiver.storage.AbstractStorageEngineTest;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.wal.WalOptions;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/** The contract suite against the durable engine; every restart is a clean close (checkpoint) and reopen. */
class TestLuceneStorageEngine
        extends AbstractStorageEngineTest
{
    @TempDir
    Path dataDirectory;

    /** Refreshes after every few changed rows, so reads mix the searcher and the version map. */
    static LuceneEngineOptions options(boolean checkpointOnClose)
    {
        return new LuceneEngineOptions(new WalOptions(1 << 20, WalOptions.ChannelFactory.DEFAULT), Duration.ZERO,
                LuceneEngineOptions.DEFAULT_CHECKPOINT_LOG_BYTES, checkpointOnClose, 3);
    }

    @Override
    protected StorageEngine createEngine()
    {
        return LuceneStorageEngine.open(dataDirectory, options(true));
    }

    @Override
    protected StorageEngine restart(StorageEngine current)
    {
        current.close();
        return LuceneStorageEngine.open(dataDirectory, options(true));
    }
}
