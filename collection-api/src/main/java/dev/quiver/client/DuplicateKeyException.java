package dev.quiver.client;

/** The server rejected a write because a key already exists (MySQL error 1062, SQLSTATE 23000), e.g. {@code add} of an existing id. */
public final class DuplicateKeyException
        extends ClientException
{
    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message, int errorCode, String sqlState, Throwable cause)
    {
        super(message, errorCode, sqlState, cause);
    }
}
