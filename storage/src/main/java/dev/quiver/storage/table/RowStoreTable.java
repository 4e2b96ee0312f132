package dev.quiver.storage.table;

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
 * The statement semantics of a {@link Table} over a {@link RowStore}: value coercion, defaults and auto_increment,
 * unique-key checks in MySQL's order, the conflict policies, update/delete selections, filters, ordering and
 * limits. Rows have internal row ids; a table-wide read/write lock serialises statements. A statement changes the
 * store directly and keeps an undo list; on any error the undo list restores the store before the lock is released,
 * so a statement is all or nothing and readers never see half of one. The {@link StatementSink} sees each
 * successful statement's changes before the lock is released (a durable engine logs them) and makes the writer
 * wait for durability after it.
 */
public final class RowStoreTable
        implements Table
{
    private final String databaseName;
    private final TableDefinition definition;
    private final StatementSink sink;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final RowStore store;
    private final List<UniqueIndex> uniqueIndexes;
    private final OptionalInt autoIncrementColumn;
    private final int[] primaryKeyPositions;
    private long nextRowId = 1;
    private long autoIncrement;
    private long lastTicket;
    private boolean dropped;

    private record UniqueIndex(IndexDefinition definition, int ordinal, int[] positions) {}

    /** What a running statement did so far, for undo and for the sink. */
    private final class Statement
    {
        private final List<RowChange> changes = new ArrayList<>();
        private final List<Runnable> undo = new ArrayList<>();
        private final long autoIncrementBefore = autoIncrement;
        private final long nextRowIdBefore = nextRowId;

        void put(long rowId, Row row)
        {
            Row before = store.get(rowId);
            store.put(rowId, row);
            undo.add(before == null ? () -> store.remove(rowId) : () -> store.put(rowId, before));
            changes.add(new RowChange.Put(rowId, row));
        }

        void delete(long rowId)
        {
            Row before = requireNonNull(store.get(rowId), "no such row");
            store.remove(rowId);
            undo.add(() -> store.put(rowId, before));
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
                long ticket = sink.log(RowStoreTable.this, List.copyOf(changes), autoIncrement);
                lastTicket = Math.max(lastTicket, ticket);
                return ticket;
            }
            return 0;
        }
    }

    /** A table over the given store; call {@link #restoreCounters} when the store already holds rows. */
    public RowStoreTable(String databaseName, TableDefinition definition, StatementSink sink, RowStore store)
    {
        this.databaseName = requireNonNull(databaseName, "databaseName is null");
        this.definition = requireNonNull(definition, "definition is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.store = requireNonNull(store, "store is null");
        List<UniqueIndex> indexes = new ArrayList<>();
        List<IndexDefinition> keys = definition.uniqueKeys();
        for (int i = 0; i < keys.size(); i++) {
            indexes.add(new UniqueIndex(keys.get(i), i, definition.columnPositions(keys.get(i).columns())));
        }
        this.uniqueIndexes = List.copyOf(indexes);
        this.autoIncrementColumn = definition.autoIncrementColumn();
        this.primaryKeyPositions = definition.primaryKey().map(key -> definition.columnPositions(key.columns())).orElse(null);
    }

    /** Sets the next internal row id and the auto_increment counter (a durable engine reopening a table). */
    public void restoreCounters(long nextRowIdValue, long autoIncrementValue)
    {
        lock.writeLock().lock();
        try {
            nextRowId = Math.max(nextRowId, nextRowIdValue);
            autoIncrement = autoIncrementValue;
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    /** The next internal row id (for checkpoints). */
    public long nextRowId()
    {
        lock.readLock().lock();
        try {
            return nextRowId;
        }
        finally {
            lock.readLock().unlock();
        }
    }

    /** Runs {@code action} with the table write-locked (store maintenance such as a refresh). */
    public void withWriteLock(Runnable action)
    {
        lock.writeLock().lock();
        try {
            action.run();
        }
        finally {
            lock.writeLock().unlock();
        }
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
        sink.afterStatement();
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
            Long existing = store.findUnique(index.ordinal(), key);
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
                Row existing = store.get(first.rowId());
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
                result.add(lookup(primary, key).map(store::get));
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
        return Optional.ofNullable(store.findUnique(index.ordinal(), List.of(parts)));
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
            Set<Long> rowIds = store.sortedCandidates(conjunct);
            if (rowIds != null) {
                return entries(rowIds);
            }
        }
        return store.all();
    }

    private List<Map.Entry<Long, Row>> entries(Set<Long> rowIds)
    {
        List<Map.Entry<Long, Row>> result = new ArrayList<>(rowIds.size());
        for (long rowId : rowIds) {
            Row row = store.get(rowId);
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
    public static boolean indexable(dev.quiver.storage.catalog.ColumnType type, Value value)
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
            long count = 0;
            for (Map.Entry<Long, Row> entry : store.all()) {
                if (evaluator.matches(entry.getValue())) {
                    count++;
                }
            }
            return count;
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
                    Row before = store.get(entry.getKey());
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
        sink.afterStatement();
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
        sink.afterStatement();
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
                List<Long> rowIds = new ArrayList<>();
                store.all().forEach(entry -> rowIds.add(entry.getKey()));
                rowIds.forEach(statement::delete);
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
        sink.afterStatement();
    }

    /** Re-applies logged changes (recovery); no checks, no sink. */
    public void replay(List<RowChange> changes, long autoIncrementValue)
    {
        lock.writeLock().lock();
        try {
            for (RowChange change : changes) {
                switch (change) {
                    case RowChange.Put put -> {
                        store.put(put.rowId(), put.row());
                        nextRowId = Math.max(nextRowId, put.rowId() + 1);
                    }
                    case RowChange.Delete delete -> store.remove(delete.rowId());
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
            List<RowChange.Put> result = new ArrayList<>();
            store.all().forEach(entry -> result.add(new RowChange.Put(entry.getKey(), entry.getValue())));
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
