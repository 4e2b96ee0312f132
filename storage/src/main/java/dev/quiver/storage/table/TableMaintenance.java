package dev.quiver.storage.table;

import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * A table's lifecycle outside statements: ALTER TABLE's rebuild, RENAME, dropping, recovery (replayed changes and
 * restored counters), checkpoint snapshots, and store maintenance under the table lock.
 */
final class TableMaintenance
{
    private final TableState state;

    TableMaintenance(TableState state)
    {
        this.state = state;
    }

    /** See {@link RowStoreTable#rebuild}. */
    void rebuild(TableDefinition newDefinition, RowStore newStore, StatementSink buildSink, UnaryOperator<Row> mapper, int batchRows, RowStoreTable.Switch durableSwitch)
    {
        requireNonNull(newDefinition, "newDefinition is null");
        requireNonNull(mapper, "mapper is null");
        state.writers.writeLock().lock();
        try {
            state.checkNotDropped();
            RowStoreTable target = new RowStoreTable(state.databaseName, newDefinition, buildSink, newStore);
            target.restoreCounters(1, state.autoIncrement.get());
            copyRows(target, newDefinition, mapper, batchRows);
            long newAutoIncrement = Math.max(state.autoIncrement.get(), target.currentAutoIncrement());
            durableSwitch.run(target.nextRowId(), newAutoIncrement);
            state.lock.writeLock().lock();
            try {
                state.definition = newDefinition;
                state.store = newStore;
                state.derive(newDefinition);
                state.nextRowId.set(target.nextRowId());
                state.autoIncrement.set(newAutoIncrement);
            }
            finally {
                state.lock.writeLock().unlock();
            }
        }
        finally {
            state.writers.writeLock().unlock();
        }
    }

    /** Writes every row, mapped, into {@code target} in batches of {@code batchRows}, reading whole statements only. */
    private void copyRows(RowStoreTable target, TableDefinition newDefinition, UnaryOperator<Row> mapper, int batchRows)
    {
        List<String> names = newDefinition.columns().stream().map(ColumnDefinition::name).toList();
        List<List<Value>> batch = new ArrayList<>();
        state.lock.readLock().lock();
        try {
            state.visibility.readLock().lock();
            try {
                for (Map.Entry<Long, Row> entry : state.store.all()) {
                    Row mapped = requireNonNull(mapper.apply(entry.getValue()), "mapper returned null");
                    batch.add(mapped.values());
                    if (batch.size() >= batchRows) {
                        target.write(new WriteRequest(names, List.copyOf(batch), ConflictPolicy.ERROR));
                        batch.clear();
                    }
                }
            }
            finally {
                state.visibility.readLock().unlock();
            }
        }
        finally {
            state.lock.readLock().unlock();
        }
        if (!batch.isEmpty()) {
            target.write(new WriteRequest(names, List.copyOf(batch), ConflictPolicy.ERROR));
        }
    }

    /** See {@link RowStoreTable#rename}. */
    void rename(String newDatabase, String newTable)
    {
        state.writers.writeLock().lock();
        try {
            state.lock.writeLock().lock();
            try {
                TableDefinition current = state.definition;
                state.definition = new TableDefinition(newTable, current.columns(), current.indexes());
                state.databaseName = newDatabase;
            }
            finally {
                state.lock.writeLock().unlock();
            }
        }
        finally {
            state.writers.writeLock().unlock();
        }
    }

    /** See {@link RowStoreTable#restoreCounters}. */
    void restoreCounters(long nextRowIdValue, long autoIncrementValue)
    {
        state.lock.writeLock().lock();
        try {
            state.nextRowId.accumulateAndGet(nextRowIdValue, Math::max);
            state.autoIncrement.set(autoIncrementValue);
        }
        finally {
            state.lock.writeLock().unlock();
        }
    }

    /** See {@link RowStoreTable#withWriteLock}. */
    void withWriteLock(Runnable action)
    {
        state.lock.writeLock().lock();
        try {
            action.run();
        }
        finally {
            state.lock.writeLock().unlock();
        }
    }

    /** See {@link RowStoreTable#replay}. */
    void replay(List<RowChange> changes, long autoIncrementValue)
    {
        state.lock.writeLock().lock();
        try {
            for (RowChange change : changes) {
                switch (change) {
                    case RowChange.Put put -> {
                        state.store.put(put.rowId(), put.row());
                        state.nextRowId.accumulateAndGet(put.rowId() + 1, Math::max);
                    }
                    case RowChange.Delete delete -> state.store.remove(delete.rowId());
                }
            }
            state.autoIncrement.set(autoIncrementValue);
        }
        finally {
            state.lock.writeLock().unlock();
        }
    }

    /** See {@link RowStoreTable#snapshot}. */
    List<RowChange.Put> snapshot()
    {
        state.lock.readLock().lock();
        state.visibility.readLock().lock();
        try {
            List<RowChange.Put> result = new ArrayList<>();
            state.store.all().forEach(entry -> result.add(new RowChange.Put(entry.getKey(), entry.getValue())));
            return result;
        }
        finally {
            state.visibility.readLock().unlock();
            state.lock.readLock().unlock();
        }
    }

    /** See {@link RowStoreTable#markDropped}. */
    void markDropped()
    {
        state.lock.writeLock().lock();
        try {
            state.dropped = true;
        }
        finally {
            state.lock.writeLock().unlock();
        }
    }
}
