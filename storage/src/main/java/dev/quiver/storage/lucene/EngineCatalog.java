package dev.quiver.storage.lucene;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.format.LogRecord;
import dev.quiver.storage.table.StatementSink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The {@link LuceneStorageEngine}'s catalog: databases and their tables by name, tables by id, the next table id,
 * the table index directories ({@code tables/<id>/}) and the catalog lock. Its DDL logs each change durably (through
 * the engine) before the change takes effect.
 */
final class EngineCatalog
{
    /** Taken before the engine's checkpoint lock; serialises catalog changes. */
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentSkipListMap<String, ConcurrentSkipListMap<String, DurableTable>> databases = new ConcurrentSkipListMap<>();
    private final Map<Long, DurableTable> tablesById = new HashMap<>();
    private final Path root;
    private final int refreshRows;
    /** Logs a catalog change durably (caller holds the catalog lock). */
    private final Consumer<LogRecord> logCatalog;
    private final Function<DurableTable, StatementSink> sinks;
    private long nextTableId = 1;

    EngineCatalog(Path root, int refreshRows, Consumer<LogRecord> logCatalog, Function<DurableTable, StatementSink> sinks)
    {
        this.root = requireNonNull(root, "root is null");
        this.refreshRows = refreshRows;
        this.logCatalog = requireNonNull(logCatalog, "logCatalog is null");
        this.sinks = requireNonNull(sinks, "sinks is null");
    }

    ReentrantLock lock()
    {
        return lock;
    }

    /** Database name → table name → table (recovery and checkpoints read and change it directly). */
    ConcurrentSkipListMap<String, ConcurrentSkipListMap<String, DurableTable>> databases()
    {
        return databases;
    }

    /** Table id → table (guarded by the catalog lock, or recovery's single thread). */
    Map<Long, DurableTable> tablesById()
    {
        return tablesById;
    }

    long nextTableId()
    {
        return nextTableId;
    }

    /** Recovery: the next table id the catalog snapshot recorded. */
    void restoreNextTableId(long next)
    {
        nextTableId = next;
    }

    /** A fresh table id (caller holds the catalog lock). */
    long takeTableId()
    {
        return nextTableId++;
    }

    /** Opens the index of a table the snapshot or the log names and enters it in the catalog (recovery). */
    DurableTable openTable(long id, String database, TableDefinition definition)
    {
        DurableTable table = new DurableTable(id, database, definition, LuceneRowStore.open(tablePath(id), definition, refreshRows), sinks);
        databases.computeIfAbsent(database, ignored -> new ConcurrentSkipListMap<>()).put(definition.name(), table);
        tablesById.put(id, table);
        nextTableId = Math.max(nextTableId, id + 1);
        return table;
    }

