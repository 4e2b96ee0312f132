package dev.quiver.storage.lucene;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.format.LogRecord;
import dev.quiver.storage.table.RowStoreTable;
import dev.quiver.storage.table.RowChange;
import dev.quiver.storage.table.StatementSink;
import dev.quiver.storage.recovery.CatalogSnapshot;
import dev.quiver.storage.wal.WalRecord;
import dev.quiver.storage.wal.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The durable engine. Layout of the data directory: {@code wal/} (the write-ahead log), {@code tables/<id>/} (one
 * Lucene index per table, see {@link LuceneRowStore}) and {@code catalog.snapshot} (the catalog at the last
 * checkpoint).
 *
 * <p>Every statement is one log record. Its path: under the table lock, the engine appends the record and queues the
 * statement for the background {@link IndexApplier}, and the table publishes the changes to its version map; the lock
 * is released, and the writer waits for the group commit before it returns (so concurrent writers of one table share
 * a force). The statement never calls the index writer: the applier thread builds the documents and applies them
 * (HNSW graph insertion included) later, a table's statements in log order, and until a refresh after that the
 * version map answers lookups and unique checks and the searches score its rows exactly (the overlay), so an upsert
 * never waits for graph insertion and a query right after it sees it. Writers wait for the applier only when more
 * than {@link LuceneEngineOptions#applyBacklogRows} rows are behind. A reader first waits until the table's last
 * logged statement is durable, so nothing is visible before it is durable; a writer may build on a statement still
 * being forced, which is safe because the log is forced in order. After a failed force, or a failure of the applier,
 * the engine refuses all further writes (and, after a failed force, reads) of logged tables. DDL is logged the same
 * way and is durable when it returns.
 *
 * <p>A checkpoint commits every table index with the log position its writer has reached (statements still queued
 * for the applier are not in it), writes the catalog snapshot and trims the log before the oldest of those positions.
 * Recovery: read the snapshot, open each table's last Lucene commit, replay the log from the oldest commit's position
 * (catalog records only after the snapshot's; per table, only what its commit does not cover), then checkpoint.
 * {@link #close} lets the applier finish first.
 *
 * <p>Rows are served from Lucene through a version map ({@link LuceneRowStore}): only rows the searcher does not show
 * yet (changed since the last refresh, or still queued for the applier) are on the heap. Writers of one table on
 * different keys publish concurrently (see {@link RowStoreTable}); filter-based updates and deletes take the table
 * exclusively. Current limits (later work): filters are evaluated row by
 * row over the stored rows, not translated to Lucene queries; plain secondary indexes are not used yet by the
 * durable engine.
 */
public final class LuceneStorageEngine
        implements StorageEngine
{
    private static final Logger LOG = LoggerFactory.getLogger(LuceneStorageEngine.class);

    private static final int REBUILD_BATCH_ROWS = 4096;

    private final Path root;
    private final LuceneEngineOptions options;
    private final WriteAheadLog wal;
    /** Taken before {@link #checkpointLock}; serialises catalog changes. */
    private final ReentrantLock catalogLock = new ReentrantLock();
    /** Read: a statement or DDL between log append and apply. Write: a checkpoint. */
    private final ReentrantReadWriteLock checkpointLock = new ReentrantReadWriteLock();
    private final ConcurrentSkipListMap<String, ConcurrentSkipListMap<String, DurableTable>> databases = new ConcurrentSkipListMap<>();
    private final Map<Long, DurableTable> tablesById = new HashMap<>();
    private final ScheduledExecutorService scheduler;
    private final IndexApplier applier;
    private final IndexMerges merges;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private long nextTableId = 1;
    private long lastCheckpointLsn;
    /** During recovery: the log position the catalog snapshot covers. */
    private long snapshotLsn;
    /** The last checkpoint committed every table at its position (no statement was waiting for the applier). */
    private boolean lastCheckpointComplete;
    private volatile long logBytesAtCheckpoint;
    private final AtomicBoolean checkpointRequested = new AtomicBoolean();
    private volatile Throwable failure;
    private volatile boolean closed;

    private final class DurableTable
    {
        /** Changed by ALTER TABLE (with writers of the table excluded and the catalog lock held). */
        private volatile long id;
        /** Changed by RENAME TABLE (catalog lock held). */
        private volatile String database;
        private volatile LuceneRowStore store;
        private final RowStoreTable table;
        private volatile long autoIncrement;
        private final java.util.concurrent.atomic.AtomicLong nextRowId = new java.util.concurrent.atomic.AtomicLong();
        /** Orders reading the auto_increment counter with the log append, so logged counters never go backwards. */
        private final ReentrantLock appendLock = new ReentrantLock();
        private long appliedLsn;
        /** For the idle merge ({@link IndexMerges}). */
        private volatile long lastWriteNanos = System.nanoTime();

        DurableTable(long id, String database, TableDefinition definition, LuceneRowStore store)
        {
            this.id = id;
            this.database = database;
            this.store = store;
            this.table = new RowStoreTable(database, definition, new StatementSink()
            {
                @Override
                public long log(RowStoreTable rowStoreTable, List<RowChange> changes, long counter)
                {
                    return logRows(DurableTable.this, rowStoreTable, changes, counter);
                }

                @Override
                public void awaitDurable(long lsn)
                {
                    wal.awaitDurable(lsn);
                }

                @Override
                public void refreshIndexes()
                {
                    LuceneStorageEngine.this.refreshIndexes(DurableTable.this);
                }

                @Override
                public void afterStatement()
                {
                    applier.awaitBacklog();
                    lastWriteNanos = System.nanoTime();
                    try {
                        refreshIfNeeded(false);
                    }
                    catch (RuntimeException e) {
                        // the statement is durable; a failed refresh only delays searcher freshness
                        LOG.warn("Refresh of table {} failed", id, e);
                    }
                }
            }, store);
            this.autoIncrement = store.committedAutoIncrement();
            this.nextRowId.set(store.committedNextRowId());
            this.appliedLsn = store.committedLsn();
            this.table.restoreCounters(nextRowId.get(), autoIncrement);
        }

        /** Tracks the next row id a checkpoint records. */
        void noteRowIds(List<RowChange> changes)
        {
            long next = 0;
            for (RowChange change : changes) {
                next = Math.max(next, change.rowId() + 1);
            }
            nextRowId.accumulateAndGet(next, Math::max);
        }

        /** Refreshes the searcher (emptying the version map) if it has grown, between statements. */
        void refreshIfNeeded(boolean force)
        {
            if (store.needsRefresh() || (force && store.hasUnrefreshedChanges())) {
                table.withWriteLock(() -> {
                    LuceneRowStore current = store;
                    if (current.hasUnrefreshedChanges()) {
                        current.refresh();
                    }
                });
            }
        }
    }

    private LuceneStorageEngine(Path root, LuceneEngineOptions options, FileChannel lockChannel, FileLock lock)
    {
        this.root = requireNonNull(root, "root is null");
        this.options = requireNonNull(options, "options is null");
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.wal = WriteAheadLog.open(root.resolve("wal"), options.wal());
        this.merges = new IndexMerges(options.mergeWhenIdle());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "quiver-checkpoint");
            thread.setDaemon(true);
            return thread;
        });
        this.applier = new IndexApplier(options.applyBacklogRows(), this::applierFailed);
    }

    public static LuceneStorageEngine open(Path dataDirectory)
    {
        return open(dataDirectory, LuceneEngineOptions.defaults());
    }

    /** Opens (creating if needed) the engine in {@code dataDirectory} and recovers it. */
    public static LuceneStorageEngine open(Path dataDirectory, LuceneEngineOptions options)
    {
        try {
            Files.createDirectories(dataDirectory.resolve("tables"));
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "creating the data directory: " + e.getMessage());
        }
        FileChannel lockChannel = null;
        FileLock lock;
        try {
            lockChannel = FileChannel.open(dataDirectory.resolve("engine.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        }
        catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            closeChannel(lockChannel);
            throw new QuiverException(ErrorCode.ER_STORAGE_IO, "the data directory is in use by another engine");
        }
        LuceneStorageEngine engine;
        try {
            engine = new LuceneStorageEngine(dataDirectory, options, lockChannel, lock);
        }
        catch (RuntimeException e) {
            closeChannel(lockChannel);
            throw e;
        }
        try {
            engine.recover();
        }
        catch (RuntimeException e) {
            engine.closeQuietly();
            throw e;
        }
        engine.applier.start();
        engine.scheduler.scheduleWithFixedDelay(engine::refreshTables, 1, 1, TimeUnit.SECONDS);
        if (!options.checkpointInterval().isZero()) {
            long millis = options.checkpointInterval().toMillis();
            engine.scheduler.scheduleWithFixedDelay(engine::scheduledCheckpoint, millis, millis, TimeUnit.MILLISECONDS);
        }
        return engine;
    }

    private static void closeChannel(FileChannel channel)
    {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        }
        catch (IOException e) {
            LOG.warn("Closing the engine lock failed", e);
        }
    }

    // ------------------------------------------------------------------ recovery

    private void recover()
    {
        CatalogSnapshot snapshot = CatalogSnapshot.read(root).orElse(CatalogSnapshot.empty());
        nextTableId = snapshot.nextTableId();
        snapshot.databases().forEach(name -> databases.put(name, new ConcurrentSkipListMap<>()));
        // a table index may be behind the snapshot (its last statements had not reached the index writer at the
        // checkpoint, which then kept the log from there): replay from the oldest index, catalog records only after
        // the snapshot
        long from = snapshot.coveredLsn();
        for (CatalogSnapshot.TableEntry entry : snapshot.tables()) {
            DurableTable table = openTable(entry.tableId(), entry.database(), entry.definition());
            from = Math.min(from, table.store.committedLsn());
        }
        snapshotLsn = snapshot.coveredLsn();
        wal.replay(from + 1, this::replay);
        // an ALTER TABLE that crashed before logging its switch left a built index nobody names: the checkpoint below
        // deletes it with the directories of dropped and altered tables, once the new snapshot no longer names them
        // (deleting earlier could remove an index a replay after another crash still needs)
        tablesById.values().forEach(table -> table.refreshIfNeeded(true));
        lastCheckpointLsn = snapshot.coveredLsn();
        lastCheckpointComplete = from == snapshot.coveredLsn();
        checkpoint();
        // the checkpoint skips its clean-up when there was nothing to replay (a crash after it wrote the snapshot);
        // the snapshot on disk then names exactly the tables open now, so the rest can go
        deleteOrphanTableDirectories();
    }

    private DurableTable openTable(long id, String database, TableDefinition definition)
    {
        DurableTable table = new DurableTable(id, database, definition, LuceneRowStore.open(tablePath(id), definition, options.refreshRows()));
        databases.computeIfAbsent(database, ignored -> new ConcurrentSkipListMap<>()).put(definition.name(), table);
        tablesById.put(id, table);
        nextTableId = Math.max(nextTableId, id + 1);
        return table;
    }

    private void replay(WalRecord record)
    {
        LogRecord decoded = LogRecord.decode(record);
        if (record.lsn() <= snapshotLsn && !(decoded instanceof LogRecord.Rows)) {
            // the catalog snapshot already holds it
            return;
        }
        switch (decoded) {
            case LogRecord.CreateDatabase create -> databases.putIfAbsent(create.name(), new ConcurrentSkipListMap<>());
            case LogRecord.DropDatabase drop -> {
                Map<String, DurableTable> tables = databases.remove(drop.name());
                if (tables != null) {
                    tables.values().forEach(table -> {
                        tablesById.remove(table.id);
                        table.store.discard();
                    });
                }
            }
            case LogRecord.CreateTable create -> {
                if (!tablesById.containsKey(create.tableId())) {
                    openTable(create.tableId(), create.database(), create.definition());
                }
            }
            case LogRecord.DropTable drop -> {
                DurableTable table = tablesById.remove(drop.tableId());
                if (table != null) {
                    databases.get(table.database).remove(table.table.definition().name());
                    table.store.discard();
                }
            }
            case LogRecord.Rows rows -> {
                DurableTable table = tablesById.get(rows.tableId());
                if (table == null && record.lsn() <= snapshotLsn) {
                    // dropped or altered before the snapshot
                    return;
                }
                if (table == null) {
                    throw new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, "log record " + record.lsn() + " names unknown table " + rows.tableId());
                }
                if (record.lsn() <= table.appliedLsn) {
                    return;
                }
                try {
                    table.store.applyNow(record.lsn(), rows.changes());
                }
                catch (IOException e) {
                    throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "replaying into table index " + table.id + ": " + e.getMessage());
                }
                table.table.replay(rows.changes(), rows.autoIncrement());
                table.noteRowIds(rows.changes());
                table.autoIncrement = rows.autoIncrement();
            }
            case LogRecord.AlterTable alter -> {
                DurableTable old = tablesById.remove(alter.oldTableId());
                if (old == null) {
                    throw new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, "log record " + record.lsn() + " alters unknown table " + alter.oldTableId());
                }
                old.store.discard();
                if (!Files.isDirectory(tablePath(alter.newTableId()))) {
                    throw new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, "log record " + record.lsn() + " switches to missing table index " + alter.newTableId());
                }
                DurableTable altered = openTable(alter.newTableId(), old.database, alter.definition());
                if (altered.store.committedLsn() == 0) {
                    throw new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, "log record " + record.lsn() + " switches to uncommitted table index " + alter.newTableId());
                }
                if (alter.autoIncrement() > altered.autoIncrement) {
                    altered.autoIncrement = alter.autoIncrement();
                    altered.table.restoreCounters(altered.nextRowId.get(), alter.autoIncrement());
                }
            }
            case LogRecord.RenameTable rename -> {
                DurableTable table = tablesById.get(rename.tableId());
                if (table == null) {
                    throw new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, "log record " + record.lsn() + " renames unknown table " + rename.tableId());
                }
                moveTable(table, rename.database(), rename.name());
            }
            case LogRecord.Checkpoint ignored -> {}
        }
    }

    private void deleteOrphanTableDirectories()
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
    private void clearTableDirectory(long id)
    {
        try {
            LuceneRowStore.deleteRecursively(tablePath(id));
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "clearing table directory " + id + ": " + e.getMessage());
        }
    }

    private Path tablePath(long id)
    {
        return root.resolve("tables").resolve(Long.toString(id));
    }

    // ------------------------------------------------------------------ logging

    /**
     * The statement sink of every table: append the record and queue it for the background index applier; runs
     * while the statement holds its table locks (the key stripes of its rows, or the table exclusively), so the
     * log's order per key is the apply order. The statement never calls the index writer: once this returns, the
     * table publishes the changes to its version map, which serves lookups, unique checks and the search overlay
     * until a refresh after the applier reached them. Statements on different keys run this concurrently: the
     * payload is encoded outside any lock, and only reading the table's auto_increment counter, the append and the
     * hand-off to the applier are ordered (per table), so that each record's counter covers every value generated
     * before it in log order and a table's statements reach its writer in log order. The table waits for the force
     * after releasing its locks, so writers share a force too.
     */
    private long logRows(DurableTable table, RowStoreTable rowStoreTable, List<RowChange> changes, long autoIncrement)
    {
        LogRecord.Rows record = new LogRecord.Rows(table.id, autoIncrement, changes);
        byte[] payload = record.payload();
        checkpointLock.readLock().lock();
        try {
            checkWritable();
            long lsn;
            table.appendLock.lock();
            try {
                long counter = rowStoreTable.currentAutoIncrement();
                if (counter != autoIncrement) {
                    patchAutoIncrement(payload, counter);
                }
                lsn = wal.append(record.type(), payload);
                table.autoIncrement = counter;
                applier.enqueue(table.store.handOff(lsn, changes));
            }
            finally {
                table.appendLock.unlock();
            }
            table.noteRowIds(changes);
            requestCheckpointIfLogIsLong();
            return lsn;
        }
        finally {
            checkpointLock.readLock().unlock();
        }
    }

    /** Rewrites the auto_increment counter of an encoded {@link LogRecord.Rows} (after the 8-byte table id). */
    private static void patchAutoIncrement(byte[] payload, long counter)
    {
        for (int i = 0; i < 8; i++) {
            payload[8 + i] = (byte) (counter >>> (56 - 8 * i));
        }
    }

    private void requestCheckpointIfLogIsLong()
    {
        if (wal.appendedBytes() - logBytesAtCheckpoint > options.checkpointLogBytes() && checkpointRequested.compareAndSet(false, true)) {
            try {
                scheduler.execute(() -> {
                    checkpointRequested.set(false);
                    scheduledCheckpoint();
                });
            }
            catch (java.util.concurrent.RejectedExecutionException e) {
                checkpointRequested.set(false);
            }
        }
    }

    /** Logs a catalog change durably. Caller holds the catalog lock. */
    private void logCatalog(LogRecord record)
    {
        checkpointLock.readLock().lock();
        try {
            checkWritable();
            wal.appendDurably(record.type(), record.payload());
        }
        finally {
            checkpointLock.readLock().unlock();
        }
    }

    /** The background applier failed: its statements are logged but not in the index; refuse writes, replay recovers them. */
    private void applierFailed(Throwable cause)
    {
        LOG.error("The index applier failed; the engine refuses further writes (restart to replay the log)", cause);
        failure = cause;
    }

    /** Test hook: the background applier applies nothing until {@link #resumeIndexApplier}; statements still commit. */
    void pauseIndexApplier()
    {
        applier.pause();
    }

    void resumeIndexApplier()
    {
        applier.resume();
    }

    /** Test hook: waits until the applier has applied every committed statement (false when paused or failed). */
    boolean drainIndexApplier()
    {
        return applier.drain();
    }

    /** Test hook: rows committed but not yet applied to an index writer. */
    long indexBacklogRows()
    {
        return applier.backlogRows();
    }

    /** Test hook: while paused, applies the next {@code statements} held statements on the calling thread. */
    void applyHeldStatements(int statements)
            throws IOException
    {
        applier.applyHeld(statements);
    }

    /** Test hook: rows in the table's version map. */
    int versionMapRows(String database, String table)
    {
        return databases.get(database).get(table).store.versionMapRows();
    }

    /** Test hook: writers held by back-pressure now. */
    int indexApplierWaiters()
    {
        return applier.waitingWriters();
    }

    /** Test hook: documents in the table's index writer, flushed or not. */
    int writerDocuments(String database, String table)
    {
        return databases.get(database).get(table).store.writerDocuments();
    }

    /** Test hook: refreshes every table's searcher with changes the writer has. */
    void refreshNow()
    {
        refreshTables();
    }

    private void checkWritable()
    {
        if (closed) {
            throw new QuiverException(ErrorCode.ER_SERVER_SHUTDOWN);
        }
        Throwable cause = failure;
        if (cause != null) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, cause, "the engine failed earlier and refuses writes: " + cause.getMessage());
        }
    }

    // ------------------------------------------------------------------ catalog

    @Override
    public void createDatabase(String name)
    {
        requireNonNull(name, "name is null");
        catalogLock.lock();
        try {
            if (databases.containsKey(name)) {
                throw new QuiverException(ErrorCode.ER_DB_CREATE_EXISTS, name);
            }
            logCatalog(new LogRecord.CreateDatabase(name));
            databases.put(name, new ConcurrentSkipListMap<>());
        }
        finally {
            catalogLock.unlock();
        }
    }

    @Override
    public void dropDatabase(String name)
    {
        requireNonNull(name, "name is null");
        catalogLock.lock();
        try {
            Map<String, DurableTable> tables = databases.get(name);
            if (tables == null) {
                throw new QuiverException(ErrorCode.ER_DB_DROP_EXISTS, name);
            }
            tables.values().forEach(table -> table.table.markDropped());
            logCatalog(new LogRecord.DropDatabase(name));
            databases.remove(name);
            for (DurableTable table : tables.values()) {
                tablesById.remove(table.id);
                table.store.discard();
            }
        }
        finally {
            catalogLock.unlock();
        }
    }

    @Override
    public boolean databaseExists(String name)
    {
        return databases.containsKey(requireNonNull(name, "name is null"));
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
            Map<String, DurableTable> tables = tables(database);
            if (tables.containsKey(definition.name())) {
                throw new QuiverException(ErrorCode.ER_TABLE_EXISTS_ERROR, definition.name());
            }
            long id = nextTableId++;
            clearTableDirectory(id);
            LuceneRowStore store = LuceneRowStore.open(tablePath(id), definition, options.refreshRows());
            try {
                logCatalog(new LogRecord.CreateTable(id, database, definition));
            }
            catch (RuntimeException e) {
                store.discard();
                throw e;
            }
            DurableTable table = new DurableTable(id, database, definition, store);
            tables.put(definition.name(), table);
            tablesById.put(id, table);
        }
        finally {
            catalogLock.unlock();
        }
    }

    @Override
    public void dropTable(String database, String table)
    {
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
        catalogLock.lock();
        try {
            Map<String, DurableTable> tables = databases.get(database);
            DurableTable dropped = tables == null ? null : tables.get(table);
            if (dropped == null) {
                throw new QuiverException(ErrorCode.ER_BAD_TABLE_ERROR, database + "." + table);
            }
            dropped.table.markDropped();
            logCatalog(new LogRecord.DropTable(dropped.id));
            tables.remove(table);
            tablesById.remove(dropped.id);
            dropped.store.discard();
        }
        finally {
            catalogLock.unlock();
        }
    }

    @Override
    public void renameTable(String database, String table, String newDatabase, String newTable)
    {
        requireNonNull(database, "database is null");
        requireNonNull(table, "table is null");
        requireNonNull(newTable, "newTable is null");
        catalogLock.lock();
        try {
            Map<String, DurableTable> tables = databases.get(database);
            DurableTable moved = tables == null ? null : tables.get(table);
            if (moved == null) {
                throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, database, table);
            }
            if (tables(newDatabase).containsKey(newTable)) {
                throw new QuiverException(ErrorCode.ER_TABLE_EXISTS_ERROR, newTable);
            }
            logCatalog(new LogRecord.RenameTable(moved.id, newDatabase, newTable));
            moveTable(moved, newDatabase, newTable);
        }
        finally {
            catalogLock.unlock();
        }
    }

    /** Moves a table in the catalog maps and renames its handle (caller holds the catalog lock, or recovers). */
    private void moveTable(DurableTable table, String newDatabase, String newTable)
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

    /**
     * ALTER TABLE: under the catalog lock and with the table's writers excluded, builds the new table in a fresh
     * index directory {@code tables/<new id>/} (rows mapped, coerced and checked by {@link RowStoreTable#rebuild}),
     * commits that index with the log position it covers, then logs one {@link LogRecord.AlterTable} switch record
     * durably; only then does the handle switch to the new definition and index. The old index is discarded and its
     * directory deleted by the next checkpoint (recovery deletes a built index no switch record names).
     */
    @Override
    public void alterTable(String database, String table, TableDefinition newDefinition, java.util.function.UnaryOperator<dev.quiver.storage.row.Row> mapper)
    {
        requireNonNull(table, "table is null");
        requireNonNull(newDefinition, "newDefinition is null");
        requireNonNull(mapper, "mapper is null");
        dev.quiver.storage.text.TextAnalyzers.validate(newDefinition);
        catalogLock.lock();
        try {
            Map<String, DurableTable> tables = databases.get(requireNonNull(database, "database is null"));
            DurableTable altered = tables == null ? null : tables.get(table);
            if (altered == null) {
                throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, database, table);
            }
            checkWritable();
            TableDefinition definition = new TableDefinition(table, newDefinition.columns(), newDefinition.indexes());
            long newId = nextTableId++;
            Path path = tablePath(newId);
            clearTableDirectory(newId);
            LuceneRowStore newStore = LuceneRowStore.open(path, definition, options.refreshRows());
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
                    checkWritable();
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
                        checkWritable();
                        wal.appendDurably(record.type(), record.payload());
                    }
                    catch (RuntimeException e) {
                        // the switch may or may not be in the log: refuse further writes, recovery decides
                        failure = e;
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
                    tablesById.remove(oldId);
                    tablesById.put(newId, altered);
                });
                switched = altered.id == newId;
            }
            finally {
                if (!switched) {
                    try {
                        newStore.discard();
                        if (failure == null) {
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
            catalogLock.unlock();
        }
    }

    @Override
    public boolean tableExists(String database, String table)
    {
        Map<String, DurableTable> tables = databases.get(requireNonNull(database, "database is null"));
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
        Map<String, DurableTable> tables = databases.get(requireNonNull(database, "database is null"));
        DurableTable result = tables == null ? null : tables.get(table);
        if (result == null) {
            throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, database, table);
        }
        return result.table;
    }

    private Map<String, DurableTable> tables(String database)
    {
        Map<String, DurableTable> tables = databases.get(requireNonNull(database, "database is null"));
        if (tables == null) {
            throw new QuiverException(ErrorCode.ER_BAD_DB_ERROR, database);
        }
        return tables;
    }

    // ------------------------------------------------------------------ checkpoint, close

    /**
     * Commits every table index with the log position its writer has reached (the current position, unless
     * statements of the table still wait for the background applier: then the position of the last one applied),
     * writes the catalog snapshot (at the current position), logs a checkpoint record and trims the log segments
     * every table index covers. Blocks writers briefly; never waits for the applier.
     */
    public void checkpoint()
    {
        catalogLock.lock();
        checkpointLock.writeLock().lock();
        try {
            checkWritable();
            long lsn = wal.lastAppendedLsn();
            boolean merged = merges.takeMerged();
            if (lsn == lastCheckpointLsn && lsn > 0 && lastCheckpointComplete && !merged) {
                return;
            }
            logBytesAtCheckpoint = wal.appendedBytes();
            if (lsn > 0) {
                wal.awaitDurable(lsn);
            }
            List<CatalogSnapshot.TableEntry> entries = new ArrayList<>();
            long oldest = lsn;
            for (DurableTable table : tablesById.values()) {
                // read before the commit, which then holds at least everything applied so far (replay is idempotent)
                long covered = Math.max(table.appliedLsn, table.store.appliedThrough(lsn));
                table.store.commit(covered, table.autoIncrement, table.nextRowId.get());
                table.appliedLsn = covered;
                oldest = Math.min(oldest, covered);
                entries.add(new CatalogSnapshot.TableEntry(table.id, table.database, table.table.definition(), table.autoIncrement));
            }
            entries.sort((left, right) -> Long.compare(left.tableId(), right.tableId()));
            new CatalogSnapshot(lsn, nextTableId, List.copyOf(databases.keySet()), entries).write(root);
            deleteOrphanTableDirectories();
            LogRecord.Checkpoint marker = new LogRecord.Checkpoint(lsn);
            lastCheckpointLsn = wal.appendDurably(marker.type(), marker.payload());
            lastCheckpointComplete = oldest == lsn;
            wal.trimBefore(oldest + 1);
        }
        catch (IOException e) {
            failure = e;
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "checkpoint: " + e.getMessage());
        }
        finally {
            checkpointLock.writeLock().unlock();
            catalogLock.unlock();
        }
    }

    /** Refreshes every table with unrefreshed changes, bounding the version maps. Takes no engine lock while refreshing. */
    private void refreshTables()
    {
        List<DurableTable> tables;
        catalogLock.lock();
        try {
            if (closed) {
                return;
            }
            tables = List.copyOf(tablesById.values());
        }
        finally {
            catalogLock.unlock();
        }
        for (DurableTable table : tables) {
            try {
                table.refreshIfNeeded(true);
            }
            catch (RuntimeException e) {
                LOG.debug("Refresh of table {} failed (dropped or closed?)", table.id, e);
            }
        }
        mergeIdle(tables, null);
    }

    /** Starts a background merge of an idle vector table ({@link IndexMerges}); {@code idle} null: the configured delay. */
    private void mergeIdle(List<DurableTable> tables, java.time.Duration idle)
    {
        java.util.function.Supplier<List<? extends IndexMerges.Candidate>> candidates = () -> tables.stream().map(table -> new IndexMerges.Candidate()
        {
            @Override
            public LuceneRowStore store()
            {
                return table.store;
            }

            @Override
            public long lastWriteNanos()
            {
                return table.lastWriteNanos;
            }

            @Override
            public String name()
            {
                return table.database + "." + table.table.definition().name();
            }
        }).toList();
        if (idle == null) {
            merges.mergeIdle(candidates);
        }
        else {
            merges.mergeIdle(candidates, idle);
        }
    }

    /**
     * {@link Table#refreshIndexes}: merges the table's index into one segment (writes continue meanwhile), then
     * checkpoints so that the merged index is the one a restart opens.
     */
    private void refreshIndexes(DurableTable table)
    {
        checkWritable();
        // what the statements so far wrote goes into the merge (false when the applier is paused or failed: the
        // merge then covers what it reached)
        applier.drain();
        LuceneRowStore store = table.store;
        try {
            merges.mergeNow(store);
        }
        catch (org.apache.lucene.store.AlreadyClosedException e) {
            if (store == table.store) {
                throw e;
            }
            // ALTER TABLE replaced the index meanwhile: the new one was just built
        }
        table.refreshIfNeeded(true);
        checkpoint();
    }

    /** For tests: runs the idle-merge check now over every table, as if idle, and waits for the merge it starts. */
    void mergeIdleTables()
    {
        List<DurableTable> tables;
        catalogLock.lock();
        try {
            tables = List.copyOf(tablesById.values());
        }
        finally {
            catalogLock.unlock();
        }
        // a merge the scheduler started earlier may predate the last writes: let it end, then check again
        merges.awaitMerges();
        mergeIdle(tables, java.time.Duration.ZERO);
        merges.awaitMerges();
    }

    /** For tests: whether the idle merge would merge the table ({@link LuceneRowStore#vectorMergeWorthwhile}). */
    boolean vectorMergeWorthwhile(String database, String table)
    {
        return tables(database).get(table).store.vectorMergeWorthwhile();
    }

    /** The segments holding vectors in the table's current searcher: the HNSW graphs one vector search walks. */
    public int vectorSegments(String database, String table)
    {
        Map<String, DurableTable> tables = tables(database);
        DurableTable found = tables.get(requireNonNull(table, "table is null"));
        if (found == null) {
            throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, database, table);
        }
        return found.store.vectorSegments();
    }

    private void scheduledCheckpoint()
    {
        try {
            if (!closed && failure == null && (wal.lastAppendedLsn() != lastCheckpointLsn || !lastCheckpointComplete || merges.hasMerged())) {
                checkpoint();
            }
        }
        catch (RuntimeException e) {
            LOG.error("Background checkpoint failed", e);
        }
    }

    /** Checkpoints (unless configured not to) and closes every index and the log. */
    @Override
    public void close()
    {
        if (closed) {
            return;
        }
        // let a running refresh or checkpoint finish rather than interrupt it: an interrupted thread doing I/O on a
        // Lucene directory closes the channel of its write.lock ("FileLock invalidated by an external force")
        scheduler.shutdown();
        merges.close();
        try {
            if (!scheduler.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("Background refresh or checkpoint still running at close");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            // apply what the applier still holds, so the checkpoint covers it (unless it is paused or failed: the
            // log keeps those statements)
            applier.drain();
            if (options.checkpointOnClose() && failure == null) {
                checkpoint();
            }
        }
        finally {
            closed = true;
            closeQuietly();
        }
    }

    private void closeQuietly()
    {
        scheduler.shutdownNow();
        applier.close();
        catalogLock.lock();
        checkpointLock.writeLock().lock();
        try {
            for (DurableTable table : tablesById.values()) {
                try {
                    table.table.markDropped();
                    table.store.close();
                }
                catch (RuntimeException e) {
                    LOG.warn("Closing table index {} failed", table.id, e);
                }
            }
            tablesById.clear();
            databases.clear();
            wal.close();
            merges.close();
            merges.awaitTermination();
        }
        finally {
            try {
                lock.release();
            }
            catch (IOException e) {
                LOG.warn("Releasing the engine lock failed", e);
            }
            closeChannel(lockChannel);
            checkpointLock.writeLock().unlock();
            catalogLock.unlock();
        }
    }
}
