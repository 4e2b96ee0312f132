package dev.quiver.storage.table;

import java.util.List;

/**
 * Makes a {@link RowStoreTable}'s statements durable. {@link #log} sees each successful statement's changes before
 * anyone can see them, while the statement still holds its locks (the key stripes of every key it touched, or the
 * table exclusively), so calls for statements sharing a key come in the order the statements apply; calls for
 * statements on different keys of one table may run concurrently. A durable engine appends the changes to its log
 * and applies them to its index. If it throws, nothing of the statement is published and the exception propagates.
 * {@link #awaitDurable} is then called without any lock, so concurrent writers share one force (group commit).
 * Readers call {@link #awaitDurable} with the last ticket published before their read returns, so no reader ever
 * returns a change that is not yet durable.
 */
public interface StatementSink
{
    StatementSink NONE = new StatementSink()
    {
        @Override
        public long log(RowStoreTable table, List<RowChange> changes, long autoIncrement)
        {
            return 0;
        }

        @Override
        public void awaitDurable(long ticket) {}
    };

    /**
     * Called by a writer after its statement returned from {@link #awaitDurable}, holding no lock (a durable engine
     * may refresh its searcher here). Readers never call it.
     */
    default void afterStatement() {}

    /** {@link dev.quiver.storage.Table#refreshIndexes}: the engine's index maintenance; holds no table lock. */
    default void refreshIndexes() {}

    /** Records a statement; returns a ticket (e.g. the log sequence number) for {@link #awaitDurable}. */
    long log(RowStoreTable table, List<RowChange> changes, long autoIncrement);

    /** Returns once the statement with this ticket (and every earlier one) is durable. */
    void awaitDurable(long ticket);
}
