package dev.quiver.wire.connection;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.wire.connection.TestingClient.Packet;
import dev.quiver.wire.packet.CapabilityFlags;
import dev.quiver.wire.testing.FakeCredentialStore;
import dev.quiver.wire.testing.FakeQueryHandler;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.quiver.wire.auth.AuthenticationPlugin.CACHING_SHA2_PASSWORD;
import static dev.quiver.wire.connection.TestingClient.bytes;
import static dev.quiver.wire.testing.FakeQueryHandler.bigint;
import static dev.quiver.wire.testing.FakeQueryHandler.varchar;
import static org.assertj.core.api.Assertions.assertThat;

class TestCommands
{
    private final FakeQueryHandler handler = new FakeQueryHandler()
            .on("SELECT two", (session, sink) -> {
                sink.beginResultSet(List.of(bigint("a"), varchar("b")));
                sink.row(new Object[] {1L, "x"});
                sink.row(new Object[] {null, "y"});
                sink.endResultSet();
            })
            .on("multi", (session, sink) -> {
                sink.ok(1, 5, null);
                sink.beginResultSet(List.of(bigint("a")));
                sink.row(new Object[] {7L});
                sink.endResultSet();
                session.inTransaction = true;
                sink.ok(2, 0, "Rows matched: 2  Changed: 2  Warnings: 0");
            })
            .on("error after ok", (session, sink) -> {
                sink.ok(1, 0, null);
                throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, "test", "x");
            })
            .on("error in rows", (session, sink) -> {
                sink.beginResultSet(List.of(bigint("a")));
                sink.row(new Object[] {1L});
                throw new QuiverException(ErrorCode.ER_DIVISION_BY_ZERO);
            })
            .on("bug", (session, sink) -> {
                throw new IllegalStateException("handler bug");
            })
            .on("nothing", (session, sink) -> {})
            .on("big row", (session, sink) -> {
                sink.beginResultSet(List.of(varchar("v")));
                sink.row(new Object[] {"b".repeat(16 * 1024 * 1024 + 1)});
                sink.endResultSet();
            })
            .on("warn", (session, sink) -> {
                session.warningCount = 3;
                sink.ok(0, 0, null);
            });
    private final ServerContext server = TestingClient.server(handler,
            new FakeCredentialStore().withAccount("root", CACHING_SHA2_PASSWORD, ""), 10);

    private TestingClient login(int extraCapabilities)
    {
        return new TestingClient(server, 1024 * 1024).login(extraCapabilities);
    }

    @Test
    void testTextResultSetWithClassicEof()
    {
        try (TestingClient client = login(0)) {
            client.query("SELECT two");
            List<Packet> packets = client.readAll();
            assertThat(packets).extracting(Packet::sequenceId).containsExactly(1, 2, 3, 4, 5, 6, 7);
            assertThat(packets.get(0).payload()).containsExactly(2);
            assertThat(packets.get(3).payload()).containsExactly(0xFE, 0, 0, 2, 0);
            assertThat(packets.get(4).payload()).containsExactly(1, '1', 1, 'x');
            assertThat(packets.get(5).payload()).containsExactly(0xFB, 1, 'y');
            assertThat(packets.get(6).payload()).containsExactly(0xFE, 0, 0, 2, 0);
        }
    }

    @Test
    void testTextResultSetWithDeprecateEof()
    {
        try (TestingClient client = login(CapabilityFlags.CLIENT_DEPRECATE_EOF)) {
            client.query("SELECT two");
            List<Packet> packets = client.readAll();
            assertThat(packets).extracting(Packet::sequenceId).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(packets.get(5).payload()).containsExactly(0xFE, 0, 0, 2, 0, 0, 0);
        }
    }

    @Test
    void testMultipleResultsCarryMoreResultsExists()
    {
        try (TestingClient client = login(CapabilityFlags.CLIENT_MULTI_STATEMENTS)) {
            client.query("multi");
            List<Packet> packets = client.readAll();
            assertThat(packets).hasSize(7);
            assertThat(packets.get(0).payload()).containsExactly(0, 1, 5, 0x0A, 0, 0, 0);
            assertThat(packets.get(1).payload()).containsExactly(1);
            assertThat(packets.get(3).payload()).containsExactly(0xFE, 0, 0, 0x02, 0);
            assertThat(packets.get(5).payload()).as("EOF ending the result set").containsExactly(0xFE, 0, 0, 0x0A, 0);
            Packet last = packets.get(6);
            assertThat(last.statusFlags()).isEqualTo(0x0003);
            assertThat(last.payload()[7]).as("info length").isEqualTo((byte) 40);
            assertThat(new String(last.payload(), 8, last.payload().length - 8, StandardCharsets.UTF_8)).isEqualTo("Rows matched: 2  Changed: 2  Warnings: 0");
            assertThat(packets).extracting(Packet::sequenceId).containsExactly(1, 2, 3, 4, 5, 6, 7);
        }
    }

    @Test
    void testMultipleResultsWithDeprecateEof()
    {
        try (TestingClient client = login(CapabilityFlags.CLIENT_DEPRECATE_EOF | CapabilityFlags.CLIENT_MULTI_STATEMENTS)) {
            client.query("multi");
            List<Packet> packets = client.readAll();
            assertThat(packets).hasSize(6);
            assertThat(packets.get(4).payload()).containsExactly(0xFE, 0, 0, 0x0A, 0, 0, 0);
            assertThat(packets.get(5).statusFlags()).isEqualTo(0x0003);
        }
    }

    @Test
    void testErrorAfterAResultFollowsItsTerminator()
    {
        try (TestingClient client = login(0)) {
            client.query("error after ok");
            List<Packet> packets = client.readAll();
            assertThat(packets).hasSize(2);
            assertThat(packets.get(0).statusFlags()).isEqualTo(0x000A);
            assertThat(packets.get(1).errorCode()).isEqualTo(1146);
            assertThat(packets.get(1).sequenceId()).isEqualTo(2);
            assertThat(new String(packets.get(1).payload(), 3, 6, StandardCharsets.US_ASCII)).isEqualTo("#42S02");
        }
    }

    @Test
    void testErrorInsideAResultSetReplacesItsEnd()
    {
        try (TestingClient client = login(0)) {
            client.query("error in rows");
            List<Packet> packets = client.readAll();
            assertThat(packets).hasSize(5);
            assertThat(packets.get(4).errorCode()).isEqualTo(1365);
        }
    }

    @Test
    void testInternalErrorKeepsTheConnectionUsable()
    {
        try (TestingClient client = login(0)) {
            client.query("bug");
            Packet error = client.read();
            assertThat(error.errorCode()).isEqualTo(1815);
            assertThat(error.errorMessage()).startsWith("Internal error: ").contains("handler bug");
            client.command(0x0E, new byte[0]);
            assertThat(client.read().isOk()).isTrue();
        }
    }

    @Test
    void testHandlerReportingNothingGetsAnOk()
    {
        try (TestingClient client = login(0)) {
            client.query("nothing");
            assertThat(client.read().isOk()).isTrue();
        }
    }

    @Test
    void testWarningsAndTransactionStatusInOk()
    {
        try (TestingClient client = login(0)) {
            client.query("warn");
            Packet ok = client.read();
            assertThat(ok.warnings()).isEqualTo(3);
            handler.sessions.getFirst().inTransaction = true;
            handler.sessions.getFirst().autocommit = false;
            client.command(0x0E, new byte[0]);
            Packet ping = client.read();
            assertThat(ping.statusFlags()).isEqualTo(0x0001);
            assertThat(ping.sequenceId()).isEqualTo(1);
        }
    }

    @Test
    void testParseErrorFromHandler()
    {
        try (TestingClient client = login(0)) {
            client.query("SELEC 1");
            Packet error = client.read();
            assertThat(error.errorCode()).isEqualTo(1064);
            assertThat(handler.queries).containsExactly("SELEC 1");
        }
    }

    @Test
    void testInitDb()
    {
        try (TestingClient client = login(0)) {
            client.command(0x02, "test".getBytes(StandardCharsets.UTF_8));
            assertThat(client.read().isOk()).isTrue();
            assertThat(handler.sessions.getFirst().database).isEqualTo("test");
            client.command(0x02, "missing".getBytes(StandardCharsets.UTF_8));
            assertThat(client.read().errorCode()).isEqualTo(1049);
        }
    }

    @Test
    void testQuitClosesWithoutReply()
    {
        try (TestingClient client = login(0)) {
            client.command(0x01, new byte[0]);
            assertThat(client.poll()).isNull();
            assertThat(client.channel.isActive()).isFalse();
        }
        assertThat(handler.sessions.getFirst().closed).isTrue();
        assertThat(handler.events).endsWith("closeSession");
    }

    @Test
    void testFieldList()
    {
        try (TestingClient client = login(0)) {
            client.command(0x04, TestingClient.concat("t".getBytes(StandardCharsets.UTF_8), bytes(0), "%".getBytes(StandardCharsets.UTF_8)));
            List<Packet> packets = client.readAll();
            assertThat(packets).hasSize(3);
            assertThat(packets.get(0).payload()[packets.get(0).payload().length - 1]).isEqualTo((byte) 0xFB);
            assertThat(packets.get(2).isEof()).isTrue();
            client.command(0x04, TestingClient.concat("nope".getBytes(StandardCharsets.UTF_8), bytes(0)));
            assertThat(client.read().errorCode()).isEqualTo(1146);
        }
    }

    @Test
    void testFieldListWithDeprecateEof()
    {
        try (TestingClient client = login(CapabilityFlags.CLIENT_DEPRECATE_EOF)) {
            client.command(0x04, TestingClient.concat("t".getBytes(StandardCharsets.UTF_8), bytes(0)));
            List<Packet> packets = client.readAll();
            assertThat(packets).hasSize(3);
            assertThat(packets.get(2).payload()).containsExactly(0xFE, 0, 0, 2, 0, 0, 0);
        }
    }

    @Test
    void testStatistics()
    {
        try (TestingClient client = login(0)) {
            client.command(0x0E, new byte[0]);
            client.read();
            client.command(0x09, new byte[0]);
            Packet statistics = client.read();
            assertThat(statistics.text()).matches("Uptime: \\d+  Threads: 1  Questions: 2  Slow queries: 0  Opens: 0  Flush tables: 0  Open tables: 0  Queries per second avg: \\d+\\.\\d{3}");
        }
    }

    @Test
    void testSetOption()
    {
        try (TestingClient client = login(0)) {
            client.command(0x1B, bytes(0, 0));
            assertThat(client.read().payload()).containsExactly(0xFE, 0, 0, 2, 0);
            assertThat(handler.sessions.getFirst().multiStatements).isTrue();
            client.command(0x1B, bytes(1, 0));
            assertThat(client.read().isEof()).isTrue();
            assertThat(handler.sessions.getFirst().multiStatements).isFalse();
            client.command(0x1B, bytes(2, 0));
            assertThat(client.read().errorCode()).isEqualTo(1047);
        }
    }

    @Test
    void testResetConnection()
    {
        try (TestingClient client = login(0)) {
            client.command(0x16, "SELECT ?".getBytes(StandardCharsets.UTF_8));
            client.readAll();
            client.command(0x1F, new byte[0]);
            assertThat(client.read().isOk()).isTrue();
            assertThat(handler.events).contains("closeStatement SELECT ?", "resetSession");
            client.command(0x17, bytes(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 8, 0, 1, 0, 0, 0, 0, 0, 0, 0));
            assertThat(client.read().errorCode()).isEqualTo(1243);
        }
    }

    @Test
    void testPing()
    {
        try (TestingClient client = login(0)) {
            client.command(0x0E, new byte[0]);
            Packet ok = client.read();
            assertThat(ok.payload()).containsExactly(0, 0, 0, 2, 0, 0, 0);
            assertThat(ok.sequenceId()).isEqualTo(1);
        }
    }

    @Test
    void testUnknownAndUnsupportedCommands()
    {
        try (TestingClient client = login(0)) {
            for (int command : new int[] {0x00, 0x11, 0x1D, 0x20, 0xFF}) {
                client.command(command, new byte[0]);
                Packet error = client.read();
                assertThat(error.errorCode()).isEqualTo(1047);
                assertThat(error.errorMessage()).isEqualTo("Unknown command");
            }
        }
    }

    @Test
    void testEmptyAndTruncatedPacketsAreMalformed()
    {
        try (TestingClient client = login(0)) {
            client.send(0, new byte[0]);
            assertThat(client.read().errorCode()).isEqualTo(1835);
            client.command(0x19, bytes(1, 0));
            assertThat(client.read().errorCode()).isEqualTo(1835);
            client.command(0x04, "no terminator".getBytes(StandardCharsets.UTF_8));
            assertThat(client.read().errorCode()).isEqualTo(1835);
            client.command(0x0E, new byte[0]);
            assertThat(client.read().isOk()).isTrue();
        }
    }

    @Test
    void testOversizedPacketIsRefusedAndCloses()
    {
        try (TestingClient client = new TestingClient(server, 1024).login(0)) {
            client.query("x".repeat(1024));
            Packet error = client.read();
            assertThat(error.errorCode()).isEqualTo(1153);
            assertThat(error.errorMessage()).isEqualTo("Got a packet bigger than 'max_allowed_packet' bytes");
            assertThat(client.channel.isActive()).isFalse();
        }
    }

    @Test
    void testPipelinedCommandsAnswerInOrder()
    {
        try (TestingClient client = login(0)) {
            byte[] ping = {1, 0, 0, 0, 0x0E};
            byte[] query = TestingClient.concat(bytes(11, 0, 0, 0, 3), "SELECT 'a'".getBytes(StandardCharsets.UTF_8));
            byte[] bad = {1, 0, 0, 0, 0x20};
            client.sendRaw(TestingClient.concat(ping, query, bad, ping));
            List<Packet> packets = client.readAll();
            assertThat(packets).hasSize(8);
            assertThat(packets.get(0).isOk()).isTrue();
            assertThat(packets.get(1).payload()).containsExactly(1);
            assertThat(packets.get(4).payload()).containsExactly(1, 'a');
            assertThat(packets.get(6).errorCode()).isEqualTo(1047);
            assertThat(packets.get(7).isOk()).isTrue();
            assertThat(client.channel.config().isAutoRead()).isTrue();
        }
    }

    @Test
    void testRowLargerThanOnePacketIsSplit()
    {
        try (TestingClient client = login(0)) {
            client.query("big row");
            List<Packet> packets = client.readAll();
            assertThat(packets).extracting(Packet::sequenceId).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(packets.get(3).payload()).hasSize(0xFFFFFF);
            assertThat(packets.get(3).payload()[0]).isEqualTo((byte) 0xFE);
            assertThat(packets.get(4).payload()).hasSize(16 * 1024 * 1024 + 1 + 9 - 0xFFFFFF);
            assertThat(packets.get(5).isEof()).isTrue();
            client.command(0x0E, new byte[0]);
            assertThat(client.read().sequenceId()).isEqualTo(1);
        }
    }
}
