package dev.quiver.it.security;

import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static dev.quiver.it.security.TestAccountsOverTcp.assertDenied;
import static dev.quiver.it.security.TestAccountsOverTcp.rows;
import static dev.quiver.it.security.TestAccountsOverTcp.run;
import static dev.quiver.it.security.TestAccountsOverTcp.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous accounts ({@code ''@host}) over TCP, as MySQL's manual (Access Control, Stage 1: Connection Verification)
 * describes them: accounts are tried most specific host first and, for the same host, named users before the anonymous
 * one, so {@code ''@localhost} shadows {@code bob@'%'} for a local client; a session that matched the anonymous account
 * is the anonymous user for every check and error (CURRENT_USER() is {@code @localhost}) while USER() keeps the name
 * the client gave. Its own server: an anonymous localhost account changes which account every local login matches.
 */
class TestAnonymousAccounts
{
    @Test
    void testAnonymousAccountMatchingAndIdentity()
            throws Exception
    {
        try (TestingServer server = TestingServer.start();
                Connection root = connect(server, "", "root", "")) {
            for (String each : List.of(
                    "CREATE DATABASE anon",
                    "CREATE TABLE anon.t (id INT PRIMARY KEY, a INT)",
                    "INSERT INTO anon.t VALUES (1, 1)",
                    "CREATE USER 'bob'@'%' IDENTIFIED BY 'bob-pw'",
                    "GRANT ALL PRIVILEGES ON anon.* TO 'bob'@'%'",
                    "CREATE USER ''@'localhost' IDENTIFIED BY 'anon-pw'",
                    "GRANT SELECT ON anon.* TO ''@'localhost'",
                    "CREATE USER ''@'%' IDENTIFIED BY 'any-pw'")) {
                run(root, each);
            }
            // ''@localhost is more specific than bob@'%': bob's own password no longer works from this host
            assertDenied(() -> connect(server, "", "bob", "bob-pw"), 1045, "Access denied for user 'bob'@'localhost' (using password: YES)");
            // and ''@'%' is less specific than ''@localhost
            assertDenied(() -> connect(server, "", "zed", "any-pw"), 1045, "Access denied for user 'zed'@'localhost' (using password: YES)");
            for (String user : List.of("bob", "zed")) {
                try (Connection anonymous = connect(server, "anon", user, "anon-pw")) {
                    assertThat(single(anonymous, "SELECT CURRENT_USER()")).isEqualTo("@localhost");
                    assertThat(single(anonymous, "SELECT USER()")).isEqualTo(user + "@localhost");
                    assertThat(rows(anonymous, "SHOW GRANTS")).containsExactly("GRANT USAGE ON *.* TO ``@`localhost`", "GRANT SELECT ON `anon`.* TO ``@`localhost`");
                    assertThat(single(anonymous, "SELECT a FROM t")).isEqualTo("1");
                    // checked (and named in errors) as the anonymous user, not as bob
                    assertDenied(() -> run(anonymous, "INSERT INTO t VALUES (2, 2)"), 1142, "INSERT command denied to user ''@'localhost' for table 't'");
                    assertDenied(() -> run(anonymous, "CREATE DATABASE other"), 1044, "Access denied for user ''@'localhost' to database 'other'");
                }
            }
            // a named account on the same host sorts before the anonymous one
            run(root, "CREATE USER 'bob'@'localhost' IDENTIFIED BY 'local-pw'");
            run(root, "GRANT INSERT ON anon.* TO 'bob'@'localhost'");
            try (Connection bob = connect(server, "anon", "bob", "local-pw")) {
                assertThat(single(bob, "SELECT CURRENT_USER()")).isEqualTo("bob@localhost");
                run(bob, "INSERT INTO t VALUES (2, 2)");
            }
            assertDenied(() -> connect(server, "", "bob", "anon-pw"), 1045, "Access denied for user 'bob'@'localhost' (using password: YES)");
            // once the anonymous localhost account is gone, bob@'%' and ''@'%' are reachable again
            run(root, "DROP USER ''@'localhost', 'bob'@'localhost'");
            try (Connection bob = connect(server, "anon", "bob", "bob-pw")) {
                assertThat(single(bob, "SELECT CURRENT_USER()")).isEqualTo("bob@%");
            }
            try (Connection anonymous = connect(server, "", "zed", "any-pw")) {
                assertThat(single(anonymous, "SELECT CURRENT_USER()")).isEqualTo("@%");
                assertThat(single(anonymous, "SELECT USER()")).isEqualTo("zed@localhost");
            }
        }
    }

    private static Connection connect(TestingServer server, String database, String user, String password)
            throws SQLException
    {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.port() + "/" + database, user, password);
    }
}
