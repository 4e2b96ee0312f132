package dev.quiver.storage.memory;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.StorageEngine;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The reference engine: everything in memory, nothing durable. It defines the expected behaviour for the
 * contract suite and backs the unit tests of the layers above.
 */
public final class InMemoryStorageEngine
        implements StorageEngine
{
    private final ConcurrentSkipListSet<String> databases = new ConcurrentSkipListSet<>();

    @Override
    public void createDatabase(String name)
    {
        if (!databases.add(name)) {
            throw new QuiverException(ErrorCode.ER_DB_CREATE_EXISTS, name);
        }
    }

    @Override
    public void dropDatabase(String name)
    {
        if (!databases.remove(name)) {
            throw new QuiverException(ErrorCode.ER_DB_DROP_EXISTS, name);
        }
    }

    @Override
    public boolean databaseExists(String name)
    {
        return databases.contains(name);
    }

    @Override
    public List<String> listDatabases()
    {
        return List.copyOf(databases);
    }

    @Override
    public void close()
    {
    }
}
