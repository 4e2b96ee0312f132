package dev.quiver.wire.connection;

import dev.quiver.wire.connection.TestingClient.Packet;
import dev.quiver.wire.packet.CapabilityFlags;
import dev.quiver.wire.testing.FakeCredentialStore;
import dev.quiver.wire.testing.FakeQueryHandler;
import dev.quiver.wire.testing.FakeQueryHandler.FakeSession;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static dev.quiver.wire.auth.AuthenticationPlugin.CACHING_SHA2_PASSWORD;
import static dev.quiver.wire.auth.AuthenticationPlugin.MYSQL_NATIVE_PASSWORD;
import static dev.quiver.wire.connection.TestingClient.BASE_CAPABILITIES;
import static dev.quiver.wire.connection.TestingClient.nativeResponse;
import static dev.quiver.wire.connection.TestingClient.sha2Response;
import static org.assertj.core.api.Assertions.assertThat;

class TestConnectionPhase
{
    private final FakeQueryHandler handler = new FakeQueryHandler();
    private final FakeCredentialStore credentials = new FakeCredentialStore()
            .withAccount("root", CACHING_SHA2_PASSWORD, "")
            .withAccount("sha2", CACHING_SHA2_PASSWORD, "s3cret")
            .withAccount("native", MYSQL_NATIVE_PASSWORD, "pass1")
            .withAccount("nativeempty", MYSQL_NATIVE_PASSWORD, "");
    private final ServerContext server = TestingClient.server(handler, credentials, 10);

    private TestingClient client()
    {
        return new TestingClient(server, 64 * 1024 * 1024);
    }

    @Test
    void testGreetingLayout()
    {
        try (TestingClient client = client()) {
            Packet greeting = client.greeting();
            byte[] payload = greeting.payload();
            assertThat(greeting.sequenceId()).isZero();
            assertThat(payload[0]).isEqualTo((byte) 10);
            String version = "8.0.36-seekdb-v1.4.0.0";
            assertThat(new String(payload, 1, version.length(), StandardCharsets.US_ASCII)).isEqualTo(version);
            int offset = 1 + version.length() + 1 + 4;
            assertThat(payload[offset + 8]).isZero();
            int capabilities = (payload[offset + 9] & 0xFF) | (payload[offset + 10] & 0xFF) << 8
                    | (payload[offset + 14] & 0xFF) << 16 | (payload[offset + 15] & 0xFF) << 24;
            assertThat(capabilities).isEqualTo(CapabilityFlags.SERVER_CAPABILITIES);
            assertThat(payload[offset + 11]).isEqualTo((byte) 45);
            assertThat(payload[offset + 12]).isEqualTo((byte) 0x02);
            assertThat(payload[offset + 16]).isEqualTo((byte) 21);
            assertThat(Arrays.copyOfRange(payload, offset + 17, offset + 27)).containsOnly(0);
            assertThat(payload[offset + 27 + 12]).isZero();
            assertThat(new String(payload, offset + 40, payload.length - offset - 41, StandardCharsets.US_ASCII)).isEqualTo("caching_sha2_password");
            assertThat(payload[payload.length - 1]).isZero();
            for (byte each : client.scramble()) {
                assertThat(each).isBetween((byte) 0x21, (byte) 0x7E).isNotEqualTo((byte) '$');
            }
        }
    }

    @Test
    void testCachingSha2RightPasswordTakesTheFastPath()
    {
        try (TestingClient client = client()) {
            client.handshakeResponse(BASE_CAPABILITIES, "sha2", sha2Response("s3cret", client.scramble()), null, CACHING_SHA2_PASSWORD);
            Packet moreData = client.read();
            assertThat(moreData.sequenceId()).isEqualTo(2);
            assertThat(moreData.payload()).containsExactly(0x01, 0x03);
            Packet ok = client.read();
            assertThat(ok.sequenceId()).isEqualTo(3);
            assertThat(ok.isOk()).isTrue();
            assertThat(ok.statusFlags()).isEqualTo(0x0002);
            FakeSession session = handler.sessions.getFirst();
            assertThat(session.connection.user()).isEqualTo("sha2");
            assertThat(session.connection.accountHost()).isEqualTo("%");
        }
    }

    @Test
    void testCachingSha2WrongPasswordIsDenied()
    {
        try (TestingClient client = client()) {
            client.handshakeResponse(BASE_CAPABILITIES, "sha2", sha2Response("wrong", client.scramble()), null, CACHING_SHA2_PASSWORD);
            Packet error = client.read();
            assertThat(error.sequenceId()).isEqualTo(2);
            assertThat(error.errorCode()).isEqualTo(1045);
            assertThat(error.errorMessage()).isEqualTo("Access denied for user 'sha2'@'localhost' (using password: YES)");
            assertThat(client.channel.isActive()).isFalse();
            assertThat(handler.sessions).isEmpty();
        }
    }

