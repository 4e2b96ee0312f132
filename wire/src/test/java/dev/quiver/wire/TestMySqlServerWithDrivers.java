package dev.quiver.wire;

import dev.quiver.wire.testing.FakeCredentialStore;
import dev.quiver.wire.testing.FakeQueryHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.quiver.wire.auth.AuthenticationPlugin.CACHING_SHA2_PASSWORD;
import static dev.quiver.wire.auth.AuthenticationPlugin.MYSQL_NATIVE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real TCP against {@link MySqlServer} with MariaDB Connector/J and MySQL Connector/J. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TestMySqlServerWithDrivers
{
    private final FakeQueryHandler handler = new FakeQueryHandler();
    private final FakeCredentialStore credentials = new FakeCredentialStore()
            .withAccount("root", CACHING_SHA2_PASSWORD, "")
            .withAccount("sha2", CACHING_SHA2_PASSWORD, "s3cret")
            .withAccount("native", MYSQL_NATIVE_PASSWORD, "pass1")
            .withAccount("nativeempty", MYSQL_NATIVE_PASSWORD, "");
    private final CountDownLatch releaseSlowQuery = new CountDownLatch(1);
    private final CountDownLatch slowQueryStarted = new CountDownLatch(1);
    private MySqlServer server;

    @BeforeAll
    void startServer()
    {
        handler.on("SELECT 1", (session, sink) -> {
            sink.beginResultSet(List.of(FakeQueryHandler.bigint("1")));
            sink.row(new Object[] {1L});
            sink.endResultSet();
        });
        handler.on("SELECT USER()", (session, sink) -> {
            sink.beginResultSet(List.of(FakeQueryHandler.varchar("USER()")));
            sink.row(new Object[] {session.connection.user() + "@" + session.connection.host()});
            sink.endResultSet();
        });
        handler.on("SELECT SLEEP", (session, sink) -> {
            slowQueryStarted.countDown();
            try {
                releaseSlowQuery.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            sink.ok(0, 0, null);
        });
        server = new MySqlServer(WireConfig.defaults().withPort(0), handler, credentials);
        server.start();
    }

    @AfterAll
    void stopServer()
    {
        releaseSlowQuery.countDown();
        server.close();
    }

    private String mariadbUrl(String user, String password, String extra)
    {
        return "jdbc:mariadb://127.0.0.1:" + server.localAddress().getPort() + "/?user=" + user + "&password=" + password + extra;
    }

    private String mysqlUrl(String user, String password, String extra)
    {
        return "jdbc:mysql://127.0.0.1:" + server.localAddress().getPort() + "/?sslMode=DISABLED&user=" + user + "&password=" + password + extra;
    }

    private static long selectOne(Connection connection)
            throws SQLException
    {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT 1")) {
            assertThat(result.next()).isTrue();
            return result.getLong(1);
        }
    }

    @Test
    void testMariaDbConnectsWithBothPlugins()
            throws SQLException
    {
        for (String url : List.of(mariadbUrl("sha2", "s3cret", ""), mariadbUrl("native", "pass1", ""),
                mariadbUrl("root", "", ""), mariadbUrl("nativeempty", "", ""), mariadbUrl("root@sys", "", ""))) {
            try (Connection connection = DriverManager.getConnection(url)) {
                assertThat(selectOne(connection)).isEqualTo(1);
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void testMySqlConnectorConnectsWithBothPlugins()
            throws SQLException
    {
        for (String url : List.of(mysqlUrl("sha2", "s3cret", ""), mysqlUrl("native", "pass1", ""),
                mysqlUrl("root", "", ""), mysqlUrl("nativeempty", "", ""), mysqlUrl("root@sys", "", ""))) {
            try (Connection connection = DriverManager.getConnection(url)) {
                assertThat(selectOne(connection)).isEqualTo(1);
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void testWrongPasswordIsAccessDenied()
    {
        for (String url : List.of(mariadbUrl("sha2", "wrong", ""), mysqlUrl("native", "wrong", ""), mysqlUrl("sha2", "", ""), mariadbUrl("nobody", "x", ""))) {
            assertThatThrownBy(() -> DriverManager.getConnection(url).close())
                    .isInstanceOf(SQLException.class)
                    .satisfies(ex -> assertThat(((SQLException) ex).getErrorCode()).isEqualTo(1045))
                    .hasMessageContaining("Access denied for user");
        }
    }

    @Test
    void testConnectWithUnknownDatabaseFails()
    {
        String url = "jdbc:mysql://127.0.0.1:" + server.localAddress().getPort() + "/missing?sslMode=DISABLED&user=root&password=";
        assertThatThrownBy(() -> DriverManager.getConnection(url).close())
                .isInstanceOf(SQLException.class)
                .satisfies(ex -> assertThat(((SQLException) ex).getErrorCode()).isEqualTo(1049));
    }

    @Test
    void testServerPreparedStatementsRoundTripTypes()
            throws SQLException
    {
        for (String url : List.of(mariadbUrl("sha2", "s3cret", "&useServerPrepStmts=true"), mysqlUrl("sha2", "s3cret", "&useServerPrepStmts=true"))) {
            try (Connection connection = DriverManager.getConnection(url);
                    PreparedStatement statement = connection.prepareStatement("SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?")) {
                for (int round = 0; round < 2; round++) {
                    statement.setLong(1, -42L - round);
                    statement.setString(2, "héllo " + round);
                    statement.setDouble(3, 1.5);
                    statement.setBigDecimal(4, new BigDecimal("12345.678"));
                    statement.setDate(5, Date.valueOf(LocalDate.of(2024, 2, 29)));
                    statement.setTimestamp(6, Timestamp.valueOf(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000)));
                    statement.setBytes(7, new byte[] {0, 1, (byte) 0xFF});
                    statement.setNull(8, Types.VARCHAR);
                    statement.setInt(9, Integer.MIN_VALUE);
                    statement.setBoolean(10, true);
                    try (ResultSet result = statement.executeQuery()) {
                        assertThat(result.next()).as(url).isTrue();
                        assertThat(result.getLong(1)).isEqualTo(-42L - round);
                        assertThat(result.getString(2)).isEqualTo("héllo " + round);
                        assertThat(result.getDouble(3)).isEqualTo(1.5);
                        assertThat(result.getBigDecimal(4)).isEqualByComparingTo("12345.678");
                        assertThat(result.getDate(5).toLocalDate()).isEqualTo(LocalDate.of(2024, 2, 29));
                        assertThat(result.getTimestamp(6).toLocalDateTime()).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000));
                        assertThat(result.getBytes(7)).as(handler.events.toString()).containsExactly(0, 1, 0xFF);
                        assertThat(result.getString(8)).isNull();
                        assertThat(result.getLong(9)).isEqualTo(Integer.MIN_VALUE);
                        assertThat(result.getLong(10)).isEqualTo(1);
                        assertThat(result.next()).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void testTwentyMebibyteStringRoundTrip()
            throws SQLException
    {
        String big = "x".repeat(20 * 1024 * 1024 - 7) + "abcdefg";
        for (String url : List.of(mariadbUrl("root", "", ""), mysqlUrl("root", "", ""), mysqlUrl("root", "", "&useServerPrepStmts=true"))) {
            try (Connection connection = DriverManager.getConnection(url)) {
                try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery("SELECT '" + big + "'")) {
                    assertThat(result.next()).isTrue();
                    assertThat(result.getString(1)).hasSize(big.length()).isEqualTo(big);
                }
                try (PreparedStatement statement = connection.prepareStatement("SELECT ?")) {
                    statement.setString(1, big);
                    try (ResultSet result = statement.executeQuery()) {
                        assertThat(result.next()).isTrue();
                        assertThat(result.getString(1)).isEqualTo(big);
                    }
                }
            }
        }
    }

    @Test
    void testFiveHundredConcurrentConnections()
            throws Exception
    {
        int count = 500;
        List<Connection> connections = new ArrayList<>();
        ExecutorService executor = Executors.newFixedThreadPool(32);
        try {
            List<Future<Connection>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String url = i % 2 == 0 ? mariadbUrl("root", "", "") : mysqlUrl("root", "", "");
                opening.add(executor.submit(() -> DriverManager.getConnection(url)));
            }
            for (Future<Connection> each : opening) {
                connections.add(each.get(60, TimeUnit.SECONDS));
            }
            List<Future<Long>> queries = new ArrayList<>();
            for (Connection each : connections) {
                queries.add(executor.submit(() -> selectOne(each)));
            }
            for (Future<Long> each : queries) {
                assertThat(each.get(60, TimeUnit.SECONDS)).isEqualTo(1L);
            }
        }
        finally {
            for (Connection each : connections) {
                each.close();
            }
            executor.shutdownNow();
        }
    }

    @Test
    void testPingStaysPromptWhileAnotherConnectionRunsASlowStatement()
            throws Exception
    {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Connection slow = DriverManager.getConnection(mariadbUrl("root", "", ""));
                Connection other = DriverManager.getConnection(mysqlUrl("root", "", ""))) {
            Future<Boolean> running = executor.submit(() -> {
                try (Statement statement = slow.createStatement()) {
                    return statement.execute("SELECT SLEEP");
                }
            });
            assertThat(slowQueryStarted.await(30, TimeUnit.SECONDS)).isTrue();
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                assertThat(other.isValid(2)).isTrue();
            }
            assertThat(selectOne(other)).isEqualTo(1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2000);
            assertThat(running.isDone()).isFalse();
            releaseSlowQuery.countDown();
            assertThat(running.get(30, TimeUnit.SECONDS)).isFalse();
        }
        finally {
            executor.shutdownNow();
        }
    }

    @Test
    void testStreamedParametersUseLongData()
            throws SQLException
    {
        byte[] bytes = new byte[300_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        String text = "ü".repeat(100_000);
        for (String url : List.of(mariadbUrl("root", "", "&useServerPrepStmts=true"), mysqlUrl("root", "", "&useServerPrepStmts=true"))) {
            try (Connection connection = DriverManager.getConnection(url);
                    PreparedStatement statement = connection.prepareStatement("SELECT ?, ?")) {
                statement.setBinaryStream(1, new java.io.ByteArrayInputStream(bytes));
                statement.setCharacterStream(2, new java.io.StringReader(text));
                try (ResultSet result = statement.executeQuery()) {
                    assertThat(result.next()).isTrue();
                    assertThat(result.getBytes(1)).as(url).isEqualTo(bytes);
                    assertThat(result.getString(2)).as(url).isEqualTo(text);
                }
            }
        }
    }

    @Test
    void testErrorsReachTheDriverWithCodeAndState()
            throws SQLException
    {
        for (String url : List.of(mariadbUrl("root", "", ""), mysqlUrl("root", "", ""), mysqlUrl("root", "", "&useServerPrepStmts=true"))) {
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                assertThatThrownBy(() -> statement.execute("SELEC oops"))
                        .isInstanceOf(SQLException.class)
                        .satisfies(ex -> {
                            assertThat(((SQLException) ex).getErrorCode()).isEqualTo(1064);
                            assertThat(((SQLException) ex).getSQLState()).isEqualTo("42000");
                        });
                assertThat(selectOne(connection)).isEqualTo(1);
            }
        }
    }

    @Test
    void testCursorFetchRequestFallsBackToAFullResult()
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(mysqlUrl("root", "", "&useServerPrepStmts=true&useCursorFetch=true&defaultFetchSize=10"));
                PreparedStatement statement = connection.prepareStatement("SELECT ?")) {
            statement.setFetchSize(10);
            statement.setLong(1, 7);
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getLong(1)).isEqualTo(7);
                assertThat(result.next()).isFalse();
            }
        }
    }

    @Test
    void testPipelinedBatchOfServerPreparedInserts()
            throws SQLException
    {
        for (String url : List.of(mariadbUrl("root", "", "&useServerPrepStmts=true"), mysqlUrl("root", "", "&useServerPrepStmts=true&rewriteBatchedStatements=false"))) {
            try (Connection connection = DriverManager.getConnection(url);
                    PreparedStatement statement = connection.prepareStatement("INSERT ?, ?")) {
                for (int i = 0; i < 50; i++) {
                    statement.setInt(1, i);
                    statement.setString(2, "row " + i);
                    statement.addBatch();
                }
                int[] counts = statement.executeBatch();
                assertThat(counts).hasSize(50).containsOnly(2);
            }
        }
        List<String> executes = handler.events.stream().filter(each -> each.startsWith("execute INSERT ?, ?")).toList();
        assertThat(executes).hasSize(100);
        assertThat(executes.get(49)).isEqualTo("execute INSERT ?, ? [Long:49, String:row 49]");
    }
}
