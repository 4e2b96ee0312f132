package dev.quiver.it.testing;

import java.sql.Connection;
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
