package dev.quiver.storage.table;

import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.ValueComparison;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Key-addressed writes ({@link RowStoreTable#write}, every {@link ConflictPolicy}): the rows built before the
 * locks, the table lock shared plus the key stripes of every key value the statement touches, widening the stripes
 * and running again when it touched one it did not hold, and running exclusively when the keys keep moving.
 */
final class KeyedWrites
{
    /** Attempts with key stripes before a write runs with the table lock exclusive. */
    static final int MAX_KEYED_ATTEMPTS = 4;

    /** A committed write: the ticket to await after unlocking, and its result. */
    private record Committed(long ticket, WriteResult result) {}

    private final TableState state;
    private final RowBuilder rowBuilder;
    private final UniqueKeyConflicts conflicts;

    KeyedWrites(TableState state)
    {
        this.state = state;
        this.rowBuilder = new RowBuilder(state);
        this.conflicts = new UniqueKeyConflicts(state);
    }

    WriteResult write(WriteRequest request)
    {
        return state.asWriter(() -> writeStatement(request));
    }

    private WriteResult writeStatement(WriteRequest request)
    {
        requireNonNull(request, "request is null");
        int[] positions = state.definition.columnPositions(request.columns());
        Committed committed;
        RowBuilder.Prepared prepared;
        state.lock.readLock().lock();
        try {
            state.checkNotDropped();
            prepared = rowBuilder.prepare(positions, request.rows());
            committed = runKeyed(prepared, request.policy());
        }
        finally {
            state.lock.readLock().unlock();
        }
        if (committed == null) {
            // keys kept moving under us: run alone
            committed = runExclusively(prepared, request.policy());
        }
        state.sink.awaitDurable(committed.ticket());
        state.sink.afterStatement();
        return committed.result();
    }

    /** Up to {@link #MAX_KEYED_ATTEMPTS} attempts under key stripes; null when none could commit. Holds the table lock. */
    private Committed runKeyed(RowBuilder.Prepared prepared, ConflictPolicy policy)
    {
        BitSet wanted = new BitSet();
        for (Row row : prepared.rows()) {
            for (UniqueIndex index : state.uniqueIndexes) {
                List<Object> key = ValueComparison.indexKey(row, index.positions());
                if (key != null) {
                    wanted.set(state.stripes.stripe(index.ordinal(), key));
                }
            }
        }
        for (int attempt = 0; attempt < MAX_KEYED_ATTEMPTS; attempt++) {
            BitSet held = (BitSet) wanted.clone();
            state.stripes.lockStripes(held);
            try {
                Committed committed = attempt(prepared, policy, held, wanted);
                if (committed != null) {
                    return committed;
                }
            }
            finally {
                state.stripes.unlockStripes(held);
            }
        }
        return null;
    }

    /**
     * One attempt holding the stripes {@code held}: commits, or (when the statement touched a stripe it does not
     * hold) adds the missing stripes to {@code wanted}, gives back its row ids and returns null.
     */
    private Committed attempt(RowBuilder.Prepared prepared, ConflictPolicy policy, BitSet held, BitSet wanted)
    {
        StatementOverlay statement = new StatementOverlay(state, prepared.autoIncrementBefore(), prepared.autoIncrementClaim().copy());
        List<RowOutcome> outcomes;
        try {
            outcomes = run(statement, prepared, policy);
        }
        catch (RuntimeException | Error e) {
            BitSet missing = statement.missing(held);
            if (missing == null) {
                statement.releaseCounters(false);
                throw e;
            }
            wanted.or(missing);
            releaseRowIds(statement);
            return null;
        }
        BitSet missing = statement.missing(held);
        if (missing != null) {
            wanted.or(missing);
            releaseRowIds(statement);
            return null;
        }
        Runnable hook = state.applyHook;
        if (hook != null) {
            hook.run();
        }
        long ticket;
        try {
            ticket = statement.commit(statement.autoIncrementClaim.tookAny());
        }
        catch (RuntimeException | Error e) {
            statement.releaseCounters(false);
            throw e;
        }
        return new Committed(ticket, new WriteResult(outcomes, prepared.firstGeneratedId()));
    }

    /** The write with the table lock exclusive, after the keyed attempts gave up. */
    private Committed runExclusively(RowBuilder.Prepared prepared, ConflictPolicy policy)
    {
        state.lock.writeLock().lock();
        try {
            state.checkNotDropped();
            StatementOverlay statement = new StatementOverlay(state, prepared.autoIncrementBefore(), prepared.autoIncrementClaim().copy());
            try {
                List<RowOutcome> outcomes = run(statement, prepared, policy);
                Runnable hook = state.applyHook;
                if (hook != null) {
                    hook.run();
                }
                long ticket = statement.commit(statement.autoIncrementClaim.tookAny());
                return new Committed(ticket, new WriteResult(outcomes, prepared.firstGeneratedId()));
            }
            catch (RuntimeException | Error e) {
                statement.releaseCounters(false);
                throw e;
            }
        }
        finally {
            state.lock.writeLock().unlock();
        }
    }

    /** Before a retry: gives back the row ids an abandoned attempt took (auto_increment values are kept for it). */
    private void releaseRowIds(StatementOverlay statement)
    {
        statement.rowIdClaim.giveBack(state.nextRowId);
    }

    private List<RowOutcome> run(StatementOverlay statement, RowBuilder.Prepared prepared, ConflictPolicy policy)
    {
        List<RowOutcome> outcomes = new ArrayList<>(prepared.rows().size());
        for (int i = 0; i < prepared.rows().size(); i++) {
            outcomes.add(conflicts.writeRow(statement, prepared.rows().get(i), policy, i + 1));
        }
        if (prepared.failure() != null) {
            throw prepared.failure();
        }
        return outcomes;
    }
}

