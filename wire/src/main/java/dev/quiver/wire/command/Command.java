package dev.quiver.wire.command;

import dev.quiver.wire.codec.PacketReader;

import static java.util.Objects.requireNonNull;

/**
 * A decoded command-phase packet. Each record mirrors one command of the manual.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_command_phase.html">Command phase</a>
 */
public sealed interface Command
{
    /** @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_quit.html">COM_QUIT</a> */
    record ComQuit()
            implements Command {}

    /** @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_init_db.html">COM_INIT_DB</a> */
    record ComInitDb(String schema)
            implements Command
    {
        public ComInitDb
        {
            requireNonNull(schema, "schema is null");
        }
    }

    /** @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_query.html">COM_QUERY</a> */
    record ComQuery(String sql)
            implements Command
    {
        public ComQuery
        {
            requireNonNull(sql, "sql is null");
        }
    }

    /** @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_field_list.html">COM_FIELD_LIST</a> */
    record ComFieldList(String table, String wildcard)
            implements Command
    {
        public ComFieldList
        {
            requireNonNull(table, "table is null");
            requireNonNull(wildcard, "wildcard is null");
        }
    }

    /** @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_statistics.html">COM_STATISTICS</a> */
    record ComStatistics()
            implements Command {}

    /** @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_ping.html">COM_PING</a> */
    record ComPing()
            implements Command {}

    /** @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_reset_connection.html">COM_RESET_CONNECTION</a> */
    record ComResetConnection()
            implements Command {}

    /**
     * {@code option} 0 turns multi-statements on, 1 off.
     *
     * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_set_option.html">COM_SET_OPTION</a>
     */
    record ComSetOption(int option)
            implements Command {}

    /** @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_prepare.html">COM_STMT_PREPARE</a> */
    record ComStmtPrepare(String sql)
            implements Command
    {
        public ComStmtPrepare
        {
            requireNonNull(sql, "sql is null");
        }
    }

    /**
     * The parameters stay undecoded in {@code parameters} (a reader over the packet, valid only while the
     * command runs) because their layout depends on the prepared statement.
     *
     * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_execute.html">COM_STMT_EXECUTE</a>
     */
    record ComStmtExecute(long statementId, int flags, long iterationCount, PacketReader parameters)
            implements Command
    {
        public ComStmtExecute
        {
            requireNonNull(parameters, "parameters is null");
        }
    }

    /** @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_send_long_data.html">COM_STMT_SEND_LONG_DATA</a> */
    record ComStmtSendLongData(long statementId, int parameterId, byte[] data)
            implements Command
    {
        public ComStmtSendLongData
        {
            requireNonNull(data, "data is null");
        }
    }

    /** @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_close.html">COM_STMT_CLOSE</a> */
    record ComStmtClose(long statementId)
            implements Command {}

    /** @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_reset.html">COM_STMT_RESET</a> */
    record ComStmtReset(long statementId)
            implements Command {}

    /** @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_com_stmt_fetch.html">COM_STMT_FETCH</a> */
    record ComStmtFetch(long statementId, long rowCount)
            implements Command {}

    /** A command byte this server does not implement. */
    record ComUnsupported(int code)
            implements Command {}
}
