package dev.quiver.storage.format;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Appends primitives to a growing byte array (big-endian, strings as length-prefixed UTF-8). */
public final class BinaryWriter
{
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private final DataOutputStream out = new DataOutputStream(bytes);

    public BinaryWriter writeByte(int value)
    {
        try {
            out.writeByte(value);
            return this;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BinaryWriter writeBoolean(boolean value)
    {
        return writeByte(value ? 1 : 0);
    }

    public BinaryWriter writeInt(int value)
    {
        try {
            out.writeInt(value);
            return this;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BinaryWriter writeLong(long value)
    {
        try {
            out.writeLong(value);
            return this;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BinaryWriter writeFloat(float value)
    {
        return writeInt(Float.floatToRawIntBits(value));
    }

    public BinaryWriter writeDouble(double value)
    {
        return writeLong(Double.doubleToRawLongBits(value));
    }

    public BinaryWriter writeBytes(byte[] value)
    {
        writeInt(value.length);
        try {
            out.write(value);
            return this;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public BinaryWriter writeString(String value)
    {
        return writeBytes(value.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] toByteArray()
    {
        return bytes.toByteArray();
    }
}
