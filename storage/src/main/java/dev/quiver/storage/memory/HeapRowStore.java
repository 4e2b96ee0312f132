package dev.quiver.storage.memory;

import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.row.ValueComparison;
import dev.quiver.storage.table.RowStore;
import dev.quiver.storage.table.RowStoreTable;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Rows on the heap: a tree by row id, a hash map per unique key (collation keys), and an ordered index over the
 * first column of every plain, primary or unique index (equality, IN and range filters use it). Rows and unique
 * keys are concurrent maps, so writers can look up rows while another statement publishes; changes and scans are
 * serialised by the owning {@link RowStoreTable} (see {@link RowStore}).
 */
public final class HeapRowStore
        implements RowStore
{
    private final TableDefinition definition;
    private final java.util.concurrent.ConcurrentSkipListMap<Long, Row> rows = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final List<int[]> uniquePositions = new ArrayList<>();
    private final List<Map<List<Object>, Long>> uniqueEntries = new ArrayList<>();
    private final List<SortedIndex> sortedIndexes = new ArrayList<>();

    /** Row ids by the value of one column, ordered as filters compare; NULLs left out. */
    private record SortedIndex(int position, TreeMap<Value, Set<Long>> entries) {}

    public HeapRowStore(TableDefinition definition)
    {
        this.definition = requireNonNull(definition, "definition is null");
        for (IndexDefinition key : definition.uniqueKeys()) {
            uniquePositions.add(definition.columnPositions(key.columns()));
            uniqueEntries.add(new java.util.concurrent.ConcurrentHashMap<>());
        }
        Set<Integer> sortedPositions = new HashSet<>();
        for (IndexDefinition index : definition.indexes()) {
            if (index.kind() == IndexDefinition.Kind.VECTOR || index.kind() == IndexDefinition.Kind.FULLTEXT) {
                continue;
            }
            int position = definition.requireColumn(index.columns().get(0));
            if (sortedPositions.add(position)) {
                sortedIndexes.add(new SortedIndex(position, new TreeMap<>(ValueComparison::compare)));
            }
        }
    }

    @Override
    public Row get(long rowId)
    {
        return rows.get(rowId);
    }

    @Override
    public Long findUnique(int ordinal, List<Object> key)
    {
        return uniqueEntries.get(ordinal).get(key);
    }

    @Override
    public void put(long rowId, Row row)
    {
        Row before = rows.put(rowId, row);
        if (before != null) {
            unindex(rowId, before);
        }
        for (SortedIndex index : sortedIndexes) {
            Value value = row.get(index.position());
            if (!value.isNull()) {
                index.entries().computeIfAbsent(value, ignored -> new java.util.TreeSet<>()).add(rowId);
            }
        }
        for (int i = 0; i < uniquePositions.size(); i++) {
            List<Object> key = ValueComparison.indexKey(row, uniquePositions.get(i));
            if (key != null) {
                Long previous = uniqueEntries.get(i).put(key, rowId);
                if (previous != null && previous != rowId) {
                    throw new IllegalStateException("unique key " + i + " of " + definition.name() + " corrupted");
                }
            }
        }
    }

    @Override
    public void remove(long rowId)
    {
        Row before = rows.remove(rowId);
        if (before != null) {
            unindex(rowId, before);
        }
    }

    private void unindex(long rowId, Row row)
    {
        for (SortedIndex index : sortedIndexes) {
            Value value = row.get(index.position());
            if (!value.isNull()) {
                Set<Long> ids = index.entries().get(value);
                if (ids != null) {
                    ids.remove(rowId);
                    if (ids.isEmpty()) {
                        index.entries().remove(value);
                    }
                }
            }
        }
        for (int i = 0; i < uniquePositions.size(); i++) {
            List<Object> key = ValueComparison.indexKey(row, uniquePositions.get(i));
            if (key != null) {
                uniqueEntries.get(i).remove(key, rowId);
            }
        }
    }

    @Override
    public Iterable<Map.Entry<Long, Row>> all()
    {
        return rows.entrySet();
    }

    @Override
    public Set<Long> sortedCandidates(Filter conjunct)
    {
        Filter.Field field = switch (conjunct) {
            case Filter.Equal equal -> equal.field();
            case Filter.In in -> in.field();
            case Filter.Range range -> range.field();
            default -> null;
        };
        if (field == null || field.path().isPresent()) {
            return null;
        }
        OptionalInt position = definition.columnIndex(field.column());
        if (position.isEmpty()) {
            return null;
        }
        SortedIndex index = sortedIndexes.stream().filter(each -> each.position() == position.getAsInt()).findFirst().orElse(null);
        if (index == null) {
            return null;
        }
        dev.quiver.storage.catalog.ColumnType type = definition.columns().get(position.getAsInt()).type();
        Set<Long> result = new java.util.TreeSet<>();
        switch (conjunct) {
            case Filter.Equal equal -> {
                if (!RowStoreTable.indexable(type, equal.value())) {
                    return null;
                }
                result.addAll(index.entries().getOrDefault(equal.value(), Set.of()));
            }
            case Filter.In in -> {
                for (Value value : in.values()) {
                    if (value.isNull()) {
                        continue;
                    }
                    if (!RowStoreTable.indexable(type, value)) {
                        return null;
                    }
                    result.addAll(index.entries().getOrDefault(value, Set.of()));
                }
            }
            case Filter.Range range -> {
                if ((range.lower().isPresent() && !RowStoreTable.indexable(type, range.lower().get()))
                        || (range.upper().isPresent() && !RowStoreTable.indexable(type, range.upper().get()))) {
                    return null;
                }
                if (range.lower().map(Value::isNull).orElse(false) || range.upper().map(Value::isNull).orElse(false)) {
                    return result;
                }
                if (range.lower().isPresent() && range.upper().isPresent()) {
                    int order = ValueComparison.compare(range.lower().get(), range.upper().get());
                    if (order > 0 || (order == 0 && !(range.lowerInclusive() && range.upperInclusive()))) {
                        return result;
                    }
                }
                java.util.NavigableMap<Value, Set<Long>> slice = index.entries();
                if (range.lower().isPresent()) {
                    slice = slice.tailMap(range.lower().get(), range.lowerInclusive());
                }
                if (range.upper().isPresent()) {
                    slice = slice.headMap(range.upper().get(), range.upperInclusive());
                }
                slice.values().forEach(result::addAll);
            }
            default -> {
                return null;
            }
        }
        return result;
    }

}
