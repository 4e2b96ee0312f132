package dev.quiver.wire;

import java.util.Locale;

import static java.util.Objects.requireNonNull;

/**
 * How the MySQL protocol server listens and what it announces.
 *
 * @param bindAddress the address to bind ({@code 127.0.0.1}, {@code 0.0.0.0}, ...)
 * @param port the TCP port; 0 picks an ephemeral one (see {@link MySqlServer#localAddress()})
 * @param serverVersion the version string of the greeting; must look like MySQL 8 (drivers choose their
 *         queries by it) and must not mention MariaDB
 * @param maxAllowedPacket the largest command payload accepted, after joining 16 MiB chunks; larger ones get
 *         ER_NET_PACKET_TOO_LARGE and the connection closes. The SQL layer should report the same number as
 *         {@code @@max_allowed_packet}
 * @param maxConnections connections beyond this get ER_CON_COUNT_ERROR instead of a greeting
 * @param characterSet the collation id of the greeting (45 utf8mb4_general_ci or 255 utf8mb4_0900_ai_ci)
 * @param ioThreads event loop threads; 0 means Netty's default (twice the processors)
 * @param writeBufferLowWaterMark bytes pending on a connection below which it is writable again
 * @param writeBufferHighWaterMark bytes pending on a connection above which a streaming result pauses
 * @param connectTimeoutMillis how long a client may take from connecting to being authenticated before the
 *         server closes the connection (MySQL's {@code connect_timeout}, 10 s)
 */
public record WireConfig(
        String bindAddress,
        int port,
        String serverVersion,
        int maxAllowedPacket,
        int maxConnections,
        int characterSet,
        int ioThreads,
        int writeBufferLowWaterMark,
        int writeBufferHighWaterMark,
        long connectTimeoutMillis)
{
    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final int DEFAULT_PORT = 2881;
    public static final String DEFAULT_SERVER_VERSION = "8.0.36-seekdb-v1.4.0.0";
    public static final int DEFAULT_MAX_ALLOWED_PACKET = 64 * 1024 * 1024;
    public static final int DEFAULT_MAX_CONNECTIONS = 2000;
    public static final int UTF8MB4_GENERAL_CI = 45;
    public static final int UTF8MB4_0900_AI_CI = 255;

    public WireConfig
    {
        requireNonNull(bindAddress, "bindAddress is null");
        requireNonNull(serverVersion, "serverVersion is null");
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (serverVersion.toLowerCase(Locale.ROOT).contains("mariadb")) {
            throw new IllegalArgumentException("serverVersion must not mention MariaDB (clients switch to MariaDB mode): " + serverVersion);
        }
        if (maxAllowedPacket < 1024) {
            throw new IllegalArgumentException("maxAllowedPacket must be at least 1024: " + maxAllowedPacket);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
        }
        if (characterSet < 1 || characterSet > 255) {
            throw new IllegalArgumentException("characterSet must be a collation id 1..255: " + characterSet);
        }
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must not be negative: " + ioThreads);
        }
        if (connectTimeoutMillis <= 0) {
            throw new IllegalArgumentException("connectTimeoutMillis must be positive: " + connectTimeoutMillis);
        }
        if (writeBufferLowWaterMark <= 0 || writeBufferHighWaterMark < writeBufferLowWaterMark) {
            throw new IllegalArgumentException("write buffer water marks must satisfy 0 < low <= high");
        }
    }

    /** seekdb's defaults: {@code 127.0.0.1:2881}. */
    public static WireConfig defaults()
    {
        return new WireConfig(DEFAULT_BIND_ADDRESS, DEFAULT_PORT, DEFAULT_SERVER_VERSION, DEFAULT_MAX_ALLOWED_PACKET,
                DEFAULT_MAX_CONNECTIONS, UTF8MB4_GENERAL_CI, 0, 256 * 1024, 1024 * 1024, 10_000);
    }

    public WireConfig withBindAddress(String bindAddress)
    {
        return new WireConfig(bindAddress, port, serverVersion, maxAllowedPacket, maxConnections, characterSet, ioThreads, writeBufferLowWaterMark, writeBufferHighWaterMark, connectTimeoutMillis);
    }

    public WireConfig withPort(int port)
    {
        return new WireConfig(bindAddress, port, serverVersion, maxAllowedPacket, maxConnections, characterSet, ioThreads, writeBufferLowWaterMark, writeBufferHighWaterMark, connectTimeoutMillis);
    }

    public WireConfig withServerVersion(String serverVersion)
    {
        return new WireConfig(bindAddress, port, serverVersion, maxAllowedPacket, maxConnections, characterSet, ioThreads, writeBufferLowWaterMark, writeBufferHighWaterMark, connectTimeoutMillis);
    }

    public WireConfig withMaxAllowedPacket(int maxAllowedPacket)
    {
        return new WireConfig(bindAddress, port, serverVersion, maxAllowedPacket, maxConnections, characterSet, ioThreads, writeBufferLowWaterMark, writeBufferHighWaterMark, connectTimeoutMillis);
    }

    public WireConfig withMaxConnections(int maxConnections)
    {
        return new WireConfig(bindAddress, port, serverVersion, maxAllowedPacket, maxConnections, characterSet, ioThreads, writeBufferLowWaterMark, writeBufferHighWaterMark, connectTimeoutMillis);
    }

    public WireConfig withCharacterSet(int characterSet)
    {
        return new WireConfig(bindAddress, port, serverVersion, maxAllowedPacket, maxConnections, characterSet, ioThreads, writeBufferLowWaterMark, writeBufferHighWaterMark, connectTimeoutMillis);
    }

    public WireConfig withIoThreads(int ioThreads)
    {
        return new WireConfig(bindAddress, port, serverVersion, maxAllowedPacket, maxConnections, characterSet, ioThreads, writeBufferLowWaterMark, writeBufferHighWaterMark, connectTimeoutMillis);
    }

    public WireConfig withWriteBufferWaterMarks(int writeBufferLowWaterMark, int writeBufferHighWaterMark)
    {
        return new WireConfig(bindAddress, port, serverVersion, maxAllowedPacket, maxConnections, characterSet, ioThreads, writeBufferLowWaterMark, writeBufferHighWaterMark, connectTimeoutMillis);
    }

    public WireConfig withConnectTimeoutMillis(long connectTimeoutMillis)
    {
        return new WireConfig(bindAddress, port, serverVersion, maxAllowedPacket, maxConnections, characterSet, ioThreads, writeBufferLowWaterMark, writeBufferHighWaterMark, connectTimeoutMillis);
    }
}