    /** Moves a table in the catalog maps and renames its handle (caller holds the catalog lock, or recovers). */
    void moveTable(DurableTable table, String newDatabase, String newTable)
    {
        String oldName = table.table.definition().name();
        Map<String, DurableTable> target = databases.get(newDatabase);
        if (target == null || target.containsKey(newTable)) {
            throw new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, "rename of table " + table.id + " to " + newDatabase + "." + newTable + " does not fit the catalog");
        }
        table.table.rename(newDatabase, newTable);
        databases.get(table.database).remove(oldName);
        table.database = newDatabase;
        target.put(newTable, table);
    }

    /** Deletes the index directories no table in the catalog names (dropped, altered away, never switched to). */
    void deleteOrphanTableDirectories()
    {
        try (Stream<Path> children = Files.list(root.resolve("tables"))) {
            for (Path child : children.toList()) {
                long id;
                try {
                    id = Long.parseLong(child.getFileName().toString());
                }
                catch (NumberFormatException e) {
                    continue;
                }
                if (!tablesById.containsKey(id)) {
                    LuceneRowStore.deleteRecursively(child);
                }
            }
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "cleaning table directories: " + e.getMessage());
        }
    }

    /** Removes whatever a crash left under a fresh table id (an index built by an ALTER TABLE that never switched). */
    void clearTableDirectory(long id)
    {
        try {
            LuceneRowStore.deleteRecursively(tablePath(id));
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "clearing table directory " + id + ": " + e.getMessage());
        }
    }

    /** The index directory of a table id. */
    Path tablePath(long id)
    {
        return root.resolve("tables").resolve(Long.toString(id));
    }

    void createDatabase(String name)
    {
        requireNonNull(name, "name is null");
        lock.lock();
        try {
            if (databases.containsKey(name)) {
                throw new QuiverException(ErrorCode.ER_DB_CREATE_EXISTS, name);
            }
            logCatalog.accept(new LogRecord.CreateDatabase(name));
            databases.put(name, new ConcurrentSkipListMap<>());
        }
        finally {
            lock.unlock();
        }
    }

    void dropDatabase(String name)
    {
        requireNonNull(name, "name is null");
        lock.lock();
        try {
            Map<String, DurableTable> tables = databases.get(name);
            if (tables == null) {
                throw new QuiverException(ErrorCode.ER_DB_DROP_EXISTS, name);
            }
            tables.values().forEach(table -> table.table.markDropped());
            logCatalog.accept(new LogRecord.DropDatabase(name));
            databases.remove(name);
            for (DurableTable table : tables.values()) {
                tablesById.remove(table.id);
                table.store.discard();
            }
        }
        finally {
            lock.unlock();
        }
    }

    boolean databaseExists(String name)
    {
        return databases.containsKey(requireNonNull(name, "name is null"));
    }

    List<String> listDatabases()
    {
        return List.copyOf(databases.keySet());
    }

    void createTable(String database, TableDefinition definition)
    {
        requireNonNull(definition, "definition is null");
        dev.quiver.storage.text.TextAnalyzers.validate(definition);
        lock.lock();
        try {
            Map<String, DurableTable> tables = tables(database);
            if (tables.containsKey(definition.name())) {
                throw new QuiverException(ErrorCode.ER_TABLE_EXISTS_ERROR, definition.name());
            }
            long id = takeTableId();
            clearTableDirectory(id);
            LuceneRowStore store = LuceneRowStore.open(tablePath(id), definition, refreshRows);
            try {
                logCatalog.accept(new LogRecord.CreateTable(id, database, definition));
            }
            catch (RuntimeException e) {
                store.discard();
                throw e;
            }
            DurableTable table = new DurableTable(id, database, definition, store, sinks);
            tables.put(definition.name(), table);
            tablesById.put(id, table);
        }
        finally {
            lock.unlock();
        }
    }

    void dropTable(String database, String table)
    {
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
        lock.lock();
        try {
            Map<String, DurableTable> tables = databases.get(database);
            DurableTable dropped = tables == null ? null : tables.get(table);
            if (dropped == null) {
                throw new QuiverException(ErrorCode.ER_BAD_TABLE_ERROR, database + "." + table);
            }
            dropped.table.markDropped();
            logCatalog.accept(new LogRecord.DropTable(dropped.id));
            tables.remove(table);
            tablesById.remove(dropped.id);
            dropped.store.discard();
        }
        finally {
            lock.unlock();
        }
    }

    void renameTable(String database, String table, String newDatabase, String newTable)
    {
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
        requireNonNull(newTable, "newTable is null");
        lock.lock();
        try {
            Map<String, DurableTable> tables = databases.get(database);
            DurableTable moved = tables == null ? null : tables.get(table);
            if (moved == null) {
                throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, database, table);
            }
            if (tables(newDatabase).containsKey(newTable)) {
                throw new QuiverException(ErrorCode.ER_TABLE_EXISTS_ERROR, newTable);
            }
            logCatalog.accept(new LogRecord.RenameTable(moved.id, newDatabase, newTable));
            moveTable(moved, newDatabase, newTable);
        }
        finally {
            lock.unlock();
        }
    }


    boolean tableExists(String database, String table)
    {
        Map<String, DurableTable> tables = databases.get(requireNonNull(database, "database is null"));
        return tables != null && tables.containsKey(requireNonNull(table, "table is null"));
    }

    List<String> listTables(String database)
    {
        return List.copyOf(tables(database).keySet());
    }

    Table table(String database, String table)
    {
        requireNonNull(table, "table is null");
        Map<String, DurableTable> tables = databases.get(requireNonNull(database, "database is null"));
        DurableTable result = tables == null ? null : tables.get(table);
        if (result == null) {
            throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, database, table);
        }
        return result.table;
    }

    /** The tables of a database, or {@code ER_BAD_DB_ERROR}. */
    Map<String, DurableTable> tables(String database)
    {
        Map<String, DurableTable> tables = databases.get(requireNonNull(database, "database is null"));
        if (tables == null) {
            throw new QuiverException(ErrorCode.ER_BAD_DB_ERROR, database);
        }
        return tables;
    }
}
