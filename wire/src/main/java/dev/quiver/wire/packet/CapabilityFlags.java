package dev.quiver.wire.packet;

/**
 * The capability flags of the handshake, and the set this server advertises.
 *
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/group__group__cs__capabilities__flags.html">Capability flags</a>
 */
public final class CapabilityFlags
{
    public static final int CLIENT_LONG_PASSWORD = 0x1;
    public static final int CLIENT_FOUND_ROWS = 0x2;
    public static final int CLIENT_LONG_FLAG = 0x4;
    public static final int CLIENT_CONNECT_WITH_DB = 0x8;
    public static final int CLIENT_NO_SCHEMA = 0x10;
    public static final int CLIENT_COMPRESS = 0x20;
    public static final int CLIENT_ODBC = 0x40;
    public static final int CLIENT_LOCAL_FILES = 0x80;
    public static final int CLIENT_IGNORE_SPACE = 0x100;
    public static final int CLIENT_PROTOCOL_41 = 0x200;
    public static final int CLIENT_INTERACTIVE = 0x400;
    public static final int CLIENT_SSL = 0x800;
    public static final int CLIENT_IGNORE_SIGPIPE = 0x1000;
    public static final int CLIENT_TRANSACTIONS = 0x2000;
    public static final int CLIENT_RESERVED = 0x4000;
    public static final int CLIENT_SECURE_CONNECTION = 0x8000;
    public static final int CLIENT_MULTI_STATEMENTS = 0x1_0000;
    public static final int CLIENT_MULTI_RESULTS = 0x2_0000;
    public static final int CLIENT_PS_MULTI_RESULTS = 0x4_0000;
    public static final int CLIENT_PLUGIN_AUTH = 0x8_0000;
    public static final int CLIENT_CONNECT_ATTRS = 0x10_0000;
    public static final int CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA = 0x20_0000;
    public static final int CLIENT_CAN_HANDLE_EXPIRED_PASSWORDS = 0x40_0000;
    public static final int CLIENT_SESSION_TRACK = 0x80_0000;
    public static final int CLIENT_DEPRECATE_EOF = 0x100_0000;
    public static final int CLIENT_OPTIONAL_RESULTSET_METADATA = 0x200_0000;
    public static final int CLIENT_QUERY_ATTRIBUTES = 0x800_0000;

    /**
     * What the server offers. Deliberately absent: SSL, COMPRESS, LOCAL_FILES, SESSION_TRACK,
     * QUERY_ATTRIBUTES and OPTIONAL_RESULTSET_METADATA, which would change packet layouts we do not speak.
     */
    public static final int SERVER_CAPABILITIES = CLIENT_LONG_PASSWORD
            | CLIENT_FOUND_ROWS
            | CLIENT_LONG_FLAG
            | CLIENT_CONNECT_WITH_DB
            | CLIENT_PROTOCOL_41
            | CLIENT_INTERACTIVE
            | CLIENT_TRANSACTIONS
            | CLIENT_SECURE_CONNECTION
            | CLIENT_MULTI_STATEMENTS
            | CLIENT_MULTI_RESULTS
            | CLIENT_PS_MULTI_RESULTS
            | CLIENT_PLUGIN_AUTH
            | CLIENT_CONNECT_ATTRS
            | CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA
            | CLIENT_DEPRECATE_EOF;

    private CapabilityFlags() {}

    public static boolean has(int capabilities, int flag)
    {
        return (capabilities & flag) != 0;
    }
}
