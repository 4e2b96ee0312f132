package dev.quiver.storage.memory;

import java.util.List;

/**
 * Receives the row changes of each successful statement of a {@link MemoryTable} while the table is still locked,
 * before the statement returns: a durable engine logs them and waits for the force. If it throws, the statement is
 * undone and the exception propagates.
 */
@FunctionalInterface
public interface StatementSink
{
    StatementSink NONE = (table, changes, autoIncrement) -> {};

    void commit(MemoryTable table, List<RowChange> changes, long autoIncrement);
}
