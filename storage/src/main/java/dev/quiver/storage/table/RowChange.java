package dev.quiver.storage.table;

import dev.quiver.storage.row.Row;

import static java.util.Objects.requireNonNull;

/** One row-level effect of a statement on a {@link RowStoreTable}: the unit a durable engine logs and replays. */
public sealed interface RowChange
        permits RowChange.Put, RowChange.Delete
{
    long rowId();

    /** The row with internal id {@code rowId} now holds {@code row} (insert or update). */
    record Put(long rowId, Row row)
            implements RowChange
    {
        public Put
        {
            requireNonNull(row, "row is null");
        }
    }

    /** The row with internal id {@code rowId} is gone. */
    record Delete(long rowId)
            implements RowChange {}
}
