package dev.quiver.storage.table;

import java.util.List;

/**
 * Makes a {@link RowStoreTable}'s statements durable. {@link #log} sees each successful statement's changes while
 * the table is still write-locked (a durable engine appends them to its log); if it throws, the statement is undone
 * and the exception propagates. {@link #awaitDurable} is then called without the lock, so concurrent writers share
 * one force (group commit). Readers call {@link #awaitDurable} with the table's last ticket while they hold the
 * read lock, so no reader ever sees a change that is not yet durable.
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

    /** Records a statement; returns a ticket (e.g. the log sequence number) for {@link #awaitDurable}. */
    long log(RowStoreTable table, List<RowChange> changes, long autoIncrement);

    /** Returns once the statement with this ticket (and every earlier one) is durable. */
    void awaitDurable(long ticket);
}
