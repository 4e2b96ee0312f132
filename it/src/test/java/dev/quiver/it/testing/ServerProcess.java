package dev.quiver.it.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/quiver-server} as a user runs it, in a child process on a free port with the given data directory;
 * its output goes to a log file beside the directory (a file, not a pipe, so nothing is lost when it exits).
 */
public final class ServerProcess
        implements AutoCloseable
{
    private static final Pattern READY = Pattern.compile("ready for connections on [0-9.]+:(\\d+)");

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port)
    {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the script and waits (up to 5 minutes: the first start may build) for its ready line. */
    public static ServerProcess start(Path dataDirectory, String... arguments)
            throws IOException, InterruptedException
    {
        return start(dataDirectory, java.util.Map.of(), arguments);
    }

    /** As {@link #start(Path, String...)}, with extra environment variables (e.g. {@code JDK_JAVA_OPTIONS}). */
    public static ServerProcess start(Path dataDirectory, java.util.Map<String, String> environment, String... arguments)
            throws IOException, InterruptedException
    {
        Path log = logOf(dataDirectory);
        Files.deleteIfExists(log);
        List<String> command = new ArrayList<>(List.of(ExternalClients.projectRoot().resolve("bin/quiver-server").toString(),
                "--port", "0", "--data-dir", dataDirectory.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            Matcher matcher = READY.matcher(Files.readString(log));
            if (matcher.find()) {
                return new ServerProcess(process, log, Integer.parseInt(matcher.group(1)));
            }
            if (process.waitFor(100, TimeUnit.MILLISECONDS)) {
                throw new AssertionError("server exited with " + process.exitValue() + " before it was ready: " + Files.readString(log));
            }
        }
        process.destroyForcibly();
        throw new AssertionError("server not ready within 5 minutes: " + Files.readString(log));
    }

    /** Where the output of a server on {@code dataDirectory} goes. */
    public static Path logOf(Path dataDirectory)
    {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
    }

    public int port()
    {
        return port;
    }

    public Process process()
    {
        return process;
    }

    public String log()
            throws IOException
    {
        return Files.readString(log);
    }

    public String jdbcUrl(String database)
    {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** SIGKILL, as kill -9: no shutdown hook runs. */
    public void kill()
            throws InterruptedException
    {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("server did not die after SIGKILL");
        }
    }

    /** Makes sure the process is gone and removes its log. */
    @Override
    public void close()
            throws IOException, InterruptedException
    {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(log);
    }
}