    @Test
    void testMissingPasswordIsDeniedWithUsingPasswordNo()
    {
        try (TestingClient client = client()) {
            client.handshakeResponse(BASE_CAPABILITIES, "sha2", new byte[0], null, CACHING_SHA2_PASSWORD);
            Packet error = client.read();
            assertThat(error.errorCode()).isEqualTo(1045);
            assertThat(error.errorMessage()).endsWith("(using password: NO)");
        }
    }

    @Test
    void testUnknownUserIsDenied()
    {
        try (TestingClient client = client()) {
            client.handshakeResponse(BASE_CAPABILITIES, "nobody", sha2Response("x", client.scramble()), null, CACHING_SHA2_PASSWORD);
            assertThat(client.read().errorMessage()).isEqualTo("Access denied for user 'nobody'@'localhost' (using password: YES)");
        }
    }

    @Test
    void testEmptyPasswordWithEmptyResponseNeedsNoSwitch()
    {
        for (String plugin : new String[] {CACHING_SHA2_PASSWORD, MYSQL_NATIVE_PASSWORD, ""}) {
            for (String user : new String[] {"root", "nativeempty"}) {
                try (TestingClient client = client()) {
                    client.handshakeResponse(BASE_CAPABILITIES, user, new byte[0], null, plugin);
                    Packet ok = client.read();
                    assertThat(ok.isOk()).as("%s with %s", user, plugin).isTrue();
                    assertThat(ok.sequenceId()).isEqualTo(2);
                }
            }
        }
    }

    @Test
    void testNativePasswordRightAndWrong()
    {
        try (TestingClient client = client()) {
            client.handshakeResponse(BASE_CAPABILITIES, "native", nativeResponse("pass1", client.scramble()), null, MYSQL_NATIVE_PASSWORD);
            Packet ok = client.read();
            assertThat(ok.isOk()).isTrue();
            assertThat(ok.sequenceId()).isEqualTo(2);
        }
        try (TestingClient client = client()) {
            client.handshakeResponse(BASE_CAPABILITIES, "native", nativeResponse("pass2", client.scramble()), null, MYSQL_NATIVE_PASSWORD);
            assertThat(client.read().errorCode()).isEqualTo(1045);
        }
    }

    @Test
    void testSwitchToCachingSha2WhenClientAnsweredWithNative()
    {
        try (TestingClient client = client()) {
            client.handshakeResponse(BASE_CAPABILITIES, "sha2", nativeResponse("s3cret", client.scramble()), null, MYSQL_NATIVE_PASSWORD);
            Packet request = client.read();
            assertThat(request.sequenceId()).isEqualTo(2);
            byte[] newScramble = assertAuthSwitch(request, CACHING_SHA2_PASSWORD);
            client.send(3, sha2Response("s3cret", newScramble));
            assertThat(client.read().payload()).containsExactly(0x01, 0x03);
            Packet ok = client.read();
            assertThat(ok.isOk()).isTrue();
            assertThat(ok.sequenceId()).isEqualTo(5);
        }
    }

    @Test
    void testSwitchToNativeWhenClientAnsweredWithSha2OrAnUnknownPlugin()
    {
        for (String clientPlugin : new String[] {CACHING_SHA2_PASSWORD, "mysql_clear_password"}) {
            try (TestingClient client = client()) {
                client.handshakeResponse(BASE_CAPABILITIES, "native", sha2Response("pass1", client.scramble()), null, clientPlugin);
                byte[] newScramble = assertAuthSwitch(client.read(), MYSQL_NATIVE_PASSWORD);
                client.send(3, nativeResponse("pass1", newScramble));
                Packet ok = client.read();
                assertThat(ok.isOk()).isTrue();
                assertThat(ok.sequenceId()).isEqualTo(4);
            }
        }
    }

    @Test
    void testWrongPasswordAfterSwitchIsDenied()
    {
        try (TestingClient client = client()) {
            client.handshakeResponse(BASE_CAPABILITIES, "native", sha2Response("pass1", client.scramble()), null, CACHING_SHA2_PASSWORD);
            byte[] newScramble = assertAuthSwitch(client.read(), MYSQL_NATIVE_PASSWORD);
            client.send(3, nativeResponse("nope", newScramble));
            Packet error = client.read();
            assertThat(error.errorCode()).isEqualTo(1045);
            assertThat(error.sequenceId()).isEqualTo(4);
            assertThat(client.channel.isActive()).isFalse();
        }
    }

    @Test
    void testTenantSuffixMapsToUser()
    {
        try (TestingClient client = client()) {
            client.handshakeResponse(BASE_CAPABILITIES | CapabilityFlags.CLIENT_FOUND_ROWS | CapabilityFlags.CLIENT_MULTI_STATEMENTS,
                    "sha2@sys", sha2Response("s3cret", client.scramble()), null, CACHING_SHA2_PASSWORD);
            client.read();
            assertThat(client.read().isOk()).isTrue();
            FakeSession session = handler.sessions.getFirst();
            assertThat(session.connection.user()).isEqualTo("sha2");
            assertThat(session.connection.clientFoundRows()).isTrue();
            assertThat(session.connection.multiStatements()).isTrue();
        }
    }

