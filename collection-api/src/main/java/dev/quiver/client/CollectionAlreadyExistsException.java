package dev.quiver.client;

/** {@code createCollection} of a name already in {@code sdk_collections} (the server's error 1062 on its unique index). */
public final class CollectionAlreadyExistsException
        extends ClientException
{
    private static final long serialVersionUID = 1L;

    public CollectionAlreadyExistsException(String message, int errorCode, String sqlState, Throwable cause)
    {
        super(message, errorCode, sqlState, cause);
    }
}
