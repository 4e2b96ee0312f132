package dev.quiver.wire.connection;

import dev.quiver.wire.connection.TestingClient.Packet;
import dev.quiver.wire.packet.CapabilityFlags;
import dev.quiver.wire.testing.FakeCredentialStore;
import dev.quiver.wire.testing.FakeQueryHandler;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static dev.quiver.wire.auth.AuthenticationPlugin.CACHING_SHA2_PASSWORD;
import static dev.quiver.wire.connection.TestingClient.bytes;
import static dev.quiver.wire.connection.TestingClient.concat;
import static org.assertj.core.api.Assertions.assertThat;

class TestPreparedStatements
{
    private final FakeQueryHandler handler = new FakeQueryHandler();
    private final ServerContext server = TestingClient.server(handler, new FakeCredentialStore().withAccount("root", CACHING_SHA2_PASSWORD, ""), 10);

    /** One bound parameter: its type (with 0x80 in the high byte for unsigned) and its binary value. */
    private record Parameter(int type, boolean unsigned, byte[] value) {}

    private static Parameter parameter(int type, String valueHex)
    {
        return new Parameter(type, false, io.netty.buffer.ByteBufUtil.decodeHexDump(valueHex.replace(" ", "")));
    }

    private static Parameter unsigned(int type, String valueHex)
    {
        return new Parameter(type, true, io.netty.buffer.ByteBufUtil.decodeHexDump(valueHex.replace(" ", "")));
    }

    private static Parameter nullParameter(int type)
    {
        return new Parameter(type, false, null);
    }

    private static byte[] execute(long statementId, boolean bindTypes, List<Parameter> parameters)
    {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        result.writeBytes(bytes((int) statementId, 0, 0, 0, 0, 1, 0, 0, 0));
        if (!parameters.isEmpty()) {
            byte[] nullBitmap = new byte[(parameters.size() + 7) / 8];
            for (int i = 0; i < parameters.size(); i++) {
                if (parameters.get(i).value() == null) {
                    nullBitmap[i / 8] |= (byte) (1 << (i % 8));
                }
            }
            result.writeBytes(nullBitmap);
            result.write(bindTypes ? 1 : 0);
            if (bindTypes) {
                for (Parameter each : parameters) {
                    result.write(each.type());
                    result.write(each.unsigned() ? 0x80 : 0);
                }
            }
            for (Parameter each : parameters) {
                if (each.value() != null) {
                    result.writeBytes(each.value());
                }
            }
        }
        return result.toByteArray();
    }

    private static long prepare(TestingClient client, String sql)
    {
        client.command(0x16, sql.getBytes(StandardCharsets.UTF_8));
        Packet ok = client.read();
        assertThat(ok.first()).as("%s", ok).isZero();
        client.readAll();
        return (ok.payload()[1] & 0xFF) | (ok.payload()[2] & 0xFF) << 8;
    }

