package dev.quiver.storage.table;

import dev.quiver.storage.row.Value;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One INSERT/REPLACE/upsert statement: values for the named columns (the others take their default, NULL, or the
 * next auto_increment value), one list per row, and the conflict policy. For the auto_increment column, NULL or 0
 * asks for the next value, as in MySQL.
 */
public record WriteRequest(List<String> columns, List<List<Value>> rows, ConflictPolicy policy)
{
    public WriteRequest
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        rows = requireNonNull(rows, "rows is null").stream().map(List::copyOf).toList();
        requireNonNull(policy, "policy is null");
    }
}
