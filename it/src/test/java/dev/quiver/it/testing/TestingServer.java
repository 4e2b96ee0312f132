package dev.quiver.it.testing;

import dev.quiver.server.Server;
import dev.quiver.server.ServerConfig;
import dev.quiver.server.StartupException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Quiver server in this JVM on {@code 127.0.0.1:0} with a temporary data directory, deleted on close.
 */
public final class TestingServer
        implements AutoCloseable
{
    private final Path dataDirectory;
    private final Server server;

    private TestingServer(Path dataDirectory, Server server)
    {
        this.dataDirectory = dataDirectory;
        this.server = server;
    }

    public static TestingServer start()
    {
        return start(Optional.empty());
    }

    public static TestingServer start(Optional<String> rootPassword)
    {
        try {
            Path directory = Files.createTempDirectory("quiver-it-");
            ServerConfig config = new ServerConfig("127.0.0.1", 0, directory, rootPassword, ServerConfig.DEFAULT_SERVER_VERSION);
            return new TestingServer(directory, Server.start(config));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (StartupException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public int port()
    {
        return server.address().getPort();
    }

    public String mariadbUrl(String options)
    {
        return "jdbc:mariadb://127.0.0.1:" + port() + "/test" + (options.isEmpty() ? "" : "?" + options);
    }

    public String mysqlUrl(String options)
    {
        return "jdbc:mysql://127.0.0.1:" + port() + "/test?sslMode=DISABLED" + (options.isEmpty() ? "" : "&" + options);
    }

    @Override
    public void close()
    {
        server.close();
        deleteRecursively(dataDirectory);
    }

    public static void deleteRecursively(Path directory)
    {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