    @Test
    void testConnectWithDatabase()
    {
        try (TestingClient client = client()) {
            client.handshakeResponse(BASE_CAPABILITIES, "root", new byte[0], "test", CACHING_SHA2_PASSWORD);
            assertThat(client.read().isOk()).isTrue();
            assertThat(handler.sessions.getFirst().database).isEqualTo("test");
            assertThat(handler.sessions.getFirst().connection.clientFoundRows()).isFalse();
        }
    }

    @Test
    void testConnectWithUnknownDatabaseFailsAndClosesTheSession()
    {
        try (TestingClient client = client()) {
            client.handshakeResponse(BASE_CAPABILITIES, "sha2", sha2Response("s3cret", client.scramble()), "missing", CACHING_SHA2_PASSWORD);
            assertThat(client.read().payload()).containsExactly(0x01, 0x03);
            Packet error = client.read();
            assertThat(error.errorCode()).isEqualTo(1049);
            assertThat(error.errorMessage()).isEqualTo("Unknown database 'missing'");
            assertThat(client.channel.isActive()).isFalse();
        }
        assertThat(handler.sessions.getFirst().closed).isTrue();
    }

    @Test
    void testTooManyConnections()
    {
        ServerContext small = TestingClient.server(handler, credentials, 1);
        try (TestingClient first = new TestingClient(small, 1024); TestingClient second = new TestingClient(small, 1024)) {
            assertThat(first.greeting().first()).isEqualTo(10);
            Packet error = second.read();
            assertThat(error.sequenceId()).isZero();
            assertThat(error.errorCode()).isEqualTo(1040);
            assertThat(second.channel.isActive()).isFalse();
            assertThat(small.openConnections()).isEqualTo(1);
        }
        assertThat(small.openConnections()).isZero();
    }

    @Test
    void testTruncatedHandshakeResponseIsRefused()
    {
        try (TestingClient client = client()) {
            client.greeting();
            client.send(1, new byte[] {(byte) 0x0f, (byte) 0xa2, 0x0a});
            Packet error = client.read();
            assertThat(error.errorCode()).isEqualTo(1835);
            assertThat(client.channel.isActive()).isFalse();
        }
    }

    @Test
    void testPre41ClientIsRefused()
    {
        try (TestingClient client = client()) {
            client.handshakeResponse(BASE_CAPABILITIES & ~CapabilityFlags.CLIENT_PROTOCOL_41, "root", new byte[0], null, "");
            assertThat(client.read().errorCode()).isEqualTo(1251);
        }
    }

    @Test
    void testSslRequestIsRefused()
    {
        try (TestingClient client = client()) {
            client.greeting();
            byte[] sslRequest = new byte[32];
            int capabilities = BASE_CAPABILITIES | CapabilityFlags.CLIENT_SSL;
            sslRequest[0] = (byte) capabilities;
            sslRequest[1] = (byte) (capabilities >>> 8);
            sslRequest[2] = (byte) (capabilities >>> 16);
            client.send(1, sslRequest);
            assertThat(client.read().isErr()).isTrue();
            assertThat(client.channel.isActive()).isFalse();
        }
    }

    private static byte[] assertAuthSwitch(Packet request, String plugin)
    {
        byte[] payload = request.payload();
        assertThat(payload[0]).isEqualTo((byte) 0xFE);
        assertThat(new String(payload, 1, plugin.length(), StandardCharsets.US_ASCII)).isEqualTo(plugin);
        assertThat(payload[1 + plugin.length()]).isZero();
        assertThat(payload).hasSize(1 + plugin.length() + 1 + 20 + 1);
        assertThat(payload[payload.length - 1]).isZero();
        return Arrays.copyOfRange(payload, plugin.length() + 2, plugin.length() + 22);
    }

    @Test
    void testClientThatNeverAuthenticatesIsDisconnected()
    {
        try (TestingClient idle = client(); TestingClient authenticated = client()) {
            idle.greeting();
            authenticated.login(0);
            idle.channel.advanceTimeBy(9, java.util.concurrent.TimeUnit.SECONDS);
            idle.channel.runScheduledPendingTasks();
            assertThat(idle.channel.isActive()).isTrue();
            idle.channel.advanceTimeBy(1, java.util.concurrent.TimeUnit.SECONDS);
            authenticated.channel.advanceTimeBy(10, java.util.concurrent.TimeUnit.SECONDS);
            idle.channel.runScheduledPendingTasks();
            authenticated.channel.runScheduledPendingTasks();
            assertThat(idle.channel.isActive()).isFalse();
            assertThat(authenticated.channel.isActive()).isTrue();
        }
    }
}
