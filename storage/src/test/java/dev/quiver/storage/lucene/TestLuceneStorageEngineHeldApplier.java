package dev.quiver.storage.lucene;

import dev.quiver.storage.AbstractStorageEngineTest;
import dev.quiver.storage.StorageEngine;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * The contract suite against the durable engine with its background index applier held back: no statement reaches
 * an index writer, so every read, unique check and search is answered by the searcher of the last recovery plus the
 * version map's overlay; every restart closes without draining the applier (the close's checkpoint commits each
 * index at the position its writer reached) and recovery replays the rest from the log.
 */
class TestLuceneStorageEngineHeldApplier
        extends AbstractStorageEngineTest
{
    @TempDir
    Path dataDirectory;

    @Override
    protected StorageEngine createEngine()
    {
        return held(LuceneStorageEngine.open(dataDirectory, TestLuceneStorageEngine.options(true)));
    }

    @Override
    protected StorageEngine restart(StorageEngine current)
    {
        current.close();
        return createEngine();
    }

    private static LuceneStorageEngine held(LuceneStorageEngine engine)
    {
        engine.pauseIndexApplier();
        return engine;
    }
}
