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
}
