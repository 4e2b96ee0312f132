package dev.quiver.server;

/** A reason the server refuses to start that the operator must fix; its message says how. */
public final class StartupException
        extends Exception
{
    private static final long serialVersionUID = 1L;

    public StartupException(String message)
    {
        super(message);
    }
}
