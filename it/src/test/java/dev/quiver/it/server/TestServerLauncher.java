package dev.quiver.it.server;

import dev.quiver.it.testing.ExternalClients;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
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
        Path script = ExternalClients.projectRoot().resolve("bin/quiver-server");
        Process process = new ProcessBuilder(List.of(script.toString(), "--port", "0", "--data-dir", dataDirectory.toString()))
                .redirectErrorStream(true)
                .start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> readOutput(process, output, port));
        try {
            int actualPort = port.get(5, TimeUnit.MINUTES);
            try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + actualPort + "/test", "root", "");
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT VERSION()")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).contains("seekdb-v1.4.0.0");
            }
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits after SIGTERM; output: %s", output).isTrue();
            reader.join(10_000);
            assertThat(String.join("\n", output)).contains("Shutting down", "Stopped");
            assertThat(process.exitValue()).isIn(0, 143);
        }
        finally {
            process.destroyForcibly();
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

    private static void readOutput(Process process, List<String> output, CompletableFuture<Integer> port)
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
                Matcher matcher = READY.matcher(line);
                if (matcher.find()) {
                    port.complete(Integer.parseInt(matcher.group(2)));
                }
            }
            port.completeExceptionally(new AssertionError("server exited before it was ready: " + output));
        }
        catch (IOException ex) {
            port.completeExceptionally(ex);
        }
    }
}
