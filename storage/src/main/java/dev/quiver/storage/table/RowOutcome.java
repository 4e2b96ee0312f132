package dev.quiver.storage.table;

import dev.quiver.storage.row.Row;

import static java.util.Objects.requireNonNull;

/**
 * What one row of a write did. MySQL's affected rows follow from it: {@link Inserted} 1, {@link Updated} 2
 * ({@code CLIENT_FOUND_ROWS}: 1), {@link Unchanged} 0 (1 with found rows), {@link Replaced} 1 + deleted,
 * {@link Ignored} 0.
 */
public sealed interface RowOutcome
        permits RowOutcome.Inserted, RowOutcome.Updated, RowOutcome.Unchanged, RowOutcome.Replaced, RowOutcome.Ignored
{
    /** The row was new; {@code row} is what was stored (defaults and auto_increment filled in). */
    record Inserted(Row row)
            implements RowOutcome
    {
        public Inserted
        {
            requireNonNull(row, "row is null");
        }
    }

    /** An existing row was changed by the UPDATE policy's merger. */
    record Updated(Row before, Row after)
            implements RowOutcome
    {
        public Updated
        {
            requireNonNull(before, "before is null");
            requireNonNull(after, "after is null");
        }
    }

    /** The merger produced the row that was already there. */
    record Unchanged(Row row)
            implements RowOutcome
    {
        public Unchanged
        {
            requireNonNull(row, "row is null");
        }
    }

    /** REPLACE deleted {@code deletedRows} (≥ 1) conflicting rows, then inserted {@code row}. */
    record Replaced(Row row, int deletedRows)
            implements RowOutcome
    {
        public Replaced
        {
            requireNonNull(row, "row is null");
            if (deletedRows < 1) {
                throw new IllegalArgumentException("a replace deletes at least one row");
            }
        }
    }

    /** IGNORE skipped the row: it duplicated {@code duplicateValue} in key {@code keyName} (MySQL's warning 1062). */
    record Ignored(String keyName, String duplicateValue)
            implements RowOutcome
    {
        public Ignored
        {
            requireNonNull(keyName, "keyName is null");
            requireNonNull(duplicateValue, "duplicateValue is null");
        }
    }

    /** Affected rows as MySQL counts them, without {@code CLIENT_FOUND_ROWS}. */
    default long affectedRows()
    {
        return switch (this) {
            case Inserted ignored -> 1;
            case Updated ignored -> 2;
            case Unchanged ignored -> 0;
            case Replaced replaced -> 1 + replaced.deletedRows();
            case Ignored ignored -> 0;
        };
    }
}
