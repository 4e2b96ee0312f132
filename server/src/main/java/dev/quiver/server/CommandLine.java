package dev.quiver.server;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses {@code quiver-server [--port N] [--bind ADDR] [--data-dir DIR] [--root-password PW]
 * [--server-version V]}; both {@code --flag value} and {@code --flag=value} work.
 */
final class CommandLine
{
    static final String USAGE = """
            Usage: quiver-server [--port N] [--bind ADDR] [--data-dir DIR] [--root-password PW] [--server-version V]
              --port N            TCP port to listen on (default 2881; 0 picks a free port)
              --bind ADDR         address to listen on (default 127.0.0.1)
              --data-dir DIR      data directory (default ./data)
              --root-password PW  root's password, stored when the data directory is created
                                  (also from the environment variable QUIVER_ROOT_PASSWORD)
              --server-version V  version string reported to clients (default 8.0.36-seekdb-v1.4.0.0)
            """;

    private CommandLine()
    {
    }

    /** Thrown for a command line that cannot be used; the message says why. */
    static final class UsageException
            extends Exception
    {
        private static final long serialVersionUID = 1L;

        UsageException(String message)
        {
            super(message);
        }
    }

    static ServerConfig parse(List<String> arguments, Map<String, String> environment)
            throws UsageException
    {
        String bind = ServerConfig.DEFAULT_BIND_ADDRESS;
        int port = ServerConfig.DEFAULT_PORT;
        Path dataDirectory = ServerConfig.DEFAULT_DATA_DIRECTORY;
        Optional<String> rootPassword = Optional.ofNullable(environment.get(ServerConfig.ROOT_PASSWORD_ENVIRONMENT_VARIABLE));
        String serverVersion = ServerConfig.DEFAULT_SERVER_VERSION;

        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            String name = argument;
            String value = null;
            int equals = argument.indexOf('=');
            if (argument.startsWith("--") && equals > 0) {
                name = argument.substring(0, equals);
                value = argument.substring(equals + 1);
            }
            if (name.equals("--help") || name.equals("-h")) {
                throw new UsageException("");
            }
            if (!name.startsWith("--")) {
                throw new UsageException("unexpected argument: " + argument);
            }
            if (value == null) {
                if (i + 1 >= arguments.size()) {
                    throw new UsageException("missing value for " + name);
                }
                value = arguments.get(++i);
            }
            switch (name) {
                case "--port" -> port = parsePort(value);
                case "--bind" -> bind = value;
                case "--data-dir" -> dataDirectory = Path.of(value);
                case "--root-password" -> rootPassword = Optional.of(value);
                case "--server-version" -> serverVersion = value;
                default -> throw new UsageException("unknown option: " + name);
            }
        }
        return new ServerConfig(bind, port, dataDirectory, rootPassword, serverVersion);
    }

    private static int parsePort(String value)
            throws UsageException
    {
        try {
            int port = Integer.parseInt(value);
            if (port < 0 || port > 65535) {
                throw new UsageException("port out of range (0-65535): " + value);
            }
            return port;
        }
        catch (NumberFormatException ex) {
            throw new UsageException("port is not a number: " + value);
        }
    }
}
