package dev.quiver.storage.memory;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.table.RowStoreTable;
import dev.quiver.storage.table.StatementSink;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * The reference engine: everything in memory, nothing durable. It defines the expected behaviour for the
 * contract suite and backs the unit tests of the layers above.
 */
public final class InMemoryStorageEngine
        implements StorageEngine
{
    private static final int REBUILD_BATCH_ROWS = 4096;

    private final ReentrantLock catalogLock = new ReentrantLock();
    private final ConcurrentSkipListMap<String, ConcurrentSkipListMap<String, RowStoreTable>> databases = new ConcurrentSkipListMap<>();

    @Override
    public void createDatabase(String name)
    {
        requireNonNull(name, "name is null");
        if (databases.putIfAbsent(name, new ConcurrentSkipListMap<>()) != null) {
            throw new QuiverException(ErrorCode.ER_DB_CREATE_EXISTS, name);
        }
    }

    @Override
    public void dropDatabase(String name)
    {
        requireNonNull(name, "name is null");
        catalogLock.lock();
        try {
            Map<String, RowStoreTable> tables = databases.remove(name);
            if (tables == null) {
                throw new QuiverException(ErrorCode.ER_DB_DROP_EXISTS, name);
            }
            tables.values().forEach(RowStoreTable::markDropped);
        }
        finally {
            catalogLock.unlock();
        }
    }

    @Override
    public boolean databaseExists(String name)
    {
        return databases.containsKey(name);
    }

    @Override
    public List<String> listDatabases()
    {
        return List.copyOf(databases.keySet());
    }

    @Override
    public void createTable(String database, TableDefinition definition)
    {
        requireNonNull(definition, "definition is null");
        dev.quiver.storage.text.TextAnalyzers.validate(definition);
        catalogLock.lock();
        try {
            ConcurrentSkipListMap<String, RowStoreTable> tables = tables(database);
            if (tables.containsKey(definition.name())) {
                throw new QuiverException(ErrorCode.ER_TABLE_EXISTS_ERROR, definition.name());
            }
            tables.put(definition.name(), new RowStoreTable(database, definition, StatementSink.NONE, new HeapRowStore(definition)));
        }
        finally {
            catalogLock.unlock();
        }
    }

    @Override
    public void dropTable(String database, String table)
    {
        requireNonNull(table, "table is null");
        catalogLock.lock();
        try {
            ConcurrentSkipListMap<String, RowStoreTable> tables = databases.get(requireNonNull(database, "database is null"));
            RowStoreTable removed = tables == null ? null : tables.remove(table);
            if (removed == null) {
                throw new QuiverException(ErrorCode.ER_BAD_TABLE_ERROR, database + "." + table);
            }
            removed.markDropped();
        }
        finally {
            catalogLock.unlock();
        }
    }

    @Override
    public boolean tableExists(String database, String table)
    {
        Map<String, RowStoreTable> tables = databases.get(requireNonNull(database, "database is null"));
        return tables != null && tables.containsKey(requireNonNull(table, "table is null"));
    }

    @Override
    public List<String> listTables(String database)
    {
        return List.copyOf(tables(database).keySet());
    }

    @Override
    public Table table(String database, String table)
    {
        requireNonNull(table, "table is null");
        Map<String, RowStoreTable> tables = databases.get(requireNonNull(database, "database is null"));
        RowStoreTable result = tables == null ? null : tables.get(table);
        if (result == null) {
            throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, database, table);
        }
        return result;
    }

    private ConcurrentSkipListMap<String, RowStoreTable> tables(String database)
    {
        ConcurrentSkipListMap<String, RowStoreTable> tables = databases.get(requireNonNull(database, "database is null"));
        if (tables == null) {
            throw new QuiverException(ErrorCode.ER_BAD_DB_ERROR, database);
        }
        return tables;
    }

    @Override
    public void renameTable(String database, String table, String newDatabase, String newTable)
    {
        requireNonNull(table, "table is null");
        requireNonNull(newTable, "newTable is null");
        catalogLock.lock();
        try {
            ConcurrentSkipListMap<String, RowStoreTable> tables = databases.get(requireNonNull(database, "database is null"));
            RowStoreTable moved = tables == null ? null : tables.get(table);
            if (moved == null) {
                throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, database, table);
            }
            ConcurrentSkipListMap<String, RowStoreTable> target = tables(newDatabase);
            if (target.containsKey(newTable)) {
                throw new QuiverException(ErrorCode.ER_TABLE_EXISTS_ERROR, newTable);
            }
            moved.rename(newDatabase, newTable);
            tables.remove(table);
            target.put(newTable, moved);
        }
        finally {
            catalogLock.unlock();
        }
    }

    @Override
    public void alterTable(String database, String table, TableDefinition newDefinition, UnaryOperator<Row> mapper)
    {
        requireNonNull(newDefinition, "newDefinition is null");
        requireNonNull(mapper, "mapper is null");
        dev.quiver.storage.text.TextAnalyzers.validate(newDefinition);
        catalogLock.lock();
        try {
            RowStoreTable altered = (RowStoreTable) table(database, table);
            TableDefinition definition = new TableDefinition(table, newDefinition.columns(), newDefinition.indexes());
            altered.rebuild(definition, new HeapRowStore(definition), StatementSink.NONE, mapper, REBUILD_BATCH_ROWS, (nextRowId, autoIncrement) -> {});
        }
        finally {
            catalogLock.unlock();
        }
    }

    @Override
    public void close()
    {
    }
}
