package dev.quiver.storage.table;

import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one write statement, one entry per input row in input order, and the first auto_increment value
 * the statement generated (MySQL's {@code LAST_INSERT_ID()}), if any.
 */
public record WriteResult(List<RowOutcome> outcomes, OptionalLong firstGeneratedId)
{
    public WriteResult
    {
        outcomes = List.copyOf(requireNonNull(outcomes, "outcomes is null"));
        requireNonNull(firstGeneratedId, "firstGeneratedId is null");
    }

    /** MySQL's affected-rows count without {@code CLIENT_FOUND_ROWS}. */
    public long affectedRows()
    {
        return outcomes.stream().mapToLong(RowOutcome::affectedRows).sum();
    }
}
