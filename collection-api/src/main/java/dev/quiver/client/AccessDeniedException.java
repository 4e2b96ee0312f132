package dev.quiver.client;

/**
 * The server refused the statement or the login for lack of privileges (MySQL errors 1044, 1045,
 * 1142, 1143, 1227, 1370). For example {@code upsert} needs INSERT and UPDATE on the collection table.
 */
public final class AccessDeniedException
        extends ClientException
{
    private static final long serialVersionUID = 1L;

    /** A refusal with the server's error number and SQLSTATE. */
    public AccessDeniedException(String message, int errorCode, String sqlState, Throwable cause)
    {
        super(message, errorCode, sqlState, cause);
    }
}
