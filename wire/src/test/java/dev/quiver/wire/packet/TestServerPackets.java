package dev.quiver.wire.packet;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.wire.spi.ColumnDescriptor;
import dev.quiver.wire.spi.ColumnType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static dev.quiver.wire.packet.PacketFixtures.hex;
import static dev.quiver.wire.packet.PacketFixtures.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestServerPackets
{
    @Test
    void testHandshakeV10Layout()
    {
        HandshakeV10Packet packet = new HandshakeV10Packet("8.0.36-seekdb-v1.4.0.0", 1,
                "abcdefghijklmnopqrst".getBytes(StandardCharsets.US_ASCII), CapabilityFlags.SERVER_CAPABILITIES, 45, 0x0002, "caching_sha2_password");
        assertThat(payload(packet)).isEqualTo(hex("""
                0a "8.0.36-seekdb-v1.4.0.0" 00
                01000000
                "abcdefgh" 00
                0fa6 2d 0200 3f01
                15 00000000000000000000
                "ijklmnopqrst" 00
                "caching_sha2_password" 00"""));
    }

    @Test
    void testServerCapabilitiesAdvertiseOnlyWhatWeSpeak()
    {
        int capabilities = CapabilityFlags.SERVER_CAPABILITIES;
        assertThat(capabilities & (CapabilityFlags.CLIENT_SSL | CapabilityFlags.CLIENT_COMPRESS | CapabilityFlags.CLIENT_QUERY_ATTRIBUTES
                | CapabilityFlags.CLIENT_SESSION_TRACK | CapabilityFlags.CLIENT_OPTIONAL_RESULTSET_METADATA | CapabilityFlags.CLIENT_LOCAL_FILES)).isZero();
        assertThat(capabilities & CapabilityFlags.CLIENT_LONG_PASSWORD).isNotZero();
        assertThat(capabilities & CapabilityFlags.CLIENT_DEPRECATE_EOF).isNotZero();
    }

    @Test
    void testOkPacket()
    {
        assertThat(payload(OkPacket.ok(0, 0, 0x0002, 0, null))).isEqualTo(hex("00 00 00 0200 0000"));
        assertThat(payload(OkPacket.ok(2, 7, 0x000A, 1, "Records: 2  Duplicates: 0  Warnings: 0")))
                .isEqualTo(hex("00 02 07 0a00 0100 26 \"Records: 2  Duplicates: 0  Warnings: 0\""));
        assertThat(payload(new OkPacket(OkPacket.HEADER_EOF, 0, 0, 0x0022, 0, "")))
                .isEqualTo(hex("fe 00 00 2200 0000"));
    }

    @Test
    void testLengthEncodedIntegersInOk()
    {
        assertThat(payload(OkPacket.ok(250, 251, 0, 0, null))).isEqualTo(hex("00 fa fcfb00 0000 0000"));
        assertThat(payload(OkPacket.ok(65536, 16_777_216, 0, 0, null))).isEqualTo(hex("00 fd000001 fe0000000100000000 0000 0000"));
        assertThat(payload(OkPacket.ok(-1, 0, 0, 0, null))).isEqualTo(hex("00 feffffffffffffffff 00 0000 0000"));
    }

    @Test
    void testErrPacket()
    {
        assertThat(payload(ErrPacket.of(new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, "test", "x"))))
                .isEqualTo(hex("ff 7a04 \"#42S02\" \"Table 'test.x' doesn't exist\""));
        assertThat(payload(ErrPacket.of(new QuiverException(ErrorCode.ER_ACCESS_DENIED_ERROR, "u", "127.0.0.1", "YES"))))
                .isEqualTo(hex("ff 1504 \"#28000\" \"Access denied for user 'u'@'127.0.0.1' (using password: YES)\""));
        assertThatThrownBy(() -> new ErrPacket(1, "HY", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testEofPacket()
    {
        assertThat(payload(new EofPacket(3, 0x000A))).isEqualTo(hex("fe 0300 0a00"));
    }

    @Test
    void testColumnDefinitionMatchesMySqlSelectOne()
    {
        ColumnDescriptor column = ColumnDescriptor.expression("1", ColumnType.LONGLONG, 63, 1, 0x81, 0);
        assertThat(payload(new ColumnDefinition41Packet(column)))
                .isEqualTo(hex("03 \"def\" 00 00 00 01 \"1\" 00 0c 3f00 01000000 08 8100 00 0000"));
    }

    @Test
    void testColumnDefinitionWithTableAndFieldListDefault()
    {
        ColumnDescriptor column = new ColumnDescriptor("db", "t", "tt", "n", "name", 45, 1024, ColumnType.VAR_STRING, 0, 0);
        assertThat(payload(new ColumnDefinition41Packet(column)))
                .isEqualTo(hex("03 \"def\" 02 \"db\" 01 \"t\" 02 \"tt\" 01 \"n\" 04 \"name\" 0c 2d00 00040000 fd 0000 00 0000"));
        assertThat(payload(new ColumnDefinition41Packet(column, true)))
                .isEqualTo(hex("03 \"def\" 02 \"db\" 01 \"t\" 02 \"tt\" 01 \"n\" 04 \"name\" 0c 2d00 00040000 fd 0000 00 0000 fb"));
    }

    @Test
    void testColumnCountAndPrepareOk()
    {
        assertThat(payload(new ColumnCountPacket(3))).isEqualTo(hex("03"));
        assertThat(payload(new ColumnCountPacket(300))).isEqualTo(hex("fc2c01"));
        assertThat(payload(new StmtPrepareOkPacket(1, 2, 3, 4))).isEqualTo(hex("00 01000000 0200 0300 00 0400"));
    }

    @Test
    void testAuthPackets()
    {
        byte[] scramble = "ABCDEFGHIJKLMNOPQRST".getBytes(StandardCharsets.US_ASCII);
        assertThat(payload(new AuthSwitchRequestPacket("mysql_native_password", scramble)))
                .isEqualTo(hex("fe \"mysql_native_password\" 00 \"ABCDEFGHIJKLMNOPQRST\" 00"));
        assertThat(payload(new AuthMoreDataPacket(new byte[] {3}))).isEqualTo(hex("01 03"));
        assertThat(payload(new StatisticsPacket("Uptime: 1"))).isEqualTo(hex("\"Uptime: 1\""));
    }

    @Test
    void testTextRow()
    {
        List<ColumnDescriptor> columns = List.of(column(ColumnType.LONGLONG, 0), column(ColumnType.VAR_STRING, 0),
                column(ColumnType.VAR_STRING, 0), column(ColumnType.DOUBLE, 31), column(ColumnType.DATETIME, 3), column(ColumnType.BLOB, 0));
        Object[] values = {1L, null, "héllo", 1e20, LocalDateTime.of(2024, 1, 2, 3, 4, 5), new byte[] {0, (byte) 0xFF}};
        assertThat(payload(new TextResultRowPacket(columns, values)))
                .isEqualTo(hex("01 \"1\" fb 06 \"héllo\" 04 \"1e20\" 17 \"2024-01-02 03:04:05.000\" 02 00ff"));
        assertThatThrownBy(() -> new TextResultRowPacket(columns, new Object[1])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testBinaryRowNullBitmapHasOffsetTwo()
    {
        List<ColumnDescriptor> columns = List.of(column(ColumnType.TINY, 0), column(ColumnType.LONG, 0), column(ColumnType.VAR_STRING, 0));
        assertThat(payload(new BinaryResultRowPacket(columns, new Object[] {1L, null, "x"}))).isEqualTo(hex("00 08 01 0178"));
        List<ColumnDescriptor> seven = java.util.Collections.nCopies(7, column(ColumnType.TINY, 0));
        Object[] values = new Object[7];
        values[6] = 5L;
        assertThat(payload(new BinaryResultRowPacket(seven, values))).isEqualTo(hex("00 fc00 05"));
    }

    @Test
    void testBinaryValueOfEveryColumnType()
    {
        assertBinary(ColumnType.TINY, -1L, "ff");
        assertBinary(ColumnType.SHORT, 300L, "2c01");
        assertBinary(ColumnType.YEAR, 2024L, "e807");
        assertBinary(ColumnType.LONG, -2L, "feffffff");
        assertBinary(ColumnType.INT24, 70000, "70110100");
        assertBinary(ColumnType.LONGLONG, 1L << 40, "0000000000010000");
        assertBinary(ColumnType.LONGLONG, new BigInteger("18446744073709551615"), "ffffffffffffffff");
        assertBinary(ColumnType.FLOAT, 1.5f, "0000c03f");
        assertBinary(ColumnType.DOUBLE, 2.5, "0000000000000440");
        assertBinary(ColumnType.NEWDECIMAL, new BigDecimal("12.50"), "05 \"12.50\"");
        assertBinary(ColumnType.DECIMAL, new BigDecimal("1E+3"), "04 \"1000\"");
        assertBinary(ColumnType.VAR_STRING, "ab", "02 \"ab\"");
        assertBinary(ColumnType.STRING, "é", "02 c3a9");
        assertBinary(ColumnType.VARCHAR, 42L, "02 \"42\"");
        assertBinary(ColumnType.BLOB, new byte[] {1, 2}, "02 0102");
        assertBinary(ColumnType.TINY_BLOB, new byte[0], "00");
        assertBinary(ColumnType.MEDIUM_BLOB, new byte[] {9}, "01 09");
        assertBinary(ColumnType.LONG_BLOB, new byte[] {9}, "01 09");
        assertBinary(ColumnType.JSON, "{}", "02 \"{}\"");
        assertBinary(ColumnType.ENUM, "a", "01 \"a\"");
        assertBinary(ColumnType.SET, "a,b", "03 \"a,b\"");
        assertBinary(ColumnType.BIT, new byte[] {1}, "01 01");
        assertBinary(ColumnType.GEOMETRY, new byte[] {1}, "01 01");
        assertBinary(ColumnType.DATE, LocalDate.of(2024, 2, 29), "04 e807 02 1d");
        assertBinary(ColumnType.DATETIME, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000), "0b e807 01 02 03 04 05 06000000");
        assertBinary(ColumnType.DATETIME, LocalDateTime.of(2024, 1, 2, 0, 0), "04 e807 01 02");
        assertBinary(ColumnType.TIMESTAMP, LocalDateTime.of(2024, 1, 2, 3, 4, 5), "07 e807 01 02 03 04 05");
        assertBinary(ColumnType.DATETIME, "0000-00-00 00:00:00", "00");
        assertBinary(ColumnType.DATE, "0000-00-00", "00");
        assertBinary(ColumnType.DATETIME, "2024-01-02 03:04:05.5", "0b e807 01 02 03 04 05 20a10700");
        assertBinary(ColumnType.DATE, "2024-01-02", "04 e807 01 02");
        assertBinary(ColumnType.LONGLONG, "42", "2a00000000000000");
        assertBinary(ColumnType.DOUBLE, "0.5", "000000000000e03f");
        assertBinary(ColumnType.TINY, true, "01");
        assertBinary(ColumnType.TIME, Duration.ofDays(-1).minusHours(2).minusMinutes(3).minusSeconds(4), "08 01 01000000 02 03 04");
        assertBinary(ColumnType.TIME, Duration.ZERO, "00");
        assertBinary(ColumnType.TIME, Duration.ofMillis(1500), "0c 00 00000000 00 00 01 20a10700");
    }

    @Test
    void testBinaryValueOfWrongJavaTypeIsABug()
    {
        List<ColumnDescriptor> columns = List.of(column(ColumnType.DATE, 0));
        assertThatThrownBy(() -> payload(new BinaryResultRowPacket(columns, new Object[] {1.5}))).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertBinary(ColumnType type, Object value, String expectedValueHex)
    {
        byte[] expected = hex("00 00 " + expectedValueHex);
        byte[] actual = payload(new BinaryResultRowPacket(List.of(column(type, 0)), new Object[] {value}));
        assertThat(actual).as("%s %s: %s", type, value, Arrays.toString(actual)).isEqualTo(expected);
    }

    private static ColumnDescriptor column(ColumnType type, int decimals)
    {
        return ColumnDescriptor.expression("c", type, 63, 20, 0, decimals);
    }
}
