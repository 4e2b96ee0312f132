package dev.quiver.wire.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * Writes the protocol's basic data types into one packet payload. The writer does not own the buffer.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_data_types.html">Basic data types</a>
 */
public final class PacketWriter
{
    private final ByteBuf payload;

    public PacketWriter(ByteBuf payload)
    {
        this.payload = requireNonNull(payload, "payload is null");
    }

    public ByteBuf payload()
    {
        return payload;
    }

    /** {@code int<1>}. */
    public PacketWriter writeFixedInt1(int value)
    {
        payload.writeByte(value);
        return this;
    }

    /** {@code int<2>}, little endian. */
    public PacketWriter writeFixedInt2(int value)
    {
        payload.writeShortLE(value);
        return this;
    }

    /** {@code int<3>}, little endian. */
    public PacketWriter writeFixedInt3(int value)
    {
        payload.writeMediumLE(value);
        return this;
    }

    /** {@code int<4>}, little endian. */
    public PacketWriter writeFixedInt4(long value)
    {
        payload.writeIntLE((int) value);
        return this;
    }

    /** {@code int<8>}, little endian. */
    public PacketWriter writeFixedInt8(long value)
    {
        payload.writeLongLE(value);
        return this;
    }

    /** {@code int<lenenc>}; the value is read as unsigned. */
    public PacketWriter writeLengthEncodedInteger(long value)
    {
        if (value >= 0 && value < 0xFB) {
            payload.writeByte((int) value);
        }
        else if (value >= 0 && value < 0x1_0000) {
            payload.writeByte(0xFC).writeShortLE((int) value);
        }
        else if (value >= 0 && value < 0x100_0000) {
            payload.writeByte(0xFD).writeMediumLE((int) value);
        }
        else {
            payload.writeByte(0xFE).writeLongLE(value);
        }
        return this;
    }

    /** The NULL marker of a text row, {@code 0xFB}. */
    public PacketWriter writeNullMarker()
    {
        payload.writeByte(0xFB);
        return this;
    }

    /** {@code string<lenenc>}. */
    public PacketWriter writeLengthEncodedBytes(byte[] value)
    {
        writeLengthEncodedInteger(value.length);
        payload.writeBytes(value);
        return this;
    }

    /** {@code string<lenenc>}, UTF-8. */
    public PacketWriter writeLengthEncodedString(String value)
    {
        writeLengthEncodedInteger(ByteBufUtil.utf8Bytes(value));
        payload.writeCharSequence(value, StandardCharsets.UTF_8);
        return this;
    }

    /** {@code string<NUL>}, UTF-8. */
    public PacketWriter writeNullTerminatedString(String value)
    {
        payload.writeCharSequence(value, StandardCharsets.UTF_8);
        payload.writeByte(0);
        return this;
    }

    /** {@code string<fix>} / {@code string<EOF>} as raw bytes. */
    public PacketWriter writeBytes(byte[] value)
    {
        payload.writeBytes(value);
        return this;
    }

    /** {@code string<EOF>}, UTF-8. */
    public PacketWriter writeRestOfPacketString(String value)
    {
        payload.writeCharSequence(value, StandardCharsets.UTF_8);
        return this;
    }

    public PacketWriter writeZeros(int length)
    {
        payload.writeZero(length);
        return this;
    }
}
