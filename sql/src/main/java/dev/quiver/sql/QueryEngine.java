package dev.quiver.sql;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.execution.ExecutionContext;
import dev.quiver.sql.execution.ServerStatus;
import dev.quiver.sql.execution.StatementExecutor;
import dev.quiver.sql.execution.SystemVariableAccess;
import dev.quiver.sql.parser.ParsedStatement;
import dev.quiver.sql.parser.SqlParser;
import dev.quiver.sql.parser.StatementSplitter.StatementText;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.result.UpdateCountResult;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.session.Warning;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.user.UserStore;
import dev.quiver.sql.variable.GlobalVariables;
import dev.quiver.sql.variable.SystemVariables;
import dev.quiver.storage.StorageEngine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The SQL layer's facade: sessions, COM_QUERY (one or more statements), prepared statements, COM_FIELD_LIST and
 * COM_INIT_DB. Thread-safe; each session is used by one command at a time.
 */
public final class QueryEngine
{
    private final EngineConfig config;
    private final SqlParser parser;
    private final GlobalVariables globals;
    private final SystemVariableAccess variables;
    private final ServerStatus status;
    private final StatementExecutor executor;
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();

    public QueryEngine(StorageEngine storage, AccessControl accessControl, EngineConfig config)
    {
        this(storage, accessControl, new UserStore(requireNonNull(storage, "storage is null")), config);
    }

    /** @param users the accounts and grants the account statements change (the access control reads the same store) */
    public QueryEngine(StorageEngine storage, AccessControl accessControl, UserStore users, EngineConfig config)
    {
        requireNonNull(storage, "storage is null");
        requireNonNull(users, "users is null");
        requireNonNull(accessControl, "accessControl is null");
        this.config = requireNonNull(config, "config is null");
        this.parser = new SqlParser(config.serverVersion());
        this.globals = new GlobalVariables(new SystemVariables(config));
        this.variables = new SystemVariableAccess(globals);
        this.status = new ServerStatus(sessions::size);
        this.executor = new StatementExecutor(storage, accessControl, users, variables, status, id -> Optional.ofNullable(sessions.get(id)));
    }

    public Session openSession(SessionContext context)
    {
        requireNonNull(context, "context is null");
        Session session = new Session(context, globals.sessionDefaults());
        if (sessions.putIfAbsent(context.connectionId(), session) != null) {
            throw new IllegalArgumentException("connection id in use: " + context.connectionId());
        }
        status.recordConnection();
        return session;
    }

    /**
     * Runs a COM_QUERY text. With multi-statements every statement runs in order and its result is delivered before
     * the next one parses; the first error is thrown after the earlier results were delivered.
     */
    public void execute(Session session, String sql, Consumer<QueryResult> results)
    {
        requireNonNull(session, "session is null");
        requireNonNull(sql, "sql is null");
        requireNonNull(results, "results is null");
        List<StatementText> statements = parser.split(sql);
        if (!session.multiStatements() && statements.size() > 1) {
            run(session, () -> parser.parseSingle(sql), List.of(), results);
            return;
        }
        for (StatementText each : statements) {
            run(session, () -> parser.parse(each), List.of(), results);
        }
    }

    /** COM_STMT_PREPARE: parses once, counts the placeholders and reports the columns when known without executing. */
    public PreparedQuery prepare(Session session, String sql)
    {
        requireNonNull(session, "session is null");
        requireNonNull(sql, "sql is null");
        try {
            ParsedStatement parsed = parser.parseSingle(sql);
            executor.analyzer().analyze(parsed.statement(), session);
            List<ResultColumn> columns = List.of();
            if (parsed.statement() instanceof Statement.Query query) {
                List<Object> unbound = Collections.nCopies(parsed.parameterCount(), null);
                var analysis = executor.analyzer().analyzeQuery(query, context(session, unbound));
                if (parsed.parameterCount() == 0) {
                    columns = analysis.columns();
                }
            }
            else if (parsed.statement() instanceof Statement.TableQuery query) {
                List<Object> unbound = Collections.nCopies(parsed.parameterCount(), null);
                columns = executor.tableQueryColumns(query, context(session, unbound));
            }
            return new PreparedQuery(sql, parsed.parameterCount(), columns, parsed);
        }
        catch (QuiverException ex) {
            session.clearWarnings();
            session.addWarning(new Warning(Warning.Level.Error, ex.vendorCode(), ex.getMessage()));
            throw ex;
        }
    }

