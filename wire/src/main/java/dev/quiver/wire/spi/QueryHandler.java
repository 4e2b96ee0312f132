package dev.quiver.wire.spi;

import java.util.List;

/**
 * The seam between the MySQL protocol and whatever executes statements. The wire module calls it from a
 * command thread (never the event loop), one command at a time per connection. Implementations report
 * client-visible failures by throwing {@link dev.quiver.common.QuiverException}; the wire layer turns them
 * into ERR packets. Anything else thrown is treated as an internal error.
 */
public interface QueryHandler
{
    /** Called once a client has authenticated; the returned session lives until {@link #closeSession}. */
    HandlerSession openSession(ConnectionInfo connection);

    /**
     * Runs the text of one COM_QUERY. With multi-statements enabled the text may hold several statements;
     * the handler reports each result to the sink in order and stops at the first error (thrown).
     */
    void query(HandlerSession session, String sql, ResultSink sink);

    /** COM_INIT_DB and the database of CONNECT_WITH_DB: like {@code USE db}. */
    void initDatabase(HandlerSession session, String database);

    /** COM_FIELD_LIST: the columns of a table (deprecated by MySQL, still sent by old clients). */
    List<ColumnDescriptor> fieldList(HandlerSession session, String table, String wildcard);

    /** COM_STMT_PREPARE: checks the statement and reports its parameter count and result columns. */
    PreparedStatementInfo prepare(HandlerSession session, String sql);

    /**
     * COM_STMT_EXECUTE: runs a statement prepared earlier with the given parameter values. Values are
     * {@code null}, {@link Long}, {@link java.math.BigInteger} (unsigned BIGINT), {@link Double},
     * {@link Float}, {@link java.math.BigDecimal}, {@link String}, {@code byte[]},
     * {@link java.time.LocalDate}, {@link java.time.LocalDateTime} or {@link java.time.Duration}.
     *
     * <p>How the client's types map: integer types (signed or unsigned) to Long, unsigned BIGINT above
     * Long.MAX_VALUE to BigInteger; FLOAT to Float; DOUBLE to Double; DECIMAL to BigDecimal; character types,
     * ENUM, SET and JSON to String when the bytes are valid UTF-8, else to byte[] (MySQL Connector/J sends
     * {@code setBytes} as MYSQL_TYPE_STRING; decoding valid UTF-8 is lossless, so a binary column can take the
     * String's UTF-8 bytes); BLOB types, BIT and GEOMETRY to byte[]; DATE to LocalDate; DATETIME and
     * TIMESTAMP to LocalDateTime; TIME to Duration (negative allowed); zero or invalid dates to the String
     * MySQL would print ({@code 0000-00-00}, {@code 0000-00-00 00:00:00}). Values sent with
     * COM_STMT_SEND_LONG_DATA arrive whole, as String or byte[] by the same rule. The list is unmodifiable
     * and may contain nulls.
     */
    void execute(HandlerSession session, PreparedStatementInfo statement, List<Object> parameters, ResultSink sink);

    /** COM_RESET_CONNECTION: session variables, user variables and prepared state go back to defaults. */
    void resetSession(HandlerSession session);

    void closeSession(HandlerSession session);

    /**
     * COM_STMT_CLOSE, COM_RESET_CONNECTION and the end of the connection: the wire layer forgets the
     * statement; the handler may release what {@link PreparedStatementInfo#handle()} holds. Default: nothing.
     */
    default void closeStatement(HandlerSession session, PreparedStatementInfo statement) {}

    /**
     * COM_SET_OPTION switched CLIENT_MULTI_STATEMENTS on or off for this connection (the initial value is
     * {@link ConnectionInfo#multiStatements()}). A handler that honours multi-statements must track this;
     * the default does nothing.
     */
    default void setMultiStatements(HandlerSession session, boolean enabled) {}
}
