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
    void beginResultSet(List<ColumnDescriptor> columns);

    /**
     * One row; values as described in {@link QueryHandler#execute}. The array is not retained after the
     * call returns.
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
