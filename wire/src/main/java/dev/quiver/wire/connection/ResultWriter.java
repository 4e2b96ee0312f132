package dev.quiver.wire.connection;

import dev.quiver.wire.packet.BinaryResultRowPacket;
import dev.quiver.wire.packet.ColumnCountPacket;
import dev.quiver.wire.packet.ColumnDefinition41Packet;
import dev.quiver.wire.packet.EofPacket;
import dev.quiver.wire.packet.ErrPacket;
import dev.quiver.wire.packet.OkPacket;
import dev.quiver.wire.packet.ServerPacket;
import dev.quiver.wire.packet.StatusFlags;
import dev.quiver.wire.packet.TextResultRowPacket;
import dev.quiver.wire.spi.ColumnDescriptor;
import dev.quiver.wire.spi.HandlerSession;
import dev.quiver.wire.spi.ResultSink;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The {@link ResultSink} of one command. It holds back the terminator of each result (the EOF, OK-as-EOF
 * or OK) until it knows whether another result follows: the next result sets SERVER_MORE_RESULTS_EXISTS
 * on it, {@link #finish} and {@link #fail} send it as the last. Status flags and warnings are taken from
 * the session when a result ends, so they describe the statement that produced it.
 */
final class ResultWriter
        implements ResultSink
{
    private final PacketOutput output;
    private final HandlerSession session;
    private final boolean deprecateEof;
    private final boolean binaryRows;
    private List<ColumnDescriptor> columns;
    private Terminator pending;
    private boolean anyResult;

    /** A held-back end of a result: OK (or OK-as-EOF with header 0xFE) or a classic EOF. */
    private record Terminator(boolean resultSetEnd, long affectedRows, long lastInsertId, int statusFlags, int warnings, String info) {}

    ResultWriter(PacketOutput output, HandlerSession session, boolean deprecateEof, boolean binaryRows)
    {
        this.output = requireNonNull(output, "output is null");
        this.session = session;
        this.deprecateEof = deprecateEof;
        this.binaryRows = binaryRows;
    }

    @Override
    public void beginResultSet(List<ColumnDescriptor> columns)
    {
        requireNonNull(columns, "columns is null");
        if (this.columns != null) {
            throw new IllegalStateException("beginResultSet before the previous result set ended");
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a result set needs at least one column");
        }
        sendPending(true);
        this.columns = List.copyOf(columns);
        anyResult = true;
        output.write(new ColumnCountPacket(columns.size()));
        for (ColumnDescriptor each : this.columns) {
            output.write(new ColumnDefinition41Packet(each));
        }
        if (!deprecateEof) {
            output.write(new EofPacket(0, statusFlags()));
        }
    }

    @Override
    public void row(Object[] values)
    {
        if (columns == null) {
            throw new IllegalStateException("row outside of a result set");
        }
        output.write(binaryRows ? new BinaryResultRowPacket(columns, values) : new TextResultRowPacket(columns, values));
    }

    @Override
    public void endResultSet()
    {
        if (columns == null) {
            throw new IllegalStateException("endResultSet without beginResultSet");
        }
        columns = null;
        pending = new Terminator(true, 0, 0, statusFlags(), warnings(), "");
    }

    @Override
    public void ok(long affectedRows, long lastInsertId, String info)
    {
        if (columns != null) {
            throw new IllegalStateException("ok inside a result set");
        }
        sendPending(true);
        anyResult = true;
        pending = new Terminator(false, affectedRows, lastInsertId, statusFlags(), warnings(), info);
    }

    /** Ends the command: sends the last terminator (an OK if the handler reported nothing). */
    void finish()
    {
        if (columns != null) {
            throw new IllegalStateException("the handler returned inside a result set");
        }
        if (!anyResult) {
            ok(0, 0, null);
        }
        sendPending(false);
    }

    /** Ends the command with an error, after the results that completed before it. */
    void fail(ErrPacket error)
    {
        if (columns == null) {
            sendPending(true);
        }
        columns = null;
        pending = null;
        output.write(error);
    }

    private void sendPending(boolean moreResults)
    {
        if (pending == null) {
            return;
        }
        Terminator terminator = pending;
        pending = null;
        int status = terminator.statusFlags() | (moreResults ? StatusFlags.SERVER_MORE_RESULTS_EXISTS : 0);
        output.write(terminatorPacket(terminator, status));
    }

    private ServerPacket terminatorPacket(Terminator terminator, int status)
    {
        if (!terminator.resultSetEnd()) {
            return OkPacket.ok(terminator.affectedRows(), terminator.lastInsertId(), status, terminator.warnings(), terminator.info());
        }
        if (deprecateEof) {
            return new OkPacket(OkPacket.HEADER_EOF, 0, 0, status, terminator.warnings(), "");
        }
        return new EofPacket(terminator.warnings(), status);
    }

    int statusFlags()
    {
        return statusFlags(session);
    }

    static int statusFlags(HandlerSession session)
    {
        if (session == null) {
            return StatusFlags.SERVER_STATUS_AUTOCOMMIT;
        }
        int result = 0;
        if (session.autocommit()) {
            result |= StatusFlags.SERVER_STATUS_AUTOCOMMIT;
        }
        if (session.inTransaction()) {
            result |= StatusFlags.SERVER_STATUS_IN_TRANS;
        }
        return result;
    }

    private int warnings()
    {
        return session == null ? 0 : Math.min(session.warningCount(), 0xFFFF);
    }
}
