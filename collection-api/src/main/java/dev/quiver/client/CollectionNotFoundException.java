package dev.quiver.client;

/** The named collection does not exist (no catalog row and no legacy table), or its table is gone. */
public final class CollectionNotFoundException
        extends ClientException
{
    private static final long serialVersionUID = 1L;

    public CollectionNotFoundException(String message)
    {
        super(message);
    }
}
