package dev.quiver.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;

/**
 * {@code quiver-server}: runs the server in the foreground until SIGTERM or Ctrl-C, then shuts down cleanly.
 * Logs a line containing {@code ready} once it accepts connections.
 */
public final class ServerMain
{
    private ServerMain()
    {
    }

    public static void main(String[] arguments)
    {
        System.exit(run(arguments, System.err));
    }

    static int run(String[] arguments, PrintStream errors)
    {
        ServerConfig config;
        try {
            config = CommandLine.parse(Arrays.asList(arguments), System.getenv());
        }
        catch (CommandLine.UsageException ex) {
            if (!ex.getMessage().isEmpty()) {
                errors.println("quiver-server: " + ex.getMessage());
            }
            errors.print(CommandLine.USAGE);
            return ex.getMessage().isEmpty() ? 0 : 2;
        }

        Logger log = LoggerFactory.getLogger(ServerMain.class);
        Server server;
        try {
            server = Server.start(config);
        }
        catch (StartupException ex) {
            errors.println("quiver-server: " + ex.getMessage());
            return 1;
        }
        catch (IOException | RuntimeException ex) {
            log.error("Quiver could not start", ex);
            return 1;
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Thread shutdown = new Thread(() -> {
            log.info("Shutting down");
            server.close();
            log.info("Stopped");
            stopped.countDown();
        }, "quiver-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);

        InetSocketAddress address = server.address();
        log.info("Quiver {} ready for connections on {}:{} (data directory {})",
                config.serverVersion(), address.getAddress().getHostAddress(), address.getPort(), config.dataDirectory().toAbsolutePath().normalize());
        try {
            stopped.await();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
