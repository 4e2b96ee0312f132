package dev.quiver.storage.table;

import static java.util.Objects.requireNonNull;

/** One ORDER BY key over a column; NULLs sort first ascending and last descending, as in MySQL. */
public record SortKey(String column, boolean ascending)
{
    public SortKey
    {
        requireNonNull(column, "column is null");
    }

    public static SortKey ascending(String column)
    {
        return new SortKey(column, true);
    }

    public static SortKey descending(String column)
    {
        return new SortKey(column, false);
    }
}
