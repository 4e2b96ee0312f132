package dev.quiver.storage.table;

import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a {@link RowStoreTable} keeps its rows: by internal row id, with a lookup per unique key. The table calls it
 * only under its own lock (reads under the read lock, changes under the write lock), and every change is visible to
 * the next call at once, so a statement reads its own writes and its undo list can put rows back.
 */
public interface RowStore
{
    /** The row with this id, or null. */
    Row get(long rowId);

    /**
     * The row id holding {@code key} (from {@link dev.quiver.storage.row.ValueComparison#indexKey(Row, int[])}) in
     * unique key number {@code ordinal} of {@link dev.quiver.storage.catalog.TableDefinition#uniqueKeys()}, or null.
     */
    Long findUnique(int ordinal, List<Object> key);

    /** Stores (inserts or replaces) a row, keeping every index current. */
    void put(long rowId, Row row);

    /** Removes a row if present. */
    void remove(long rowId);

    /** Every row, in row id order. */
    Iterable<Map.Entry<Long, Row>> all();

    /** Row ids one conjunct can match through an ordered index (a superset), or null when the store cannot narrow it. */
    Set<Long> sortedCandidates(Filter conjunct);
}
