package dev.quiver.it.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real MariaDB server, the differential oracle: a local {@code mariadbd} started on its own free port and
 * temporary data directory, stopped and deleted on close. Missing {@code mariadbd} skips the test (fails it
 * with {@code CI=true}). Root has no password and logs in over TCP from 127.0.0.1.
 */
public final class TestingMariaDb
        implements AutoCloseable
{
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final Process process;
    private final int port;

    private TestingMariaDb(Path directory, Process process, int port)
    {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    public static TestingMariaDb start()
    {
        Path server = findServer();
        Path installer = ExternalClients.findOnPath("mariadb-install-db").orElse(Path.of("/usr/bin/mariadb-install-db"));
        try {
            Path directory = Files.createTempDirectory("quiver-mariadb-");
            Path data = directory.resolve("data");
            ProcessResult install = ProcessResult.run(List.of(installer.toString(), "--no-defaults", "--datadir=" + data, "--user=" + System.getProperty("user.name"),
                            "--auth-root-authentication-method=normal", "--skip-test-db"),
                    directory, new byte[0], Duration.ofMinutes(2));
            if (install.exitCode() != 0) {
                throw new IllegalStateException("mariadb-install-db failed: " + install.standardOutput() + install.standardError());
            }
            int port = freePort();
            Process process = new ProcessBuilder(List.of(server.toString(), "--no-defaults", "--datadir=" + data,
                    "--user=" + System.getProperty("user.name"), "--port=" + port, "--bind-address=127.0.0.1",
                    "--socket=" + directory.resolve("mariadb.sock"), "--pid-file=" + directory.resolve("mariadb.pid"),
                    "--skip-log-bin", "--innodb-buffer-pool-size=64M", "--log-error=" + directory.resolve("error.log")))
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("stdout.log").toFile())
                    .start();
            TestingMariaDb result = new TestingMariaDb(directory, process, port);
            result.awaitReady();
            return result;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Path findServer()
    {
        Path system = Path.of("/usr/sbin/mariadbd");
        if (Files.isExecutable(system)) {
            return system;
        }
        return ExternalClients.require("mariadbd", "apt-get install mariadb-server");
    }

    private void awaitReady()
    {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited with " + process.exitValue() + "; see " + directory.resolve("error.log"));
            }
            try (Connection ignored = connect("")) {
                return;
            }
            catch (SQLException ex) {
                last = ex;
            }
            try {
                process.waitFor(100, TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        close();
        throw new IllegalStateException("mariadbd did not accept connections within " + START_TIMEOUT, last);
    }

    public int port()
    {
        return port;
    }

    /** A MariaDB Connector/J connection as root to {@code database} (empty for none). */
    public Connection connect(String database)
            throws SQLException
    {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/" + database, "root", "");
    }

    @Override
    public void close()
    {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        TestingServer.deleteRecursively(directory);
    }

    private static int freePort()
            throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
