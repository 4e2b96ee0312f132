package dev.quiver.server;

import dev.quiver.sql.PreparedQuery;
import dev.quiver.sql.QueryEngine;
import dev.quiver.sql.Session;
import dev.quiver.sql.SessionContext;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.result.UpdateCountResult;
import dev.quiver.sql.security.Identity;
import dev.quiver.wire.spi.ColumnDescriptor;
import dev.quiver.wire.spi.ColumnType;
import dev.quiver.wire.spi.ConnectionInfo;
import dev.quiver.wire.spi.HandlerSession;
import dev.quiver.wire.spi.PreparedStatementInfo;
import dev.quiver.wire.spi.QueryHandler;
import dev.quiver.wire.spi.ResultSink;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The adapter from the wire protocol to the SQL engine: turns commands into {@link QueryEngine} calls and
 * query results into result-sink calls. It holds no state of its own beyond the engine.
 */
final class SqlQueryHandler
        implements QueryHandler
{
    private final QueryEngine engine;

    SqlQueryHandler(QueryEngine engine)
    {
        this.engine = requireNonNull(engine, "engine is null");
    }

    @Override
    public HandlerSession openSession(ConnectionInfo connection)
    {
        Identity identity = new Identity(connection.user(), connection.host(), connection.accountUser(), connection.accountHost());
        SessionContext context = new SessionContext(connection.connectionId(), identity, connection.clientFoundRows(), connection.multiStatements());
        Session session = engine.openSession(context);
        if (connection.interactive()) {
            // as MySQL: an interactive client's session wait_timeout starts from interactive_timeout
            session.setSystemVariable("wait_timeout", session.systemVariable("interactive_timeout"));
        }
        return new SqlSession(session);
    }

    @Override
    public void query(HandlerSession session, String sql, ResultSink sink)
    {
        engine.execute(sessionOf(session), sql, result -> write(result, sink));
    }

    @Override
    public void initDatabase(HandlerSession session, String database)
    {
        engine.useDatabase(sessionOf(session), database);
    }

    @Override
    public List<ColumnDescriptor> fieldList(HandlerSession session, String table, String wildcard)
    {
        return engine.fieldList(sessionOf(session), table, wildcard).stream()
                .map(SqlQueryHandler::describe)
                .toList();
    }

    @Override
    public PreparedStatementInfo prepare(HandlerSession session, String sql)
    {
        PreparedQuery prepared = engine.prepare(sessionOf(session), sql);
        List<ColumnDescriptor> columns = prepared.columns().stream().map(SqlQueryHandler::describe).toList();
        return new PreparedStatementInfo(sql, prepared.parameterCount(), columns, prepared);
    }

    @Override
    public void execute(HandlerSession session, PreparedStatementInfo statement, List<Object> parameters, ResultSink sink)
    {
        PreparedQuery prepared = (PreparedQuery) statement.handle();
        engine.execute(sessionOf(session), prepared, parameters, result -> write(result, sink));
    }

    @Override
    public void setMultiStatements(HandlerSession session, boolean enabled)
    {
        sessionOf(session).setMultiStatements(enabled);
    }

    @Override
    public void resetSession(HandlerSession session)
    {
        engine.resetSession(sessionOf(session));
    }

    @Override
    public void closeSession(HandlerSession session)
    {
        engine.closeSession(sessionOf(session));
    }

    private static void write(QueryResult result, ResultSink sink)
    {
        switch (result) {
            case RowsResult rows -> {
                try (RowCursor cursor = rows.rows()) {
                    sink.beginResultSet(rows.columns().stream().map(SqlQueryHandler::describe).toList());
                    while (cursor.hasNext()) {
                        sink.row(cursor.next());
                    }
                    sink.endResultSet();
                }
            }
            case UpdateCountResult count -> sink.ok(count.affectedRows(), count.lastInsertId(), count.info());
        }
    }

    static ColumnDescriptor describe(ResultColumn column)
    {
        return new ColumnDescriptor(
                column.schema(),
                column.table(),
                column.originalTable(),
                column.name(),
                column.originalName(),
                column.binary() ? ColumnDescriptor.COLLATION_BINARY : ColumnDescriptor.COLLATION_UTF8MB4_GENERAL_CI,
                column.length(),
                ColumnType.valueOf(column.type().name()),
                column.flags(),
                column.decimals());
    }

    private static Session sessionOf(HandlerSession session)
    {
        return ((SqlSession) session).session();
    }

    /** The SQL session seen through the wire's eyes (status flags, warnings). */
    private record SqlSession(Session session)
            implements HandlerSession
    {
        @Override
        public boolean autocommit()
        {
            return session.autocommit();
        }

        @Override
        public boolean inTransaction()
        {
            return session.inTransaction();
        }

        @Override
        public int warningCount()
        {
            return session.warningCount();
        }

        @Override
        public String database()
        {
            return session.database();
        }

        @Override
        public void onKill(Runnable closeConnection)
        {
            session.onKill(closeConnection);
        }

        @Override
        public long idleTimeoutSeconds()
        {
            return session.systemVariable("wait_timeout") instanceof Number seconds ? seconds.longValue() : 0;
        }
    }
}
