package dev.quiver.client.internal;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestConnectionPool
{
    private final List<FakeConnection> opened = new ArrayList<>();

    @Test
    void testReusesIdleConnections()
            throws SQLException
    {
        try (ConnectionPool pool = pool(2, Duration.ofHours(1))) {
            Connection first = pool.acquire();
            pool.release(first, false);
            assertThat(pool.acquire()).isSameAs(first);
            assertThat(opened).hasSize(1);
        }
    }

    @Test
    void testBoundsOpenConnectionsAndTimesOut()
            throws SQLException
    {
        try (ConnectionPool pool = pool(2, Duration.ofHours(1))) {
            Connection first = pool.acquire();
            Connection second = pool.acquire();
            assertThat(first).isNotSameAs(second);
            assertThatThrownBy(pool::acquire).isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("08004"))
                    .hasMessageContaining("No pooled connection became free");
            pool.release(second, false);
            assertThat(pool.acquire()).isSameAs(second);
        }
    }

    @Test
    void testDiscardsBrokenAndClosedConnections()
            throws SQLException
    {
        try (ConnectionPool pool = pool(1, Duration.ofHours(1))) {
            Connection broken = pool.acquire();
            pool.release(broken, true);
            assertThat(opened.getFirst().closed.get()).isTrue();
            assertThat(pool.idleCount()).isZero();

            Connection closedByDriver = pool.acquire();
            closedByDriver.close();
            pool.release(closedByDriver, false);
            assertThat(pool.idleCount()).isZero();
            assertThat(pool.acquire()).isNotSameAs(closedByDriver);
            assertThat(opened).hasSize(3);
        }
    }

    @Test
    void testValidatesLongIdleConnections()
            throws SQLException
    {
        try (ConnectionPool pool = pool(1, Duration.ZERO)) {
            Connection first = pool.acquire();
            pool.release(first, false);
            opened.getFirst().valid.set(false);
            Connection second = pool.acquire();
            assertThat(second).isNotSameAs(first);
            assertThat(opened.getFirst().closed.get()).isTrue();
        }
    }

    @Test
    void testCloseClosesIdleAndLaterReleasedConnections()
            throws SQLException
    {
        ConnectionPool pool = pool(2, Duration.ofHours(1));
        Connection idle = pool.acquire();
        Connection inUse = pool.acquire();
        pool.release(idle, false);
        pool.close();
        assertThat(opened.get(0).closed.get()).isTrue();
        assertThat(opened.get(1).closed.get()).isFalse();
        pool.release(inUse, false);
        assertThat(opened.get(1).closed.get()).isTrue();
        assertThatThrownBy(pool::acquire).isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("08003"));
    }

    @Test
    void testFactoryFailureReleasesTheSlot()
    {
        ConnectionPool pool = new ConnectionPool(() -> {
            throw new SQLException("Access denied for user 'x'", "28000", 1045);
        }, 1, Duration.ofMillis(1), Duration.ofHours(1));
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(pool::acquire).isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getErrorCode()).isEqualTo(1045));
        }
    }

    private ConnectionPool pool(int size, Duration validationInterval)
    {
        return new ConnectionPool(() -> {
            FakeConnection connection = new FakeConnection();
            opened.add(connection);
            return connection.proxy;
        }, size, Duration.ofMillis(1), validationInterval);
    }

    private static final class FakeConnection
    {
        final AtomicBoolean closed = new AtomicBoolean();
        final AtomicBoolean valid = new AtomicBoolean(true);
        final Connection proxy = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (self, method, arguments) -> switch (method.getName()) {
                    case "close" -> {
                        closed.set(true);
                        yield null;
                    }
                    case "isClosed" -> closed.get();
                    case "isValid" -> valid.get() && !closed.get();
                    case "hashCode" -> System.identityHashCode(self);
                    case "equals" -> self == arguments[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
