package dev.quiver.wire.connection;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.wire.command.BinaryParameterDecoder;
import dev.quiver.wire.command.Command;
import dev.quiver.wire.command.Command.ComFieldList;
import dev.quiver.wire.command.Command.ComInitDb;
import dev.quiver.wire.command.Command.ComPing;
import dev.quiver.wire.command.Command.ComQuery;
import dev.quiver.wire.command.Command.ComQuit;
import dev.quiver.wire.command.Command.ComResetConnection;
import dev.quiver.wire.command.Command.ComSetOption;
import dev.quiver.wire.command.Command.ComStatistics;
import dev.quiver.wire.command.Command.ComStmtClose;
import dev.quiver.wire.command.Command.ComStmtExecute;
import dev.quiver.wire.command.Command.ComStmtFetch;
import dev.quiver.wire.command.Command.ComStmtPrepare;
import dev.quiver.wire.command.Command.ComStmtReset;
import dev.quiver.wire.command.Command.ComStmtSendLongData;
import dev.quiver.wire.command.Command.ComUnsupported;
import dev.quiver.wire.command.PreparedStatement;
import dev.quiver.wire.packet.ColumnDefinition41Packet;
import dev.quiver.wire.packet.EofPacket;
import dev.quiver.wire.packet.OkPacket;
import dev.quiver.wire.packet.StatisticsPacket;
import dev.quiver.wire.packet.StmtPrepareOkPacket;
import dev.quiver.wire.spi.ColumnDescriptor;
import dev.quiver.wire.spi.ColumnType;
import dev.quiver.wire.spi.HandlerSession;
import dev.quiver.wire.spi.PreparedStatementInfo;
import dev.quiver.wire.spi.QueryHandler;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Runs the commands of one authenticated connection, one at a time on its command thread: a pure switch
 * over {@link Command}. Owns the connection's prepared statements.
 */
final class CommandDispatcher
{
    /** How a dispatched command leaves the connection. */
    enum Outcome
    {
        CONTINUE, CLOSE
    }

    private static final ColumnDescriptor PARAMETER = ColumnDescriptor.expression("?", ColumnType.VAR_STRING, ColumnDescriptor.COLLATION_BINARY, 0, 0, 0);

    /** MySQL's default max_prepared_stmt_count, applied per connection. */
    static final int MAX_PREPARED_STATEMENTS = 16_382;

    private final ServerContext server;
    private final HandlerSession session;
    private final PacketOutput output;
    private final boolean deprecateEof;
    private final Map<Long, PreparedStatement> statements = new LinkedHashMap<>();
    private long nextStatementId = 1;

    CommandDispatcher(ServerContext server, HandlerSession session, PacketOutput output, boolean deprecateEof)
    {
        this.server = requireNonNull(server, "server is null");
        this.session = requireNonNull(session, "session is null");
        this.output = requireNonNull(output, "output is null");
        this.deprecateEof = deprecateEof;
    }

    HandlerSession session()
    {
        return session;
    }

    ResultWriter newResultWriter(Command command)
    {
        return new ResultWriter(output, session, deprecateEof, command instanceof ComStmtExecute);
    }

    /** Runs one command; client-visible failures are thrown for the caller to turn into ERR. */
    Outcome dispatch(Command command, ResultWriter sink)
    {
        server.countQuestion();
        QueryHandler handler = server.handler();
        switch (command) {
            case ComQuit ignored -> {
                return Outcome.CLOSE;
            }
            case ComQuery query -> {
                handler.query(session, query.sql(), sink);
                sink.finish();
            }
            case ComInitDb initDb -> {
                handler.initDatabase(session, initDb.schema());
                sink.finish();
            }
            case ComPing ignored -> sink.finish();
            case ComFieldList fieldList -> fieldList(fieldList);
            case ComStatistics ignored -> output.write(new StatisticsPacket(server.statistics()));
            case ComResetConnection ignored -> {
                closeAllStatements();
                handler.resetSession(session);
                sink.finish();
            }
            case ComSetOption option -> setOption(option);
            case ComStmtPrepare prepare -> prepare(prepare);
            case ComStmtExecute execute -> execute(execute, sink);
            case ComStmtSendLongData longData -> {
                PreparedStatement statement = statements.get(longData.statementId());
                if (statement != null) {
                    statement.appendLongData(longData.parameterId(), longData.data(), server.maxAllowedPacket());
                }
            }
            case ComStmtClose close -> {
                PreparedStatement statement = statements.remove(close.statementId());
                if (statement != null) {
                    handler.closeStatement(session, statement.info());
                }
            }
            case ComStmtReset reset -> {
                statement(reset.statementId(), "mysqld_stmt_reset").clearLongData();
                sink.finish();
            }
            case ComStmtFetch fetch -> {
                statement(fetch.statementId(), "mysqld_stmt_fetch");
                throw new QuiverException(ErrorCode.ER_STMT_HAS_NO_OPEN_CURSOR, fetch.statementId());
            }
            case ComUnsupported ignored -> throw new QuiverException(ErrorCode.ER_UNKNOWN_COM_ERROR);
        }
        return Outcome.CONTINUE;
    }

