package dev.quiver.wire.command;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.wire.codec.PacketReader;
import dev.quiver.wire.command.Command.ComFieldList;
import dev.quiver.wire.command.Command.ComInitDb;
import dev.quiver.wire.command.Command.ComPing;
import dev.quiver.wire.command.Command.ComQuery;
import dev.quiver.wire.command.Command.ComQuit;
import dev.quiver.wire.command.Command.ComResetConnection;
import dev.quiver.wire.command.Command.ComSetOption;
import dev.quiver.wire.command.Command.ComStatistics;
import dev.quiver.wire.command.Command.ComStmtClose;
import dev.quiver.wire.command.Command.ComStmtExecute;
import dev.quiver.wire.command.Command.ComStmtFetch;
import dev.quiver.wire.command.Command.ComStmtPrepare;
import dev.quiver.wire.command.Command.ComStmtReset;
import dev.quiver.wire.command.Command.ComStmtSendLongData;
import dev.quiver.wire.command.Command.ComUnsupported;

/**
 * Turns a command-phase payload into a {@link Command}. Truncated payloads raise
 * {@link ErrorCode#ER_MALFORMED_PACKET}. Text is decoded as UTF-8 (the connection character set we
 * support).
 */
public final class CommandDecoder
{
    private CommandDecoder() {}

    public static Command decode(PacketReader reader)
    {
        if (!reader.isReadable()) {
            throw new QuiverException(ErrorCode.ER_MALFORMED_PACKET);
        }
        int code = reader.readFixedInt1();
        CommandType type = CommandType.fromCode(code).orElse(null);
        if (type == null) {
            return new ComUnsupported(code);
        }
        return switch (type) {
            case COM_QUIT -> new ComQuit();
            case COM_INIT_DB -> new ComInitDb(reader.readRestOfPacketString());
            case COM_QUERY -> new ComQuery(reader.readRestOfPacketString());
            case COM_FIELD_LIST -> new ComFieldList(reader.readNullTerminatedString(), reader.readRestOfPacketString());
            case COM_STATISTICS -> new ComStatistics();
            case COM_PING -> new ComPing();
            case COM_RESET_CONNECTION -> new ComResetConnection();
            case COM_SET_OPTION -> new ComSetOption(reader.readFixedInt2());
            case COM_STMT_PREPARE -> new ComStmtPrepare(reader.readRestOfPacketString());
            case COM_STMT_EXECUTE -> new ComStmtExecute(reader.readFixedInt4(), reader.readFixedInt1(), reader.readFixedInt4(), reader);
            case COM_STMT_SEND_LONG_DATA -> new ComStmtSendLongData(reader.readFixedInt4(), reader.readFixedInt2(), reader.readRestOfPacketBytes());
            case COM_STMT_CLOSE -> new ComStmtClose(reader.readFixedInt4());
            case COM_STMT_RESET -> new ComStmtReset(reader.readFixedInt4());
            case COM_STMT_FETCH -> new ComStmtFetch(reader.readFixedInt4(), reader.readFixedInt4());
            case COM_SLEEP, COM_CREATE_DB, COM_DROP_DB, COM_REFRESH, COM_SHUTDOWN, COM_PROCESS_INFO, COM_CONNECT,
                 COM_PROCESS_KILL, COM_DEBUG, COM_TIME, COM_DELAYED_INSERT, COM_CHANGE_USER, COM_BINLOG_DUMP,
                 COM_TABLE_DUMP, COM_CONNECT_OUT, COM_REGISTER_SLAVE, COM_DAEMON, COM_BINLOG_DUMP_GTID -> new ComUnsupported(code);
        };
    }
}
