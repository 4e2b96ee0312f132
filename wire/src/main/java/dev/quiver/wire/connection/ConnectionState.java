package dev.quiver.wire.connection;

/** Where a connection is in its life. */
enum ConnectionState
{
    /** Greeting sent; waiting for HandshakeResponse41. */
    HANDSHAKE,
    /** AuthSwitchRequest sent; waiting for the client's raw auth response. */
    AUTHENTICATION,
    /** Authenticated: every packet is a command. */
    COMMAND,
    /** Refused, quit or gone: packets are dropped. */
    CLOSED
}
