package dev.quiver.storage.table;

import dev.quiver.storage.row.Row;

import static java.util.Objects.requireNonNull;

/**
 * What a write does when a new row collides with existing rows on the primary key or a unique key (checked in
 * MySQL's order: PRIMARY first, then unique keys as defined).
 * <ul>
 *   <li>{@link Error}: {@code ER_DUP_ENTRY} (1062) naming the first violated key; nothing of the statement applies.
 *   <li>{@link Ignore}: the row is skipped ({@link RowOutcome.Ignored} carries the key and value for the warning).
 *   <li>{@link Update}: the first conflicting row is replaced by {@code merger.merge(old, new)}, i.e.
 *       {@code ON DUPLICATE KEY UPDATE}; if the merged row collides with another row the statement fails with 1062.
 *   <li>{@link Replace}: every conflicting row is deleted, then the new row is inserted.
 * </ul>
 */
public sealed interface ConflictPolicy
        permits ConflictPolicy.Error, ConflictPolicy.Ignore, ConflictPolicy.Update, ConflictPolicy.Replace
{
    Error ERROR = new Error();
    Ignore IGNORE = new Ignore();
    Replace REPLACE = new Replace();

    /** Computes the row that replaces {@code existing} when {@code proposed} collides with it. */
    @FunctionalInterface
    interface RowMerger
    {
        /** Both rows are full table rows; the result must be one too (its values are coerced and checked again). */
        Row merge(Row existing, Row proposed);
    }

    record Error()
            implements ConflictPolicy {}

    record Ignore()
            implements ConflictPolicy {}

    record Update(RowMerger merger)
            implements ConflictPolicy
    {
        public Update
        {
            requireNonNull(merger, "merger is null");
        }
    }

    record Replace()
            implements ConflictPolicy {}

    static ConflictPolicy update(RowMerger merger)
    {
        return new Update(merger);
    }
}
