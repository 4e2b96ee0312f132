package dev.quiver.it.security;

import dev.quiver.common.PasswordHash;
import dev.quiver.it.testing.ServerProcess;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;

import static dev.quiver.it.security.TestAccountsOverTcp.assertDenied;
import static dev.quiver.it.security.TestAccountsOverTcp.rows;
import static dev.quiver.it.security.TestAccountsOverTcp.run;
import static dev.quiver.it.security.TestAccountsOverTcp.single;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts and grants are rows of the mysql grant tables: acknowledged changes survive kill -9 of
 * {@code bin/quiver-server}; root@% is created once from the data directory's root.account seed (so a directory from
 * before the grant tables keeps its root password), and afterwards root's password is the one set with SQL, which a
 * later {@code --root-password} must match.
 */
class TestAccountsSurviveRestart
{
    private static final List<String> KEEP_GRANTS = List.of(
            "GRANT USAGE ON *.* TO `keep`@`%`",
            "GRANT UPDATE ON `test`.* TO `keep`@`%`",
            "GRANT SELECT (`a`), INSERT ON `test`.`k` TO `keep`@`%` WITH GRANT OPTION");

    @Test
    void testAccountsSurviveKillNineAndRootPasswordFollowsSql()
            throws Exception
    {
        Path directory = Files.createTempDirectory("quiver-accounts-");
        Path data = directory.resolve("data");
        try {
            // a data directory from before the grant tables: only root's seed file
            Files.createDirectories(data);
            Files.writeString(data.resolve("root.account"), "password=" + PasswordHash.of("seed-pw") + "\n", StandardCharsets.UTF_8);
            try (ServerProcess server = ServerProcess.start(data)) {
                assertDenied(() -> DriverManager.getConnection(server.jdbcUrl(""), "root", ""), 1045, "(using password: NO)");
                try (Connection root = DriverManager.getConnection(server.jdbcUrl(""), "root", "seed-pw")) {
                    run(root, "CREATE TABLE test.k (id INT PRIMARY KEY, a INT)");
                    run(root, "CREATE USER 'keep'@'%' IDENTIFIED WITH mysql_native_password BY 'keep-pw'");
                    run(root, "GRANT SELECT (a), INSERT ON test.k TO keep WITH GRANT OPTION");
                    run(root, "GRANT UPDATE ON test.* TO keep");
                    run(root, "CREATE USER 'gone'@'%' IDENTIFIED BY 'x'");
                    run(root, "DROP USER 'gone'@'%'");
                    run(root, "ALTER USER 'root'@'%' IDENTIFIED BY 'new-root-pw'");
                }
                server.kill();
            }
            try (ServerProcess server = ServerProcess.start(data)) {
                assertDenied(() -> DriverManager.getConnection(server.jdbcUrl(""), "root", "seed-pw"), 1045, "(using password: YES)");
                assertDenied(() -> DriverManager.getConnection(server.jdbcUrl(""), "gone", "x"), 1045, "(using password: YES)");
                try (Connection keep = DriverManager.getConnection(server.jdbcUrl("test"), "keep", "keep-pw")) {
                    assertThat(rows(keep, "SHOW GRANTS")).containsExactlyElementsOf(KEEP_GRANTS);
                    run(keep, "INSERT INTO k VALUES (1, 1)");
                    assertDenied(() -> run(keep, "DELETE FROM k"), 1142, "DELETE command denied to user 'keep'@'localhost' for table 'k'");
                }
                try (Connection root = DriverManager.getConnection(server.jdbcUrl(""), "root", "new-root-pw")) {
                    run(root, "REVOKE UPDATE ON test.* FROM keep");
                }
                server.kill();
            }
            // --root-password on a later start must be root's current password
            try (ServerProcess server = ServerProcess.start(data, "--root-password", "new-root-pw")) {
                try (Connection keep = DriverManager.getConnection(server.jdbcUrl("test"), "keep", "keep-pw")) {
                    assertThat(rows(keep, "SHOW GRANTS")).containsExactly(KEEP_GRANTS.get(0), KEEP_GRANTS.get(2));
                    assertThat(single(keep, "SELECT a FROM k")).isEqualTo("1");
                }
                server.kill();
            }
            Process refused = new ProcessBuilder(List.of(dev.quiver.it.testing.ExternalClients.projectRoot().resolve("bin/quiver-server").toString(),
                    "--port", "0", "--data-dir", data.toString(), "--root-password", "seed-pw"))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(refused.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(refused.waitFor()).isNotZero();
            assertThat(output).contains("differs from root's current password").contains("ALTER USER");
        }
        finally {
            TestingServer.deleteRecursively(directory);
        }
    }
}
