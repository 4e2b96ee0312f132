package dev.quiver.wire.connection;

import dev.quiver.wire.spi.CredentialStore;
import dev.quiver.wire.spi.QueryHandler;

import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * What every connection of one server shares: the handler and credential store, where commands run, the
 * limits, and the counters COM_STATISTICS reports. Thread-safe.
 */
public final class ServerContext
{
    private final QueryHandler handler;
    private final CredentialStore credentials;
    private final Executor commandExecutor;
    private final String serverVersion;
    private final int characterSet;
    private final int maxConnections;
    private final long connectTimeoutMillis;
    private final int maxAllowedPacket;
    private final long startNanos = System.nanoTime();
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicLong questions = new AtomicLong();
    private final ReentrantLock liveLock = new ReentrantLock();
    private final Condition allClosed = liveLock.newCondition();
    private int liveConnections;

    public ServerContext(QueryHandler handler, CredentialStore credentials, Executor commandExecutor, String serverVersion, int characterSet, int maxConnections)
    {
        this(handler, credentials, commandExecutor, serverVersion, characterSet, maxConnections, 10_000, 64 * 1024 * 1024);
    }

    public ServerContext(QueryHandler handler, CredentialStore credentials, Executor commandExecutor, String serverVersion, int characterSet,
            int maxConnections, long connectTimeoutMillis, int maxAllowedPacket)
    {
        this.handler = requireNonNull(handler, "handler is null");
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.commandExecutor = requireNonNull(commandExecutor, "commandExecutor is null");
        this.serverVersion = requireNonNull(serverVersion, "serverVersion is null");
        this.characterSet = characterSet;
        this.maxConnections = maxConnections;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.maxAllowedPacket = maxAllowedPacket;
    }

    QueryHandler handler()
    {
        return handler;
    }

    CredentialStore credentials()
    {
        return credentials;
    }

    Executor commandExecutor()
    {
        return commandExecutor;
    }

    String serverVersion()
    {
        return serverVersion;
    }

    int characterSet()
    {
        return characterSet;
    }

    /** Also the limit of one parameter's COM_STMT_SEND_LONG_DATA (MySQL's max_long_data_size). */
    int maxAllowedPacket()
    {
        return maxAllowedPacket;
    }

    long connectTimeoutMillis()
    {
        return connectTimeoutMillis;
    }

    /** Connection ids fit the handshake's {@code int<4>}; they start at 1 and wrap. */
    long nextConnectionId()
    {
        return (connectionIds.incrementAndGet() - 1) % 0xFFFF_FFFFL + 1;
    }

    /** Admits one more connection, or refuses it when {@code maxConnections} are open. */
    boolean tryOpenConnection()
    {
        if (openConnections.incrementAndGet() > maxConnections) {
            openConnections.decrementAndGet();
            return false;
        }
        return true;
    }

    void connectionClosed()
    {
        openConnections.decrementAndGet();
    }

    /** An admitted connection starts; it stays live until its session is released ({@link #connectionReleased}). */
    void connectionStarted()
    {
        liveLock.lock();
        try {
            liveConnections++;
        }
        finally {
            liveLock.unlock();
        }
    }

    void connectionReleased()
    {
        liveLock.lock();
        try {
            liveConnections--;
            if (liveConnections == 0) {
                allClosed.signalAll();
            }
        }
        finally {
            liveLock.unlock();
        }
    }

    /**
     * Waits until every connection has released its handler session (after the channels were closed).
     *
     * @return whether they all did within the timeout
     */
    public boolean awaitConnectionsReleased(long timeout, TimeUnit unit)
            throws InterruptedException
    {
        long remaining = unit.toNanos(timeout);
        liveLock.lock();
        try {
            while (liveConnections > 0) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = allClosed.awaitNanos(remaining);
            }
            return true;
        }
        finally {
            liveLock.unlock();
        }
    }

    public int openConnections()
    {
        return openConnections.get();
    }

    void countQuestion()
    {
        questions.incrementAndGet();
    }

    /** The text of COM_STATISTICS, in MySQL's layout. */
    String statistics()
    {
        long uptime = (System.nanoTime() - startNanos) / 1_000_000_000L;
        long questionCount = questions.get();
        double perSecond = uptime == 0 ? 0 : (double) questionCount / uptime;
        return String.format(Locale.ROOT,
                "Uptime: %d  Threads: %d  Questions: %d  Slow queries: 0  Opens: 0  Flush tables: 0  Open tables: 0  Queries per second avg: %.3f",
                uptime, openConnections.get(), questionCount, perSecond);
    }
}
