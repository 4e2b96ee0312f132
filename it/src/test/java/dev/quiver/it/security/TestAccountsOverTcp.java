package dev.quiver.it.security;

import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Accounts over TCP with both drivers: logins with either plugin, wrong passwords and unknown users (1045), host
 * patterns, {@code user@tenant} login names, the database named at connect, USE and COM_INIT_DB (1044 / 1049), and
 * GRANT / REVOKE reaching sessions that are already open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestAccountsOverTcp
{
    private TestingServer server;
    private Connection root;

    @BeforeAll
    void start()
            throws SQLException
    {
        server = TestingServer.start();
        root = connect("mariadb", "", "root", "");
        for (String each : List.of(
                "CREATE DATABASE acc",
                "CREATE TABLE acc.t (id INT PRIMARY KEY, a INT)",
                "INSERT INTO acc.t VALUES (1, 1)",
                "CREATE USER 'native'@'%' IDENTIFIED WITH mysql_native_password BY 'n-pw'",
                "CREATE USER 'sha2'@'%' IDENTIFIED WITH caching_sha2_password BY 's-pw'",
                "CREATE USER 'plain'@'%' IDENTIFIED BY 'p-pw'",
                "GRANT SELECT ON acc.* TO 'native'@'%'",
                "GRANT SELECT ON acc.* TO 'sha2'@'%'",
                // the most specific host wins: the localhost account's password, not the % one's
                "CREATE USER 'both'@'%' IDENTIFIED BY 'any-pw'",
                "CREATE USER 'both'@'localhost' IDENTIFIED BY 'local-pw'",
                "CREATE USER 'remote'@'10.%' IDENTIFIED BY 'r-pw'",
                "CREATE USER 'loopnet'@'127.0.0.0/255.0.0.0' IDENTIFIED BY 'l-pw'",
                "CREATE USER 'looppattern'@'127.0.0.%' IDENTIFIED BY 'l-pw'")) {
            run(root, each);
        }
    }

    @AfterAll
    void stop()
            throws SQLException
    {
        root.close();
        server.close();
    }

    private Connection connect(String driver, String database, String user, String password)
            throws SQLException
    {
        String url = driver.equals("mariadb")
                ? "jdbc:mariadb://127.0.0.1:" + server.port() + "/" + database
                : "jdbc:mysql://127.0.0.1:" + server.port() + "/" + database + "?sslMode=DISABLED";
        return DriverManager.getConnection(url, user, password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void testBothPluginsLogIn(String driver)
            throws SQLException
    {
        for (String[] each : List.of(new String[] {"native", "n-pw"}, new String[] {"sha2", "s-pw"}, new String[] {"plain", "p-pw"})) {
            try (Connection connection = connect(driver, "", each[0], each[1])) {
                assertThat(single(connection, "SELECT CURRENT_USER()")).isEqualTo(each[0] + "@%");
                assertThat(single(connection, "SELECT USER()")).isEqualTo(each[0] + "@localhost");
            }
        }
        try (Connection connection = connect(driver, "acc", "native", "n-pw")) {
            assertThat(single(connection, "SELECT a FROM t WHERE id = 1")).isEqualTo("1");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void testWrongPasswordAndUnknownUserAre1045(String driver)
    {
        assertDenied(() -> connect(driver, "", "native", "wrong"), 1045, "Access denied for user 'native'@'localhost' (using password: YES)");
        assertDenied(() -> connect(driver, "", "sha2", "wrong"), 1045, "Access denied for user 'sha2'@'localhost' (using password: YES)");
        assertDenied(() -> connect(driver, "", "nobody", "x"), 1045, "Access denied for user 'nobody'@'localhost' (using password: YES)");
        assertDenied(() -> connect(driver, "", "sha2", ""), 1045, "Access denied for user 'sha2'@'localhost' (using password: NO)");
    }

    @Test
    void testHostPatterns()
            throws SQLException
    {
        try (Connection connection = connect("mariadb", "", "both", "local-pw")) {
            assertThat(single(connection, "SELECT CURRENT_USER()")).isEqualTo("both@localhost");
        }
        assertDenied(() -> connect("mariadb", "", "both", "any-pw"), 1045, "Access denied for user 'both'@'localhost' (using password: YES)");
        assertDenied(() -> connect("mariadb", "", "remote", "r-pw"), 1045, "Access denied for user 'remote'@'localhost' (using password: YES)");
        try (Connection connection = connect("mariadb", "", "loopnet", "l-pw")) {
            assertThat(single(connection, "SELECT CURRENT_USER()")).isEqualTo("loopnet@127.0.0.0/255.0.0.0");
        }
        try (Connection connection = connect("mariadb", "", "looppattern", "l-pw")) {
            assertThat(single(connection, "SELECT CURRENT_USER()")).isEqualTo("looppattern@127.0.0.%");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void testTenantLoginNames(String driver)
            throws SQLException
    {
        try (Connection connection = connect(driver, "", "sha2@sys", "s-pw")) {
            assertThat(single(connection, "SELECT CURRENT_USER()")).isEqualTo("sha2@%");
        }
        try (Connection connection = connect(driver, "", "root@tenant1", "")) {
            assertThat(single(connection, "SELECT CURRENT_USER()")).isEqualTo("root@%");
        }
        assertDenied(() -> connect(driver, "", "sha2@sys", "wrong"), 1045, "Access denied for user 'sha2'@'localhost' (using password: YES)");
    }

    @Test
    void testDatabaseAccessAtConnectAndUse()
            throws SQLException
    {
        assertDenied(() -> connect("mariadb", "acc", "plain", "p-pw"), 1044, "Access denied for user 'plain'@'localhost' to database 'acc'");
        // checked before existence: a user without privileges learns nothing about which databases exist
        assertDenied(() -> connect("mariadb", "nowhere", "plain", "p-pw"), 1044, "Access denied for user 'plain'@'localhost' to database 'nowhere'");
        assertDenied(() -> connect("mariadb", "nowhere", "root", ""), 1049, "Unknown database 'nowhere'");
        try (Connection connection = connect("mariadb", "", "plain", "p-pw")) {
            assertDenied(() -> run(connection, "USE acc"), 1044, "Access denied for user 'plain'@'localhost' to database 'acc'");
            // Connector/J's setCatalog sends COM_INIT_DB
            assertDenied(() -> {
                connection.setCatalog("acc");
                return null;
            }, 1044, "Access denied for user 'plain'@'localhost' to database 'acc'");
            assertThat(rows(connection, "SHOW DATABASES")).containsExactly("information_schema");
        }
        try (Connection connection = connect("mysql", "", "native", "n-pw")) {
            connection.setCatalog("acc");
            assertThat(single(connection, "SELECT DATABASE()")).isEqualTo("acc");
            assertThat(rows(connection, "SHOW DATABASES")).containsExactly("acc", "information_schema");
            assertThat(rows(connection, "SHOW TABLES")).containsExactly("t");
            assertThat(rows(connection, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql'")).isEmpty();
        }
        try (Connection connection = connect("mariadb", "", "root", "")) {
            assertThat(rows(connection, "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql'")).contains("user", "db");
        }
    }

    @Test
    void testGrantAndRevokeReachOpenSessions()
            throws SQLException
    {
        run(root, "CREATE USER 'live'@'%' IDENTIFIED BY 'live-pw'");
        try (Connection live = connect("mariadb", "", "live", "live-pw")) {
            assertDenied(() -> run(live, "INSERT INTO acc.t VALUES (5, 5)"), 1142, "INSERT command denied to user 'live'@'localhost' for table 't'");
            run(root, "GRANT INSERT ON acc.t TO 'live'@'%'");
            run(live, "INSERT INTO acc.t VALUES (5, 5)");
            assertDenied(() -> run(live, "INSERT INTO acc.t VALUES (5, 6) ON DUPLICATE KEY UPDATE a = 6"), 1142,
                    "UPDATE command denied to user 'live'@'localhost' for table 't'");
            run(root, "GRANT UPDATE ON acc.* TO 'live'@'%'");
            run(live, "INSERT INTO acc.t VALUES (5, 6) ON DUPLICATE KEY UPDATE a = 6");
            run(root, "REVOKE INSERT ON acc.t FROM 'live'@'%'");
            assertDenied(() -> run(live, "INSERT INTO acc.t VALUES (6, 6)"), 1142, "INSERT command denied to user 'live'@'localhost' for table 't'");
            assertThat(rows(live, "SHOW GRANTS")).containsExactly("GRANT USAGE ON *.* TO `live`@`%`", "GRANT UPDATE ON `acc`.* TO `live`@`%`");
            run(root, "DROP USER 'live'@'%'");
            // a dropped account keeps its connection but no longer holds anything
            assertDenied(() -> run(live, "UPDATE acc.t SET a = 7"), 1142, "UPDATE command denied to user 'live'@'localhost' for table 't'");
        }
        assertThat(single(root, "SELECT a FROM acc.t WHERE id = 5")).isEqualTo("6");
    }

    @Test
    void testPasswordChangesApplyToTheNextLogin()
            throws SQLException
    {
        run(root, "CREATE USER 'changer'@'%' IDENTIFIED BY 'one'");
        try (Connection connection = connect("mariadb", "", "changer", "one")) {
            run(connection, "SET PASSWORD = 'two'");
        }
        assertDenied(() -> connect("mariadb", "", "changer", "one"), 1045, "Access denied for user 'changer'@'localhost' (using password: YES)");
        connect("mysql", "", "changer", "two").close();
        run(root, "ALTER USER 'changer'@'%' IDENTIFIED WITH mysql_native_password BY 'three'");
        connect("mysql", "", "changer", "three").close();
        connect("mariadb", "", "changer", "three").close();
    }

    interface SqlAction
    {
        Object run()
                throws SQLException;
    }

    static void assertDenied(SqlAction action, int code, String message)
    {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(SQLException.class, ex -> {
            assertThat(ex.getErrorCode()).as(ex.getMessage()).isEqualTo(code);
            assertThat(TestPrivilegeMatrix.normalize(ex.getMessage())).endsWith(message);
        });
    }

    static Object run(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement()) {
            return statement.execute(sql);
        }
    }

    static String single(Connection connection, String sql)
            throws SQLException
    {
        List<String> result = rows(connection, sql);
        assertThat(result).hasSize(1);
        return result.get(0);
    }

    static List<String> rows(Connection connection, String sql)
            throws SQLException
    {
        List<String> result = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                result.add(rows.getString(1));
            }
        }
        return result;
    }
}
