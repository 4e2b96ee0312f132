package dev.quiver.storage.memory;

import dev.quiver.storage.AbstractStorageEngineTest;
import dev.quiver.storage.StorageEngine;

class TestInMemoryStorageEngine
        extends AbstractStorageEngineTest
{
    @Override
    protected StorageEngine createEngine()
    {
        return new InMemoryStorageEngine();
    }
}
