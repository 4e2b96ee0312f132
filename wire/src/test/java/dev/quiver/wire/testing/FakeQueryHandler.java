package dev.quiver.wire.testing;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.wire.spi.ColumnDescriptor;
import dev.quiver.wire.spi.ColumnType;
import dev.quiver.wire.spi.ConnectionInfo;
import dev.quiver.wire.spi.HandlerSession;
import dev.quiver.wire.spi.PreparedStatementInfo;
import dev.quiver.wire.spi.QueryHandler;
import dev.quiver.wire.spi.ResultSink;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A scripted handler: exact SQL texts map to scripts; {@code SET ...} answers OK; {@code SELECT @@x [AS y], ...}
 * answers from a table of variables; {@code SELECT 'literal'} echoes the literal; prepared statements echo
 * their parameters as one row typed after the values. Records what it was called with.
 */
public final class FakeQueryHandler
        implements QueryHandler
{
    public static final Map<String, Object> VARIABLES = Map.ofEntries(
            Map.entry("auto_increment_increment", 1L),
            Map.entry("character_set_client", "utf8mb4"),
            Map.entry("character_set_connection", "utf8mb4"),
            Map.entry("character_set_results", "utf8mb4"),
            Map.entry("character_set_server", "utf8mb4"),
            Map.entry("collation_server", "utf8mb4_general_ci"),
            Map.entry("collation_connection", "utf8mb4_general_ci"),
            Map.entry("init_connect", ""),
            Map.entry("interactive_timeout", 28800L),
            Map.entry("license", "GPL"),
            Map.entry("lower_case_table_names", 0L),
            Map.entry("max_allowed_packet", 67108864L),
            Map.entry("net_write_timeout", 60L),
            Map.entry("performance_schema", 0L),
            Map.entry("sql_mode", "STRICT_TRANS_TABLES"),
            Map.entry("system_time_zone", "UTC"),
            Map.entry("time_zone", "SYSTEM"),
            Map.entry("transaction_isolation", "REPEATABLE-READ"),
            Map.entry("tx_isolation", "REPEATABLE-READ"),
            Map.entry("wait_timeout", 28800L),
            Map.entry("autocommit", 1L),
            Map.entry("transaction_read_only", 0L),
            Map.entry("tx_read_only", 0L),
            Map.entry("version_comment", "Quiver"),
            Map.entry("version", "8.0.36-seekdb-v1.4.0.0"));

    private final Map<String, BiConsumer<FakeSession, ResultSink>> scripts = new ConcurrentHashMap<>();
    public final List<String> queries = new CopyOnWriteArrayList<>();
    public final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
    public final List<String> events = new CopyOnWriteArrayList<>();

    public FakeQueryHandler on(String sql, BiConsumer<FakeSession, ResultSink> script)
    {
        scripts.put(sql, script);
        return this;
    }

    /** A session with settable state. */
    public static final class FakeSession
            implements HandlerSession
    {
        public final ConnectionInfo connection;
        public volatile boolean autocommit = true;
        public volatile boolean inTransaction;
        public volatile int warningCount;
        public volatile String database;
        public volatile boolean multiStatements;
        public volatile boolean closed;
        /** What {@link #idleTimeoutSeconds} answers (the session's wait_timeout). */
        public volatile long idleTimeoutSeconds;
        /** The wire layer's close action for KILL CONNECTION, once registered. */
        public volatile Runnable kill;

        FakeSession(ConnectionInfo connection)
        {
            this.connection = connection;
            this.multiStatements = connection.multiStatements();
        }

        @Override
        public boolean autocommit()
        {
            return autocommit;
        }

        @Override
        public boolean inTransaction()
        {
            return inTransaction;
        }

        @Override
        public int warningCount()
        {
            return warningCount;
        }

        @Override
        public String database()
        {
            return database;
        }

        @Override
        public void onKill(Runnable closeConnection)
        {
            kill = closeConnection;
        }

        @Override
        public long idleTimeoutSeconds()
        {
            return idleTimeoutSeconds;
        }
    }

    @Override
    public HandlerSession openSession(ConnectionInfo connection)
    {
        FakeSession result = new FakeSession(connection);
        sessions.add(result);
        return result;
    }

    @Override
    public void query(HandlerSession session, String sql, ResultSink sink)
    {
        queries.add(sql);
        FakeSession fake = (FakeSession) session;
        BiConsumer<FakeSession, ResultSink> script = scripts.get(sql);
        if (script != null) {
            script.accept(fake, sink);
            return;
        }
        String trimmed = sql.strip();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        if (upper.startsWith("SET ") || upper.equals("COMMIT") || upper.equals("ROLLBACK")) {
            sink.ok(0, 0, null);
            return;
        }
        if (upper.startsWith("SELECT '") && trimmed.endsWith("'")) {
            String literal = trimmed.substring(8, trimmed.length() - 1);
            sink.beginResultSet(List.of(varchar("literal")));
            sink.row(new Object[] {literal});
            sink.endResultSet();
            return;
        }
        if (upper.contains("@@")) {
            selectVariables(trimmed, sink);
            return;
        }
        throw new QuiverException(ErrorCode.ER_PARSE_ERROR, trimmed, 1);
    }

    private static void selectVariables(String sql, ResultSink sink)
    {
        String list = sql.substring(sql.toUpperCase(Locale.ROOT).indexOf("SELECT") + 6).strip();
        int limit = list.toUpperCase(Locale.ROOT).indexOf(" LIMIT ");
        if (limit >= 0) {
            list = list.substring(0, limit);
        }
        List<ColumnDescriptor> columns = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (String each : list.split(",")) {
            String item = each.strip();
            String label = item;
            int as = item.toUpperCase(Locale.ROOT).indexOf(" AS ");
            if (as >= 0) {
                label = item.substring(as + 4).strip();
                item = item.substring(0, as).strip();
            }
            String name = item.replaceFirst("(?i)^@@(session\\.|global\\.|local\\.)?", "").toLowerCase(Locale.ROOT);
            if (!VARIABLES.containsKey(name)) {
                throw new QuiverException(ErrorCode.ER_UNKNOWN_SYSTEM_VARIABLE, name);
            }
            Object value = VARIABLES.get(name);
            columns.add(value instanceof Long ? bigint(label) : varchar(label));
            values.add(value);
        }
        sink.beginResultSet(columns);
        sink.row(values.toArray());
        sink.endResultSet();
    }

    @Override
    public void initDatabase(HandlerSession session, String database)
    {
        if (database.equals("missing")) {
            throw new QuiverException(ErrorCode.ER_BAD_DB_ERROR, database);
        }
        ((FakeSession) session).database = database;
        events.add("initDatabase " + database);
    }

    @Override
    public List<ColumnDescriptor> fieldList(HandlerSession session, String table, String wildcard)
    {
        if (!table.equals("t")) {
            throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, "test", table);
        }
        return List.of(
                new ColumnDescriptor("test", "t", "t", "id", "id", ColumnDescriptor.COLLATION_BINARY, 20, ColumnType.LONGLONG,
                        ColumnDescriptor.FLAG_NOT_NULL | ColumnDescriptor.FLAG_PRIMARY_KEY, 0),
                new ColumnDescriptor("test", "t", "t", "name", "name", ColumnDescriptor.COLLATION_UTF8MB4_GENERAL_CI, 256, ColumnType.VAR_STRING, 0, 0));
    }

    @Override
    public PreparedStatementInfo prepare(HandlerSession session, String sql)
    {
        if (sql.contains("syntax error")) {
            throw new QuiverException(ErrorCode.ER_PARSE_ERROR, sql, 1);
        }
        int count = (int) sql.chars().filter(each -> each == '?').count();
        events.add("prepare " + sql);
        List<ColumnDescriptor> columns = sql.contains(" FROM t") ? fieldList(session, "t", "") : List.of();
        return new PreparedStatementInfo(sql, count, columns, sql);
    }

    @Override
    public void execute(HandlerSession session, PreparedStatementInfo statement, List<Object> parameters, ResultSink sink)
    {
        events.add("execute " + statement.sql() + " " + describe(parameters));
        if (!statement.sql().toUpperCase(Locale.ROOT).startsWith("SELECT")) {
            sink.ok(parameters.size(), 0, null);
            return;
        }
        List<ColumnDescriptor> columns = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            columns.add(columnFor("p" + i, parameters.get(i)));
        }
        if (columns.isEmpty()) {
            columns.add(bigint("one"));
            sink.beginResultSet(columns);
            sink.row(new Object[] {1L});
            sink.endResultSet();
            return;
        }
        sink.beginResultSet(columns);
        sink.row(parameters.toArray());
        sink.endResultSet();
    }

    public static String describe(List<Object> parameters)
    {
        List<String> result = new ArrayList<>();
        for (Object each : parameters) {
            result.add(each == null ? "null" : each instanceof byte[] bytes
                    ? "bytes" + java.util.Arrays.toString(bytes)
                    : each.getClass().getSimpleName() + ":" + each);
        }
        return result.toString();
    }

    static ColumnDescriptor columnFor(String name, Object value)
    {
        return switch (value) {
            case null -> ColumnDescriptor.expression(name, ColumnType.VAR_STRING, 45, 255, 0, 0);
            case Long ignored -> bigint(name);
            case BigInteger ignored -> ColumnDescriptor.expression(name, ColumnType.LONGLONG, 63, 20, ColumnDescriptor.FLAG_UNSIGNED, 0);
            case Double ignored -> ColumnDescriptor.expression(name, ColumnType.DOUBLE, 63, 22, 0, 31);
            case Float ignored -> ColumnDescriptor.expression(name, ColumnType.FLOAT, 63, 12, 0, 31);
            case BigDecimal decimal -> ColumnDescriptor.expression(name, ColumnType.NEWDECIMAL, 63, 65, 0, Math.max(0, decimal.scale()));
            case byte[] ignored -> ColumnDescriptor.expression(name, ColumnType.BLOB, 63, 65535, ColumnDescriptor.FLAG_BLOB | ColumnDescriptor.FLAG_BINARY, 0);
            case LocalDate ignored -> ColumnDescriptor.expression(name, ColumnType.DATE, 63, 10, 0, 0);
            case LocalDateTime ignored -> ColumnDescriptor.expression(name, ColumnType.DATETIME, 63, 26, 0, 6);
            case Duration ignored -> ColumnDescriptor.expression(name, ColumnType.TIME, 63, 17, 0, 6);
            default -> varchar(name);
        };
    }

    public static ColumnDescriptor bigint(String name)
    {
        return ColumnDescriptor.expression(name, ColumnType.LONGLONG, ColumnDescriptor.COLLATION_BINARY, 20, 0, 0);
    }

    public static ColumnDescriptor varchar(String name)
    {
        return ColumnDescriptor.expression(name, ColumnType.VAR_STRING, ColumnDescriptor.COLLATION_UTF8MB4_GENERAL_CI, 1024, 0, 0);
    }

    @Override
    public void resetSession(HandlerSession session)
    {
        events.add("resetSession");
    }

    @Override
    public void closeSession(HandlerSession session)
    {
        ((FakeSession) session).closed = true;
        events.add("closeSession");
    }

    @Override
    public void closeStatement(HandlerSession session, PreparedStatementInfo statement)
    {
        events.add("closeStatement " + statement.sql());
    }

    @Override
    public void setMultiStatements(HandlerSession session, boolean enabled)
    {
        ((FakeSession) session).multiStatements = enabled;
        events.add("setMultiStatements " + enabled);
    }
}
