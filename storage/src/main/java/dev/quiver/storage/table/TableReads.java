package dev.quiver.storage.table;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.filter.FilterEvaluator;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.row.ValueCoercion;
import dev.quiver.storage.row.ValueComparison;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Reads: gets by primary key, scans, counts, and the selection they share with filter statements and searches
 * (the candidate rows through a unique index, a store index or every row; the filter; ordering, offset and limit).
 */
final class TableReads
{
    private final TableState state;

    TableReads(TableState state)
    {
        this.state = state;
    }

    List<Optional<Row>> get(List<List<Value>> primaryKeys)
    {
        requireNonNull(primaryKeys, "primaryKeys is null");
        if (state.primaryKeyPositions == null) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "get by key on a table without a primary key");
        }
        UniqueIndex primary = state.uniqueIndexes.get(0);
        return state.read(() -> {
            List<Optional<Row>> result = new ArrayList<>(primaryKeys.size());
            for (List<Value> key : primaryKeys) {
                result.add(lookup(primary, key).map(state.store::get));
            }
            return result;
        });
    }

    private Optional<Long> lookup(UniqueIndex index, List<Value> key)
    {
        if (key.size() != index.positions().length) {
            throw new IllegalArgumentException("key has " + key.size() + " values, " + index.definition().name() + " has " + index.positions().length);
        }
        Object[] parts = new Object[key.size()];
        for (int i = 0; i < parts.length; i++) {
            if (key.get(i).isNull()) {
                return Optional.empty();
            }
            try {
                Value coerced = ValueCoercion.coerce(state.definition.name(), state.definition.columns().get(index.positions()[i]), key.get(i), 1);
                parts[i] = ValueComparison.indexKey(coerced);
            }
            catch (QuiverException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(state.store.findUnique(index.ordinal(), List.of(parts)));
    }

    RowCursor scan(ScanRequest request)
    {
        requireNonNull(request, "request is null");
        int[] projection = request.projection().isEmpty() ? null : state.definition.columnPositions(request.projection());
        return state.read(() -> {
            List<Row> selected = new ArrayList<>();
            for (Map.Entry<Long, Row> entry : select(request)) {
                selected.add(projection == null ? entry.getValue() : entry.getValue().project(projection));
            }
            return RowCursor.of(selected);
        });
    }

    /** The (rowId, row) pairs a request selects, in order, after offset and limit. Caller holds a lock. */
    List<Map.Entry<Long, Row>> select(ScanRequest request)
    {
        FilterEvaluator evaluator = new FilterEvaluator(state.definition, request.filter());
        List<Map.Entry<Long, Row>> matches = new ArrayList<>();
        for (Map.Entry<Long, Row> entry : candidates(request.filter())) {
            if (evaluator.matches(entry.getValue())) {
                matches.add(Map.entry(entry.getKey(), entry.getValue()));
            }
        }
        Comparator<Map.Entry<Long, Row>> order = ordering(request.order());
        if (order != null) {
            matches.sort(order);
        }
        long from = Math.min(request.offset(), matches.size());
        long to = request.limit().isPresent() ? Math.min(matches.size(), from + request.limit().getAsLong()) : matches.size();
        return matches.subList((int) from, (int) to);
    }

    /**
     * The rows a filter can match: through a unique index when the filter's top-level conjuncts fix every column
     * of one (equality, or IN on a one-column key) with constants of the column's own kind, else every row. The
     * caller still evaluates the whole filter on each candidate.
     */
    Iterable<Map.Entry<Long, Row>> candidates(Filter filter)
    {
        Map<Integer, List<Value>> fixed = new HashMap<>();
        List<Filter> conjuncts = filter instanceof Filter.And and ? and.operands() : List.of(filter);
        for (Filter conjunct : conjuncts) {
            if (conjunct instanceof Filter.Equal equal && equal.field().path().isEmpty()) {
                state.definition.columnIndex(equal.field().column()).ifPresent(position -> fixed.putIfAbsent(position, List.of(equal.value())));
            }
            else if (conjunct instanceof Filter.In in && in.field().path().isEmpty() && !in.values().isEmpty()) {
                state.definition.columnIndex(in.field().column()).ifPresent(position -> fixed.putIfAbsent(position, in.values()));
            }
        }
        for (UniqueIndex index : state.uniqueIndexes) {
            List<List<Value>> keys = keysFor(index, fixed);
            if (keys == null) {
                continue;
            }
            Set<Long> rowIds = new TreeSet<>();
            for (List<Value> key : keys) {
                lookup(index, key).ifPresent(rowIds::add);
            }
            return entries(rowIds);
        }
        for (Filter conjunct : conjuncts) {
            Set<Long> rowIds = state.store.sortedCandidates(conjunct);
            if (rowIds != null) {
                return entries(rowIds);
            }
        }
        return state.store.all();
    }

    private List<Map.Entry<Long, Row>> entries(Set<Long> rowIds)
    {
        List<Map.Entry<Long, Row>> result = new ArrayList<>(rowIds.size());
        for (long rowId : rowIds) {
            Row row = state.store.get(rowId);
            if (row != null) {
                result.add(Map.entry(rowId, row));
            }
        }
        return result;
    }

    /** The index keys a filter fixes, or null when it does not fix them all with index-compatible constants. */
    private List<List<Value>> keysFor(UniqueIndex index, Map<Integer, List<Value>> fixed)
    {
        int[] positions = index.positions();
        List<Value> single = new ArrayList<>(positions.length);
        for (int position : positions) {
            List<Value> values = fixed.get(position);
            if (values == null || (values.size() > 1 && positions.length > 1)) {
                return null;
            }
            for (Value value : values) {
                if (!indexable(state.definition.columns().get(position).type(), value)) {
                    return null;
                }
            }
            if (values.size() > 1) {
                return values.stream().map(List::of).toList();
            }
            single.add(values.get(0));
        }
        return List.of(single);
    }

    /** True when equality under the index's key means equality under {@link ValueComparison} for this constant. */
    static boolean indexable(ColumnType type, Value value)
    {
        return switch (type) {
            case ColumnType.StringType ignored -> value instanceof Value.StringValue;
            case ColumnType.BinaryType binary -> value instanceof Value.BytesValue
                    || (value instanceof Value.StringValue && binary.kind() != ColumnType.BinaryKind.BINARY);
            case ColumnType.IntegerType ignored -> value instanceof Value.IntegerValue || value instanceof Value.DecimalValue;
            case ColumnType.BooleanType ignored -> value instanceof Value.IntegerValue;
            case ColumnType.DecimalType ignored -> value instanceof Value.IntegerValue || value instanceof Value.DecimalValue;
            case ColumnType.TemporalType ignored -> value instanceof Value.DateValue || value instanceof Value.DateTimeValue;
            default -> false;
        };
    }

    private Comparator<Map.Entry<Long, Row>> ordering(List<SortKey> keys)
    {
        Comparator<Row> comparator = null;
        List<SortKey> effective = keys;
        if (keys.isEmpty()) {
            if (state.primaryKeyPositions == null) {
                return null;
            }
            effective = state.definition.primaryKey().orElseThrow().columns().stream().map(SortKey::ascending).toList();
        }
        for (SortKey key : effective) {
            int position = state.definition.requireColumn(key.column());
            Comparator<Row> next = (left, right) -> ValueComparison.compareForSort(left.get(position), right.get(position));
            if (!key.ascending()) {
                next = next.reversed();
            }
            comparator = comparator == null ? next : comparator.thenComparing(next);
        }
        Comparator<Row> rowOrder = comparator;
        return (left, right) -> rowOrder.compare(left.getValue(), right.getValue());
    }

    long count(Filter filter)
    {
        requireNonNull(filter, "filter is null");
        return state.read(() -> {
            FilterEvaluator evaluator = new FilterEvaluator(state.definition, filter);
            long count = 0;
            for (Map.Entry<Long, Row> entry : state.store.all()) {
                if (evaluator.matches(entry.getValue())) {
                    count++;
                }
            }
            return count;
        });
    }
}
