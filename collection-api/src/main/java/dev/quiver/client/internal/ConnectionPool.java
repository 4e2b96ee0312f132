package dev.quiver.client.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import static java.util.Objects.requireNonNull;

/**
 * A small pool of JDBC connections: at most {@code maximumSize} open at once, idle ones reused
 * (most recently used first), a connection idle for longer than {@code validationInterval} checked
 * with {@link Connection#isValid} before reuse, a broken connection closed instead of returned.
 * Thread-safe; locks are {@link ReentrantLock}s so virtual threads do not pin.
 */
public final class ConnectionPool
        implements AutoCloseable
{
    /** Opens a new physical connection (DriverManager or a DataSource). */
    @FunctionalInterface
    public interface ConnectionFactory
    {
        Connection open()
                throws SQLException;
    }

    private record IdleConnection(Connection connection, long idleSinceNanos) {}

    private final ConnectionFactory factory;
    private final Semaphore permits;
    private final Duration acquireTimeout;
    private final long validationIntervalNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<IdleConnection> idle = new ArrayDeque<>();
    private boolean closed;

    public ConnectionPool(ConnectionFactory factory, int maximumSize, Duration acquireTimeout, Duration validationInterval)
    {
        this.factory = requireNonNull(factory, "factory is null");
        if (maximumSize < 1) {
            throw new IllegalArgumentException("maximumSize must be positive: " + maximumSize);
        }
        this.permits = new Semaphore(maximumSize, true);
        this.acquireTimeout = requireNonNull(acquireTimeout, "acquireTimeout is null");
        this.validationIntervalNanos = requireNonNull(validationInterval, "validationInterval is null").toNanos();
    }

    /** A connection for exclusive use until {@link #release}; waits up to the acquire timeout for a free slot. */
    public Connection acquire()
            throws SQLException
    {
        try {
            if (!permits.tryAcquire(acquireTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SQLException("No pooled connection became free within " + acquireTimeout, "08004");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for a pooled connection", "08004", ex);
        }
        try {
            Connection result = reuseIdle();
            if (result == null) {
                result = factory.open();
            }
            return result;
        }
        catch (SQLException | RuntimeException ex) {
            permits.release();
            throw ex;
        }
    }

    private Connection reuseIdle()
            throws SQLException
    {
        while (true) {
            IdleConnection candidate;
            lock.lock();
            try {
                if (closed) {
                    throw new SQLException("The client is closed", "08003");
                }
                candidate = idle.pollFirst();
            }
            finally {
                lock.unlock();
            }
            if (candidate == null) {
                return null;
            }
            if (System.nanoTime() - candidate.idleSinceNanos() < validationIntervalNanos || isValid(candidate.connection())) {
                return candidate.connection();
            }
            closeQuietly(candidate.connection());
        }
    }

    /** Returns a connection; a {@code broken} one (or any after {@link #close}) is closed instead. */
    public void release(Connection connection, boolean broken)
    {
        requireNonNull(connection, "connection is null");
        try {
            boolean keep = !broken && !isClosed(connection);
            lock.lock();
            try {
                if (keep && !closed) {
                    idle.addFirst(new IdleConnection(connection, System.nanoTime()));
                    return;
                }
            }
            finally {
                lock.unlock();
            }
            closeQuietly(connection);
        }
        finally {
            permits.release();
        }
    }

    /** The number of idle connections (for tests and diagnostics). */
    public int idleCount()
    {
        lock.lock();
        try {
            return idle.size();
        }
        finally {
            lock.unlock();
        }
    }

    /** Closes the idle connections; connections in use are closed when released. */
    @Override
    public void close()
    {
        Deque<IdleConnection> toClose;
        lock.lock();
        try {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        finally {
            lock.unlock();
        }
        toClose.forEach(each -> closeQuietly(each.connection()));
    }

    private static boolean isValid(Connection connection)
    {
        try {
            return connection.isValid(5);
        }
        catch (SQLException ex) {
            return false;
        }
    }

    private static boolean isClosed(Connection connection)
    {
        try {
            return connection.isClosed();
        }
        catch (SQLException ex) {
            return true;
        }
    }

    private static void closeQuietly(Connection connection)
    {
        try {
            connection.close();
        }
        catch (SQLException ignored) {
            // the connection is being discarded; nothing to do
        }
    }
}
