package dev.quiver.wire.packet;

import dev.quiver.wire.codec.PacketWriter;

/**
 * OK, or (with header {@code 0xFE}) the OK that ends a result set when CLIENT_DEPRECATE_EOF is in effect.
 * The info is written as a length-encoded string, as MySQL's {@code net_send_ok} and MariaDB's do whether or not
 * CLIENT_SESSION_TRACK is on (the protocol documentation says {@code string<EOF>}, but libmysqlclient and
 * libmariadb read a length first and answer 2027 "malformed packet" otherwise).
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_basic_ok_packet.html">OK_Packet</a>
 */
public record OkPacket(int header, long affectedRows, long lastInsertId, int statusFlags, int warnings, String info)
        implements ServerPacket
{
    public static final int HEADER_OK = 0x00;
    public static final int HEADER_EOF = 0xFE;

    public OkPacket
    {
        if (header != HEADER_OK && header != HEADER_EOF) {
            throw new IllegalArgumentException("header must be 0x00 or 0xFE");
        }
        info = info == null ? "" : info;
    }

    public static OkPacket ok(long affectedRows, long lastInsertId, int statusFlags, int warnings, String info)
    {
        return new OkPacket(HEADER_OK, affectedRows, lastInsertId, statusFlags, warnings, info);
    }

    @Override
    public void write(PacketWriter writer)
    {
        writer.writeFixedInt1(header)
                .writeLengthEncodedInteger(affectedRows)
                .writeLengthEncodedInteger(lastInsertId)
                .writeFixedInt2(statusFlags)
                .writeFixedInt2(warnings);
        if (!info.isEmpty()) {
            writer.writeLengthEncodedString(info);
        }
    }
}
