package dev.quiver.it.security;

import dev.quiver.it.testing.ServerProcess;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.quiver.it.security.TestAccountsOverTcp.rows;
import static dev.quiver.it.security.TestAccountsOverTcp.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An account statement that writes several grant tables, stopped by the process dying in the middle: a real
 * {@code bin/quiver-server} started with the crash point {@code quiver.debug.haltAfterAccountWrites=k} halts (no
 * shutdown hook runs, as with kill -9) before its (k+1)-th grant table write, here inside one statement. After a
 * normal restart the accounts are those before the statement (k = 0: its redo log row was never written) or those
 * after it (k >= 1: the restart redoes it), never a mix.
 */
class TestAccountStatementKilledMidway
{
    private static final String STATEMENT = "GRANT SELECT (a), UPDATE (b), DELETE ON test.k TO keep, other WITH GRANT OPTION";
    private static final List<String> BEFORE = List.of(
            "GRANT USAGE ON *.* TO `keep`@`%`", "GRANT INSERT ON `test`.`k` TO `keep`@`%`",
            "GRANT USAGE ON *.* TO `other`@`%`");
    private static final List<String> AFTER = List.of(
            "GRANT USAGE ON *.* TO `keep`@`%`", "GRANT SELECT (`a`), INSERT, UPDATE (`b`), DELETE ON `test`.`k` TO `keep`@`%` WITH GRANT OPTION",
            "GRANT USAGE ON *.* TO `other`@`%`", "GRANT SELECT (`a`), UPDATE (`b`), DELETE ON `test`.`k` TO `other`@`%` WITH GRANT OPTION");

    @Test
    void testStatementKilledAfterKWritesIsBeforeOrAfter()
            throws Exception
    {
        // the statement writes: the log row, keep's tables_priv and 2 columns_priv rows, other's 3, the log row's removal
        for (int k : new int[] {0, 1, 4, 7}) {
            Path directory = Files.createTempDirectory("quiver-account-kill-");
            Path data = directory.resolve("data");
            try {
                try (ServerProcess server = ServerProcess.start(data)) {
                    try (Connection root = DriverManager.getConnection(server.jdbcUrl(""), "root", "")) {
                        run(root, "CREATE TABLE test.k (id INT PRIMARY KEY, a INT, b INT)");
                        run(root, "CREATE USER keep IDENTIFIED BY 'pw'");
                        run(root, "CREATE USER other IDENTIFIED BY 'pw'");
                        run(root, "GRANT INSERT ON test.k TO keep");
                        assertThat(grants(root)).isEqualTo(BEFORE);
                    }
                    server.kill();
                }
                try (ServerProcess server = ServerProcess.start(data, Map.of("JDK_JAVA_OPTIONS", "-Dquiver.debug.haltAfterAccountWrites=" + k))) {
                    try (Connection root = DriverManager.getConnection(server.jdbcUrl(""), "root", "")) {
                        assertThatThrownBy(() -> run(root, STATEMENT)).as("the server dies inside the statement").isInstanceOf(SQLException.class);
                    }
                    assertThat(server.process().waitFor()).as("halted by the crash point").isEqualTo(9);
                }
                try (ServerProcess server = ServerProcess.start(data);
                        Connection root = DriverManager.getConnection(server.jdbcUrl(""), "root", "")) {
                    assertThat(grants(root)).as("killed after %s writes, then restarted", k).isEqualTo(k == 0 ? BEFORE : AFTER);
                    server.kill();
                }
            }
            finally {
                TestingServer.deleteRecursively(directory);
            }
        }
    }

    private static List<String> grants(Connection root)
            throws SQLException
    {
        List<String> result = new ArrayList<>(rows(root, "SHOW GRANTS FOR keep"));
        result.addAll(rows(root, "SHOW GRANTS FOR other"));
        return result;
    }
}
