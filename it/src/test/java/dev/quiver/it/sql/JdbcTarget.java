package dev.quiver.it.sql;

import dev.quiver.sql.testing.ScriptOutcome;
import dev.quiver.sql.testing.ScriptTarget;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs script statements over real TCP through MariaDB Connector/J's text protocol, so the values are the
 * text the server sent. One target is one connection (one session).
 */
final class JdbcTarget
        implements ScriptTarget
{
    private final Connection connection;

    JdbcTarget(int port)
    {
        try {
            this.connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/?allowMultiQueries=true", "root", "");
        }
        catch (SQLException ex) {
            throw new IllegalStateException("cannot connect to the testing server", ex);
        }
    }

    @Override
    public List<ScriptOutcome> execute(String sql)
    {
        List<ScriptOutcome> result = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            boolean isResultSet = statement.execute(sql);
            while (true) {
                if (isResultSet) {
                    try (ResultSet rows = statement.getResultSet()) {
                        result.add(rows(rows));
                    }
                }
                else {
                    long count = statement.getLargeUpdateCount();
                    if (count == -1) {
                        break;
                    }
                    result.add(new ScriptOutcome.UpdateCount(count));
                }
                isResultSet = statement.getMoreResults();
            }
        }
        catch (SQLException ex) {
            result.add(new ScriptOutcome.Error(ex.getErrorCode(), serverMessage(ex)));
        }
        return result;
    }

    private static ScriptOutcome rows(ResultSet rows)
            throws SQLException
    {
        ResultSetMetaData metaData = rows.getMetaData();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= metaData.getColumnCount(); i++) {
            labels.add(metaData.getColumnLabel(i));
        }
        List<List<String>> values = new ArrayList<>();
        while (rows.next()) {
            List<String> row = new ArrayList<>();
            for (int i = 1; i <= labels.size(); i++) {
                row.add(rows.getString(i));
            }
            values.add(row);
        }
        return new ScriptOutcome.Rows(labels, values);
    }

    /** MariaDB Connector/J prefixes the server's text with its own context; scripts expect the server's words. */
    private static String serverMessage(SQLException ex)
    {
        String message = ex.getMessage();
        int marker = message.indexOf(") ");
        if (message.startsWith("(conn=") && marker > 0) {
            return message.substring(marker + 2);
        }
        return message;
    }

    @Override
    public void close()
    {
        try {
            connection.close();
        }
        catch (SQLException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
