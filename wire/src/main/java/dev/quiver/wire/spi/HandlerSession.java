package dev.quiver.wire.spi;

/**
 * What the wire layer needs to know about a handler's session to fill status flags and warnings of
 * OK and EOF packets. Implemented by the engine's session object.
 */
public interface HandlerSession
{
    boolean autocommit();

    boolean inTransaction();

    /** Warnings raised by the statement that ran last (reported in OK and EOF packets). */
    int warningCount();

    /** The current database, or null. */
    String database();

    /**
     * Registers how {@code KILL CONNECTION} of this session ends the connection: the wire layer passes an action
     * that closes it (at once when idle, after the response of the running command otherwise). Default: ignored.
     */
    default void onKill(Runnable closeConnection) {}

    /**
     * How long, in seconds, the connection may wait for the client's next command before the server closes it
     * ({@code wait_timeout} of the session, read after each command); 0 or less means never.
     */
    default long idleTimeoutSeconds()
    {
        return 0;
    }
}
