package dev.quiver.storage.memory;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.filter.FilterEvaluator;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.row.ValueCoercion;
import dev.quiver.storage.row.ValueComparison;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.RowCursor;
import dev.quiver.storage.table.RowOutcome;
import dev.quiver.storage.table.ScanRequest;
import dev.quiver.storage.table.SortKey;
import dev.quiver.storage.table.UpdateResult;
import dev.quiver.storage.table.WriteRequest;
import dev.quiver.storage.table.WriteResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * A table held in memory: rows by internal row id, a hash index per unique key (keys compared under the column's
 * collation), and a table-wide read/write lock. Statements apply to the live structures and keep an undo list; on
 * any error the undo list restores the table before the lock is released, so a statement is all or nothing and
 * readers never see half of one. The {@link StatementSink} sees each successful statement's changes before the
 * lock is released, which is how a durable engine logs them.
 */
public final class MemoryTable
        implements Table
{
    private final String databaseName;
    private final TableDefinition definition;
    private final StatementSink sink;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<Long, Row> rows = new TreeMap<>();
    private final List<UniqueIndex> uniqueIndexes;
    private final List<SortedIndex> sortedIndexes;
    private final OptionalInt autoIncrementColumn;
    private final int[] primaryKeyPositions;
    private long nextRowId = 1;
    private long autoIncrement;
    private long lastTicket;
    private boolean dropped;

    private record UniqueIndex(IndexDefinition definition, int[] positions, Map<List<Object>, Long> entries) {}

    /** Row ids by the value of one column (the first of an index), ordered as filters compare; NULLs left out. */
    private record SortedIndex(int position, TreeMap<Value, Set<Long>> entries) {}

    /** What a running statement did so far, for undo and for the sink. */
    private final class Statement
    {
        private final List<RowChange> changes = new ArrayList<>();
        private final List<Runnable> undo = new ArrayList<>();
        private final long autoIncrementBefore = autoIncrement;
        private final long nextRowIdBefore = nextRowId;

        void put(long rowId, Row row)
        {
            Row before = rows.get(rowId);
            storeRow(rowId, row);
            undo.add(before == null ? () -> removeRow(rowId) : () -> storeRow(rowId, before));
            changes.add(new RowChange.Put(rowId, row));
        }

        void delete(long rowId)
        {
            Row before = requireNonNull(rows.get(rowId), "no such row");
            removeRow(rowId);
            undo.add(() -> storeRow(rowId, before));
            changes.add(new RowChange.Delete(rowId));
        }

        void rollback()
        {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            autoIncrement = autoIncrementBefore;
            nextRowId = nextRowIdBefore;
        }

        /** Logs the statement (under the write lock); returns the ticket to await after unlocking, or 0. */
        long commit()
        {
            if (!changes.isEmpty() || autoIncrement != autoIncrementBefore) {
                long ticket = sink.log(MemoryTable.this, List.copyOf(changes), autoIncrement);
                lastTicket = Math.max(lastTicket, ticket);
                return ticket;
            }
            return 0;
        }
    }

    public MemoryTable(String databaseName, TableDefinition definition, StatementSink sink)
    {
        this.databaseName = requireNonNull(databaseName, "databaseName is null");
        this.definition = requireNonNull(definition, "definition is null");
        this.sink = requireNonNull(sink, "sink is null");
        List<UniqueIndex> indexes = new ArrayList<>();
        for (IndexDefinition key : definition.uniqueKeys()) {
            indexes.add(new UniqueIndex(key, definition.columnPositions(key.columns()), new HashMap<>()));
        }
        this.uniqueIndexes = List.copyOf(indexes);
        List<SortedIndex> sorted = new ArrayList<>();
        Set<Integer> sortedPositions = new java.util.HashSet<>();
        for (IndexDefinition index : definition.indexes()) {
            if (index.kind() == IndexDefinition.Kind.VECTOR || index.kind() == IndexDefinition.Kind.FULLTEXT) {
                continue;
            }
            int position = definition.requireColumn(index.columns().get(0));
            if (sortedPositions.add(position)) {
                sorted.add(new SortedIndex(position, new TreeMap<>(ValueComparison::compare)));
            }
        }
        this.sortedIndexes = List.copyOf(sorted);
        this.autoIncrementColumn = definition.autoIncrementColumn();
        this.primaryKeyPositions = definition.primaryKey().map(key -> definition.columnPositions(key.columns())).orElse(null);
    }

    @Override
    public String databaseName()
    {
        return databaseName;
    }

    @Override
    public TableDefinition definition()
    {
        return definition;
    }

    @Override
    public WriteResult write(WriteRequest request)
    {
        requireNonNull(request, "request is null");
        int[] positions = definition.columnPositions(request.columns());
        long ticket;
        WriteResult result;
        lock.writeLock().lock();
        try {
            checkNotDropped();
            Statement statement = new Statement();
            try {
                List<RowOutcome> outcomes = new ArrayList<>(request.rows().size());
                OptionalLong firstGeneratedId = OptionalLong.empty();
                for (int i = 0; i < request.rows().size(); i++) {
                    List<Value> values = request.rows().get(i);
                    if (values.size() != positions.length) {
                        throw new QuiverException(ErrorCode.ER_WRONG_VALUE_COUNT_ON_ROW, i + 1);
                    }
                    long autoIncrementBefore = autoIncrement;
                    Row row = buildRow(positions, values, i + 1);
                    if (firstGeneratedId.isEmpty() && autoIncrementColumn.isPresent() && autoIncrement != autoIncrementBefore
                            && generated(positions, values)) {
                        firstGeneratedId = OptionalLong.of(autoIncrement);
                    }
                    outcomes.add(writeRow(statement, row, request.policy(), i + 1));
                }
                ticket = statement.commit();
                result = new WriteResult(outcomes, firstGeneratedId);
            }
            catch (RuntimeException | Error e) {
                statement.rollback();
                throw e;
            }
        }
        finally {
            lock.writeLock().unlock();
        }
        sink.awaitDurable(ticket);
        return result;
    }

    private boolean generated(int[] positions, List<Value> values)
    {
        int column = autoIncrementColumn.getAsInt();
        for (int i = 0; i < positions.length; i++) {
            if (positions[i] == column) {
                return isAutoRequest(values.get(i));
            }
        }
        return true;
    }

    private static boolean isAutoRequest(Value value)
    {
        return value.isNull() || (value instanceof Value.IntegerValue integer && integer.value() == 0);
    }

    private Row buildRow(int[] positions, List<Value> values, int rowNumber)
    {
        List<ColumnDefinition> columns = definition.columns();
        Value[] result = new Value[columns.size()];
        for (int i = 0; i < positions.length; i++) {
            if (result[positions[i]] != null) {
                throw new QuiverException(ErrorCode.ER_FIELD_SPECIFIED_TWICE, columns.get(positions[i]).name());
            }
            result[positions[i]] = values.get(i);
        }
        for (int i = 0; i < result.length; i++) {
            ColumnDefinition column = columns.get(i);
            if (column.autoIncrement()) {
                if (result[i] == null || isAutoRequest(result[i])) {
                    autoIncrement++;
                    result[i] = Value.of(autoIncrement);
                }
                result[i] = ValueCoercion.coerce(definition.name(), column, result[i], rowNumber);
                if (result[i] instanceof Value.IntegerValue integer && !integer.unsigned() && integer.value() > autoIncrement) {
                    autoIncrement = integer.value();
                }
                continue;
            }
            if (result[i] == null) {
                if (column.defaultValue().isPresent()) {
                    result[i] = column.defaultValue().get();
                }
                else if (column.nullable()) {
                    result[i] = Value.NULL;
                }
                else {
                    throw new QuiverException(ErrorCode.ER_NO_DEFAULT_FOR_FIELD, column.name());
                }
            }
            result[i] = ValueCoercion.coerce(definition.name(), column, result[i], rowNumber);
        }
        return new Row(Arrays.asList(result));
    }

    private Row coerceRow(Row row, int rowNumber)
    {
        if (row.size() != definition.columns().size()) {
            throw new IllegalArgumentException("row has " + row.size() + " values, table has " + definition.columns().size() + " columns");
        }
        Value[] result = new Value[row.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ValueCoercion.coerce(definition.name(), definition.columns().get(i), row.get(i), rowNumber);
            if (definition.columns().get(i).autoIncrement() && result[i] instanceof Value.IntegerValue integer
                    && !integer.unsigned() && integer.value() > autoIncrement) {
                autoIncrement = integer.value();
            }
        }
        return new Row(Arrays.asList(result));
    }

    private record Conflict(UniqueIndex index, long rowId) {}

    /** Existing rows that share a unique key with {@code row}, in key order, ignoring {@code self}. */
    private List<Conflict> conflicts(Row row, long self)
    {
        List<Conflict> conflicts = new ArrayList<>();
        for (UniqueIndex index : uniqueIndexes) {
            List<Object> key = ValueComparison.indexKey(row, index.positions());
            if (key == null) {
                continue;
            }
            Long existing = index.entries().get(key);
            if (existing != null && existing != self) {
                conflicts.add(new Conflict(index, existing));
            }
        }
        return conflicts;
    }

    private QuiverException duplicate(Conflict conflict, Row row)
    {
        return new QuiverException(ErrorCode.ER_DUP_ENTRY, ValueComparison.keyText(row, conflict.index().positions()),
                conflict.index().definition().name());
    }

    private RowOutcome writeRow(Statement statement, Row row, ConflictPolicy policy, int rowNumber)
    {
        List<Conflict> conflicts = conflicts(row, -1);
        if (conflicts.isEmpty()) {
            statement.put(nextRowId++, row);
            return new RowOutcome.Inserted(row);
        }
        Conflict first = conflicts.get(0);
        return switch (policy) {
            case ConflictPolicy.Error ignored -> throw duplicate(first, row);
            case ConflictPolicy.Ignore ignored -> new RowOutcome.Ignored(first.index().definition().name(),
                    ValueComparison.keyText(row, first.index().positions()));
            case ConflictPolicy.Update update -> {
                Row existing = rows.get(first.rowId());
                Row merged = coerceRow(update.merger().merge(existing, row), rowNumber);
                if (merged.equals(existing)) {
                    yield new RowOutcome.Unchanged(existing);
                }
                List<Conflict> again = conflicts(merged, first.rowId());
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
                statement.put(nextRowId++, row);
                yield new RowOutcome.Replaced(row, victims.size());
            }
        };
    }

    private void storeRow(long rowId, Row row)
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
        for (UniqueIndex index : uniqueIndexes) {
            List<Object> key = ValueComparison.indexKey(row, index.positions());
            if (key != null) {
                Long previous = index.entries().put(key, rowId);
                if (previous != null && previous != rowId) {
                    throw new IllegalStateException("unique index " + index.definition().name() + " corrupted");
                }
            }
        }
    }

    private void removeRow(long rowId)
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
        for (UniqueIndex index : uniqueIndexes) {
            List<Object> key = ValueComparison.indexKey(row, index.positions());
            if (key != null) {
                index.entries().remove(key, rowId);
            }
        }
    }

    @Override
    public List<Optional<Row>> get(List<List<Value>> primaryKeys)
    {
        requireNonNull(primaryKeys, "primaryKeys is null");
        if (primaryKeyPositions == null) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "get by key on a table without a primary key");
        }
        UniqueIndex primary = uniqueIndexes.get(0);
        lock.readLock().lock();
        try {
            checkReadable();
            List<Optional<Row>> result = new ArrayList<>(primaryKeys.size());
            for (List<Value> key : primaryKeys) {
                result.add(lookup(primary, key).map(rows::get));
            }
            return result;
        }
        finally {
            lock.readLock().unlock();
        }
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
                Value coerced = ValueCoercion.coerce(definition.name(), definition.columns().get(index.positions()[i]), key.get(i), 1);
                parts[i] = ValueComparison.indexKey(coerced);
            }
            catch (QuiverException e) {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(index.entries().get(List.of(parts)));
    }

    @Override
    public RowCursor scan(ScanRequest request)
    {
        requireNonNull(request, "request is null");
        int[] projection = request.projection().isEmpty() ? null : definition.columnPositions(request.projection());
        lock.readLock().lock();
        try {
            checkReadable();
            List<Row> selected = new ArrayList<>();
            for (Map.Entry<Long, Row> entry : select(request)) {
                selected.add(projection == null ? entry.getValue() : entry.getValue().project(projection));
            }
            return RowCursor.of(selected);
        }
        finally {
            lock.readLock().unlock();
        }
    }

    /** The (rowId, row) pairs a request selects, in order, after offset and limit. Caller holds a lock. */
    private List<Map.Entry<Long, Row>> select(ScanRequest request)
    {
        FilterEvaluator evaluator = new FilterEvaluator(definition, request.filter());
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
    private Iterable<Map.Entry<Long, Row>> candidates(Filter filter)
    {
        Map<Integer, List<Value>> fixed = new HashMap<>();
        List<Filter> conjuncts = filter instanceof Filter.And and ? and.operands() : List.of(filter);
        for (Filter conjunct : conjuncts) {
            if (conjunct instanceof Filter.Equal equal && equal.field().path().isEmpty()) {
                definition.columnIndex(equal.field().column()).ifPresent(position -> fixed.putIfAbsent(position, List.of(equal.value())));
            }
            else if (conjunct instanceof Filter.In in && in.field().path().isEmpty() && !in.values().isEmpty()) {
                definition.columnIndex(in.field().column()).ifPresent(position -> fixed.putIfAbsent(position, in.values()));
            }
        }
        for (UniqueIndex index : uniqueIndexes) {
            List<List<Value>> keys = keysFor(index, fixed);
            if (keys == null) {
                continue;
            }
            Set<Long> rowIds = new java.util.TreeSet<>();
            for (List<Value> key : keys) {
                lookup(index, key).ifPresent(rowIds::add);
            }
            return entries(rowIds);
        }
        for (Filter conjunct : conjuncts) {
            Set<Long> rowIds = sortedCandidates(conjunct);
            if (rowIds != null) {
                return entries(rowIds);
            }
        }
        return rows.entrySet();
    }

    private List<Map.Entry<Long, Row>> entries(Set<Long> rowIds)
    {
        List<Map.Entry<Long, Row>> result = new ArrayList<>(rowIds.size());
        rowIds.forEach(rowId -> result.add(Map.entry(rowId, rows.get(rowId))));
        return result;
    }

    /** Row ids a single conjunct can match through a sorted index (a superset), or null when no index applies. */
    private Set<Long> sortedCandidates(Filter conjunct)
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
                if (!indexable(type, equal.value())) {
                    return null;
                }
                result.addAll(index.entries().getOrDefault(equal.value(), Set.of()));
            }
            case Filter.In in -> {
                for (Value value : in.values()) {
                    if (value.isNull()) {
                        continue;
                    }
                    if (!indexable(type, value)) {
                        return null;
                    }
                    result.addAll(index.entries().getOrDefault(value, Set.of()));
                }
            }
            case Filter.Range range -> {
                if ((range.lower().isPresent() && !indexable(type, range.lower().get()))
                        || (range.upper().isPresent() && !indexable(type, range.upper().get()))) {
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
                if (!indexable(definition.columns().get(position).type(), value)) {
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
    private static boolean indexable(dev.quiver.storage.catalog.ColumnType type, Value value)
    {
        return switch (type) {
            case dev.quiver.storage.catalog.ColumnType.StringType ignored -> value instanceof Value.StringValue;
            case dev.quiver.storage.catalog.ColumnType.BinaryType binary -> value instanceof Value.BytesValue
                    || (value instanceof Value.StringValue && binary.kind() != dev.quiver.storage.catalog.ColumnType.BinaryKind.BINARY);
            case dev.quiver.storage.catalog.ColumnType.IntegerType ignored -> value instanceof Value.IntegerValue || value instanceof Value.DecimalValue;
            case dev.quiver.storage.catalog.ColumnType.BooleanType ignored -> value instanceof Value.IntegerValue;
            case dev.quiver.storage.catalog.ColumnType.DecimalType ignored -> value instanceof Value.IntegerValue || value instanceof Value.DecimalValue;
            case dev.quiver.storage.catalog.ColumnType.TemporalType ignored -> value instanceof Value.DateValue || value instanceof Value.DateTimeValue;
            default -> false;
        };
    }

    private Comparator<Map.Entry<Long, Row>> ordering(List<SortKey> keys)
    {
        Comparator<Row> comparator = null;
        List<SortKey> effective = keys;
        if (keys.isEmpty()) {
            if (primaryKeyPositions == null) {
                return null;
            }
            effective = definition.primaryKey().orElseThrow().columns().stream().map(SortKey::ascending).toList();
        }
        for (SortKey key : effective) {
            int position = definition.requireColumn(key.column());
            Comparator<Row> next = (left, right) -> ValueComparison.compareForSort(left.get(position), right.get(position));
            if (!key.ascending()) {
                next = next.reversed();
            }
            comparator = comparator == null ? next : comparator.thenComparing(next);
        }
        Comparator<Row> rowOrder = comparator;
        return (left, right) -> rowOrder.compare(left.getValue(), right.getValue());
    }

    @Override
    public long count(Filter filter)
    {
        requireNonNull(filter, "filter is null");
        lock.readLock().lock();
        try {
            checkReadable();
            FilterEvaluator evaluator = new FilterEvaluator(definition, filter);
            return rows.values().stream().filter(evaluator::matches).count();
        }
        finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public UpdateResult update(ScanRequest selection, UnaryOperator<Row> updater)
    {
        requireNonNull(selection, "selection is null");
        requireNonNull(updater, "updater is null");
        long ticket;
        UpdateResult result;
        lock.writeLock().lock();
        try {
            checkNotDropped();
            Statement statement = new Statement();
            try {
                long matched = 0;
                long changed = 0;
                int rowNumber = 0;
                for (Map.Entry<Long, Row> entry : List.copyOf(select(selection))) {
                    matched++;
                    rowNumber++;
                    Row before = rows.get(entry.getKey());
                    Row after = coerceRow(updater.apply(before), rowNumber);
                    if (after.equals(before)) {
                        continue;
                    }
                    List<Conflict> conflicts = conflicts(after, entry.getKey());
                    if (!conflicts.isEmpty()) {
                        throw duplicate(conflicts.get(0), after);
                    }
                    statement.put(entry.getKey(), after);
                    changed++;
                }
                ticket = statement.commit();
                result = new UpdateResult(matched, changed);
            }
            catch (RuntimeException | Error e) {
                statement.rollback();
                throw e;
            }
        }
        finally {
            lock.writeLock().unlock();
        }
        sink.awaitDurable(ticket);
        return result;
    }

    @Override
    public long delete(ScanRequest selection)
    {
        requireNonNull(selection, "selection is null");
        long ticket;
        long deleted;
        lock.writeLock().lock();
        try {
            checkNotDropped();
            Statement statement = new Statement();
            try {
                List<Map.Entry<Long, Row>> victims = List.copyOf(select(selection));
                victims.forEach(entry -> statement.delete(entry.getKey()));
                ticket = statement.commit();
                deleted = victims.size();
            }
            catch (RuntimeException | Error e) {
                statement.rollback();
                throw e;
            }
        }
        finally {
            lock.writeLock().unlock();
        }
        sink.awaitDurable(ticket);
        return deleted;
    }

    @Override
    public void truncate()
    {
        long ticket;
        lock.writeLock().lock();
        try {
            checkNotDropped();
            Statement statement = new Statement();
            try {
                List.copyOf(rows.keySet()).forEach(statement::delete);
                autoIncrement = 0;
                ticket = statement.commit();
            }
            catch (RuntimeException | Error e) {
                statement.rollback();
                throw e;
            }
        }
        finally {
            lock.writeLock().unlock();
        }
        sink.awaitDurable(ticket);
    }

    /** Re-applies logged changes (recovery); no checks, no sink. */
    public void replay(List<RowChange> changes, long autoIncrementValue)
    {
        lock.writeLock().lock();
        try {
            for (RowChange change : changes) {
                switch (change) {
                    case RowChange.Put put -> {
                        storeRow(put.rowId(), put.row());
                        nextRowId = Math.max(nextRowId, put.rowId() + 1);
                    }
                    case RowChange.Delete delete -> removeRow(delete.rowId());
                }
            }
            autoIncrement = autoIncrementValue;
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    /** Every row with its internal id, in id order (for checkpoints). */
    public List<RowChange.Put> snapshot()
    {
        lock.readLock().lock();
        try {
            List<RowChange.Put> result = new ArrayList<>(rows.size());
            rows.forEach((rowId, row) -> result.add(new RowChange.Put(rowId, row)));
            return result;
        }
        finally {
            lock.readLock().unlock();
        }
    }

    public long autoIncrement()
    {
        lock.readLock().lock();
        try {
            return autoIncrement;
        }
        finally {
            lock.readLock().unlock();
        }
    }

    /** Marks the handle dropped; later calls fail with {@code ER_NO_SUCH_TABLE}. Waits for running statements. */
    public void markDropped()
    {
        lock.writeLock().lock();
        try {
            dropped = true;
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    /** For readers (holding the read lock): the table exists and everything they can see is durable. */
    private void checkReadable()
    {
        checkNotDropped();
        if (lastTicket > 0) {
            sink.awaitDurable(lastTicket);
        }
    }

    private void checkNotDropped()
    {
        if (dropped) {
            throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, databaseName, definition.name());
        }
    }
}
