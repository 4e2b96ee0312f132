package dev.quiver.sql.result;

/** What one statement produced: rows, or an update count (MySQL's OK packet). */
public sealed interface QueryResult
        permits RowsResult, UpdateCountResult
{
}