    /** COM_STMT_EXECUTE: binds the typed parameter values into the evaluation (never by text substitution). */
    public void execute(Session session, PreparedQuery query, List<Object> parameters, Consumer<QueryResult> results)
    {
        requireNonNull(session, "session is null");
        requireNonNull(query, "query is null");
        requireNonNull(parameters, "parameters is null");
        requireNonNull(results, "results is null");
        List<Object> bound = new ArrayList<>(parameters.size());
        for (Object each : parameters) {
            bound.add(parameterValue(each));
        }
        run(session, () -> {
            if (bound.size() != query.parameterCount()) {
                throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "mysqld_stmt_execute");
            }
            return query.statement();
        }, Collections.unmodifiableList(bound), results);
    }

    /** COM_FIELD_LIST: the columns of a table of the current database whose names match the wildcard. */
    public List<ResultColumn> fieldList(Session session, String table, String wildcard)
    {
        requireNonNull(session, "session is null");
        requireNonNull(table, "table is null");
        return executor.fieldList(session, table, wildcard);
    }

    /** COM_INIT_DB. */
    public void useDatabase(Session session, String database)
    {
        requireNonNull(session, "session is null");
        requireNonNull(database, "database is null");
        executor.useDatabase(session, database);
    }

    /** COM_RESET_CONNECTION: variables back to the globals, user variables and transaction state cleared. */
    public void resetSession(Session session)
    {
        requireNonNull(session, "session is null");
        session.reset(globals.sessionDefaults());
    }

    public void closeSession(Session session)
    {
        requireNonNull(session, "session is null");
        sessions.remove(session.connectionId(), session);
    }

    /** The statement source: parsing happens inside {@link #run} so that a parse error is that statement's error. */
    private interface StatementSource
    {
        ParsedStatement parse();
    }

    private void run(Session session, StatementSource source, List<Object> parameters, Consumer<QueryResult> results)
    {
        status.recordQuestion();
        QueryResult result;
        try {
            ParsedStatement parsed = source.parse();
            Statement statement = parsed.statement();
            if (!isDiagnostic(statement)) {
                session.clearWarnings();
            }
            result = executor.execute(statement, context(session, parameters));
            afterStatement(session, statement, result);
        }
        catch (QuiverException ex) {
            session.clearWarnings();
            session.addWarning(new Warning(Warning.Level.Error, ex.vendorCode(), ex.getMessage()));
            throw ex;
        }
        results.accept(result);
    }

    private ExecutionContext context(Session session, List<Object> parameters)
    {
        return new ExecutionContext(session, variables, config.serverVersion(), parameters, Instant.now());
    }

    /** Transaction status and ROW_COUNT() after a statement. */
    private static void afterStatement(Session session, Statement statement, QueryResult result)
    {
        boolean transactionControl = statement instanceof Statement.SetVariables || statement instanceof Statement.SetTransaction
                || statement instanceof Statement.StartTransaction || statement instanceof Statement.Commit
                || statement instanceof Statement.Rollback || statement instanceof Statement.CreateDatabase
                || statement instanceof Statement.DropDatabase;
        if (!session.autocommit() && !transactionControl && !session.inTransaction()) {
            session.beginTransaction();
        }
        switch (result) {
            case RowsResult ignored -> session.setRowCount(-1);
            case UpdateCountResult update -> session.setRowCount(update.affectedRows());
        }
    }

    /** SHOW WARNINGS/ERRORS and {@code SELECT @@warning_count} keep the previous statement's diagnostics. */
    private static boolean isDiagnostic(Statement statement)
    {
        if (statement instanceof Statement.ShowWarnings) {
            return true;
        }
        return statement instanceof Statement.Query query
                && !query.items().isEmpty()
                && query.items().stream().allMatch(each -> each.expression() instanceof Expression.SystemVariableReference variable
                        && (variable.name().equals("warning_count") || variable.name().equals("error_count")));
    }

    /** Normalises a bound parameter to the runtime value types of the evaluator. */
    private static Object parameterValue(Object value)
    {
        return switch (value) {
            case null -> null;
            case Long number -> number;
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case Byte number -> number.longValue();
            case BigInteger number -> number.bitLength() < 64 ? (Object) number.longValueExact() : number;
            case Double number -> number;
            case Float number -> number.doubleValue();
            case BigDecimal number -> number;
            case String text -> text;
            case byte[] bytes -> bytes.clone();
            case Boolean truth -> truth ? 1L : 0L;
            case LocalDate date -> date;
            case LocalDateTime dateTime -> dateTime;
            case Duration duration -> duration;
            default -> throw new IllegalArgumentException("unsupported parameter type " + value.getClass().getName());
        };
    }
}
