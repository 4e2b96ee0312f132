package dev.quiver.sql.execution;

import dev.quiver.storage.row.Row;

import static java.util.Objects.requireNonNull;

/**
 * One row flowing through a SELECT plan: a row per table of the FROM clause (null for the missing side of a LEFT
 * JOIN) and, after grouping, the group's aggregate values (null before).
 */
record Tuple(Row[] rows, Object[] aggregates)
{
    Tuple
    {
        requireNonNull(rows, "rows is null");
    }

    static Tuple of(int sources, int index, Row row)
    {
        Row[] rows = new Row[sources];
        rows[index] = row;
        return new Tuple(rows, null);
    }

    Tuple with(int index, Row row)
    {
        Row[] copy = rows.clone();
        copy[index] = row;
        return new Tuple(copy, aggregates);
    }
}
