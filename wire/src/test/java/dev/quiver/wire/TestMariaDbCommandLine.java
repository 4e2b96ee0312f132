package dev.quiver.wire;

import dev.quiver.wire.testing.FakeCredentialStore;
import dev.quiver.wire.testing.FakeQueryHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.quiver.wire.auth.AuthenticationPlugin.CACHING_SHA2_PASSWORD;
import static dev.quiver.wire.auth.AuthenticationPlugin.MYSQL_NATIVE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MariaDB command-line client (libmariadb) against {@link MySqlServer}: both plugins (libmariadb needs
 * the {@code 0x01 0x03} before the OK), CONNECT_WITH_DB, and the {@code status} command (COM_STATISTICS).
 * Skipped with a reason when the client is not installed, except in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TestMariaDbCommandLine
{
    private final FakeQueryHandler handler = new FakeQueryHandler();
    private MySqlServer server;
    private String client;

    @BeforeAll
    void start()
    {
        client = findClient();
        if (client == null && !"true".equals(System.getenv("CI"))) {
            Assumptions.abort("the mariadb/mysql command-line client is not installed");
        }
        assertThat(client).as("mariadb client (required in CI)").isNotNull();
        handler.on("select DATABASE(), USER() limit 1", (session, sink) -> {
            sink.beginResultSet(List.of(FakeQueryHandler.varchar("DATABASE()"), FakeQueryHandler.varchar("USER()")));
            sink.row(new Object[] {session.database, session.connection.user() + "@" + session.connection.host()});
            sink.endResultSet();
        });
        handler.on("SELECT 'x', NULL, 1.5e0", (session, sink) -> {
            sink.beginResultSet(List.of(FakeQueryHandler.varchar("x"), FakeQueryHandler.varchar("NULL"),
                    dev.quiver.wire.spi.ColumnDescriptor.expression("1.5e0", dev.quiver.wire.spi.ColumnType.DOUBLE, 63, 23, 0, 31)));
            sink.row(new Object[] {"x", null, 1.5});
            sink.endResultSet();
        });
        FakeCredentialStore credentials = new FakeCredentialStore()
                .withAccount("root", CACHING_SHA2_PASSWORD, "")
                .withAccount("sha2", CACHING_SHA2_PASSWORD, "s3cret")
                .withAccount("native", MYSQL_NATIVE_PASSWORD, "pass1");
        server = new MySqlServer(WireConfig.defaults().withPort(0), handler, credentials);
        server.start();
    }

    @AfterAll
    void stop()
    {
        if (server != null) {
            server.close();
        }
    }

    private static String findClient()
    {
        for (String each : List.of("/usr/bin/mariadb", "/usr/bin/mysql", "/usr/local/bin/mariadb", "/usr/local/bin/mysql")) {
            if (new File(each).canExecute()) {
                return each;
            }
        }
        return null;
    }

    private record Result(int exitCode, String output) {}

    private Result run(String user, String password, String database, String statements)
            throws IOException, InterruptedException
    {
        List<String> command = new ArrayList<>(List.of(client, "--no-defaults", "--protocol=TCP", "-h", "127.0.0.1",
                "-P", Integer.toString(server.localAddress().getPort()), "-u", user, "--batch", "--skip-ssl"));
        if (!password.isEmpty()) {
            command.add("-p" + password);
        }
        if (database != null) {
            command.add("-D");
            command.add(database);
        }
        command.add("-e");
        command.add(statements);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    @Test
    void testLoginWithBothPluginsAndQuery()
            throws Exception
    {
        for (String[] account : new String[][] {{"root", ""}, {"sha2", "s3cret"}, {"native", "pass1"}, {"root@sys", ""}}) {
            Result result = run(account[0], account[1], null, "SELECT 'x', NULL, 1.5e0");
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).isEqualTo("x\tNULL\t1.5e0\nx\tNULL\t1.5\n");
        }
    }

    @Test
    void testWrongPassword()
            throws Exception
    {
        Result result = run("sha2", "nope", null, "SELECT 'x'");
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("1045").contains("Access denied for user 'sha2'@'localhost' (using password: YES)");
    }

    @Test
    void testDatabaseAndStatus()
            throws Exception
    {
        Result result = run("root", "", "test", "status");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Current database:\ttest").contains("Uptime:").contains("Threads: ").contains("Queries per second avg: ");
        Result missing = run("root", "", "missing", "SELECT 'x'");
        assertThat(missing.output()).contains("1049").contains("Unknown database 'missing'");
    }
}
