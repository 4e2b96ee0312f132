package dev.quiver.it.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What one statement did, in a form two servers' answers can be compared by: the rows (as the text the
 * driver reads, with column labels), or the update count and info-free affected rows, or the errno.
 */
public record StatementOutcome(List<String> columns, List<List<String>> rows, long updateCount, int errorCode)
{
    public static StatementOutcome of(Connection connection, String sql)
    {
        try (Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return new StatementOutcome(List.of(), List.of(), statement.getLargeUpdateCount(), 0);
            }
            try (ResultSet result = statement.getResultSet()) {
                ResultSetMetaData metaData = result.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= metaData.getColumnCount(); i++) {
                    columns.add(metaData.getColumnLabel(i));
                }
                List<List<String>> rows = new ArrayList<>();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(result.getString(i));
                    }
                    rows.add(row);
                }
                return new StatementOutcome(columns, rows, -1, 0);
            }
        }
        catch (SQLException ex) {
            return new StatementOutcome(List.of(), List.of(), -1, ex.getErrorCode());
        }
    }

    /**
     * Runs each statement on the oracle, then on Quiver, and describes every one whose outcomes differ (empty
     * when they all agree).
     */
    public static List<String> differences(Connection oracle, Connection quiver, List<String> statements)
    {
        List<String> result = new ArrayList<>();
        for (String each : statements) {
            StatementOutcome expected = of(oracle, each);
            StatementOutcome actual = of(quiver, each);
            if (!expected.equals(actual)) {
                result.add(each + "\n    MariaDB: " + expected + "\n    Quiver:  " + actual);
            }
        }
        return result;
    }

    /**
     * Connects as root to the oracle and to Quiver through {@code jdbc:<driver>://127.0.0.1:<port>/<options>}, runs
     * {@code setup} on each, gives each a fresh database named {@code database}, and returns the {@link #differences}
     * of {@code statements} run there; the databases are dropped afterwards.
     */
    public static List<String> differencesInFreshDatabase(String driver, String options, int oraclePort, int quiverPort,
            String database, List<String> setup, List<String> statements)
            throws SQLException
    {
        try (Connection oracle = DriverManager.getConnection("jdbc:" + driver + "://127.0.0.1:" + oraclePort + "/" + options, "root", "");
                Connection quiver = DriverManager.getConnection("jdbc:" + driver + "://127.0.0.1:" + quiverPort + "/" + options, "root", "")) {
            for (Connection each : List.of(oracle, quiver)) {
                for (String statement : setup) {
                    of(each, statement);
                }
                of(each, "DROP DATABASE IF EXISTS " + database);
                of(each, "CREATE DATABASE " + database);
                of(each, "USE " + database);
            }
            List<String> differences = differences(oracle, quiver, statements);
            for (Connection each : List.of(oracle, quiver)) {
                of(each, "DROP DATABASE IF EXISTS " + database);
            }
            return differences;
        }
    }

    @Override
    public String toString()
    {
        if (errorCode != 0) {
            return "error " + errorCode;
        }
        if (updateCount >= 0) {
            return "update count " + updateCount;
        }
        return columns + " " + rows;
    }
}
