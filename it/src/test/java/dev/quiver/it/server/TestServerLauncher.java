package dev.quiver.it.server;

import dev.quiver.it.testing.ExternalClients;
import dev.quiver.it.testing.ServerProcess;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command as a user runs it: {@code bin/quiver-server} in the foreground, a line with
 * {@code ready}, clients connect, and SIGTERM stops it cleanly.
 */
class TestServerLauncher
{
    @Test
    void testStartConnectAndStopWithSigterm()
            throws Exception
    {
        Path dataDirectory = Files.createTempDirectory("quiver-launcher-");
        try (ServerProcess server = ServerProcess.start(dataDirectory)) {
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("test"), "root", "");
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT VERSION()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).contains("seekdb-v1.4.0.0");
            }
            server.process().destroy(); // SIGTERM
            assertThat(server.process().waitFor(60, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            assertThat(server.log()).contains("Shutting down", "Stopped");
            assertThat(server.process().exitValue()).isIn(0, 143);
        }
        finally {
            TestingServer.deleteRecursively(dataDirectory);
        }
    }

    @Test
    void testRefusesNonLoopbackBindWithEmptyRootPassword()
            throws Exception
    {
        Path dataDirectory = Files.createTempDirectory("quiver-launcher-");
        try {
            Path script = ExternalClients.projectRoot().resolve("bin/quiver-server");
            Process process = new ProcessBuilder(List.of(script.toString(), "--bind", "0.0.0.0", "--port", "0", "--data-dir", dataDirectory.toString()))
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).isEqualTo(1);
            assertThat(output).contains("refusing to listen on 0.0.0.0", "--root-password");
        }
        finally {
            TestingServer.deleteRecursively(dataDirectory);
        }
    }
}
