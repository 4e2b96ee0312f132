package dev.quiver.wire.packet;

/**
 * The server status flags of OK and EOF packets.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/mysql__com_8h.html">SERVER_STATUS_*</a>
 */
public final class StatusFlags
{
    public static final int SERVER_STATUS_IN_TRANS = 0x1;
    public static final int SERVER_STATUS_AUTOCOMMIT = 0x2;
    public static final int SERVER_MORE_RESULTS_EXISTS = 0x8;
    public static final int SERVER_STATUS_NO_GOOD_INDEX_USED = 0x10;
    public static final int SERVER_STATUS_NO_INDEX_USED = 0x20;
    public static final int SERVER_STATUS_CURSOR_EXISTS = 0x40;
    public static final int SERVER_STATUS_LAST_ROW_SENT = 0x80;

    private StatusFlags() {}
}
