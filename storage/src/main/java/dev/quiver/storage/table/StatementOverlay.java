package dev.quiver.storage.table;

import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.ValueComparison;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A running statement: its changes in a private overlay (row id → row or {@link #TOMBSTONE}; per unique key →
 * row id or {@link #FREED}) over the store, the key stripes it touched, and the counter values it took; and its
 * commit, which hands the changes to the sink and publishes them to the store.
 */
final class StatementOverlay
{
    private static final long FREED = -1;
    private static final Row TOMBSTONE = new Row(List.of());

    /** A change with the row it replaced (null for a new row), to publish to the store. */
    private record Change(RowChange change, Row previous) {}

    private final TableState state;
    private final Map<Long, Row> rows = new HashMap<>();
    private final List<Map<List<Object>, Long>> keys = new ArrayList<>();
    private final List<Change> changes = new ArrayList<>();
    private final BitSet touched = new BitSet();
    final long autoIncrementBefore;
    final CounterClaim autoIncrementClaim;
    private final long nextRowIdBefore;
    final CounterClaim rowIdClaim = new CounterClaim();

    StatementOverlay(TableState state, long autoIncrementBefore, CounterClaim autoIncrementClaim)
    {
        this.state = state;
        for (int i = 0; i < state.uniqueIndexes.size(); i++) {
            keys.add(new HashMap<>());
        }
        this.autoIncrementBefore = autoIncrementBefore;
        this.autoIncrementClaim = autoIncrementClaim;
        this.nextRowIdBefore = state.nextRowId.get();
    }

    Row get(long rowId)
    {
        Row row = rows.get(rowId);
        if (row != null) {
            return row == TOMBSTONE ? null : row;
        }
        return state.store.get(rowId);
    }

    Long findUnique(int ordinal, List<Object> key)
    {
        touched.set(state.stripes.stripe(ordinal, key));
        Long owner = keys.get(ordinal).get(key);
        if (owner != null) {
            return owner == FREED ? null : owner;
        }
        return state.store.findUnique(ordinal, key);
    }

    long allocateRowId()
    {
        long rowId = state.nextRowId.getAndIncrement();
        rowIdClaim.took(rowId, rowId + 1);
        return rowId;
    }

    void raiseAutoIncrement(long value)
    {
        long previous = state.autoIncrement.getAndAccumulate(value, Math::max);
        if (value > previous) {
            autoIncrementClaim.took(previous, value);
        }
    }

    /** Stores a row under a row id this statement just allocated. */
    void putNew(long rowId, Row row)
    {
        put(rowId, row, null);
    }

    void put(long rowId, Row row)
    {
        put(rowId, row, get(rowId));
    }

    private void put(long rowId, Row row, Row before)
    {
        rows.put(rowId, row);
        for (UniqueIndex index : state.uniqueIndexes) {
            List<Object> newKey = ValueComparison.indexKey(row, index.positions());
            if (before != null) {
                List<Object> oldKey = ValueComparison.indexKey(before, index.positions());
                if (oldKey != null && !oldKey.equals(newKey)) {
                    touched.set(state.stripes.stripe(index.ordinal(), oldKey));
                    keys.get(index.ordinal()).put(oldKey, FREED);
                }
            }
            if (newKey != null) {
                touched.set(state.stripes.stripe(index.ordinal(), newKey));
                keys.get(index.ordinal()).put(newKey, rowId);
            }
        }
        changes.add(new Change(new RowChange.Put(rowId, row), before));
    }

    void delete(long rowId)
    {
        Row before = requireNonNull(get(rowId), "no such row");
        rows.put(rowId, TOMBSTONE);
        for (UniqueIndex index : state.uniqueIndexes) {
            List<Object> oldKey = ValueComparison.indexKey(before, index.positions());
            if (oldKey != null) {
                touched.set(state.stripes.stripe(index.ordinal(), oldKey));
                keys.get(index.ordinal()).put(oldKey, FREED);
            }
        }
        changes.add(new Change(new RowChange.Delete(rowId), before));
    }

    /** The stripes touched that are not in {@code held}, or null when all are held. */
    BitSet missing(BitSet held)
    {
        BitSet missing = (BitSet) touched.clone();
        missing.andNot(held);
        return missing.isEmpty() ? null : missing;
    }

    /** Gives back the counter values this statement took, where nobody took later ones. */
    void releaseCounters(boolean exclusive)
    {
        if (exclusive) {
            state.autoIncrement.set(autoIncrementBefore);
            state.nextRowId.set(nextRowIdBefore);
            return;
        }
        autoIncrementClaim.giveBack(state.autoIncrement);
        rowIdClaim.giveBack(state.nextRowId);
    }

    /**
     * Hands the statement to the sink and publishes it to the store; returns the ticket to await after unlocking,
     * or 0. On a sink failure nothing is published.
     */
    long commit(boolean logAnyway)
    {
        if (changes.isEmpty() && !logAnyway) {
            return 0;
        }
        List<RowChange> logged = new ArrayList<>(changes.size());
        changes.forEach(change -> logged.add(change.change()));
        long ticket = state.sink.log(state.table, List.copyOf(logged), state.autoIncrement.get());
        state.visibility.writeLock().lock();
        try {
            state.lastTicket.accumulateAndGet(ticket, Math::max);
            for (Change change : changes) {
                switch (change.change()) {
                    case RowChange.Put put -> state.store.put(put.rowId(), put.row(), change.previous());
                    case RowChange.Delete delete -> state.store.remove(delete.rowId(), change.previous());
                }
            }
        }
        finally {
            state.visibility.writeLock().unlock();
        }
        return ticket;
    }
}
