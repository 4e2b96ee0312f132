package dev.quiver.wire.connection;

import dev.quiver.wire.connection.TestingClient.Packet;
import dev.quiver.wire.testing.FakeCredentialStore;
import dev.quiver.wire.testing.FakeQueryHandler;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static dev.quiver.wire.auth.AuthenticationPlugin.CACHING_SHA2_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random garbage never crashes or wedges a connection: every packet gets at most one answer stream, the
 * connection either stays usable (a ping answers) or is closed, and no buffer leaks (paranoid leak
 * detection). Replay a failure with {@code -Dtests.seed=<seed>}.
 */
class TestRandomPackets
{
    private final FakeQueryHandler handler = new FakeQueryHandler();
    private final ServerContext server = TestingClient.server(handler, new FakeCredentialStore().withAccount("root", CACHING_SHA2_PASSWORD, ""), 1000);

    @Test
    void testRandomCommands()
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("TestRandomPackets seed: " + seed);
        Random random = new Random(seed);
        TestingClient client = new TestingClient(server, 4096).login(0);
        try {
            client.command(0x16, "SELECT ?, ?".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            client.readAll();
            for (int i = 0; i < 3000; i++) {
                byte[] payload = new byte[random.nextInt(40)];
                random.nextBytes(payload);
                if (payload.length > 0 && random.nextBoolean()) {
                    payload[0] = (byte) (0x16 + random.nextInt(6));
                }
                if (payload.length > 1 && random.nextBoolean()) {
                    payload[1] = 1;
                    for (int j = 2; j < Math.min(5, payload.length); j++) {
                        payload[j] = 0;
                    }
                }
                client.send(0, payload);
                List<Packet> answers = client.readAll();
                if (!client.channel.isActive()) {
                    client.close();
                    client = new TestingClient(server, 4096).login(0);
                    continue;
                }
                for (Packet each : answers) {
                    assertThat(each.payload()).as("seed %d", seed).isNotNull();
                }
                client.command(0x0E, new byte[0]);
                Packet ping = client.read();
                assertThat(ping.isOk()).as("seed %d, after %s", seed, java.util.HexFormat.of().formatHex(payload)).isTrue();
            }
        }
        finally {
            client.close();
        }
    }

    @Test
    void testRandomHandshakeResponses()
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("TestRandomPackets seed: " + seed);
        Random random = new Random(seed);
        for (int i = 0; i < 300; i++) {
            try (TestingClient client = new TestingClient(server, 4096)) {
                client.greeting();
                byte[] payload = new byte[random.nextInt(120)];
                random.nextBytes(payload);
                if (payload.length > 2) {
                    payload[1] |= 0x02;
                }
                client.send(1, payload);
                List<Packet> answers = client.readAll();
                assertThat(answers).as("seed %d", seed).isNotEmpty();
                if (answers.getLast().isErr()) {
                    assertThat(client.channel.isActive()).isFalse();
                }
            }
        }
    }
}
