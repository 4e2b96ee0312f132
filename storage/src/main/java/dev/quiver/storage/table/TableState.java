package dev.quiver.storage.table;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * What one {@link RowStoreTable}'s parts share: its name, definition and store (and the key positions derived from
 * the definition), its sink, its counters, its locks and its dropped flag, and the read protocol over those locks.
 * The locking rules are described on {@link RowStoreTable}.
 */
final class TableState
{
    final RowStoreTable table;
    final KeyStripes stripes = new KeyStripes();
    volatile String databaseName;
    volatile TableDefinition definition;
    /**
     * Shared: every writer (write, update, delete, truncate) for its whole statement. Exclusive: rebuild
     * (ALTER TABLE), so writers wait while readers go on reading the old table.
     */
    final ReentrantReadWriteLock writers = new ReentrantReadWriteLock();
    final StatementSink sink;
    /** Shared: key-addressed writers and readers. Exclusive: filter statements, truncate, refresh, drop, recovery. */
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Write: a statement publishing its changes to the store. Read: a reader (so it never sees half a statement). */
    final ReentrantReadWriteLock visibility = new ReentrantReadWriteLock();
    volatile RowStore store;
    volatile List<UniqueIndex> uniqueIndexes;
    volatile OptionalInt autoIncrementColumn;
    volatile int[] primaryKeyPositions;
    final AtomicLong nextRowId = new AtomicLong(1);
    final AtomicLong autoIncrement = new AtomicLong();
    final AtomicLong lastTicket = new AtomicLong();
    volatile boolean dropped;
    volatile Runnable applyHook;

    TableState(RowStoreTable table, String databaseName, TableDefinition definition, StatementSink sink, RowStore store)
    {
        this.table = table;
        this.databaseName = requireNonNull(databaseName, "databaseName is null");
        this.definition = requireNonNull(definition, "definition is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.store = requireNonNull(store, "store is null");
        derive(definition);
    }

    void derive(TableDefinition definition)
    {
        List<UniqueIndex> indexes = new ArrayList<>();
        List<IndexDefinition> keys = definition.uniqueKeys();
        for (int i = 0; i < keys.size(); i++) {
            indexes.add(new UniqueIndex(keys.get(i), i, definition.columnPositions(keys.get(i).columns())));
        }
        this.uniqueIndexes = List.copyOf(indexes);
        this.autoIncrementColumn = definition.autoIncrementColumn();
        this.primaryKeyPositions = definition.primaryKey().map(key -> definition.columnPositions(key.columns())).orElse(null);
    }

    /** Runs a writer's whole statement with the {@link #writers} lock shared (so a rebuild waits for it). */
    <T> T asWriter(Supplier<T> statement)
    {
        writers.readLock().lock();
        try {
            return statement.get();
        }
        finally {
            writers.readLock().unlock();
        }
    }

    /**
     * Runs a read with the table lock and the visibility lock shared (so it sees whole statements only), then waits
     * until every statement it could have seen is durable: nothing is visible before it is durable.
     */
    <T> T read(Supplier<T> body)
    {
        T result;
        long ticket;
        lock.readLock().lock();
        try {
            checkNotDropped();
            visibility.readLock().lock();
            try {
                result = body.get();
                ticket = lastTicket.get();
            }
            finally {
                visibility.readLock().unlock();
            }
        }
        finally {
            lock.readLock().unlock();
        }
        if (ticket > 0) {
            sink.awaitDurable(ticket);
        }
        return result;
    }

    void checkNotDropped()
    {
        if (dropped) {
            throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, databaseName, definition.name());
        }
    }
}
