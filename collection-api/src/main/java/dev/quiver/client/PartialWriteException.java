package dev.quiver.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A write split into several statements (batches) failed after some batches had been committed.
 * Each batch is atomic: {@link #writtenIds()} were written, {@link #unwrittenIds()} were not. The
 * server's error number and SQLSTATE of the failed batch are kept, and the server's exception is the
 * cause.
 */
public final class PartialWriteException
        extends ClientException
{
    private static final long serialVersionUID = 1L;

    private final List<String> writtenIds;
    private final List<String> unwrittenIds;

    public PartialWriteException(ClientException cause, List<String> writtenIds, List<String> unwrittenIds)
    {
        super(message(requireNonNull(cause, "cause is null"), writtenIds, unwrittenIds), cause.errorCode(), cause.sqlState().orElse(null), cause);
        this.writtenIds = Collections.unmodifiableList(new ArrayList<>(writtenIds));
        this.unwrittenIds = Collections.unmodifiableList(new ArrayList<>(unwrittenIds));
    }

    /** The ids whose batches were committed before the failure. */
    public List<String> writtenIds()
    {
        return writtenIds;
    }

    /** The ids of the failed batch and of the batches never sent. */
    public List<String> unwrittenIds()
    {
        return unwrittenIds;
    }

    private static String message(ClientException cause, List<String> writtenIds, List<String> unwrittenIds)
    {
        requireNonNull(writtenIds, "writtenIds is null");
        requireNonNull(unwrittenIds, "unwrittenIds is null");
        return "Write partially applied: %d ids written %s, %d ids not written %s: %s".formatted(
                writtenIds.size(), abbreviate(writtenIds), unwrittenIds.size(), abbreviate(unwrittenIds), cause.getMessage());
    }

    private static String abbreviate(List<String> ids)
    {
        if (ids.size() <= 10) {
            return ids.toString();
        }
        return ids.subList(0, 10).toString().replace("]", ", ...]");
    }
}
