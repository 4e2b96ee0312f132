package dev.quiver.storage.table;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.ValueComparison;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Unique-key checks in MySQL's order: the rows a new or changed row collides with, the duplicate-key error, and
 * writing one row of a statement under a {@link ConflictPolicy} (insert, fail, ignore, merge or replace).
 */
final class UniqueKeyConflicts
{
    record Conflict(UniqueIndex index, long rowId) {}

    private final TableState state;
    private final RowBuilder rowBuilder;

    UniqueKeyConflicts(TableState state)
    {
        this.state = state;
        this.rowBuilder = new RowBuilder(state);
    }

    /** Existing rows that share a unique key with {@code row}, in key order, ignoring {@code self}. */
    List<Conflict> conflicts(StatementOverlay statement, Row row, long self)
    {
        List<Conflict> conflicts = new ArrayList<>();
        for (UniqueIndex index : state.uniqueIndexes) {
            List<Object> key = ValueComparison.indexKey(row, index.positions());
            if (key == null) {
                continue;
            }
            Long existing = statement.findUnique(index.ordinal(), key);
            if (existing != null && existing != self) {
                conflicts.add(new Conflict(index, existing));
            }
        }
        return conflicts;
    }

    QuiverException duplicate(Conflict conflict, Row row)
    {
        return new QuiverException(ErrorCode.ER_DUP_ENTRY, ValueComparison.keyText(row, conflict.index().positions()),
                conflict.index().definition().name());
    }

    RowOutcome writeRow(StatementOverlay statement, Row row, ConflictPolicy policy, int rowNumber)
    {
        List<Conflict> conflicts = conflicts(statement, row, -1);
        if (conflicts.isEmpty()) {
            statement.putNew(statement.allocateRowId(), row);
            return new RowOutcome.Inserted(row);
        }
        Conflict first = conflicts.get(0);
        return switch (policy) {
            case ConflictPolicy.Error ignored -> throw duplicate(first, row);
            case ConflictPolicy.Ignore ignored -> new RowOutcome.Ignored(first.index().definition().name(),
                    ValueComparison.keyText(row, first.index().positions()));
            case ConflictPolicy.Update update -> {
                Row existing = statement.get(first.rowId());
                Row merged = rowBuilder.coerceRow(statement, update.merger().merge(existing, row), rowNumber);
                if (merged.equals(existing)) {
                    yield new RowOutcome.Unchanged(existing);
                }
                List<Conflict> again = conflicts(statement, merged, first.rowId());
                if (!again.isEmpty()) {
                    throw duplicate(again.get(0), merged);
                }
                statement.put(first.rowId(), merged);
                yield new RowOutcome.Updated(existing, merged);
            }
            case ConflictPolicy.Replace ignored -> {
                Set<Long> victims = new LinkedHashSet<>();
                conflicts.forEach(conflict -> victims.add(conflict.rowId()));
                victims.forEach(statement::delete);
                statement.putNew(statement.allocateRowId(), row);
                yield new RowOutcome.Replaced(row, victims.size());
            }
        };
    }
}
