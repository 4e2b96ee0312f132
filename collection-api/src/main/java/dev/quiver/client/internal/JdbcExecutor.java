package dev.quiver.client.internal;

import dev.quiver.client.ClientException;
import dev.quiver.client.ConnectionException;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Runs {@link SqlStatement}s on pooled connections: binds every parameter with the JDBC setter for its
 * type, maps results, and turns every {@link SQLException} into a typed {@link ClientException}
 * (keeping errno and SQLSTATE). Statements run with auto-commit, one statement per server round
 * trip, like the seekdb SDKs. A connection that failed with a connection error is discarded.
 */
public final class JdbcExecutor
        implements AutoCloseable
{
    /** Reads a whole result set into a value. */
    @FunctionalInterface
    public interface ResultSetMapper<T>
    {
        T map(ResultSet resultSet)
                throws SQLException;
    }

    /** Several statements on one connection (needed where a user variable links them). */
    public interface Session
    {
        <T> T query(String action, SqlStatement statement, ResultSetMapper<T> mapper);

        /** Runs a statement that returns no rows; the update count (0 for DDL, SET, CALL). */
        long update(String action, SqlStatement statement);

        /** Runs SQL text received from the server (hybrid search) as is, without parameters. */
        <T> T queryText(String action, String sql, ResultSetMapper<T> mapper);
    }

    @FunctionalInterface
    public interface SessionWork<T>
    {
        T run(Session session);
    }

    private final ConnectionPool pool;

    public JdbcExecutor(ConnectionPool pool)
    {
        this.pool = requireNonNull(pool, "pool is null");
    }

    public <T> T query(String action, SqlStatement statement, ResultSetMapper<T> mapper)
    {
        return inSession(session -> session.query(action, statement, mapper));
    }

    public long update(String action, SqlStatement statement)
    {
        return inSession(session -> session.update(action, statement));
    }

    /** Runs {@code work} on one pooled connection, returned to the pool afterwards. */
    public <T> T inSession(SessionWork<T> work)
    {
        Connection connection;
        try {
            connection = pool.acquire();
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("connect", ex);
        }
        boolean broken = true;
        try {
            T result = work.run(new ConnectionSession(connection));
            broken = false;
            return result;
        }
        catch (ClientException ex) {
            broken = ex instanceof ConnectionException;
            throw ex;
        }
        finally {
            pool.release(connection, broken);
        }
    }

    @Override
    public void close()
    {
        pool.close();
    }

    private record ConnectionSession(Connection connection)
            implements Session
    {
        @Override
        public <T> T query(String action, SqlStatement statement, ResultSetMapper<T> mapper)
        {
            try (PreparedStatement prepared = prepare(statement); ResultSet resultSet = prepared.executeQuery()) {
                return mapper.map(resultSet);
            }
            catch (SQLException ex) {
                throw SqlErrors.translate(action, ex);
            }
        }

        @Override
        public long update(String action, SqlStatement statement)
        {
            try (PreparedStatement prepared = prepare(statement)) {
                if (prepared.execute()) {
                    return 0;
                }
                return Math.max(0, prepared.getUpdateCount());
            }
            catch (SQLException ex) {
                throw SqlErrors.translate(action, ex);
            }
        }

        @Override
        public <T> T queryText(String action, String sql, ResultSetMapper<T> mapper)
        {
            try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
                return mapper.map(resultSet);
            }
            catch (SQLException ex) {
                throw SqlErrors.translate(action, ex);
            }
        }

        private PreparedStatement prepare(SqlStatement statement)
                throws SQLException
        {
            PreparedStatement result = connection.prepareStatement(statement.sql());
            try {
                bind(result, statement.parameters());
                return result;
            }
            catch (SQLException | RuntimeException ex) {
                result.close();
                throw ex;
            }
        }
    }

    static void bind(PreparedStatement statement, List<Object> parameters)
            throws SQLException
    {
        for (int index = 0; index < parameters.size(); index++) {
            int position = index + 1;
            switch (parameters.get(index)) {
                case null -> statement.setNull(position, Types.VARCHAR);
                case String text -> statement.setString(position, text);
                case Boolean bool -> statement.setBoolean(position, bool);
                case Long number -> statement.setLong(position, number);
                case Double number -> statement.setDouble(position, number);
                case BigDecimal number -> statement.setBigDecimal(position, number);
                case Object other -> throw new IllegalArgumentException("unsupported parameter type: " + other.getClass().getName());
            }
        }
    }
}
