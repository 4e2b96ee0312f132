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
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privilege matrix of issue 7: for each statement family, every combination of its relevant privileges, each
 * held not at all, on the table or on the database, is tried as a user holding exactly that combination, on Quiver
 * and on MariaDB side by side. Allowed or denied, the errno and the message (MariaDB's {@code `db`.`t`} written as
 * MySQL 8's bare {@code 't'}) must agree; after a denial Quiver's table must be unchanged. Where MySQL 8 and MariaDB
 * differ the case says so and Quiver follows MySQL 8.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestPrivilegeMatrix
{
    private static final String USER = "pm_u";
    private static final String PASSWORD = "pm-pw";
    private static final String SELECT_ON_T = "GRANT SELECT ON pm.t TO '" + USER + "'@'localhost'";
    private static final List<String> RESET = List.of(
            "DROP TABLE IF EXISTS pm.t, pm.t2, pm.t3",
            "CREATE TABLE pm.t (id INT PRIMARY KEY, a INT, b INT, INDEX ib (b))",
            "INSERT INTO pm.t VALUES (1, 1, 1), (2, 2, 2)");

    /** Where a privilege is held. */
    enum Level
    {
        NONE, TABLE, DATABASE
    }

    /** A privilege a case needs, on {@code table} when granted at table level. */
    record Need(String privilege, String table, boolean tableLevel)
    {
        static Need on(String privilege, String table)
        {
            return new Need(privilege, table, true);
        }

        static Need databaseOnly(String privilege)
        {
            return new Need(privilege, "t", false);
        }
    }

    /**
     * One statement family: Quiver's SQL, the SQL MariaDB runs for it (the same unless noted), its privileges, and
     * grants MariaDB gets on top of the combination where it asks for more than MySQL 8 does.
     */
    record Case(String name, String quiverSql, String mariaDbSql, List<Need> needs, List<String> mariaDbExtraGrants)
    {
        static Case of(String name, String sql, Need... needs)
        {
            return new Case(name, sql, sql, List.of(needs), List.of());
        }

        @Override
        public String toString()
        {
            return name;
        }
    }

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
            run(each, "CREATE DATABASE pm");
            run(each, "CREATE TABLE pm.src (id INT PRIMARY KEY, a INT, b INT)");
            run(each, "INSERT INTO pm.src VALUES (1, 10, 10), (3, 30, 30)");
            for (String statement : RESET) {
                run(each, statement);
            }
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

    static Stream<Case> cases()
    {
        Need insert = Need.on("INSERT", "t");
        Need update = Need.on("UPDATE", "t");
        Need delete = Need.on("DELETE", "t");
        Need select = Need.on("SELECT", "t");
        Need selectSource = Need.on("SELECT", "src");
        return Stream.of(
                Case.of("INSERT", "INSERT INTO pm.t (id, a, b) VALUES (10, 1, 1)", insert, select),
                Case.of("INSERT without a column list", "INSERT INTO pm.t VALUES (10, 1, 1)", insert, select),
                Case.of("INSERT ... SET", "INSERT INTO pm.t SET id = 10, a = 1", insert, select),
                Case.of("INSERT IGNORE", "INSERT IGNORE INTO pm.t (id, a, b) VALUES (1, 1, 1)", insert, select),
                Case.of("ODKU VALUES() reading a column", "INSERT INTO pm.t (id, a, b) VALUES (1, 5, 5) ON DUPLICATE KEY UPDATE a = a + VALUES(a)",
                        insert, update, select),
                Case.of("ODKU VALUES() reading nothing", "INSERT INTO pm.t (id, a, b) VALUES (1, 5, 5) ON DUPLICATE KEY UPDATE a = VALUES(a)",
                        insert, update, select),
                // MySQL 8 resolves the ODKU targets with UPDATE only (Sql_cmd_insert_base::prepare_inner) and the values with
                // SELECT; MariaDB also asks SELECT on the targets, so its oracle run gets SELECT on the table on top
                new Case("ODKU constant (MariaDB asks SELECT on the target; MySQL 8 does not)",
                        "INSERT INTO pm.t (id, a, b) VALUES (1, 5, 5) ON DUPLICATE KEY UPDATE b = 7",
                        "INSERT INTO pm.t (id, a, b) VALUES (1, 5, 5) ON DUPLICATE KEY UPDATE b = 7", List.of(insert, update, select), List.of(SELECT_ON_T)),
                // MySQL 8 only: MariaDB 10.11 has no row alias, so it runs the VALUES() spelling with the same meaning
                new Case("ODKU row alias (MySQL 8 only; MariaDB runs VALUES())",
                        "INSERT INTO pm.t (id, a, b) VALUES (1, 5, 5) AS new ON DUPLICATE KEY UPDATE a = a + new.a",
                        "INSERT INTO pm.t (id, a, b) VALUES (1, 5, 5) ON DUPLICATE KEY UPDATE a = a + VALUES(a)", List.of(insert, update, select), List.of()),
                // a row-alias column is the checked insert column, not a read of the table (MySQL 8 resolves it after the
                // insert columns); VALUES(a) resolves a under SELECT, so MariaDB's run of that spelling gets SELECT on top
                new Case("ODKU row alias reading nothing (MySQL 8 only; MariaDB runs VALUES() with SELECT)",
                        "INSERT INTO pm.t (id, a, b) VALUES (1, 5, 5) AS new ON DUPLICATE KEY UPDATE a = new.a",
                        "INSERT INTO pm.t (id, a, b) VALUES (1, 5, 5) ON DUPLICATE KEY UPDATE a = VALUES(a)", List.of(insert, update, select), List.of(SELECT_ON_T)),
                Case.of("REPLACE VALUES", "REPLACE INTO pm.t (id, a, b) VALUES (1, 7, 7)", insert, delete, select),
                Case.of("REPLACE SET", "REPLACE INTO pm.t SET id = 1, a = 8, b = 8", insert, delete, select),
                Case.of("REPLACE SELECT", "REPLACE INTO pm.t (id, a, b) SELECT id, a, b FROM pm.src WHERE id = 1", insert, delete, selectSource),
                Case.of("INSERT SELECT", "INSERT INTO pm.t (id, a, b) SELECT id, a, b FROM pm.src WHERE id = 3", insert, selectSource),
                Case.of("UPDATE reading columns", "UPDATE pm.t SET a = a + 1 WHERE id = 1", update, select),
                Case.of("UPDATE reading nothing", "UPDATE pm.t SET a = 1", update, select),
                Case.of("DELETE with WHERE", "DELETE FROM pm.t WHERE id = 2", delete, select),
                Case.of("DELETE all", "DELETE FROM pm.t", delete, select),
                Case.of("SELECT", "SELECT a FROM pm.t WHERE id = 1", select),
                Case.of("SELECT *", "SELECT * FROM pm.t", select),
                Case.of("CREATE TABLE", "CREATE TABLE pm.t2 (id INT PRIMARY KEY)", Need.on("CREATE", "t2")),
                Case.of("DROP TABLE", "DROP TABLE pm.t", Need.on("DROP", "t")),
                Case.of("TRUNCATE TABLE", "TRUNCATE TABLE pm.t", Need.on("DROP", "t")),
                Case.of("ALTER TABLE", "ALTER TABLE pm.t ADD COLUMN c INT", Need.on("ALTER", "t"), Need.on("CREATE", "t"), insert),
                Case.of("CREATE INDEX", "CREATE INDEX ia ON pm.t (a)", Need.on("INDEX", "t")),
                Case.of("DROP INDEX", "DROP INDEX ib ON pm.t", Need.on("INDEX", "t")),
                Case.of("RENAME TABLE", "RENAME TABLE pm.t TO pm.t3", Need.databaseOnly("ALTER"), Need.databaseOnly("DROP"), Need.databaseOnly("CREATE"),
                        Need.databaseOnly("INSERT")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void testEveryCombination(Case test)
            throws SQLException
    {
        List<String> differences = new ArrayList<>();
        List<Level[]> combinations = combinations(test.needs());
        String baseline = tableState(quiverRoot);
        for (Level[] levels : combinations) {
            List<String> grants = grants(test.needs(), levels);
            List<String> oracleGrants = new ArrayList<>(grants);
            oracleGrants.addAll(test.mariaDbExtraGrants());
            String expected = attempt(mariaDb.port(), mariaDbRoot, oracleGrants, test.mariaDbSql());
            String actual = attempt(quiver.port(), quiverRoot, grants, test.quiverSql());
            if (!expected.equals(actual)) {
                differences.add(grants + "\n    MariaDB: " + expected + "\n    Quiver:  " + actual);
            }
            if (actual.equals("OK")) {
                reset();
            }
            else {
                assertThat(tableState(quiverRoot)).as("nothing of a denied statement runs: %s with %s", test.quiverSql(), grants).isEqualTo(baseline);
            }
            if (expected.equals("OK") && !actual.equals("OK")) {
                reset();
            }
        }
        assertThat(differences).as("%s: %d combinations", test.name(), combinations.size()).isEmpty();
    }

    /**
     * A statement tried as a user holding exactly these column-level grants. {@code mysql8} is set where MySQL 8
     * answers differently from MariaDB: then MariaDB's answer must be {@code mariaDb} and Quiver's {@code mysql8}.
     */
    record ColumnCase(List<String> grants, String sql, Optional<String> mariaDb, Optional<String> mysql8)
    {
        static ColumnCase of(String sql, String... grants)
        {
            return new ColumnCase(List.of(grants), sql, Optional.empty(), Optional.empty());
        }

        /**
         * MySQL 8 checks ODKU insert columns for INSERT only (check_insert_fields) and ODKU targets for UPDATE only
         * (prepare_inner); MariaDB also wants UPDATE on the insert columns and SELECT on the targets.
         */
        ColumnCase differs(String mariaDbAnswer, String mysql8Answer)
        {
            return new ColumnCase(grants, sql, Optional.of(mariaDbAnswer), Optional.of(mysql8Answer));
        }

        @Override
        public String toString()
        {
            return sql + " with " + grants;
        }
    }

    static Stream<ColumnCase> columnCases()
    {
        String u = " TO '" + USER + "'@'localhost'";
        String updateOnId = "1143 UPDATE command denied to user 'pm_u'@'localhost' for column 'id' in table 't'";
        return Stream.of(
                ColumnCase.of("INSERT INTO pm.t (id, a) VALUES (10, 1)", "GRANT INSERT (id, a) ON pm.t" + u),
                ColumnCase.of("INSERT INTO pm.t (id, b) VALUES (10, 1)", "GRANT INSERT (id, a) ON pm.t" + u),
                ColumnCase.of("INSERT INTO pm.t VALUES (10, 1, 1)", "GRANT INSERT (id, a) ON pm.t" + u),
                ColumnCase.of("INSERT INTO pm.t VALUES (10, 1, 1)", "GRANT INSERT (id, a, b) ON pm.t" + u),
                ColumnCase.of("INSERT INTO pm.t (id, a) VALUES (1, 1) ON DUPLICATE KEY UPDATE a = 3", "GRANT INSERT (id, a), UPDATE (a) ON pm.t" + u)
                        .differs(updateOnId, "OK"),
                ColumnCase.of("INSERT INTO pm.t (id, a) VALUES (1, 1) ON DUPLICATE KEY UPDATE a = 3", "GRANT INSERT (id, a), UPDATE (b) ON pm.t" + u)
                        .differs(updateOnId, "1143 UPDATE command denied to user 'pm_u'@'localhost' for column 'a' in table 't'"),
                ColumnCase.of("INSERT INTO pm.t (id, a) VALUES (1, 1) ON DUPLICATE KEY UPDATE a = 3", "GRANT INSERT, UPDATE (id, a) ON pm.t" + u)
                        .differs("1143 SELECT command denied to user 'pm_u'@'localhost' for column 'a' in table 't'", "OK"),
                ColumnCase.of("INSERT INTO pm.t (id, a) VALUES (1, 1) ON DUPLICATE KEY UPDATE a = a + 1", "GRANT INSERT, UPDATE (a), SELECT (a) ON pm.t" + u)
                        .differs(updateOnId, "OK"),
                ColumnCase.of("INSERT INTO pm.t (id, a) VALUES (1, 1) ON DUPLICATE KEY UPDATE a = a + 1", "GRANT INSERT, UPDATE (a), SELECT (b) ON pm.t" + u)
                        .differs(updateOnId, "1143 SELECT command denied to user 'pm_u'@'localhost' for column 'a' in table 't'"),
                ColumnCase.of("INSERT INTO pm.t (id, a) VALUES (1, 1) ON DUPLICATE KEY UPDATE a = a + 1", "GRANT INSERT, UPDATE (id, a), SELECT (a) ON pm.t" + u),
                ColumnCase.of("REPLACE INTO pm.t (id, a) VALUES (1, 1)", "GRANT INSERT, DELETE ON pm.t" + u),
                ColumnCase.of("UPDATE pm.t SET a = 5 WHERE id = 1", "GRANT UPDATE (a), SELECT (id) ON pm.t" + u),
                ColumnCase.of("UPDATE pm.t SET b = 5 WHERE id = 1", "GRANT UPDATE (a), SELECT (id) ON pm.t" + u),
                ColumnCase.of("UPDATE pm.t SET a = b WHERE id = 1", "GRANT UPDATE (a), SELECT (id) ON pm.t" + u),
                ColumnCase.of("UPDATE pm.t SET a = 5", "GRANT UPDATE (a) ON pm.t" + u),
                ColumnCase.of("DELETE FROM pm.t WHERE a = 1", "GRANT DELETE, SELECT (a) ON pm.t" + u),
                ColumnCase.of("DELETE FROM pm.t WHERE b = 1", "GRANT DELETE, SELECT (a) ON pm.t" + u),
                ColumnCase.of("SELECT id, a FROM pm.t WHERE id = 1", "GRANT SELECT (id, a) ON pm.t" + u),
                ColumnCase.of("SELECT id, b FROM pm.t", "GRANT SELECT (id, a) ON pm.t" + u),
                ColumnCase.of("SELECT id FROM pm.t WHERE b = 1", "GRANT SELECT (id, a) ON pm.t" + u),
                ColumnCase.of("SELECT * FROM pm.t", "GRANT SELECT (id, a) ON pm.t" + u),
                ColumnCase.of("SELECT * FROM pm.t", "GRANT SELECT (id, a, b) ON pm.t" + u),
                ColumnCase.of("SELECT COUNT(*) FROM pm.t", "GRANT SELECT (id, a) ON pm.t" + u),
                ColumnCase.of("SELECT id FROM pm.t", "GRANT SELECT (id) ON pm.src" + u),
                ColumnCase.of("INSERT INTO pm.t (id, a, b) SELECT id, a, b FROM pm.src WHERE id = 3", "GRANT INSERT ON pm.t" + u, "GRANT SELECT (b) ON pm.src" + u),
                ColumnCase.of("INSERT INTO pm.t (id, a, b) SELECT id, a, b FROM pm.src WHERE id = 3", "GRANT INSERT ON pm.t" + u,
                        "GRANT SELECT (id, a, b) ON pm.src" + u));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("columnCases")
    void testColumnGrants(ColumnCase test)
            throws SQLException
    {
        String baseline = tableState(quiverRoot);
        String oracle = attempt(mariaDb.port(), mariaDbRoot, test.grants(), test.sql());
        String actual = attempt(quiver.port(), quiverRoot, test.grants(), test.sql());
        if (actual.equals("OK") || oracle.equals("OK")) {
            reset();
        }
        else {
            assertThat(tableState(quiverRoot)).as("nothing of a denied statement runs").isEqualTo(baseline);
        }
        assertThat(oracle).as("MariaDB").isEqualTo(test.mariaDb().orElse(oracle));
        assertThat(actual).as("%s", test).isEqualTo(test.mysql8().orElse(oracle));
    }

    private static List<Level[]> combinations(List<Need> needs)
    {
        List<Level[]> result = new ArrayList<>();
        result.add(new Level[needs.size()]);
        for (int i = 0; i < needs.size(); i++) {
            List<Level> choices = needs.get(i).tableLevel() ? List.of(Level.values()) : List.of(Level.NONE, Level.DATABASE);
            List<Level[]> next = new ArrayList<>();
            for (Level[] partial : result) {
                for (Level choice : choices) {
                    Level[] extended = partial.clone();
                    extended[i] = choice;
                    next.add(extended);
                }
            }
            result = next;
        }
        return result;
    }

    private static List<String> grants(List<Need> needs, Level[] levels)
    {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < needs.size(); i++) {
            Need need = needs.get(i);
            switch (levels[i]) {
                case NONE -> {
                }
                case TABLE -> result.add("GRANT " + need.privilege() + " ON pm." + need.table() + " TO '" + USER + "'@'localhost'");
                case DATABASE -> result.add("GRANT " + need.privilege() + " ON pm.* TO '" + USER + "'@'localhost'");
            }
        }
        return result;
    }

    /** Creates the user with exactly these grants, runs the statement as it, and describes the outcome. */
    private static String attempt(int port, Connection root, List<String> grants, String sql)
            throws SQLException
    {
        run(root, "DROP USER IF EXISTS '" + USER + "'@'localhost'");
        run(root, "CREATE USER '" + USER + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "'");
        for (String each : grants) {
            run(root, each);
        }
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/", USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return "OK";
        }
        catch (SQLException ex) {
            return ex.getErrorCode() + " " + normalize(ex.getMessage());
        }
    }

    /** Drops the driver's {@code (conn=N) } prefix and writes MariaDB's {@code `pm`.`t`} as MySQL 8's {@code 't'}. */
    static String normalize(String message)
    {
        return message.replaceFirst("^\\(conn=\\d+\\) ", "").replaceAll("`pm`\\.`(\\w+)`", "'$1'");
    }

    private void reset()
            throws SQLException
    {
        for (Connection each : List.of(quiverRoot, mariaDbRoot)) {
            for (String statement : RESET) {
                run(each, statement);
            }
        }
    }

    private static String tableState(Connection connection)
            throws SQLException
    {
        StringBuilder result = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("SHOW TABLES FROM pm")) {
                while (rows.next()) {
                    result.append(rows.getString(1)).append(' ');
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT * FROM pm.t ORDER BY id")) {
                int columns = rows.getMetaData().getColumnCount();
                result.append(columns).append(" columns:");
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        result.append(' ').append(rows.getString(i));
                    }
                    result.append(';');
                }
            }
            try (ResultSet rows = statement.executeQuery("SHOW INDEX FROM pm.t")) {
                while (rows.next()) {
                    result.append(' ').append(rows.getString("Key_name"));
                }
            }
        }
        return result.toString();
    }

    private static void run(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
