package dev.quiver.server;

import java.nio.file.Path;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The server's configuration, built once at start-up from the command line and the environment.
 *
 * @param bindAddress the address to listen on ({@code 127.0.0.1} by default, seekdb's default)
 * @param port the TCP port ({@code 2881} by default; 0 picks a free one)
 * @param dataDirectory where databases, the log and the accounts live
 * @param rootPassword the root password to store when the data directory is created; on later starts
 *         it must match the stored one (changing it is {@code ALTER USER}'s job)
 * @param serverVersion the version string of the greeting and {@code VERSION()}
 */
public record ServerConfig(String bindAddress, int port, Path dataDirectory, Optional<String> rootPassword, String serverVersion)
{
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 2881;
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("data");
    public static final String DEFAULT_SERVER_VERSION = "8.0.36-seekdb-v1.4.0.0";
    public static final String ROOT_PASSWORD_ENVIRONMENT_VARIABLE = "QUIVER_ROOT_PASSWORD";

    public ServerConfig
    {
        requireNonNull(bindAddress, "bindAddress is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        requireNonNull(rootPassword, "rootPassword is null");
        requireNonNull(serverVersion, "serverVersion is null");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public ServerConfig withPort(int newPort)
    {
        return new ServerConfig(bindAddress, newPort, dataDirectory, rootPassword, serverVersion);
    }
}
