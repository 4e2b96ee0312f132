package dev.quiver.storage.lucene;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.format.LogRecord;
import dev.quiver.storage.table.RowChange;
import dev.quiver.storage.table.RowStoreTable;
import dev.quiver.storage.table.StatementSink;
import dev.quiver.storage.wal.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import static java.util.Objects.requireNonNull;

/** ALTER TABLE in the {@link LuceneStorageEngine}: builds the altered table in a fresh index, logs the switch, switches. */
final class TableAlteration
{
    private static final Logger LOG = LoggerFactory.getLogger(LuceneStorageEngine.class);

    private static final int REBUILD_BATCH_ROWS = 4096;

    private final EngineCatalog catalog;
    /** The engine's: read by a statement or DDL between log append and apply, written by a checkpoint. */
    private final ReentrantReadWriteLock checkpointLock;
    private final EngineStatus status;
    private final WriteAheadLog wal;
    private final int refreshRows;

    TableAlteration(EngineCatalog catalog, ReentrantReadWriteLock checkpointLock, EngineStatus status, WriteAheadLog wal, int refreshRows)
    {
        this.catalog = catalog;
        this.checkpointLock = checkpointLock;
        this.status = status;
        this.wal = wal;
        this.refreshRows = refreshRows;
    }

    /**
     * ALTER TABLE: under the catalog lock and with the table's writers excluded, builds the new table in a fresh
     * index directory {@code tables/<new id>/} (rows mapped, coerced and checked by {@link RowStoreTable#rebuild}),
     * commits that index with the log position it covers, then logs one {@link LogRecord.AlterTable} switch record
     * durably; only then does the handle switch to the new definition and index. The old index is discarded and its
     * directory deleted by the next checkpoint (recovery deletes a built index no switch record names).
     */
    void alterTable(String database, String table, TableDefinition newDefinition, java.util.function.UnaryOperator<dev.quiver.storage.row.Row> mapper)
    {
        requireNonNull(table, "table is null");
        requireNonNull(newDefinition, "newDefinition is null");
        requireNonNull(mapper, "mapper is null");
        dev.quiver.storage.text.TextAnalyzers.validate(newDefinition);
        catalog.lock().lock();
        try {
            Map<String, DurableTable> tables = catalog.databases().get(requireNonNull(database, "database is null"));
            DurableTable altered = tables == null ? null : tables.get(table);
            if (altered == null) {
                throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, database, table);
            }
            status.checkWritable();
            TableDefinition definition = new TableDefinition(table, newDefinition.columns(), newDefinition.indexes());
            long newId = catalog.takeTableId();
            Path path = catalog.tablePath(newId);
            catalog.clearTableDirectory(newId);
            LuceneRowStore newStore = LuceneRowStore.open(path, definition, refreshRows);
            StatementSink buildSink = new StatementSink()
            {
                @Override
                public long log(RowStoreTable rowStoreTable, List<RowChange> changes, long autoIncrement)
                {
                    try {
                        newStore.applyNow(0, changes);
                    }
                    catch (IOException e) {
                        throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "building table index " + newId + ": " + e.getMessage());
                    }
                    return 0;
                }

                @Override
                public void awaitDurable(long ticket) {}

                @Override
                public void afterStatement()
                {
                    if (newStore.needsRefresh()) {
                        newStore.refresh();
                    }
                }
            };
            LuceneRowStore oldStore = altered.store;
            long oldId = altered.id;
            boolean switched = false;
            try {
                altered.table.rebuild(definition, newStore, buildSink, mapper, REBUILD_BATCH_ROWS, (nextRowId, autoIncrement) -> {
                    status.checkWritable();
                    // every statement of the old table is appended (its writers are excluded); the new index holds them all
                    long covered = wal.lastAppendedLsn();
                    try {
                        newStore.commit(covered, autoIncrement, nextRowId);
                    }
                    catch (IOException e) {
                        throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "committing table index " + newId + ": " + e.getMessage());
                    }
                    LogRecord.AlterTable record = new LogRecord.AlterTable(oldId, newId, autoIncrement, definition);
                    checkpointLock.readLock().lock();
                    try {
                        status.checkWritable();
                        wal.appendDurably(record.type(), record.payload());
                    }
                    catch (RuntimeException e) {
                        // the switch may or may not be in the log: refuse further writes, recovery decides
                        status.fail(e);
                        throw e;
                    }
                    finally {
                        checkpointLock.readLock().unlock();
                    }
                    altered.id = newId;
                    altered.store = newStore;
                    altered.autoIncrement = autoIncrement;
                    altered.nextRowId.set(nextRowId);
                    altered.appliedLsn = covered;
                    catalog.tablesById().remove(oldId);
                    catalog.tablesById().put(newId, altered);
                });
                switched = altered.id == newId;
            }
            finally {
                if (!switched) {
                    try {
                        newStore.discard();
                        if (status.failure() == null) {
                            LuceneRowStore.deleteRecursively(path);
                        }
                    }
                    catch (IOException | RuntimeException e) {
                        LOG.warn("Discarding the unused table index {} failed", newId, e);
                    }
                }
            }
            // readers of the old index are gone (the handle switched under its table lock); its files stay until
            // the next checkpoint no longer lists it
            oldStore.discard();
        }
        finally {
            catalog.lock().unlock();
        }
    }
}
