package dev.quiver.storage.lucene;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.format.LogRecord;
import dev.quiver.storage.recovery.CatalogSnapshot;
import dev.quiver.storage.wal.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The {@link LuceneStorageEngine}'s checkpoints: commits every table index with the log position its writer has
 * reached, writes the catalog snapshot, logs a checkpoint record and trims the log; and decides when one is due (on
 * the configured interval, or when the log has grown by {@link LuceneEngineOptions#checkpointLogBytes} since the last).
 */
final class Checkpoints
{
    private static final Logger LOG = LoggerFactory.getLogger(LuceneStorageEngine.class);

    private final Path root;
    private final EngineCatalog catalog;
    /** The engine's: read by a statement or DDL between log append and apply, written by a checkpoint. */
    private final ReentrantReadWriteLock checkpointLock;
    private final EngineStatus status;
    private final WriteAheadLog wal;
    private final IndexMerges merges;
    private final ScheduledExecutorService scheduler;
    private final long checkpointLogBytes;
    private long lastCheckpointLsn;
    /** The last checkpoint committed every table at its position (no statement was waiting for the applier). */
    private boolean lastCheckpointComplete;
    private volatile long logBytesAtCheckpoint;
    private final AtomicBoolean checkpointRequested = new AtomicBoolean();

    Checkpoints(Path root, EngineCatalog catalog, ReentrantReadWriteLock checkpointLock, EngineStatus status, WriteAheadLog wal,
            IndexMerges merges, ScheduledExecutorService scheduler, long checkpointLogBytes)
    {
        this.root = root;
        this.catalog = catalog;
        this.checkpointLock = checkpointLock;
        this.status = status;
        this.wal = wal;
        this.merges = merges;
        this.scheduler = scheduler;
        this.checkpointLogBytes = checkpointLogBytes;
    }

    /** Recovery: the position the catalog snapshot covers, and whether every table index was committed there. */
    void recovered(long lsn, boolean complete)
    {
        lastCheckpointLsn = lsn;
        lastCheckpointComplete = complete;
    }

    /** See {@link LuceneStorageEngine#checkpoint}. */
    void checkpoint()
    {
        catalog.lock().lock();
        checkpointLock.writeLock().lock();
        try {
            status.checkWritable();
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
            for (DurableTable table : catalog.tablesById().values()) {
                // read before the commit, which then holds at least everything applied so far (replay is idempotent)
                long covered = Math.max(table.appliedLsn, table.store.appliedThrough(lsn));
                table.store.commit(covered, table.autoIncrement, table.nextRowId.get());
                table.appliedLsn = covered;
                oldest = Math.min(oldest, covered);
                entries.add(new CatalogSnapshot.TableEntry(table.id, table.database, table.table.definition(), table.autoIncrement));
            }
            entries.sort((left, right) -> Long.compare(left.tableId(), right.tableId()));
            new CatalogSnapshot(lsn, catalog.nextTableId(), List.copyOf(catalog.databases().keySet()), entries).write(root);
            catalog.deleteOrphanTableDirectories();
            LogRecord.Checkpoint marker = new LogRecord.Checkpoint(lsn);
            lastCheckpointLsn = wal.appendDurably(marker.type(), marker.payload());
            lastCheckpointComplete = oldest == lsn;
            wal.trimBefore(oldest + 1);
        }
        catch (IOException e) {
            status.fail(e);
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "checkpoint: " + e.getMessage());
        }
        finally {
            checkpointLock.writeLock().unlock();
            catalog.lock().unlock();
        }
    }

    /** The timer's (and a long log's) checkpoint: only when something changed since the last, and never throws. */
    void scheduledCheckpoint()
    {
        try {
            if (!status.closed() && status.failure() == null && (wal.lastAppendedLsn() != lastCheckpointLsn || !lastCheckpointComplete || merges.hasMerged())) {
                checkpoint();
            }
        }
        catch (RuntimeException e) {
            LOG.error("Background checkpoint failed", e);
        }
    }

    /** After an append: asks the scheduler for a checkpoint once the log has grown past the configured bytes. */
    void requestCheckpointIfLogIsLong()
    {
        if (wal.appendedBytes() - logBytesAtCheckpoint > checkpointLogBytes && checkpointRequested.compareAndSet(false, true)) {
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
}
