package dev.quiver.storage.lucene;

import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.table.RowChange;
import dev.quiver.storage.table.RowStoreTable;
import dev.quiver.storage.table.StatementSink;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One table of the {@link LuceneStorageEngine}: its catalog identity (id, database), its current index
 * ({@link LuceneRowStore}), the {@link RowStoreTable} that runs its statements, and the counters and log position a
 * checkpoint records for it.
 */
final class DurableTable
{
    /** Changed by ALTER TABLE (with writers of the table excluded and the catalog lock held). */
    volatile long id;
    /** Changed by RENAME TABLE (catalog lock held). */
    volatile String database;
    volatile LuceneRowStore store;
    final RowStoreTable table;
    volatile long autoIncrement;
    final java.util.concurrent.atomic.AtomicLong nextRowId = new java.util.concurrent.atomic.AtomicLong();
    /** Orders reading the auto_increment counter with the log append, so logged counters never go backwards. */
    final ReentrantLock appendLock = new ReentrantLock();
    long appliedLsn;
    /** For the idle merge ({@link IndexMerges}). */
    volatile long lastWriteNanos = System.nanoTime();

    /** {@code sinks}: the engine's statement sink for this table. */
    DurableTable(long id, String database, TableDefinition definition, LuceneRowStore store, Function<DurableTable, StatementSink> sinks)
    {
        this.id = id;
        this.database = database;
        this.store = store;
        this.table = new RowStoreTable(database, definition, sinks.apply(this), store);
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