    private void fieldList(ComFieldList command)
    {
        List<ColumnDescriptor> columns = server.handler().fieldList(session, command.table(), command.wildcard());
        for (ColumnDescriptor each : columns) {
            output.write(new ColumnDefinition41Packet(each, true));
        }
        writeEndOfList();
    }

    private void setOption(ComSetOption command)
    {
        boolean enabled = switch (command.option()) {
            case 0 -> true;
            case 1 -> false;
            default -> throw new QuiverException(ErrorCode.ER_UNKNOWN_COM_ERROR);
        };
        server.handler().setMultiStatements(session, enabled);
        writeEndOfList();
    }

    /** EOF, or OK-as-EOF under CLIENT_DEPRECATE_EOF, with the session's status. */
    private void writeEndOfList()
    {
        int status = ResultWriter.statusFlags(session);
        int warnings = Math.min(session.warningCount(), 0xFFFF);
        output.write(deprecateEof ? new OkPacket(OkPacket.HEADER_EOF, 0, 0, status, warnings, "") : new EofPacket(warnings, status));
    }

    private void prepare(ComStmtPrepare command)
    {
        if (statements.size() >= MAX_PREPARED_STATEMENTS) {
            throw new QuiverException(ErrorCode.ER_MAX_PREPARED_STMT_COUNT_REACHED, MAX_PREPARED_STATEMENTS);
        }
        PreparedStatementInfo info = server.handler().prepare(session, command.sql());
        long id = nextStatementId++;
        statements.put(id, new PreparedStatement(id, info));
        output.write(new StmtPrepareOkPacket(id, info.columns().size(), info.parameterCount(), Math.min(session.warningCount(), 0xFFFF)));
        if (info.parameterCount() > 0) {
            for (int i = 0; i < info.parameterCount(); i++) {
                output.write(new ColumnDefinition41Packet(PARAMETER));
            }
            writeEndOfDefinitions();
        }
        if (!info.columns().isEmpty()) {
            for (ColumnDescriptor each : info.columns()) {
                output.write(new ColumnDefinition41Packet(each));
            }
            writeEndOfDefinitions();
        }
    }

    private void writeEndOfDefinitions()
    {
        if (!deprecateEof) {
            output.write(new EofPacket(0, ResultWriter.statusFlags(session)));
        }
    }

    private void execute(ComStmtExecute command, ResultWriter sink)
    {
        PreparedStatement statement = statement(command.statementId(), "mysqld_stmt_execute");
        List<Object> parameters;
        try {
            parameters = BinaryParameterDecoder.decode(statement, command.parameters());
        }
        finally {
            statement.clearLongData();
        }
        server.handler().execute(session, statement.info(), Collections.unmodifiableList(parameters), sink);
        sink.finish();
    }

    private PreparedStatement statement(long id, String commandName)
    {
        PreparedStatement result = statements.get(id);
        if (result == null) {
            throw new QuiverException(ErrorCode.ER_UNKNOWN_STMT_HANDLER, Long.toString(id), commandName);
        }
        return result;
    }

    /** Forgets every prepared statement, telling the handler; used on reset and on close. */
    void closeAllStatements()
    {
        for (PreparedStatement each : statements.values()) {
            server.handler().closeStatement(session, each.info());
        }
        statements.clear();
    }
}
