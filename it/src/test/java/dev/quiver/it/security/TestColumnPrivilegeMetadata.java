package dev.quiver.it.security;

import dev.quiver.it.testing.TestingMariaDb;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table metadata for a user holding only some privileges (column-level ones above all), on Quiver and MariaDB side by
 * side: DESCRIBE, SHOW [FULL] COLUMNS and information_schema.COLUMNS list exactly the columns the user holds a column
 * privilege on (SELECT, INSERT, UPDATE, REFERENCES; any of them at table level shows every column), with those
 * privileges in the Privileges column, and need some privilege on the table or one of its columns, else 1142 for
 * SELECT; SHOW CREATE TABLE needs a privilege on the table itself (column grants are not enough: 1142 for SHOW, as in
 * MySQL 8's and MariaDB's sql_parse.cc) and shows the whole table. SHOW INDEX needs what SHOW COLUMNS needs; there MySQL
 * 8 and MariaDB differ (see the test), and Quiver follows MySQL 8.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestColumnPrivilegeMetadata
{
    private static final String USER = "cm_u";
    private static final String PASSWORD = "cm-pw";
    private static final String TO = " TO '" + USER + "'@'localhost'";

    /** Each statement and how its answer is written down (the result columns compared). */
    private static final Map<String, List<String>> STATEMENTS = Map.of(
            "DESCRIBE cm.t", List.of("Field", "Key"),
            "SHOW COLUMNS FROM cm.t", List.of("Field", "Null"),
            "SHOW FULL COLUMNS FROM cm.t", List.of("Field", "Privileges"),
            "SELECT COLUMN_NAME, PRIVILEGES FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'cm' AND TABLE_NAME = 't' ORDER BY ORDINAL_POSITION",
            List.of("COLUMN_NAME", "PRIVILEGES"),
            "SHOW CREATE TABLE cm.t", List.of("Table"),
            "SHOW INDEX FROM cm.t", List.of("Key_name", "Column_name"));

    /** The grant sets tried; the user also holds SELECT on cm.other so that it may use the database. */
    private static final List<List<String>> GRANTS = List.of(
            List.of("GRANT SELECT (a) ON cm.t" + TO),
            List.of("GRANT SELECT (a), INSERT (b), UPDATE (a, c) ON cm.t" + TO),
            List.of("GRANT INSERT (id) ON cm.t" + TO),
            List.of("GRANT SELECT ON cm.t" + TO),
            List.of("GRANT UPDATE ON cm.t" + TO, "GRANT SELECT (b) ON cm.t" + TO),
            List.of("GRANT SELECT ON cm.*" + TO),
            List.of());

    private TestingServer quiver;
    private TestingMariaDb mariaDb;
    private Connection quiverRoot;
    private Connection mariaDbRoot;

    @BeforeAll
    void start()
            throws SQLException
    {
        quiver = TestingServer.start();
        mariaDb = TestingMariaDb.start();
        quiverRoot = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + quiver.port() + "/", "root", "");
        mariaDbRoot = mariaDb.connect("");
        for (Connection each : List.of(quiverRoot, mariaDbRoot)) {
            run(each, "CREATE DATABASE cm");
            run(each, "CREATE TABLE cm.t (id INT PRIMARY KEY, a INT, b INT, c INT, INDEX ib (b))");
            run(each, "CREATE TABLE cm.other (id INT PRIMARY KEY)");
        }
    }

    @AfterAll
    void stop()
            throws SQLException
    {
        quiverRoot.close();
        mariaDbRoot.close();
        mariaDb.close();
        quiver.close();
    }

    record Case(List<String> grants, String sql)
    {
        @Override
        public String toString()
        {
            return sql + " with " + grants;
        }
    }

    static Stream<Case> cases()
    {
        List<Case> cases = new ArrayList<>();
        for (List<String> grants : GRANTS) {
            for (String sql : STATEMENTS.keySet().stream().sorted().toList()) {
                cases.add(new Case(grants, sql));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void testMetadataShowsWhatTheUserMaySee(Case test)
            throws SQLException
    {
        String oracle = attempt(mariaDb.port(), mariaDbRoot, test);
        String actual = attempt(quiver.port(), quiverRoot, test);
        String expected = oracle;
        if (test.sql().startsWith("SHOW INDEX") && oracle.startsWith("[")) {
            // MySQL 8 differs: its STATISTICS view (behind SHOW INDEX) filters by CAN_ACCESS_TABLE only, so every index
            // shows once the table may be seen; MariaDB hides the index columns the user holds no privilege on
            expected = "[PRIMARY:id, ib:b]";
        }
        assertThat(actual).as("%s (MariaDB: %s)", test, oracle).isEqualTo(expected);
    }

    private static String attempt(int port, Connection root, Case test)
            throws SQLException
    {
        run(root, "DROP USER IF EXISTS '" + USER + "'@'localhost'");
        run(root, "CREATE USER '" + USER + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "'");
        run(root, "GRANT SELECT ON cm.other" + TO);
        for (String each : test.grants()) {
            run(root, each);
        }
        List<String> columns = STATEMENTS.get(test.sql());
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", USER, PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(test.sql())) {
            List<String> result = new ArrayList<>();
            while (rows.next()) {
                List<String> row = new ArrayList<>();
                for (String column : columns) {
                    row.add(rows.getString(column));
                }
                result.add(String.join(":", row));
            }
            return result.toString();
        }
        catch (SQLException ex) {
            return ex.getErrorCode() + " " + ex.getMessage().replaceFirst("^\\(conn=\\d+\\) ", "").replaceAll("`cm`\\.`(\\w+)`", "'$1'");
        }
    }

    private static void run(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
