package dev.quiver.wire.codec;

import dev.quiver.common.QuiverException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestPacketReaderWriter
{
    @Test
    void testLengthEncodedIntegersRoundTrip()
    {
        for (long value : new long[] {0, 250, 251, 0xFFFF, 0x10000, 0xFFFFFF, 0x1000000, Long.MAX_VALUE, -1}) {
            ByteBuf buffer = Unpooled.buffer();
            try {
                new PacketWriter(buffer).writeLengthEncodedInteger(value);
                long read = new PacketReader(buffer).readLengthEncodedInteger();
                assertThat(read).as("value %d", value).isEqualTo(value == -1 ? -1 : value);
            }
            finally {
                buffer.release();
            }
        }
    }

    @Test
    void testStringsRoundTrip()
    {
        ByteBuf buffer = Unpooled.buffer();
        try {
            new PacketWriter(buffer).writeLengthEncodedString("héllo").writeNullTerminatedString("wörld").writeRestOfPacketString("rest");
            PacketReader reader = new PacketReader(buffer);
            assertThat(reader.readLengthEncodedString()).isEqualTo("héllo");
            assertThat(reader.readNullTerminatedString()).isEqualTo("wörld");
            assertThat(reader.readRestOfPacketString()).isEqualTo("rest");
            assertThat(reader.isReadable()).isFalse();
        }
        finally {
            buffer.release();
        }
    }

    @Test
    void testTruncatedReadsAreMalformedPackets()
    {
        assertMalformed("", PacketReader::readFixedInt1);
        assertMalformed("01", PacketReader::readFixedInt2);
        assertMalformed("0102", PacketReader::readFixedInt3);
        assertMalformed("010203", PacketReader::readFixedInt4);
        assertMalformed("01020304050607", PacketReader::readFixedInt8);
        assertMalformed("ff", PacketReader::readLengthEncodedInteger);
        assertMalformed("fc01", PacketReader::readLengthEncodedInteger);
        assertMalformed("0561", PacketReader::readLengthEncodedBytes);
        assertMalformed("fb", PacketReader::readLengthEncodedBytes);
        assertMalformed("fe ffffffffffffff7f", PacketReader::readLengthEncodedBytes);
        assertMalformed("6162", PacketReader::readNullTerminatedBytes);
        assertMalformed("", reader -> reader.skipBytes(1));
    }

    private static void assertMalformed(String hex, Consumer<PacketReader> read)
    {
        ByteBuf buffer = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex.replace(" ", "")));
        try {
            assertThatThrownBy(() -> read.accept(new PacketReader(buffer)))
                    .isInstanceOf(QuiverException.class)
                    .satisfies(ex -> assertThat(((QuiverException) ex).vendorCode()).isEqualTo(1835));
        }
        finally {
            buffer.release();
        }
    }
}
