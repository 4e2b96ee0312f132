package dev.quiver.sql.user;

import dev.quiver.storage.row.Value;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One change to a grant table of the {@code mysql} database: a row written with REPLACE, or the rows whose columns
 * equal the given values deleted. Both are idempotent, which is what lets {@link AccountRedoLog} redo a statement's
 * changes from the start after a crash. Values are {@code BytesValue} (names) or {@code StringValue} (everything else).
 */
sealed interface GrantRowChange
{
    String table();

    List<String> columns();

    List<Value> values();

    record Put(String table, List<String> columns, List<Value> values)
            implements GrantRowChange
    {
        public Put
        {
            requireNonNull(table, "table is null");
            columns = List.copyOf(columns);
            values = List.copyOf(values);
            if (columns.size() != values.size()) {
                throw new IllegalArgumentException("columns and values differ in size");
            }
        }
    }

    record Delete(String table, List<String> columns, List<Value> values)
            implements GrantRowChange
    {
        public Delete
        {
            requireNonNull(table, "table is null");
            columns = List.copyOf(columns);
            values = List.copyOf(values);
            if (columns.isEmpty() || columns.size() != values.size()) {
                throw new IllegalArgumentException("a delete needs one value per column, and at least one column");
            }
        }
    }
}
