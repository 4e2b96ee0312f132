package dev.quiver.common;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type for anything a client can see. It carries MySQL's error number, SQLSTATE and
 * the formatted message; the wire layer turns it into an ERR packet in exactly one place.
 */
public final class QuiverException
        extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    public QuiverException(ErrorCode errorCode, Object... messageArguments)
    {
        super(requireNonNull(errorCode, "errorCode is null").format(messageArguments));
        this.errorCode = errorCode;
    }

    private QuiverException(ErrorCode errorCode, String message, Throwable cause)
    {
        super(message, cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    /** Wraps a cause (an I/O failure, a corrupt file) while keeping MySQL's numbers for the client. */
    public static QuiverException withCause(ErrorCode errorCode, Throwable cause, Object... messageArguments)
    {
        return new QuiverException(errorCode, errorCode.format(messageArguments), requireNonNull(cause, "cause is null"));
    }

    public ErrorCode errorCode()
    {
        return errorCode;
    }

    public int vendorCode()
    {
        return errorCode.vendorCode();
    }

    public String sqlState()
    {
        return errorCode.sqlState();
    }
}
