package dev.quiver.client;

import java.util.Optional;

/**
 * Every failure the client reports. A server error keeps the server's MySQL error number
 * ({@link #errorCode()}) and SQLSTATE ({@link #sqlState()}); a failure detected by the client before
 * any SQL was sent has error code 0 and no SQLSTATE. Subclasses name the cases callers commonly handle.
 */
public class ClientException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final int errorCode;
    private final String sqlState;

    /** A failure detected by the client itself. */
    public ClientException(String message)
    {
        this(message, 0, null, null);
    }

    /**
     * A failure with the server's error number and SQLSTATE.
     *
     * @param errorCode the MySQL error number, 0 when none
     * @param sqlState the five-character SQLSTATE, or null when none
     * @param cause the underlying exception, or null
     */
    public ClientException(String message, int errorCode, String sqlState, Throwable cause)
    {
        super(message, cause);
        this.errorCode = errorCode;
        this.sqlState = sqlState;
    }

    /** The MySQL error number sent by the server (e.g. 1062), or 0 for a client-side failure. */
    public int errorCode()
    {
        return errorCode;
    }

    /** The SQLSTATE sent by the server (e.g. {@code 23000}), empty for a client-side failure. */
    public Optional<String> sqlState()
    {
        return Optional.ofNullable(sqlState);
    }
}
