package dev.quiver.storage.format;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static java.util.Objects.requireNonNull;

/** Reads what {@link BinaryWriter} wrote; running past the end is {@code ER_STORAGE_CORRUPT}. */
public final class BinaryReader
{
    private final ByteBuffer buffer;
    private final String source;

    public BinaryReader(byte[] bytes, String source)
    {
        this.buffer = ByteBuffer.wrap(requireNonNull(bytes, "bytes is null"));
        this.source = requireNonNull(source, "source is null");
    }

    public BinaryReader(byte[] bytes, int offset, int length, String source)
    {
        this.buffer = ByteBuffer.wrap(requireNonNull(bytes, "bytes is null"), offset, length);
        this.source = requireNonNull(source, "source is null");
    }

    public int readByte()
    {
        try {
            return buffer.get();
        }
        catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public boolean readBoolean()
    {
        return readByte() != 0;
    }

    public int readInt()
    {
        try {
            return buffer.getInt();
        }
        catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public long readLong()
    {
        try {
            return buffer.getLong();
        }
        catch (BufferUnderflowException e) {
            throw truncated();
        }
    }

    public float readFloat()
    {
        return Float.intBitsToFloat(readInt());
    }

    public double readDouble()
    {
        return Double.longBitsToDouble(readLong());
    }

    public byte[] readBytes()
    {
        int length = readInt();
        if (length < 0 || length > buffer.remaining()) {
            throw truncated();
        }
        byte[] result = new byte[length];
        buffer.get(result);
        return result;
    }

    public String readString()
    {
        return new String(readBytes(), StandardCharsets.UTF_8);
    }

    public boolean hasRemaining()
    {
        return buffer.hasRemaining();
    }

    public QuiverException corrupt(String detail)
    {
        return new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, source + ": " + detail);
    }

    private QuiverException truncated()
    {
        return corrupt("unexpected end of data");
    }
}
