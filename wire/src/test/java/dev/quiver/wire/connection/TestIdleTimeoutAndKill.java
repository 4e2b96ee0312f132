package dev.quiver.wire.connection;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.wire.packet.CapabilityFlags;
import dev.quiver.wire.testing.FakeCredentialStore;
import dev.quiver.wire.testing.FakeQueryHandler;
import dev.quiver.wire.testing.FakeQueryHandler.FakeSession;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static dev.quiver.wire.auth.AuthenticationPlugin.CACHING_SHA2_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * wait_timeout (the session's idle timeout, read after every command) and KILL CONNECTION (the session's close action)
 * on a connection, with the event loop's clock advanced by hand.
 */
final class TestIdleTimeoutAndKill
{
    private final FakeQueryHandler handler = new FakeQueryHandler()
            .on("ok", (session, sink) -> sink.ok(0, 0, null))
            .on("wait 5", (session, sink) -> {
                session.idleTimeoutSeconds = 5;
                sink.ok(0, 0, null);
            })
            .on("kill myself", (session, sink) -> {
                session.kill.run();
                throw new QuiverException(ErrorCode.ER_QUERY_INTERRUPTED);
            });
    private final ServerContext server = TestingClient.server(handler,
            new FakeCredentialStore().withAccount("root", CACHING_SHA2_PASSWORD, ""), 10);

    private TestingClient login(int extraCapabilities)
    {
        return new TestingClient(server, 1024 * 1024).login(extraCapabilities);
    }

    private FakeSession lastSession()
    {
        return handler.sessions.get(handler.sessions.size() - 1);
    }

    private static void advance(TestingClient client, long seconds)
    {
        client.channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        client.channel.runScheduledPendingTasks();
    }

    @Test
    void testIdleConnectionClosesAfterTheTimeoutSetByTheLastCommand()
    {
        try (TestingClient client = login(0)) {
            advance(client, 3600);
            assertThat(client.channel.isActive()).as("no timeout while wait_timeout is 0").isTrue();
            client.query("wait 5");
            assertThat(client.read().isOk()).isTrue();
            advance(client, 4);
            assertThat(client.channel.isActive()).isTrue();
            client.query("ok");
            assertThat(client.read().isOk()).isTrue();
            advance(client, 4);
            assertThat(client.channel.isActive()).as("a command restarts the wait").isTrue();
            advance(client, 1);
            assertThat(client.channel.isActive()).isFalse();
            assertThat(client.readAll()).as("closed quietly").isEmpty();
        }
    }

    @Test
    void testKillOfAnIdleConnectionClosesIt()
    {
        try (TestingClient victim = login(0); TestingClient other = login(0)) {
            FakeSession otherSession = lastSession();
            FakeSession victimSession = handler.sessions.get(handler.sessions.size() - 2);
            assertThat(victimSession.kill).isNotNull();
            victimSession.kill.run();
            victim.channel.runPendingTasks();
            assertThat(victim.channel.isActive()).isFalse();
            assertThat(other.channel.isActive()).isTrue();
            assertThat(otherSession.closed).isFalse();
        }
    }

    @Test
    void testKillDuringACommandAnswersItThenCloses()
    {
        try (TestingClient client = login(0)) {
            client.query("kill myself");
            TestingClient.Packet error = client.read();
            assertThat(error.errorCode()).isEqualTo(ErrorCode.ER_QUERY_INTERRUPTED.vendorCode());
            assertThat(error.sequenceId()).isEqualTo(1);
            client.channel.runPendingTasks();
            assertThat(client.channel.isActive()).isFalse();
        }
    }

    @Test
    void testInteractiveClientsAreFlagged()
    {
        try (TestingClient plain = login(0); TestingClient interactive = login(CapabilityFlags.CLIENT_INTERACTIVE)) {
            assertThat(handler.sessions.get(0).connection.interactive()).isFalse();
            assertThat(handler.sessions.get(1).connection.interactive()).isTrue();
        }
    }
}
