package dev.quiver.storage.lucene;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;

/**
 * Whether the {@link LuceneStorageEngine} still takes writes: not once it is closed, nor after a failure (a failed
 * log force or checkpoint, a failure of the index applier, an ALTER TABLE switch that may or may not be logged).
 */
final class EngineStatus
{
    private volatile Throwable failure;
    private volatile boolean closed;

    Throwable failure()
    {
        return failure;
    }

    /** From now on the engine refuses writes (recovery at the next open decides what is durable). */
    void fail(Throwable cause)
    {
        failure = cause;
    }

    boolean closed()
    {
        return closed;
    }

    void markClosed()
    {
        closed = true;
    }

    void checkWritable()
    {
        if (closed) {
            throw new QuiverException(ErrorCode.ER_SERVER_SHUTDOWN);
        }
        Throwable cause = failure;
        if (cause != null) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, cause, "the engine failed earlier and refuses writes: " + cause.getMessage());
        }
    }
}
