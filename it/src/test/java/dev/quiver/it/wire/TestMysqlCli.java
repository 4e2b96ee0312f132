package dev.quiver.it.wire;

import dev.quiver.it.testing.ExternalClients;
import dev.quiver.it.testing.ProcessResult;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code mysql} command-line client (Debian's is MariaDB's, on libmariadb), in batch mode and on stdin. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestMysqlCli
{
    private TestingServer server;
    private Path mysql;

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

    private ProcessResult run(String stdin, String... arguments)
    {
        mysql = ExternalClients.require("mysql", "apt-get install mariadb-client");
        List<String> command = new ArrayList<>(List.of(mysql.toString(), "--protocol=TCP", "-h", "127.0.0.1",
                "-P", String.valueOf(server.port()), "-u", "root", "--max-allowed-packet=64M"));
        command.addAll(List.of(arguments));
        return ProcessResult.run(command, ExternalClients.projectRoot(), stdin.getBytes(StandardCharsets.UTF_8), Duration.ofMinutes(2));
    }

    @Test
    void testBatchSelectOne()
    {
        ProcessResult result = run("", "-N", "-e", "SELECT 1");
        assertThat(result.standardError()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.standardOutput()).isEqualTo("1\n");
    }

    @Test
    void testStatementsOnStandardInput()
    {
        ProcessResult result = run("SELECT 1 + 1 AS two;\nUSE test;\nSELECT DATABASE();\nSHOW DATABASES;\n", "--batch");
        assertThat(result.standardError()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.standardOutput()).contains("two\n2\n", "DATABASE()\ntest\n", "Database\n", "information_schema\n", "mysql\n");
    }

    @Test
    void testDatabaseOnCommandLineAndParametersFromUserVariables()
    {
        ProcessResult result = run("SET @greeting = 'héllo';\nSELECT @greeting, DATABASE();\n", "--batch", "-N", "test");
        assertThat(result.standardError()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.standardOutput()).isEqualTo("héllo\ttest\n");
    }

    @Test
    void testTwentyMebibyteStringOnStandardInput()
    {
        String big = "z".repeat(20 * 1024 * 1024);
        ProcessResult result = run("SELECT '" + big + "' AS big;\n", "--batch", "-N");
        assertThat(result.standardError()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.standardOutput()).isEqualTo(big + "\n");
    }

    @Test
    void testSyntaxError()
    {
        ProcessResult result = run("", "-e", "SELEC 1");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.standardError()).contains("ERROR 1064 (42000)", "near 'SELEC 1' at line 1");
    }

    @Test
    void testStatusCommand()
    {
        ProcessResult result = run("status\n", "test");
        assertThat(result.standardError()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.standardOutput()).contains("seekdb-v1.4.0.0", "Current database:\ttest", "Uptime:");
    }

    @Test
    void testTableStatementsAndTheirInfoStrings()
    {
        // libmariadb reads the OK packet's info as a length-encoded string; -vvv prints it
        ProcessResult result = run("""
                CREATE DATABASE qv_cli;
                USE qv_cli;
                CREATE TABLE t (id INT PRIMARY KEY, n INT);
                INSERT INTO t VALUES (1, 1), (2, 2);
                INSERT INTO t VALUES (1, 5) ON DUPLICATE KEY UPDATE n = VALUES(n);
                UPDATE t SET n = n + 1;
                SELECT id, n FROM t ORDER BY id;
                DROP DATABASE qv_cli;
                """, "-vvv");
        assertThat(result.standardError()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.standardOutput()).contains("Records: 2  Duplicates: 0  Warnings: 0", "2 rows affected", "Rows matched: 2  Changed: 2  Warnings: 0");
    }
}
