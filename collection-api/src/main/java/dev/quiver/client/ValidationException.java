package dev.quiver.client;

/**
 * Invalid input rejected by the client before any SQL is sent: mismatched list lengths, a vector of
 * the wrong dimension, missing ids, documents without embeddings and no embedding function, and so on.
 */
public final class ValidationException
        extends ClientException
{
    private static final long serialVersionUID = 1L;

    public ValidationException(String message)
    {
        super(message);
    }
}
