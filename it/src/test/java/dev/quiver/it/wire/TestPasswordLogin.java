package dev.quiver.it.wire;

import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Logging in with a root password, without TLS and without public key retrieval, through both drivers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestPasswordLogin
{
    private static final String PASSWORD = "s3cret-pässword";

    private TestingServer server;

    @BeforeAll
    void startServer()
    {
        server = TestingServer.start(Optional.of(PASSWORD));
    }

    @AfterAll
    void stopServer()
    {
        server.close();
    }

    private String url(String driver, String options)
    {
        return driver.equals("mariadb") ? server.mariadbUrl(options) : server.mysqlUrl(options);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void testRightPassword(String driver)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(url(driver, ""), "root", PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT CURRENT_USER(), USER()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("root@%");
            assertThat(result.getString(2)).startsWith("root@");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void testTenantLoginName(String driver)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(url(driver, ""), "root@sys", PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT CURRENT_USER()")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("root@%");
        }
    }

    @org.junit.jupiter.api.Test
    void testClientStartingWithNativePassword()
            throws SQLException
    {
        // MySQL Connector/J answers the greeting with mysql_native_password; the server must still let it in.
        try (Connection connection = DriverManager.getConnection(url("mysql", "defaultAuthenticationPlugin=mysql_native_password"), "root", PASSWORD);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT 1")) {
            assertThat(result.next()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void testWrongPasswordIs1045(String driver)
    {
        assertThatThrownBy(() -> DriverManager.getConnection(url(driver, ""), "root", "wrong").close())
                .isInstanceOfSatisfying(SQLException.class, ex -> {
                    assertThat(ex.getErrorCode()).isEqualTo(1045);
                    assertThat(ex.getSQLState()).isEqualTo("28000");
                    assertThat(ex.getMessage()).contains("Access denied for user 'root'@'");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void testUnknownUserIs1045(String driver)
    {
        assertThatThrownBy(() -> DriverManager.getConnection(url(driver, ""), "nobody", PASSWORD).close())
                .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(1045));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mariadb", "mysql"})
    void testUnknownDatabaseAtLoginIs1049(String driver)
    {
        String url = url(driver, "").replace("/test", "/no_such_db");
        assertThatThrownBy(() -> DriverManager.getConnection(url, "root", PASSWORD).close())
                .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(1049));
    }
}
