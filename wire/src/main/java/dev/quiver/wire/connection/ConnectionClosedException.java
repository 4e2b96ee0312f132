package dev.quiver.wire.connection;

/** The client went away while a command was writing its response; the command is abandoned. */
final class ConnectionClosedException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    ConnectionClosedException()
    {
        super("connection closed", null, false, false);
    }
}
