package dev.quiver.storage.table;

import dev.quiver.storage.row.Row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * The statements that select rows by filter ({@link RowStoreTable#update}, {@link RowStoreTable#delete}) or take
 * every row ({@link RowStoreTable#truncate}): each runs with the table lock exclusive, in one overlay, and gives its
 * counter values back when it fails.
 */
final class FilterStatements
{
    /** What a statement's body returns: the ticket its commit returned, and the statement's result. */
    private record Committed<T>(long ticket, T result) {}

    private final TableState state;
    private final TableReads reads;
    private final RowBuilder rowBuilder;
    private final UniqueKeyConflicts conflicts;

    FilterStatements(TableState state, TableReads reads)
    {
        this.state = state;
        this.reads = reads;
        this.rowBuilder = new RowBuilder(state);
        this.conflicts = new UniqueKeyConflicts(state);
    }

    UpdateResult update(ScanRequest selection, UnaryOperator<Row> updater)
    {
        return state.asWriter(() -> {
            requireNonNull(selection, "selection is null");
            requireNonNull(updater, "updater is null");
            return exclusive(statement -> {
                UpdateResult result = updateRows(statement, selection, updater);
                return new Committed<>(statement.commit(statement.autoIncrementClaim.tookAny()), result);
            });
        });
    }

    /** Applies {@code updater} to every selected row in the statement's overlay, checking unique keys. */
    private UpdateResult updateRows(StatementOverlay statement, ScanRequest selection, UnaryOperator<Row> updater)
    {
        long matched = 0;
        long changed = 0;
        int rowNumber = 0;
        for (Map.Entry<Long, Row> entry : List.copyOf(reads.select(selection))) {
            matched++;
            rowNumber++;
            Row before = statement.get(entry.getKey());
            Row after = rowBuilder.coerceRow(statement, updater.apply(before), rowNumber);
            if (after.equals(before)) {
                continue;
            }
            List<UniqueKeyConflicts.Conflict> found = conflicts.conflicts(statement, after, entry.getKey());
            if (!found.isEmpty()) {
                throw conflicts.duplicate(found.get(0), after);
            }
            statement.put(entry.getKey(), after);
            changed++;
        }
        return new UpdateResult(matched, changed);
    }

    long delete(ScanRequest selection)
    {
        return state.asWriter(() -> {
            requireNonNull(selection, "selection is null");
            return exclusive(statement -> {
                List<Map.Entry<Long, Row>> victims = List.copyOf(reads.select(selection));
                victims.forEach(entry -> statement.delete(entry.getKey()));
                return new Committed<>(statement.commit(false), (long) victims.size());
            });
        });
    }

    void truncate()
    {
        state.asWriter(() -> exclusive(statement -> {
            List<Long> rowIds = new ArrayList<>();
            state.store.all().forEach(entry -> rowIds.add(entry.getKey()));
            rowIds.forEach(statement::delete);
            state.autoIncrement.set(0);
            return new Committed<>(statement.commit(statement.autoIncrementBefore != 0), null);
        }));
    }

    /**
     * Runs one statement with the table lock exclusive: {@code body} fills a fresh overlay and commits it; when it
     * fails, the statement's counter values are given back. After unlocking, waits until the statement is durable.
     */
    private <T> T exclusive(Function<StatementOverlay, Committed<T>> body)
    {
        long ticket;
        T result;
        state.lock.writeLock().lock();
        try {
            state.checkNotDropped();
            StatementOverlay statement = new StatementOverlay(state, state.autoIncrement.get(), new CounterClaim());
            try {
                Committed<T> committed = body.apply(statement);
                ticket = committed.ticket();
                result = committed.result();
            }
            catch (RuntimeException | Error e) {
                statement.releaseCounters(true);
                throw e;
            }
        }
        finally {
            state.lock.writeLock().unlock();
        }
        state.sink.awaitDurable(ticket);
        state.sink.afterStatement();
        return result;
    }
}
