package dev.quiver.wire.codec;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/**
 * Reads the protocol's basic data types from one packet payload. Every read checks the remaining length
 * and reports a truncated or malformed payload as {@link ErrorCode#ER_MALFORMED_PACKET}; the reader never
 * releases the buffer (its owner does).
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_data_types.html">Basic data types</a>
 */
public final class PacketReader
{
    private final ByteBuf payload;

    public PacketReader(ByteBuf payload)
    {
        this.payload = requireNonNull(payload, "payload is null");
    }

    public int readableBytes()
    {
        return payload.readableBytes();
    }

    public boolean isReadable()
    {
        return payload.isReadable();
    }

    /** The byte at the reader index, without consuming it. */
    public int peekFixedInt1()
    {
        require(1);
        return payload.getUnsignedByte(payload.readerIndex());
    }

    /** {@code int<1>}. */
    public int readFixedInt1()
    {
        require(1);
        return payload.readUnsignedByte();
    }

    /** {@code int<2>}, little endian. */
    public int readFixedInt2()
    {
        require(2);
        return payload.readUnsignedShortLE();
    }

    /** {@code int<3>}, little endian. */
    public int readFixedInt3()
    {
        require(3);
        return payload.readUnsignedMediumLE();
    }

    /** {@code int<4>}, little endian, unsigned. */
    public long readFixedInt4()
    {
        require(4);
        return payload.readUnsignedIntLE();
    }

    /** {@code int<8>}, little endian (the raw 64 bits). */
    public long readFixedInt8()
    {
        require(8);
        return payload.readLongLE();
    }

    /** {@code int<lenenc>}; returns -1 for the NULL marker {@code 0xFB}. */
    public long readLengthEncodedInteger()
    {
        int first = readFixedInt1();
        return switch (first) {
            case 0xFB -> -1;
            case 0xFC -> readFixedInt2();
            case 0xFD -> readFixedInt3();
            case 0xFE -> readFixedInt8();
            case 0xFF -> throw malformed();
            default -> first;
        };
    }

    /** {@code string<lenenc>} as raw bytes. */
    public byte[] readLengthEncodedBytes()
    {
        long length = readLengthEncodedInteger();
        if (length < 0 || length > payload.readableBytes()) {
            throw malformed();
        }
        return readFixedBytes((int) length);
    }

    /** {@code string<lenenc>} decoded as UTF-8. */
    public String readLengthEncodedString()
    {
        return new String(readLengthEncodedBytes(), StandardCharsets.UTF_8);
    }

    /** {@code string<fix>} as raw bytes. */
    public byte[] readFixedBytes(int length)
    {
        require(length);
        byte[] result = new byte[length];
        payload.readBytes(result);
        return result;
    }

    public void skipBytes(int length)
    {
        require(length);
        payload.skipBytes(length);
    }

    /** {@code string<NUL>} as raw bytes (without the terminator). */
    public byte[] readNullTerminatedBytes()
    {
        int end = payload.indexOf(payload.readerIndex(), payload.writerIndex(), (byte) 0);
        if (end < 0) {
            throw malformed();
        }
        byte[] result = readFixedBytes(end - payload.readerIndex());
        payload.skipBytes(1);
        return result;
    }

    /** {@code string<NUL>} decoded as UTF-8. */
    public String readNullTerminatedString()
    {
        return new String(readNullTerminatedBytes(), StandardCharsets.UTF_8);
    }

    /** {@code string<EOF>} as raw bytes. */
    public byte[] readRestOfPacketBytes()
    {
        return readFixedBytes(payload.readableBytes());
    }

    /** {@code string<EOF>} decoded as UTF-8. */
    public String readRestOfPacketString()
    {
        String result = payload.toString(payload.readerIndex(), payload.readableBytes(), StandardCharsets.UTF_8);
        payload.skipBytes(payload.readableBytes());
        return result;
    }

    private void require(int length)
    {
        if (length < 0 || payload.readableBytes() < length) {
            throw malformed();
        }
    }

    private static QuiverException malformed()
    {
        return new QuiverException(ErrorCode.ER_MALFORMED_PACKET);
    }
}
