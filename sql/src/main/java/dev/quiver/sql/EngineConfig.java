package dev.quiver.sql;

import static java.util.Objects.requireNonNull;

/**
 * What the SQL layer reports about the server it runs in (system variables such as {@code @@version}).
 *
 * @param serverVersion {@code @@version} and {@code VERSION()}, e.g. {@code 8.0.36-seekdb-v1.4.0.0}
 * @param maxAllowedPacket the global {@code max_allowed_packet} the wire layer enforces
 * @param port {@code @@port}
 * @param versionComment {@code @@version_comment}, shown by the mysql CLI's banner
 * @param hostname {@code @@hostname}
 * @param dataDirectory {@code @@datadir}, or empty for an in-memory server
 */
public record EngineConfig(String serverVersion, long maxAllowedPacket, int port, String versionComment, String hostname, String dataDirectory)
{
    public static final String DEFAULT_VERSION_COMMENT = "Quiver, a seekdb-compatible server";

    public EngineConfig
    {
        requireNonNull(serverVersion, "serverVersion is null");
        requireNonNull(versionComment, "versionComment is null");
        requireNonNull(hostname, "hostname is null");
        requireNonNull(dataDirectory, "dataDirectory is null");
        if (maxAllowedPacket <= 0) {
            throw new IllegalArgumentException("maxAllowedPacket must be positive");
        }
    }

    /** A configuration with the default version comment, host name {@code localhost} and no data directory. */
    public static EngineConfig of(String serverVersion, long maxAllowedPacket, int port)
    {
        return new EngineConfig(serverVersion, maxAllowedPacket, port, DEFAULT_VERSION_COMMENT, "localhost", "");
    }
}
