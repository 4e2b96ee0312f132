package dev.quiver.client;

/** The server does not support what was asked (MySQL error 1235, {@code ER_NOT_SUPPORTED_YET}). */
public final class UnsupportedFeatureException
        extends ClientException
{
    private static final long serialVersionUID = 1L;

    public UnsupportedFeatureException(String message, int errorCode, String sqlState, Throwable cause)
    {
        super(message, errorCode, sqlState, cause);
    }
}