    @Test
    void testPrepareResponseLayout()
    {
        try (TestingClient client = new TestingClient(server, 1 << 20).login(0)) {
            client.command(0x16, "SELECT ?, ? FROM t".getBytes(StandardCharsets.UTF_8));
            List<Packet> packets = client.readAll();
            assertThat(packets.get(0).payload()).containsExactly(0, 1, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0);
            assertThat(packets).hasSize(1 + 2 + 1 + 2 + 1);
            assertThat(packets.get(3).isEof()).isTrue();
            assertThat(packets.get(6).isEof()).isTrue();
            assertThat(packets).extracting(Packet::sequenceId).containsExactly(1, 2, 3, 4, 5, 6, 7);
        }
        try (TestingClient client = new TestingClient(server, 1 << 20).login(CapabilityFlags.CLIENT_DEPRECATE_EOF)) {
            client.command(0x16, "SELECT ?, ? FROM t".getBytes(StandardCharsets.UTF_8));
            assertThat(client.readAll()).hasSize(1 + 2 + 2);
            client.command(0x16, "DO 1".getBytes(StandardCharsets.UTF_8));
            List<Packet> packets = client.readAll();
            assertThat(packets).hasSize(1);
            assertThat(packets.get(0).payload()).containsExactly(0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
    }

    @Test
    void testPrepareError()
    {
        try (TestingClient client = new TestingClient(server, 1 << 20).login(0)) {
            client.command(0x16, "syntax error ?".getBytes(StandardCharsets.UTF_8));
            assertThat(client.read().errorCode()).isEqualTo(1064);
        }
    }

    @Test
    void testEveryParameterType()
    {
        List<Parameter> parameters = List.of(
                parameter(0x01, "ff"),
                unsigned(0x01, "ff"),
                parameter(0x02, "feff"),
                unsigned(0x02, "ffff"),
                parameter(0x03, "fdffffff"),
                unsigned(0x03, "ffffffff"),
                parameter(0x09, "70110100"),
                parameter(0x0d, "e807"),
                parameter(0x08, "fcffffffffffffff"),
                unsigned(0x08, "ffffffffffffffff"),
                unsigned(0x08, "0500000000000000"),
                parameter(0x04, "0000c03f"),
                parameter(0x05, "0000000000000240"),
                parameter(0xf6, "05 31322e3530"),
                parameter(0x00, "01 37"),
                parameter(0x0f, "02 c3a9"),
                parameter(0xfd, "02 6869"),
                parameter(0xfe, "02 00ff"),
                parameter(0xfc, "03 000102"),
                parameter(0xf9, "00"),
                parameter(0xf7, "01 61"),
                parameter(0xf5, "02 7b7d"),
                parameter(0x10, "01 01"),
                parameter(0x0a, "04 e807 02 1d"),
                parameter(0x0a, "00"),
                parameter(0x0c, "0b e807 01 02 03 04 05 06000000"),
                parameter(0x0c, "07 e807 01 02 03 04 05"),
                parameter(0x07, "04 e807 0c 1f"),
                parameter(0x0b, "08 01 01000000 02 03 04"),
                parameter(0x0b, "00"),
                parameter(0x0b, "0c 00 00000000 00 00 01 20a10700"),
                parameter(0x06, ""),
                nullParameter(0xfd));
        try (TestingClient client = new TestingClient(server, 1 << 20).login(0)) {
            long id = prepare(client, "SELECT " + "?, ".repeat(parameters.size() - 1) + "?");
            client.command(0x17, execute(id, true, parameters));
            List<Packet> packets = client.readAll();
            assertThat(packets.get(0).payload()).containsExactly(parameters.size());
            assertThat(handler.events.getLast()).endsWith("[Long:-1, Long:255, Long:-2, Long:65535, Long:-3, Long:4294967295, Long:70000, "
                    + "Long:2024, Long:-4, BigInteger:18446744073709551615, Long:5, Float:1.5, Double:2.25, BigDecimal:12.50, "
                    + "BigDecimal:7, String:é, String:hi, bytes[0, -1], bytes[0, 1, 2], bytes[], String:a, String:{}, bytes[1], "
                    + "LocalDate:2024-02-29, String:0000-00-00, LocalDateTime:2024-01-02T03:04:05.000006, LocalDateTime:2024-01-02T03:04:05, "
                    + "LocalDateTime:2024-12-31T00:00, Duration:PT-26H-3M-4S, Duration:PT0S, Duration:PT1.5S, null, null]");
            Packet row = packets.get(packets.size() - 2);
            assertThat(row.first()).isZero();
        }
    }

    @Test
    void testBinaryResultRow()
    {
        try (TestingClient client = new TestingClient(server, 1 << 20).login(CapabilityFlags.CLIENT_DEPRECATE_EOF)) {
            long id = prepare(client, "SELECT ?, ?");
            client.command(0x17, execute(id, true, List.of(parameter(0x08, "0500000000000000"), nullParameter(0x08))));
            List<Packet> packets = client.readAll();
            assertThat(packets).hasSize(1 + 2 + 1 + 1);
            assertThat(packets.get(3).payload()).containsExactly(0x00, 0x08, 5, 0, 0, 0, 0, 0, 0, 0);
            assertThat(packets.get(4).payload()).containsExactly(0xFE, 0, 0, 2, 0, 0, 0);
        }
    }

    @Test
    void testTypesAreRememberedWhenNotRebound()
    {
        try (TestingClient client = new TestingClient(server, 1 << 20).login(0)) {
            long id = prepare(client, "INSERT ?");
            client.command(0x17, execute(id, false, List.of(parameter(0x08, "0100000000000000"))));
            assertThat(client.read().errorCode()).isEqualTo(1210);
            client.command(0x17, execute(id, true, List.of(parameter(0x08, "0100000000000000"))));
            assertThat(client.read().isOk()).isTrue();
            client.command(0x17, execute(id, false, List.of(parameter(0x08, "0200000000000000"))));
            assertThat(client.read().isOk()).isTrue();
            assertThat(handler.events.getLast()).isEqualTo("execute INSERT ? [Long:2]");
        }
    }

    @Test
    void testSendLongDataAndReset()
    {
        try (TestingClient client = new TestingClient(server, 1 << 20).login(0)) {
            long id = prepare(client, "INSERT ?, ?");
            client.command(0x18, concat(bytes((int) id, 0, 0, 0, 0, 0), "ab".getBytes(StandardCharsets.UTF_8)));
            client.command(0x18, concat(bytes((int) id, 0, 0, 0, 0, 0), "cd".getBytes(StandardCharsets.UTF_8)));
            client.command(0x18, concat(bytes((int) id, 0, 0, 0, 1, 0), bytes(0xFF)));
            client.command(0x18, concat(bytes((int) id, 0, 0, 0, 9, 0), bytes(1)));
            client.command(0x18, concat(bytes(99, 0, 0, 0, 0, 0), bytes(1)));
            assertThat(client.poll()).as("no reply to SEND_LONG_DATA").isNull();
            client.command(0x17, execute(id, true, List.of(new Parameter(0xfd, false, new byte[0]), new Parameter(0xfc, false, new byte[0]))));
            assertThat(client.read().isOk()).isTrue();
            assertThat(handler.events.getLast()).isEqualTo("execute INSERT ?, ? [String:abcd, bytes[-1]]");

            client.command(0x18, concat(bytes((int) id, 0, 0, 0, 0, 0), "zz".getBytes(StandardCharsets.UTF_8)));
            client.command(0x1A, bytes((int) id, 0, 0, 0));
            assertThat(client.read().isOk()).isTrue();
            client.command(0x17, execute(id, false, List.of(parameter(0xfd, "01 71"), parameter(0xfc, "00"))));
            assertThat(client.read().isOk()).isTrue();
            assertThat(handler.events.getLast()).isEqualTo("execute INSERT ?, ? [String:q, bytes[]]");
            client.command(0x1A, bytes(99, 0, 0, 0));
            assertThat(client.read().errorCode()).isEqualTo(1243);
        }
    }

    @Test
    void testCloseAndFetch()
    {
        try (TestingClient client = new TestingClient(server, 1 << 20).login(0)) {
            long id = prepare(client, "SELECT 1");
            client.command(0x1C, bytes((int) id, 0, 0, 0, 10, 0, 0, 0));
            Packet error = client.read();
            assertThat(error.errorCode()).isEqualTo(1421);
            assertThat(error.errorMessage()).isEqualTo("The statement (" + id + ") has no open cursor.");
            client.command(0x17, execute(id, true, List.of()));
            assertThat(client.readAll()).hasSize(5);
            client.command(0x19, bytes((int) id, 0, 0, 0));
            assertThat(client.poll()).isNull();
            assertThat(handler.events).contains("closeStatement SELECT 1");
            client.command(0x17, execute(id, true, List.of()));
            Packet unknown = client.read();
            assertThat(unknown.errorCode()).isEqualTo(1243);
            assertThat(unknown.errorMessage()).isEqualTo("Unknown prepared statement handler (" + id + ") given to mysqld_stmt_execute");
            client.command(0x1C, bytes((int) id, 0, 0, 0, 10, 0, 0, 0));
            assertThat(client.read().errorCode()).isEqualTo(1243);
        }
    }

    @Test
    void testMalformedExecuteKeepsTheConnection()
    {
        try (TestingClient client = new TestingClient(server, 1 << 20).login(0)) {
            long id = prepare(client, "INSERT ?, ?");
            client.command(0x17, bytes((int) id, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0x08, 0));
            assertThat(client.read().errorCode()).isEqualTo(1835);
            client.command(0x17, execute(id, true, List.of(parameter(0x42, "00"), parameter(0x08, "0100000000000000"))));
            assertThat(client.read().errorCode()).isEqualTo(1835);
            client.command(0x17, execute(id, true, List.of(parameter(0x0c, "05 0000000000"), parameter(0x08, "0100000000000000"))));
            assertThat(client.read().errorCode()).isEqualTo(1835);
            client.command(0x0E, new byte[0]);
            assertThat(client.read().isOk()).isTrue();
        }
    }

    @Test
    void testStatementsAreClosedWithTheConnection()
    {
        try (TestingClient client = new TestingClient(server, 1 << 20).login(0)) {
            prepare(client, "SELECT 7");
        }
        assertThat(handler.events).containsSubsequence("closeStatement SELECT 7", "closeSession");
    }

    @Test
    void testLongDataBeyondMaxAllowedPacketFailsTheExecute()
    {
        ServerContext small = new ServerContext(handler, new FakeCredentialStore().withAccount("root", CACHING_SHA2_PASSWORD, ""),
                Runnable::run, "8.0.36", 45, 10, 10_000, 1024);
        try (TestingClient client = new TestingClient(small, 1 << 20).login(0)) {
            long id = prepare(client, "INSERT ?");
            client.command(0x18, concat(bytes((int) id, 0, 0, 0, 0, 0), new byte[1000]));
            client.command(0x18, concat(bytes((int) id, 0, 0, 0, 0, 0), new byte[100]));
            client.command(0x17, execute(id, true, List.of(new Parameter(0xfc, false, new byte[0]))));
            assertThat(client.read().errorCode()).isEqualTo(1153);
            client.command(0x17, execute(id, true, List.of(parameter(0xfc, "01 05"))));
            assertThat(client.read().isOk()).isTrue();
        }
    }

    @Test
    void testTooManyPreparedStatements()
    {
        try (TestingClient client = new TestingClient(server, 1 << 20).login(0)) {
            for (int i = 0; i < CommandDispatcher.MAX_PREPARED_STATEMENTS; i++) {
                client.command(0x16, "DO 1".getBytes(StandardCharsets.UTF_8));
                assertThat(client.read().first()).isZero();
            }
            client.command(0x16, "DO 1".getBytes(StandardCharsets.UTF_8));
            Packet error = client.read();
            assertThat(error.errorCode()).isEqualTo(1461);
            assertThat(error.errorMessage()).isEqualTo("Can't create more than max_prepared_stmt_count statements (current value: 16382)");
            client.command(0x19, bytes(1, 0, 0, 0));
            client.command(0x16, "DO 1".getBytes(StandardCharsets.UTF_8));
            assertThat(client.read().first()).isZero();
        }
    }
}
