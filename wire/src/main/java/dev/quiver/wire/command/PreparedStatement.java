package dev.quiver.wire.command;

import dev.quiver.wire.spi.PreparedStatementInfo;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * The wire-side state of one prepared statement: the handler's answer, the parameter types bound by the
 * last COM_STMT_EXECUTE that sent them, and the long data collected since the last execute or reset.
 * Confined to the connection's command thread.
 */
public final class PreparedStatement
{
    private final long id;
    private final PreparedStatementInfo info;
    private int[] parameterTypes;
    private final ByteArrayOutputStream[] longData;
    private boolean longDataTooLarge;

    public PreparedStatement(long id, PreparedStatementInfo info)
    {
        this.id = id;
        this.info = requireNonNull(info, "info is null");
        this.longData = new ByteArrayOutputStream[info.parameterCount()];
    }

    public long id()
    {
        return id;
    }

    public PreparedStatementInfo info()
    {
        return info;
    }

    public int parameterCount()
    {
        return info.parameterCount();
    }

    /** The types (low byte: type, bit 15: unsigned) from the last execute that bound them, or null. */
    int[] parameterTypes()
    {
        return parameterTypes;
    }

    void bindParameterTypes(int[] types)
    {
        this.parameterTypes = types.clone();
    }

    /**
     * Appends COM_STMT_SEND_LONG_DATA; an out-of-range parameter is ignored, as MySQL defers that error. Data
     * beyond {@code maxLength} per parameter is dropped and makes the next execute fail.
     */
    public void appendLongData(int parameterId, byte[] data, int maxLength)
    {
        if (parameterId < 0 || parameterId >= longData.length) {
            return;
        }
        if (longData[parameterId] == null) {
            longData[parameterId] = new ByteArrayOutputStream();
        }
        if ((long) longData[parameterId].size() + data.length > maxLength) {
            longDataTooLarge = true;
            return;
        }
        longData[parameterId].writeBytes(data);
    }

    boolean longDataTooLarge()
    {
        return longDataTooLarge;
    }

    byte[] longData(int parameterId)
    {
        return longData[parameterId] == null ? null : longData[parameterId].toByteArray();
    }

    public void clearLongData()
    {
        longDataTooLarge = false;
        Arrays.fill(longData, null);
    }
}
