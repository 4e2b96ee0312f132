package dev.quiver.client;

import dev.quiver.client.internal.MySqlTextRenderer;
import dev.quiver.client.internal.SqlStatement;

import javax.sql.DataSource;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * A hand-written fake of the JDBC interfaces the client uses (no mocking library): a {@link DataSource}
 * whose connections record every statement with its bound parameters and answer from scripted rules.
 * Unscripted queries ({@code SELECT}, {@code SHOW}, {@code DESCRIBE}) return no rows; other statements
 * succeed with an update count of 0.
 */
final class FakeDatabase
        implements DataSource
{
    /** A statement as received: SQL text and the parameters bound by the client. */
    record Executed(String sql, List<Object> parameters, int connection)
    {
        /** The text a client-side prepared statement sends (mysql2 escaping). */
        String rendered()
        {
            return MySqlTextRenderer.render(new SqlStatement(sql, parameters));
        }
    }

    /** What the fake answers. */
    sealed interface Response {}

    record Rows(List<String> columns, List<List<Object>> rows)
            implements Response {}

    record UpdateCount(long count)
            implements Response {}

    record Failure(SQLException exception)
            implements Response {}

    private record Rule(Predicate<Executed> matches, Function<Executed, Response> response) {}

    private final List<Rule> rules = new ArrayList<>();
    private final List<Executed> executed = Collections.synchronizedList(new ArrayList<>());
    private final List<String> logins = Collections.synchronizedList(new ArrayList<>());
    private int openConnections;
    private int connectionsOpened;

    @SafeVarargs
    @SuppressWarnings("varargs")
    static Rows rows(List<String> columns, List<Object>... rows)
    {
        return new Rows(columns, Arrays.asList(rows));
    }

    static Failure error(int errorCode, String sqlState, String message)
    {
        return new Failure(new SQLException(message, sqlState, errorCode));
    }

    /** Answers statements whose SQL (whitespace-collapsed) contains {@code fragment}; later rules win. */
    FakeDatabase on(String fragment, Response response)
    {
        return on(statement -> normalized(statement.sql()).contains(normalized(fragment)), ignored -> response);
    }

    FakeDatabase on(Predicate<Executed> matches, Function<Executed, Response> response)
    {
        rules.addFirst(new Rule(matches, response));
        return this;
    }

    /** Every statement received so far. */
    List<Executed> executed()
    {
        return List.copyOf(executed);
    }

    /** The rendered text of every statement received so far. */
    List<String> renderedStatements()
    {
        return executed().stream().map(Executed::rendered).toList();
    }

    /** Forgets the statements received so far. */
    void clearExecuted()
    {
        executed.clear();
    }

    List<String> logins()
    {
        return List.copyOf(logins);
    }

    synchronized int openConnections()
    {
        return openConnections;
    }

    synchronized int connectionsOpened()
    {
        return connectionsOpened;
    }

    private static String normalized(String sql)
    {
        return sql.strip().replaceAll("\\s+", " ");
    }

    private Response respond(Executed statement)
    {
        executed.add(statement);
        for (Rule rule : rules) {
            if (rule.matches().test(statement)) {
                return rule.response().apply(statement);
            }
        }
        String start = statement.sql().strip().toUpperCase(Locale.ROOT);
        if (start.startsWith("SELECT") || start.startsWith("SHOW") || start.startsWith("DESCRIBE")) {
            return new Rows(List.of(), List.of());
        }
        return new UpdateCount(0);
    }

    // ---- DataSource ----------------------------------------------------------------------------

    @Override
    public Connection getConnection()
    {
        return getConnection("<data source default>", null);
    }

    @Override
    public synchronized Connection getConnection(String username, String password)
    {
        logins.add(username);
        openConnections++;
        connectionsOpened++;
        return proxy(Connection.class, new FakeConnection(connectionsOpened));
    }

    @Override
    public PrintWriter getLogWriter()
    {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout()
    {
        return 0;
    }

    @Override
    public Logger getParentLogger()
            throws SQLFeatureNotSupportedException
    {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type)
            throws SQLException
    {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type)
    {
        return false;
    }

    // ---- proxies -------------------------------------------------------------------------------

    private static <T> T proxy(Class<T> type, InvocationHandler handler)
    {
        return type.cast(Proxy.newProxyInstance(FakeDatabase.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static UnsupportedOperationException unsupported(Method method)
    {
        return new UnsupportedOperationException("FakeDatabase does not implement " + method.getName());
    }

    private final class FakeConnection
            implements InvocationHandler
    {
        private final int number;
        private boolean closed;

        FakeConnection(int number)
        {
            this.number = number;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments)
        {
            return switch (method.getName()) {
                case "prepareStatement" -> proxy(PreparedStatement.class, new FakeStatement(number, (String) arguments[0]));
                case "createStatement" -> proxy(Statement.class, new FakeStatement(number, null));
                case "isClosed" -> closed;
                case "isValid" -> !closed;
                case "getAutoCommit" -> true;
                case "close" -> {
                    if (!closed) {
                        closed = true;
                        synchronized (FakeDatabase.this) {
                            openConnections--;
                        }
                    }
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == arguments[0];
                case "toString" -> "FakeConnection";
                default -> throw unsupported(method);
            };
        }
    }

    private final class FakeStatement
            implements InvocationHandler
    {
        private final int connection;
        private final String sql;
        private final Map<Integer, Object> parameters = new TreeMap<>();
        private long updateCount = -1;

        FakeStatement(int connection, String sql)
        {
            this.connection = connection;
            this.sql = sql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments)
                throws SQLException
        {
            return switch (method.getName()) {
                case "setString", "setLong", "setDouble", "setBoolean", "setBigDecimal" -> bind((Integer) arguments[0], arguments[1]);
                case "setNull" -> bind((Integer) arguments[0], null);
                case "executeQuery" -> query(arguments == null ? sql : (String) arguments[0]);
                case "execute" -> execute(arguments == null ? sql : (String) arguments[0]);
                case "executeUpdate" -> {
                    execute(arguments == null ? sql : (String) arguments[0]);
                    yield (int) Math.max(0, updateCount);
                }
                case "getUpdateCount" -> (int) updateCount;
                case "close" -> null;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == arguments[0];
                case "toString" -> "FakeStatement[" + sql + "]";
                default -> throw unsupported(method);
            };
        }

        private Object bind(int position, Object value)
        {
            parameters.put(position, value);
            return null;
        }

        private Executed executed(String text)
        {
            List<Object> bound = new ArrayList<>();
            for (int position = 1; position <= parameters.size(); position++) {
                if (!parameters.containsKey(position)) {
                    throw new IllegalStateException("parameter " + position + " not bound in " + text);
                }
                bound.add(parameters.get(position));
            }
            return new Executed(text, bound, connection);
        }

        private ResultSet query(String text)
                throws SQLException
        {
            Response response = respond(executed(text));
            return switch (response) {
                case Rows rows -> proxy(ResultSet.class, new FakeResultSet(rows));
                case Failure failure -> throw failure.exception();
                case UpdateCount ignored -> throw new SQLException("statement returned no result set: " + text);
            };
        }

        private boolean execute(String text)
                throws SQLException
        {
            Response response = respond(executed(text));
            return switch (response) {
                case Rows ignored -> {
                    updateCount = -1;
                    yield true;
                }
                case UpdateCount count -> {
                    updateCount = count.count();
                    yield false;
                }
                case Failure failure -> throw failure.exception();
            };
        }
    }

    /** An in-memory {@link ResultSet} over rows, reading by label or 1-based index. */
    static final class FakeResultSet
            implements InvocationHandler
    {
        private final Rows rows;
        private int position = -1;
        private boolean lastWasNull;

        FakeResultSet(Rows rows)
        {
            this.rows = rows;
        }

        static ResultSet of(Rows rows)
        {
            return proxy(ResultSet.class, new FakeResultSet(rows));
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] arguments)
                throws SQLException
        {
            return switch (method.getName()) {
                case "next" -> ++position < rows.rows().size();
                case "getString" -> {
                    Object value = value(arguments[0]);
                    yield value == null ? null : value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
                }
                case "getBytes" -> {
                    Object value = value(arguments[0]);
                    yield value == null ? null : value instanceof byte[] bytes ? bytes : value.toString().getBytes(StandardCharsets.UTF_8);
                }
                case "getLong" -> {
                    Object value = value(arguments[0]);
                    yield value == null ? 0L : ((Number) value).longValue();
                }
                case "getDouble" -> {
                    Object value = value(arguments[0]);
                    yield value == null ? 0.0 : ((Number) value).doubleValue();
                }
                case "wasNull" -> lastWasNull;
                case "getMetaData" -> proxy(ResultSetMetaData.class, (metaProxy, metaMethod, metaArguments) -> switch (metaMethod.getName()) {
                    case "getColumnCount" -> rows.columns().size();
                    case "getColumnLabel", "getColumnName" -> rows.columns().get((Integer) metaArguments[0] - 1);
                    default -> throw unsupported(metaMethod);
                });
                case "close" -> null;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == arguments[0];
                case "toString" -> "FakeResultSet" + rows;
                default -> throw unsupported(method);
            };
        }

        private Object value(Object column)
                throws SQLException
        {
            if (position < 0 || position >= rows.rows().size()) {
                throw new SQLException("not on a row");
            }
            int index = column instanceof Integer number ? number - 1 : rows.columns().indexOf((String) column);
            if (index < 0 || index >= rows.columns().size()) {
                throw new SQLException("Unknown column " + column + " in " + rows.columns(), "S0022");
            }
            Object result = rows.rows().get(position).get(index);
            lastWasNull = result == null;
            return result;
        }
    }
}
