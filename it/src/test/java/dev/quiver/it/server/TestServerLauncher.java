package dev.quiver.it.server;

import dev.quiver.it.testing.ExternalClients;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command as a user runs it: {@code bin/quiver-server} in the foreground, a line with
 * {@code ready}, clients connect, and SIGTERM stops it cleanly.
 */
class TestServerLauncher
{
    private static final Pattern READY = Pattern.compile("ready for connections on ([0-9.]+):(\\d+)");

    @Test
    void testStartConnectAndStopWithSigterm()
            throws Exception
    {
        Path dataDirectory = Files.createTempDirectory("quiver-launcher-");
        Path log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        Path script = ExternalClients.projectRoot().resolve("bin/quiver-server");
        Process process = new ProcessBuilder(List.of(script.toString(), "--port", "0", "--data-dir", dataDirectory.toString()))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            int port = awaitReady(process, log);
            try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/test", "root", "");
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT VERSION()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).contains("seekdb-v1.4.0.0");
            }
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits after SIGTERM").isTrue();
            assertThat(Files.readString(log)).contains("Shutting down", "Stopped");
            assertThat(process.exitValue()).isIn(0, 143);
        }
        finally {
            process.destroyForcibly();
            TestingServer.deleteRecursively(dataDirectory);
            Files.deleteIfExists(log);
        }
    }

    /** Polls the log until the ready line names the port (the first start may build the server first). */
    private static int awaitReady(Process process, Path log)
            throws IOException, InterruptedException
    {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            Matcher matcher = READY.matcher(Files.readString(log));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(2));
            }
            if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("server exited with " + process.exitValue() + " before it was ready: " + Files.readString(log));
            }
        }
        throw new AssertionError("server not ready within 5 minutes: " + Files.readString(log));
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
