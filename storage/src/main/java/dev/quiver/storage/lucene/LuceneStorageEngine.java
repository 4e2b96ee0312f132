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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

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
 * <p>This class is the entry point: it opens and closes the engine, logs statements and catalog changes, and runs the
 * background refresh and idle merge. The catalog and its DDL are {@link EngineCatalog}'s, ALTER TABLE
 * {@link TableAlteration}'s, recovery {@link EngineRecovery}'s, checkpoints {@link Checkpoints}', a table's handle,
 * counters and index {@link DurableTable}'s, and whether writes are still taken {@link EngineStatus}'.
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

    private final Path root;
    private final LuceneEngineOptions options;
    private final WriteAheadLog wal;
    /** Read: a statement or DDL between log append and apply. Write: a checkpoint. */
    private final ReentrantReadWriteLock checkpointLock = new ReentrantReadWriteLock();
    private final EngineStatus status = new EngineStatus();
    private final EngineCatalog catalog;
    private final Checkpoints checkpoints;
    private final TableAlteration alteration;
    private final ScheduledExecutorService scheduler;
    private final IndexApplier applier;
    private final IndexMerges merges;
    private final FileChannel lockChannel;
    private final FileLock lock;

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
        this.catalog = new EngineCatalog(root, options.refreshRows(), this::logCatalog, this::sinkFor);
        this.checkpoints = new Checkpoints(root, catalog, checkpointLock, status, wal, merges, scheduler, options.checkpointLogBytes());
        this.alteration = new TableAlteration(catalog, checkpointLock, status, wal, options.refreshRows());
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
            engine.scheduler.scheduleWithFixedDelay(engine.checkpoints::scheduledCheckpoint, millis, millis, TimeUnit.MILLISECONDS);
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

    /** See {@link EngineRecovery}. */
    private void recover()
    {
        new EngineRecovery(root, catalog, wal, checkpoints).recover();
    }

    // ------------------------------------------------------------------ logging

    /** The statement sink of a table: see {@link #logRows}; the table waits for the force after its locks. */
    private StatementSink sinkFor(DurableTable table)
    {
        return new StatementSink()
        {
            @Override
            public long log(RowStoreTable rowStoreTable, List<RowChange> changes, long counter)
            {
                return logRows(table, rowStoreTable, changes, counter);
            }

            @Override
            public void awaitDurable(long lsn)
            {
                wal.awaitDurable(lsn);
            }

            @Override
            public void refreshIndexes()
            {
                LuceneStorageEngine.this.refreshIndexes(table);
            }

            @Override
            public void afterStatement()
            {
                applier.awaitBacklog();
                table.lastWriteNanos = System.nanoTime();
                try {
                    table.refreshIfNeeded(false);
                }
                catch (RuntimeException e) {
                    // the statement is durable; a failed refresh only delays searcher freshness
                    LOG.warn("Refresh of table {} failed", table.id, e);
                }
            }
        };
    }

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
            checkpoints.requestCheckpointIfLogIsLong();
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
        status.fail(cause);
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
        return catalog.databases().get(database).get(table).store.versionMapRows();
    }

    /** Test hook: writers held by back-pressure now. */
    int indexApplierWaiters()
    {
        return applier.waitingWriters();
    }

    /** Test hook: documents in the table's index writer, flushed or not. */
    int writerDocuments(String database, String table)
    {
        return catalog.databases().get(database).get(table).store.writerDocuments();
    }

    /** Test hook: refreshes every table's searcher with changes the writer has. */
    void refreshNow()
    {
        refreshTables();
    }

    private void checkWritable()
    {
        status.checkWritable();
    }

    // ------------------------------------------------------------------ catalog (see EngineCatalog)

    @Override
    public void createDatabase(String name)
    {
        catalog.createDatabase(name);
    }

    @Override
    public void dropDatabase(String name)
    {
        catalog.dropDatabase(name);
    }

    @Override
    public boolean databaseExists(String name)
    {
        return catalog.databaseExists(name);
    }

    @Override
    public List<String> listDatabases()
    {
        return catalog.listDatabases();
    }

    @Override
    public void createTable(String database, TableDefinition definition)
    {
        catalog.createTable(database, definition);
    }

    @Override
    public void dropTable(String database, String table)
    {
        catalog.dropTable(database, table);
    }

    @Override
    public void renameTable(String database, String table, String newDatabase, String newTable)
    {
        catalog.renameTable(database, table, newDatabase, newTable);
    }

    /** ALTER TABLE: builds the new table in a fresh index, logs the switch durably, then switches ({@link TableAlteration}). */
    @Override
    public void alterTable(String database, String table, TableDefinition newDefinition, java.util.function.UnaryOperator<dev.quiver.storage.row.Row> mapper)
    {
        alteration.alterTable(database, table, newDefinition, mapper);
    }

    @Override
    public boolean tableExists(String database, String table)
    {
        return catalog.tableExists(database, table);
    }

    @Override
    public List<String> listTables(String database)
    {
        return catalog.listTables(database);
    }

    @Override
    public Table table(String database, String table)
    {
        return catalog.table(database, table);
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
        checkpoints.checkpoint();
    }

    /** Refreshes every table with unrefreshed changes, bounding the version maps. Takes no engine lock while refreshing. */
    private void refreshTables()
    {
        List<DurableTable> tables;
        catalog.lock().lock();
        try {
            if (status.closed()) {
                return;
            }
            tables = List.copyOf(catalog.tablesById().values());
        }
        finally {
            catalog.lock().unlock();
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
        catalog.lock().lock();
        try {
            tables = List.copyOf(catalog.tablesById().values());
        }
        finally {
            catalog.lock().unlock();
        }
        // a merge the scheduler started earlier may predate the last writes: let it end, then check again
        merges.awaitMerges();
        mergeIdle(tables, java.time.Duration.ZERO);
        merges.awaitMerges();
    }

    /** For tests: whether the idle merge would merge the table ({@link LuceneRowStore#vectorMergeWorthwhile}). */
    boolean vectorMergeWorthwhile(String database, String table)
    {
        return catalog.tables(database).get(table).store.vectorMergeWorthwhile();
    }

    /** The segments holding vectors in the table's current searcher: the HNSW graphs one vector search walks. */
    public int vectorSegments(String database, String table)
    {
        Map<String, DurableTable> tables = catalog.tables(database);
        DurableTable found = tables.get(requireNonNull(table, "table is null"));
        if (found == null) {
            throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, database, table);
        }
        return found.store.vectorSegments();
    }

    /** Checkpoints (unless configured not to) and closes every index and the log. */
    @Override
    public void close()
    {
        if (status.closed()) {
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
            if (options.checkpointOnClose() && status.failure() == null) {
                checkpoint();
            }
        }
        finally {
            status.markClosed();
            closeQuietly();
        }
    }

    private void closeQuietly()
    {
        scheduler.shutdownNow();
        applier.close();
        catalog.lock().lock();
        checkpointLock.writeLock().lock();
        try {
            for (DurableTable table : catalog.tablesById().values()) {
                try {
                    table.table.markDropped();
                    table.store.close();
                }
                catch (RuntimeException e) {
                    LOG.warn("Closing table index {} failed", table.id, e);
                }
            }
            catalog.tablesById().clear();
            catalog.databases().clear();
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
            catalog.lock().unlock();
        }
    }
}
