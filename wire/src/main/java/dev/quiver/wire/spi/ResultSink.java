package dev.quiver.wire.spi;

import java.util.List;

/**
 * Where a handler writes the results of one command. A command produces one or more results (several for
 * multi-statements); each is either a result set ({@link #beginResultSet}, any number of {@link #row},
 * {@link #endResultSet}) or an {@link #ok}. The sink decides by itself whether "more results exist" when
 * the next result starts or the command returns.
 *
 * <p>{@link #row} may block the calling (command) thread while the channel is not writable: that is how
 * large results stream with bounded memory.
 */
public interface ResultSink
{
    /** Starts a result set; at least one column. The previous result (if any) is then sent with MORE_RESULTS_EXISTS. */
    void beginResultSet(List<ColumnDescriptor> columns);

    /**
     * One row; values as described in {@link QueryHandler#execute} (also accepted: {@link Integer},
     * {@link Short}, {@link Byte}, {@link Boolean} as 1/0, {@link java.time.LocalTime}). The text protocol
     * prints them as MySQL does (doubles with the shortest round-trip digits, {@code 1e20} style beyond
     * 15 integer digits; DATETIME fractions to the column's {@code decimals}); the binary protocol encodes
     * them per the column's {@link ColumnType}. A value the column type cannot take is a handler bug and
     * ends the command with ER_INTERNAL_ERROR. The array is not retained after the call returns. May block
     * while the client is not reading.
     */
    void row(Object[] values);

    void endResultSet();

    /**
     * @param affectedRows MySQL's affected rows, as computed by the handler for this connection
     * @param lastInsertId the OK packet's last_insert_id
     * @param info the human-readable info string ({@code Records: 2  Duplicates: 0  Warnings: 0}) or null
     */
    void ok(long affectedRows, long lastInsertId, String info);
}
