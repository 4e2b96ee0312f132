package dev.quiver.sql.result;

/**
 * An OK result.
 *
 * @param affectedRows MySQL's affected rows for this session (CLIENT_FOUND_ROWS already applied)
 * @param lastInsertId the id reported in the OK packet
 * @param info the info string ({@code Records: 2  Duplicates: 0  Warnings: 0}) or null
 */
public record UpdateCountResult(long affectedRows, long lastInsertId, String info)
        implements QueryResult
{
    public static final UpdateCountResult EMPTY = new UpdateCountResult(0, 0, null);
}
