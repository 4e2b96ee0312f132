package dev.quiver.it.wire;

import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both JDBC drivers, with client-side and server-side prepared statements, against a real server over TCP:
 * the matrix of issue 2 (SELECT 1, parameters, USE / SHOW DATABASES, a 20 MiB string, errno 1064).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestJdbcClients
{
    enum Driver
    {
        MARIADB_CLIENT_PREPARE, MARIADB_SERVER_PREPARE, MYSQL_CLIENT_PREPARE, MYSQL_SERVER_PREPARE;

        String url(TestingServer server)
        {
            return switch (this) {
                case MARIADB_CLIENT_PREPARE -> server.mariadbUrl("");
                case MARIADB_SERVER_PREPARE -> server.mariadbUrl("useServerPrepStmts=true");
                case MYSQL_CLIENT_PREPARE -> server.mysqlUrl("");
                case MYSQL_SERVER_PREPARE -> server.mysqlUrl("useServerPrepStmts=true");
            };
        }
    }

    private TestingServer server;

    @BeforeAll
    void startServer()
    {
        server = TestingServer.start();
    }

    @AfterAll
    void stopServer()
    {
        server.close();
    }

    private Connection connect(Driver driver)
            throws SQLException
    {
        return DriverManager.getConnection(driver.url(server), "root", "");
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void testSelectOne(Driver driver)
            throws SQLException
    {
        try (Connection connection = connect(driver); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT 1")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getInt(1)).isEqualTo(1);
            assertThat(result.getMetaData().getColumnLabel(1)).isEqualTo("1");
            assertThat(result.next()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void testParameters(Driver driver)
            throws SQLException
    {
        try (Connection connection = connect(driver);
                PreparedStatement statement = connection.prepareStatement("SELECT ? AS n, ? AS s, ? AS d, ? AS missing")) {
            statement.setLong(1, 41);
            statement.setString(2, "it's \"quoted\" \\ héllo ✓");
            statement.setDouble(3, 2.5);
            statement.setNull(4, java.sql.Types.VARCHAR);
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong("n")).isEqualTo(41);
                assertThat(result.getString("s")).isEqualTo("it's \"quoted\" \\ héllo ✓");
                assertThat(result.getDouble("d")).isEqualTo(2.5);
                assertThat(result.getString("missing")).isNull();
            }
            statement.setLong(1, -7);
            statement.setString(2, "second");
            statement.setDouble(3, -0.125);
            statement.setString(4, "present");
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong("n")).isEqualTo(-7);
                assertThat(result.getString("s")).isEqualTo("second");
                assertThat(result.getDouble("d")).isEqualTo(-0.125);
                assertThat(result.getString("missing")).isEqualTo("present");
            }
        }
    }

    /**
     * JSON function results arrive as MySQL 8's JSON (245, binary charset): both drivers name the type JSON, report it
     * as LONGVARCHAR and read it with getString as its JSON text, over the text and the binary protocol; getObject gives
     * MySQL Connector/J a String and MariaDB Connector/J the UTF-8 bytes (as for a JSON column of MySQL 8). ->> stays
     * VARCHAR.
     */
    @ParameterizedTest
    @EnumSource(Driver.class)
    void testJsonFunctionResults(Driver driver)
            throws SQLException
    {
        try (Connection connection = connect(driver);
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT JSON_OBJECT('k', ?) AS j, JSON_EXTRACT('{\"a\": [1, 2]}', '$.a') AS e, JSON_UNQUOTE(JSON_EXTRACT('{\"a\": \"x\"}', '$.a')) AS u")) {
            statement.setLong(1, 7);
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                java.sql.ResultSetMetaData metadata = result.getMetaData();
                assertThat(metadata.getColumnTypeName(1)).isEqualTo("JSON");
                assertThat(metadata.getColumnType(1)).isEqualTo(java.sql.Types.LONGVARCHAR);
                assertThat(metadata.getColumnTypeName(2)).isEqualTo("JSON");
                assertThat(metadata.getColumnType(3)).isEqualTo(java.sql.Types.VARCHAR);
                assertThat(result.getString("j")).isEqualTo("{\"k\": 7}");
                assertThat(result.getObject("j")).isEqualTo(driver == Driver.MARIADB_CLIENT_PREPARE || driver == Driver.MARIADB_SERVER_PREPARE
                        ? "{\"k\": 7}".getBytes(java.nio.charset.StandardCharsets.UTF_8)
                        : "{\"k\": 7}");
                assertThat(result.getString("e")).isEqualTo("[1, 2]");
                assertThat(result.getObject("u")).isEqualTo("x");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void testUseAndShowDatabases(Driver driver)
            throws SQLException
    {
        try (Connection connection = connect(driver); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS jdbc_" + driver.name().toLowerCase());
            statement.execute("USE jdbc_" + driver.name().toLowerCase());
            try (ResultSet result = statement.executeQuery("SELECT DATABASE()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("jdbc_" + driver.name().toLowerCase());
            }
            List<String> databases = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SHOW DATABASES")) {
                while (result.next()) {
                    databases.add(result.getString("Database"));
                }
            }
            assertThat(databases).contains("information_schema", "mysql", "test", "jdbc_" + driver.name().toLowerCase());
            connection.setCatalog("test");
            assertThat(connection.getCatalog()).isEqualTo("test");
            statement.execute("DROP DATABASE jdbc_" + driver.name().toLowerCase());
        }
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void testTwentyMebibyteStringRoundTrip(Driver driver)
            throws SQLException
    {
        String big = "q".repeat(20 * 1024 * 1024 - 3) + "end";
        try (Connection connection = connect(driver); PreparedStatement statement = connection.prepareStatement("SELECT ?")) {
            statement.setString(1, big);
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                String echoed = result.getString(1);
                assertThat(echoed.length()).isEqualTo(big.length());
                assertThat(echoed).isEqualTo(big);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void testSyntaxErrorIs1064AndConnectionSurvives(Driver driver)
            throws SQLException
    {
        try (Connection connection = connect(driver); Statement statement = connection.createStatement()) {
            // execute, not executeQuery: MySQL Connector/J refuses non-SELECT text in executeQuery client-side.
            assertThatThrownBy(() -> statement.execute("SELEC 1"))
                    .isInstanceOfSatisfying(SQLException.class, ex -> {
                        assertThat(ex.getErrorCode()).isEqualTo(1064);
                        assertThat(ex.getSQLState()).isEqualTo("42000");
                        assertThat(ex.getMessage()).contains("near 'SELEC 1' at line 1");
                    });
            try (ResultSet result = statement.executeQuery("SELECT 2")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(2);
            }
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void testAutocommitAndTransactionStatements(Driver driver)
            throws SQLException
    {
        try (Connection connection = connect(driver); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try (ResultSet result = statement.executeQuery("SELECT @@autocommit")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(0);
            }
            connection.commit();
            connection.setAutoCommit(true);
            try (ResultSet result = statement.executeQuery("SELECT @@session.autocommit")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void testKillConnectionEndsTheOtherConnectionAndKillQueryDoesNot(Driver driver)
            throws SQLException
    {
        try (Connection victim = connect(driver); Connection killer = connect(driver); Statement kill = killer.createStatement()) {
            long victimId = connectionId(victim);
            kill.execute("KILL QUERY " + victimId);
            assertThat(connectionId(victim)).as("KILL QUERY leaves the connection").isEqualTo(victimId);
            kill.execute("KILL " + victimId);
            assertThatThrownBy(() -> connectionId(victim)).isInstanceOf(SQLException.class);
            assertThat(victim.isValid(5)).isFalse();
            assertThat(connectionId(killer)).as("the killer's connection stays").isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Driver.class)
    void testInteractiveClientsStartWithInteractiveTimeout(Driver driver)
            throws SQLException
    {
        String url = driver.url(server);
        String interactive = url + (url.contains("?") ? "&" : "?") + "interactiveClient=true";
        try (Connection admin = connect(driver); Statement statement = admin.createStatement()) {
            statement.execute("SET GLOBAL interactive_timeout = 1234");
            try (Connection plain = connect(driver); Connection console = DriverManager.getConnection(interactive, "root", "")) {
                assertThat(longValue(plain, "SELECT @@session.wait_timeout")).isEqualTo(28800);
                assertThat(longValue(console, "SELECT @@session.wait_timeout")).isEqualTo(1234);
            }
            finally {
                statement.execute("SET GLOBAL interactive_timeout = DEFAULT");
            }
        }
    }

    private static long connectionId(Connection connection)
            throws SQLException
    {
        return longValue(connection, "SELECT CONNECTION_ID()");
    }

    private static long longValue(Connection connection, String sql)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getLong(1);
        }
    }
}
