package dev.quiver.wire;

import dev.quiver.wire.testing.FakeCredentialStore;
import dev.quiver.wire.testing.FakeQueryHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static dev.quiver.wire.auth.AuthenticationPlugin.CACHING_SHA2_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TestMySqlServerLifecycle
{
    private final FakeQueryHandler handler = new FakeQueryHandler();
    private final FakeCredentialStore credentials = new FakeCredentialStore().withAccount("root", CACHING_SHA2_PASSWORD, "");

    @Test
    void testPortInUseFailsClearly()
    {
        try (MySqlServer first = new MySqlServer(WireConfig.defaults().withPort(0), handler, credentials)) {
            first.start();
            int port = first.localAddress().getPort();
            MySqlServer second = new MySqlServer(WireConfig.defaults().withPort(port), handler, credentials);
            assertThatThrownBy(second::start)
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("Cannot listen on 127.0.0.1:" + port)
                    .hasCauseInstanceOf(BindException.class);
            second.close();
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void testLifecycleMisuse()
    {
        MySqlServer server = new MySqlServer(WireConfig.defaults().withPort(0), handler, credentials);
        assertThatThrownBy(server::localAddress).isInstanceOf(IllegalStateException.class);
        server.start();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
        server.close();
        server.close();
    }

    @Test
    void testConfigValidation()
    {
        assertThatThrownBy(() -> WireConfig.defaults().withServerVersion("5.5.5-10.11-MariaDB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireConfig.defaults().withPort(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireConfig.defaults().withMaxConnections(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(WireConfig.defaults().serverVersion()).isEqualTo("8.0.36-seekdb-v1.4.0.0");
        assertThat(WireConfig.defaults().maxAllowedPacket()).isEqualTo(64 * 1024 * 1024);
        assertThat(WireConfig.defaults().maxConnections()).isEqualTo(2000);
    }

    @Test
    void testCloseDisconnectsClientsAndClosesSessions()
            throws Exception
    {
        MySqlServer server = new MySqlServer(WireConfig.defaults().withPort(0), handler, credentials);
        server.start();
        int port = server.localAddress().getPort();
        Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.localAddress().getPort() + "/?user=root");
        assertThat(connection.isValid(5)).isTrue();
        server.close();
        assertThat(handler.sessions).hasSize(1);
        assertThat(handler.sessions.getFirst().closed).isTrue();
        assertThat(connection.isValid(2)).isFalse();
        connection.close();
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            throw new AssertionError("server still accepts");
        }
        catch (java.io.IOException expected) {
            // refused, as it should be
        }
    }

    @Test
    void testMaxConnectionsOverTcp()
            throws Exception
    {
        try (MySqlServer server = new MySqlServer(WireConfig.defaults().withPort(0).withMaxConnections(1), handler, credentials)) {
            server.start();
            String url = "jdbc:mysql://127.0.0.1:" + server.localAddress().getPort() + "/?sslMode=DISABLED&user=root";
            try (Connection first = DriverManager.getConnection(url)) {
                assertThatThrownBy(() -> DriverManager.getConnection(url).close())
                        .satisfies(ex -> assertThat(((java.sql.SQLException) ex).getErrorCode()).isEqualTo(1040));
                assertThat(first.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void testLargeResultStreamsWithBackPressure()
            throws Exception
    {
        int rowCount = 400_000;
        String value = "v".repeat(100);
        AtomicLong produced = new AtomicLong();
        AtomicReference<Thread> producer = new AtomicReference<>();
        handler.on("SELECT stream", (session, sink) -> {
            producer.set(Thread.currentThread());
            sink.beginResultSet(List.of(FakeQueryHandler.varchar("v")));
            Object[] row = {value};
            for (int i = 0; i < rowCount; i++) {
                sink.row(row);
                produced.incrementAndGet();
            }
            sink.endResultSet();
        });
        try (MySqlServer server = new MySqlServer(WireConfig.defaults().withPort(0), handler, credentials)) {
            server.start();
            try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.localAddress().getPort() + "/?user=root");
                    Statement statement = connection.createStatement()) {
                statement.setFetchSize(1);
                try (ResultSet result = statement.executeQuery("SELECT stream")) {
                    assertThat(result.next()).isTrue();
                    awaitBlocked(producer, produced, rowCount);
                    long rows = 1;
                    while (result.next()) {
                        rows++;
                    }
                    assertThat(rows).isEqualTo(rowCount);
                }
            }
        }
    }

    /** Polls (with a timeout) until the producing thread waits for writability before producing every row. */
    private static void awaitBlocked(AtomicReference<Thread> producer, AtomicLong produced, int rowCount)
            throws InterruptedException
    {
        CountDownLatch never = new CountDownLatch(1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Thread thread = producer.get();
            long before = produced.get();
            if (thread != null && thread.getState() == Thread.State.TIMED_WAITING && before < rowCount) {
                never.await(50, TimeUnit.MILLISECONDS);
                if (produced.get() == before && thread.getState() == Thread.State.TIMED_WAITING) {
                    return;
                }
            }
            never.await(10, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the producer never blocked; produced " + produced.get() + " rows");
    }
}
