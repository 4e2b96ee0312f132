package dev.quiver.storage.search;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a search returned, best first, and how it ran: the access path taken and how many rows it examined (rows whose
 * distance or score was computed, or that were read to evaluate the filter), so EXPLAIN and tests can show that an
 * approximate search did not scan the table.
 */
public record SearchResult(List<ScoredRow> rows, SearchAccess access, long rowsExamined)
{
    public SearchResult
    {
        rows = List.copyOf(requireNonNull(rows, "rows is null"));
        requireNonNull(access, "access is null");
        if (rowsExamined < 0) {
            throw new IllegalArgumentException("negative rowsExamined");
        }
    }
}
