package dev.quiver.client;

/** The server could not be reached, or the connection broke (SQLSTATE class 08, or no free pooled connection in time). */
public final class ConnectionException
        extends ClientException
{
    private static final long serialVersionUID = 1L;

    public ConnectionException(String message, int errorCode, String sqlState, Throwable cause)
    {
        super(message, errorCode, sqlState, cause);
    }
}
