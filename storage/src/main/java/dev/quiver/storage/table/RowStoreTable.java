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
import dev.quiver.storage.search.HybridSearchRequest;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.text.HybridFusion;
import dev.quiver.storage.text.TextSearches;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.vector.ExactVectorSearch;
import dev.quiver.storage.vector.VectorQuery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * The statement semantics of a {@link Table} over a {@link RowStore}: value coercion, defaults and auto_increment,
 * unique-key checks in MySQL's order, the conflict policies, update/delete selections, filters, ordering and
 * limits. Rows have internal row ids.
 *
 * <p>Concurrency. A statement never changes the store while it runs: it reads through a private overlay of its own
 * changes ({@code Statement}), and when it succeeds it hands the changes to the {@link StatementSink} (a durable
 * engine logs them and applies them to its index) and then publishes them to the store, atomically for readers
 * (the {@code visibility} lock). A failed statement just drops its overlay, so it is all or nothing.
 * <ul>
 * <li>Key-addressed writes ({@link #write}, every {@link ConflictPolicy}) take the table lock <em>shared</em> plus
 * the striped locks of every primary and unique key value they touch (the new rows' values, and the values of the
 * rows they update, merge into or replace), in ascending stripe order. The stripes are first derived from the new
 * rows; the statement records every key value it looked up or changed, and when one lies outside the stripes it
 * holds, it discards its overlay, widens the set and runs again (after {@value #MAX_KEYED_ATTEMPTS} attempts it runs
 * exclusively). Writes to different keys therefore run in parallel; writes that share a key value serialise, and
 * each statement sees the published result of every earlier one on its keys, so the outcome per key is that of a
 * serial order. The sink's log call and the publish happen while the stripes are held, so the log's order per key
 * is the apply order.</li>
 * <li>Filter-based {@link #update}, {@link #delete}, {@link #truncate}, DDL-like maintenance ({@link #withWriteLock},
 * {@link #markDropped}) and recovery take the table lock exclusively.</li>
 * <li>Readers take the table lock shared and the visibility lock shared, so they see whole statements only, and
 * before returning wait until the last statement they could have seen is durable.</li>
 * </ul>
 * auto_increment and row ids are atomic counters; a failed statement gives its values back only when nobody
 * allocated after it (otherwise they are a gap, as with InnoDB's interleaved mode). Rows of a multi-row write are
 * built (defaults, coercion, generated values) before its locks are taken, so a counter raised by an ODKU merge of
 * an earlier row of the same statement does not shift the values generated for its later rows.
 */
public final class RowStoreTable
        implements Table
{
    /**
     * Number of key lock stripes (a power of two), shared by all tables (a table's seed spreads its keys): enough
     * that two statements of 100 keys each share a stripe with a probability of about 4%.
     */
    static final int STRIPES = 1 << 18;
    /** The stripes, created on first use. */
    private static final java.util.concurrent.atomic.AtomicReferenceArray<ReentrantLock> LOCKS = new java.util.concurrent.atomic.AtomicReferenceArray<>(STRIPES);
    private static final AtomicLong SEEDS = new AtomicLong();
    private static final int MAX_KEYED_ATTEMPTS = 4;
    private static final long FREED = -1;
    private static final Row TOMBSTONE = new Row(List.of());

    private volatile String databaseName;
    private volatile TableDefinition definition;
    /** Text-search plans' table-dependent parts, kept while {@link #definition} is the same object. */
    private final TextSearches.Plans textPlans = new TextSearches.Plans();
    /**
     * Shared: every writer (write, update, delete, truncate) for its whole statement. Exclusive: {@link #rebuild}
     * (ALTER TABLE), so writers wait while readers go on reading the old table.
     */
    private final ReentrantReadWriteLock writers = new ReentrantReadWriteLock();
    private final StatementSink sink;
    /** Shared: key-addressed writers and readers. Exclusive: filter statements, truncate, refresh, drop, recovery. */
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** Write: a statement publishing its changes to the store. Read: a reader (so it never sees half a statement). */
    private final ReentrantReadWriteLock visibility = new ReentrantReadWriteLock();
    private final int stripeSeed = (int) (SEEDS.incrementAndGet() * 0x9E3779B9L);
    private volatile RowStore store;
    private volatile List<UniqueIndex> uniqueIndexes;
    private volatile OptionalInt autoIncrementColumn;
    private volatile int[] primaryKeyPositions;
    private final AtomicLong nextRowId = new AtomicLong(1);
    private final AtomicLong autoIncrement = new AtomicLong();
    private final AtomicLong lastTicket = new AtomicLong();
    private volatile boolean dropped;
    private volatile Runnable applyHook;

    private record UniqueIndex(IndexDefinition definition, int ordinal, int[] positions) {}

    /**
     * The values a statement took from a shared counter. They can be given back (the counter reset to where the
     * statement found it) only when the statement took one contiguous range and nobody has taken a value since:
     * then the counter still equals the statement's last value. Otherwise they stay a gap.
     */
    private static final class CounterClaim
    {
        private long before = -1;
        private long mine = -1;
        private boolean contiguous = true;

        /** The counter went from {@code previous} to {@code now} for this statement. */
        void took(long previous, long now)
        {
            if (mine < 0) {
                before = previous;
            }
            else if (previous != mine) {
                contiguous = false;
            }
            mine = now;
        }

        boolean tookAny()
        {
            return mine >= 0;
        }

        void giveBack(AtomicLong counter)
        {
            if (mine >= 0 && contiguous) {
                counter.compareAndSet(mine, before);
            }
        }

        CounterClaim copy()
        {
            CounterClaim copy = new CounterClaim();
            copy.before = before;
            copy.mine = mine;
            copy.contiguous = contiguous;
            return copy;
        }
    }

    /** A change with the row it replaced (null for a new row), to publish to the store. */
    private record Change(RowChange change, Row previous) {}

    /**
     * A running statement: its changes in a private overlay (row id → row or {@link #TOMBSTONE}; per unique key →
     * row id or {@link #FREED}) over the store, the key stripes it touched, and the counter values it took.
     */
    private final class Statement
    {
        private final Map<Long, Row> rows = new HashMap<>();
        private final List<Map<List<Object>, Long>> keys = new ArrayList<>();
        private final List<Change> changes = new ArrayList<>();
        private final BitSet touched = new BitSet();
        private final long autoIncrementBefore;
        private final CounterClaim autoIncrementClaim;
        private final long nextRowIdBefore;
        private final CounterClaim rowIdClaim = new CounterClaim();

        Statement(long autoIncrementBefore, CounterClaim autoIncrementClaim)
        {
            for (int i = 0; i < uniqueIndexes.size(); i++) {
                keys.add(new HashMap<>());
            }
            this.autoIncrementBefore = autoIncrementBefore;
            this.autoIncrementClaim = autoIncrementClaim;
            this.nextRowIdBefore = nextRowId.get();
        }

        Row get(long rowId)
        {
            Row row = rows.get(rowId);
            if (row != null) {
                return row == TOMBSTONE ? null : row;
            }
            return store.get(rowId);
        }

        Long findUnique(int ordinal, List<Object> key)
        {
            touched.set(stripe(ordinal, key));
            Long owner = keys.get(ordinal).get(key);
            if (owner != null) {
                return owner == FREED ? null : owner;
            }
            return store.findUnique(ordinal, key);
        }

        long allocateRowId()
        {
            long rowId = nextRowId.getAndIncrement();
            rowIdClaim.took(rowId, rowId + 1);
            return rowId;
        }

        void raiseAutoIncrement(long value)
        {
            long previous = autoIncrement.getAndAccumulate(value, Math::max);
            if (value > previous) {
                autoIncrementClaim.took(previous, value);
            }
        }

        /** Stores a row under a row id this statement just allocated. */
        void putNew(long rowId, Row row)
        {
            put(rowId, row, null);
        }

        void put(long rowId, Row row)
        {
            put(rowId, row, get(rowId));
        }

        private void put(long rowId, Row row, Row before)
        {
            rows.put(rowId, row);
            for (UniqueIndex index : uniqueIndexes) {
                List<Object> newKey = ValueComparison.indexKey(row, index.positions());
                if (before != null) {
                    List<Object> oldKey = ValueComparison.indexKey(before, index.positions());
                    if (oldKey != null && !oldKey.equals(newKey)) {
                        touched.set(stripe(index.ordinal(), oldKey));
                        keys.get(index.ordinal()).put(oldKey, FREED);
                    }
                }
                if (newKey != null) {
                    touched.set(stripe(index.ordinal(), newKey));
                    keys.get(index.ordinal()).put(newKey, rowId);
                }
            }
            changes.add(new Change(new RowChange.Put(rowId, row), before));
        }

        void delete(long rowId)
        {
            Row before = requireNonNull(get(rowId), "no such row");
            rows.put(rowId, TOMBSTONE);
            for (UniqueIndex index : uniqueIndexes) {
                List<Object> oldKey = ValueComparison.indexKey(before, index.positions());
                if (oldKey != null) {
                    touched.set(stripe(index.ordinal(), oldKey));
                    keys.get(index.ordinal()).put(oldKey, FREED);
                }
            }
            changes.add(new Change(new RowChange.Delete(rowId), before));
        }

        /** The stripes touched that are not in {@code held}, or null when all are held. */
        BitSet missing(BitSet held)
        {
            BitSet missing = (BitSet) touched.clone();
            missing.andNot(held);
            return missing.isEmpty() ? null : missing;
        }

        /** Gives back the counter values this statement took, where nobody took later ones. */
        void releaseCounters(boolean exclusive)
        {
            if (exclusive) {
                autoIncrement.set(autoIncrementBefore);
                nextRowId.set(nextRowIdBefore);
                return;
            }
            autoIncrementClaim.giveBack(autoIncrement);
            rowIdClaim.giveBack(nextRowId);
        }

        /**
         * Hands the statement to the sink and publishes it to the store; returns the ticket to await after unlocking,
         * or 0. On a sink failure nothing is published.
         */
        long commit(boolean logAnyway)
        {
            if (changes.isEmpty() && !logAnyway) {
                return 0;
            }
            List<RowChange> logged = new ArrayList<>(changes.size());
            changes.forEach(change -> logged.add(change.change()));
            long ticket = sink.log(RowStoreTable.this, List.copyOf(logged), autoIncrement.get());
            visibility.writeLock().lock();
            try {
                lastTicket.accumulateAndGet(ticket, Math::max);
                for (Change change : changes) {
                    switch (change.change()) {
                        case RowChange.Put put -> store.put(put.rowId(), put.row(), change.previous());
                        case RowChange.Delete delete -> store.remove(delete.rowId(), change.previous());
                    }
                }
            }
            finally {
                visibility.writeLock().unlock();
            }
            return ticket;
        }
    }

    /** A table over the given store; call {@link #restoreCounters} when the store already holds rows. */
    public RowStoreTable(String databaseName, TableDefinition definition, StatementSink sink, RowStore store)
    {
        this.databaseName = requireNonNull(databaseName, "databaseName is null");
        this.definition = requireNonNull(definition, "definition is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.store = requireNonNull(store, "store is null");
        derive(definition);
    }

    private void derive(TableDefinition definition)
    {
        List<UniqueIndex> indexes = new ArrayList<>();
        List<IndexDefinition> keys = definition.uniqueKeys();
        for (int i = 0; i < keys.size(); i++) {
            indexes.add(new UniqueIndex(keys.get(i), i, definition.columnPositions(keys.get(i).columns())));
        }
        this.uniqueIndexes = List.copyOf(indexes);
        this.autoIncrementColumn = definition.autoIncrementColumn();
        this.primaryKeyPositions = definition.primaryKey().map(key -> definition.columnPositions(key.columns())).orElse(null);
    }

    /** Called by {@link #rebuild} once the new table is built, under the writer lock, before the switch in memory. */
    public interface Switch
    {
        /**
         * Makes the switch durable (a durable engine forces the new store and logs the switch); throwing aborts the
         * change and the table stays as it was. {@code nextRowId} and {@code autoIncrement} are the new table's.
         */
        void run(long nextRowId, long autoIncrement);
    }

    /**
     * ALTER TABLE: with writers excluded (readers go on reading the old table), writes every row, mapped by
     * {@code mapper}, into {@code newStore} through a table of {@code newDefinition} (so coercion, defaults,
     * auto_increment and unique keys behave as for writes, and a failure fails the whole change), calls
     * {@code durableSwitch}, then switches this handle to the new definition and store. {@code buildSink} receives
     * the build's statements (a durable engine applies them to the new store's index; nothing is logged).
     * auto_increment continues from the old counter. On failure nothing changes; the caller discards
     * {@code newStore}.
     */
    public void rebuild(TableDefinition newDefinition, RowStore newStore, StatementSink buildSink, UnaryOperator<Row> mapper, int batchRows, Switch durableSwitch)
    {
        requireNonNull(newDefinition, "newDefinition is null");
        requireNonNull(mapper, "mapper is null");
        writers.writeLock().lock();
        try {
            checkNotDropped();
            RowStoreTable target = new RowStoreTable(databaseName, newDefinition, buildSink, newStore);
            target.restoreCounters(1, autoIncrement.get());
            List<String> names = newDefinition.columns().stream().map(dev.quiver.storage.catalog.ColumnDefinition::name).toList();
            List<List<Value>> batch = new ArrayList<>();
            lock.readLock().lock();
            try {
                visibility.readLock().lock();
                try {
                    for (Map.Entry<Long, Row> entry : store.all()) {
                        Row mapped = requireNonNull(mapper.apply(entry.getValue()), "mapper returned null");
                        batch.add(mapped.values());
                        if (batch.size() >= batchRows) {
                            target.write(new WriteRequest(names, List.copyOf(batch), ConflictPolicy.ERROR));
                            batch.clear();
                        }
                    }
                }
                finally {
                    visibility.readLock().unlock();
                }
            }
            finally {
                lock.readLock().unlock();
            }
            if (!batch.isEmpty()) {
                target.write(new WriteRequest(names, List.copyOf(batch), ConflictPolicy.ERROR));
            }
            long newAutoIncrement = Math.max(autoIncrement.get(), target.currentAutoIncrement());
            durableSwitch.run(target.nextRowId(), newAutoIncrement);
            lock.writeLock().lock();
            try {
                this.definition = newDefinition;
                this.store = newStore;
                derive(newDefinition);
                nextRowId.set(target.nextRowId());
                autoIncrement.set(newAutoIncrement);
            }
            finally {
                lock.writeLock().unlock();
            }
        }
        finally {
            writers.writeLock().unlock();
        }
    }

    /** RENAME TABLE: this handle now answers to the new database and table name (waits for running statements). */
    public void rename(String newDatabase, String newTable)
    {
        writers.writeLock().lock();
        try {
            lock.writeLock().lock();
            try {
                TableDefinition current = definition;
                this.definition = new TableDefinition(newTable, current.columns(), current.indexes());
                this.databaseName = newDatabase;
            }
            finally {
                lock.writeLock().unlock();
            }
        }
        finally {
            writers.writeLock().unlock();
        }
    }

    /** Sets the next internal row id and the auto_increment counter (a durable engine reopening a table). */
    public void restoreCounters(long nextRowIdValue, long autoIncrementValue)
    {
        lock.writeLock().lock();
        try {
            nextRowId.accumulateAndGet(nextRowIdValue, Math::max);
            autoIncrement.set(autoIncrementValue);
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    /** The next internal row id (for checkpoints). */
    public long nextRowId()
    {
        return nextRowId.get();
    }

    /**
     * The auto_increment counter now, without locking: at least every value generated or stored so far (a durable
     * engine reads it when it appends a statement, so the logged counters never go backwards in log order).
     */
    public long currentAutoIncrement()
    {
        return autoIncrement.get();
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

    /**
     * For tests: runs {@code hook} (or nothing, when null) inside every key-addressed write, after it computed its
     * changes and before it logs them, while it holds its locks.
     */
    public void setApplyHook(Runnable hook)
    {
        this.applyHook = hook;
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

    /** A write's rows built before its locks: the rows up to the first failure, the failure, LAST_INSERT_ID. */
    private record Prepared(List<Row> rows, RuntimeException failure, OptionalLong firstGeneratedId, long autoIncrementBefore, CounterClaim autoIncrementClaim) {}

    private Prepared prepare(int[] positions, List<List<Value>> values)
    {
        long before = autoIncrement.get();
        CounterClaim claim = new CounterClaim();
        List<Row> rows = new ArrayList<>(values.size());
        OptionalLong firstGeneratedId = OptionalLong.empty();
        RuntimeException failure = null;
        for (int i = 0; i < values.size(); i++) {
            try {
                List<Value> row = values.get(i);
                if (row.size() != positions.length) {
                    throw new QuiverException(ErrorCode.ER_WRONG_VALUE_COUNT_ON_ROW, i + 1);
                }
                long[] generated = {-1};
                rows.add(buildRow(positions, row, i + 1, generated, claim));
                if (firstGeneratedId.isEmpty() && generated[0] >= 0 && generated(positions, row)) {
                    firstGeneratedId = OptionalLong.of(generated[0]);
                }
            }
            catch (RuntimeException e) {
                failure = e;
                break;
            }
        }
        return new Prepared(rows, failure, firstGeneratedId, before, claim);
    }

    @Override
    public WriteResult write(WriteRequest request)
    {
        writers.readLock().lock();
        try {
            return writeStatement(request);
        }
        finally {
            writers.readLock().unlock();
        }
    }

    private WriteResult writeStatement(WriteRequest request)
    {
        requireNonNull(request, "request is null");
        int[] positions = definition.columnPositions(request.columns());
        long ticket = 0;
        WriteResult result = null;
        Prepared prepared;
        lock.readLock().lock();
        try {
            checkNotDropped();
            prepared = prepare(positions, request.rows());
            BitSet wanted = new BitSet();
            for (Row row : prepared.rows()) {
                for (UniqueIndex index : uniqueIndexes) {
                    List<Object> key = ValueComparison.indexKey(row, index.positions());
                    if (key != null) {
                        wanted.set(stripe(index.ordinal(), key));
                    }
                }
            }
            for (int attempt = 0; attempt < MAX_KEYED_ATTEMPTS && result == null; attempt++) {
                BitSet held = (BitSet) wanted.clone();
                lockStripes(held);
                try {
                    Statement statement = new Statement(prepared.autoIncrementBefore(), prepared.autoIncrementClaim().copy());
                    List<RowOutcome> outcomes;
                    try {
                        outcomes = run(statement, prepared, request.policy());
                    }
                    catch (RuntimeException | Error e) {
                        BitSet missing = statement.missing(held);
                        if (missing == null) {
                            statement.releaseCounters(false);
                            throw e;
                        }
                        wanted.or(missing);
                        releaseRowIds(statement);
                        continue;
                    }
                    BitSet missing = statement.missing(held);
                    if (missing != null) {
                        wanted.or(missing);
                        releaseRowIds(statement);
                        continue;
                    }
                    Runnable hook = applyHook;
                    if (hook != null) {
                        hook.run();
                    }
                    try {
                        ticket = statement.commit(statement.autoIncrementClaim.tookAny());
                    }
                    catch (RuntimeException | Error e) {
                        statement.releaseCounters(false);
                        throw e;
                    }
                    result = new WriteResult(outcomes, prepared.firstGeneratedId());
                }
                finally {
                    unlockStripes(held);
                }
            }
        }
        finally {
            lock.readLock().unlock();
        }
        if (result == null) {
            // keys kept moving under us: run alone
            lock.writeLock().lock();
            try {
                checkNotDropped();
                Statement statement = new Statement(prepared.autoIncrementBefore(), prepared.autoIncrementClaim().copy());
                try {
                    List<RowOutcome> outcomes = run(statement, prepared, request.policy());
                    Runnable hook = applyHook;
                    if (hook != null) {
                        hook.run();
                    }
                    ticket = statement.commit(statement.autoIncrementClaim.tookAny());
                    result = new WriteResult(outcomes, prepared.firstGeneratedId());
                }
                catch (RuntimeException | Error e) {
                    statement.releaseCounters(false);
                    throw e;
                }
            }
            finally {
                lock.writeLock().unlock();
            }
        }
        sink.awaitDurable(ticket);
        sink.afterStatement();
        return result;
    }

    /** Before a retry: gives back the row ids an abandoned attempt took (auto_increment values are kept for it). */
    private void releaseRowIds(Statement statement)
    {
        statement.rowIdClaim.giveBack(nextRowId);
    }

    private List<RowOutcome> run(Statement statement, Prepared prepared, ConflictPolicy policy)
    {
        List<RowOutcome> outcomes = new ArrayList<>(prepared.rows().size());
        for (int i = 0; i < prepared.rows().size(); i++) {
            outcomes.add(writeRow(statement, prepared.rows().get(i), policy, i + 1));
        }
        if (prepared.failure() != null) {
            throw prepared.failure();
        }
        return outcomes;
    }

    private void lockStripes(BitSet held)
    {
        for (int i = held.nextSetBit(0); i >= 0; i = held.nextSetBit(i + 1)) {
            ReentrantLock stripe = LOCKS.get(i);
            if (stripe == null) {
                LOCKS.compareAndSet(i, null, new ReentrantLock());
                stripe = LOCKS.get(i);
            }
            stripe.lock();
        }
    }

    private void unlockStripes(BitSet held)
    {
        for (int i = held.nextSetBit(0); i >= 0; i = held.nextSetBit(i + 1)) {
            LOCKS.get(i).unlock();
        }
    }

    /**
     * The lock stripe of a value of unique key {@code ordinal} (a value from
     * {@link ValueComparison#indexKey(Row, int[])}); values equal as keys share a stripe. Public for tests.
     */
    public int stripe(int ordinal, List<Object> key)
    {
        int hash = stripeSeed + ordinal;
        for (Object part : key) {
            int partHash = switch (part) {
                case Value.DoubleValue real -> Double.hashCode(real.value() == 0.0 ? 0.0 : real.value());
                case Value.DecimalValue decimal -> decimal.value().signum() == 0 ? 0 : decimal.value().stripTrailingZeros().hashCode();
                default -> part.hashCode();
            };
            hash = 31 * hash + partHash;
        }
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >>> 16;
        return hash & (STRIPES - 1);
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

    /** Builds a row; {@code generated[0]} = the value generated for the auto column (else left alone). */
    private Row buildRow(int[] positions, List<Value> values, int rowNumber, long[] generated, CounterClaim claim)
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
                    long value = autoIncrement.incrementAndGet();
                    claim.took(value - 1, value);
                    generated[0] = value;
                    result[i] = Value.of(value);
                }
                result[i] = ValueCoercion.coerce(definition.name(), column, result[i], rowNumber);
                if (result[i] instanceof Value.IntegerValue integer && !integer.unsigned()) {
                    long previous = autoIncrement.getAndAccumulate(integer.value(), Math::max);
                    if (integer.value() > previous) {
                        claim.took(previous, integer.value());
                    }
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

    private Row coerceRow(Statement statement, Row row, int rowNumber)
    {
        if (row.size() != definition.columns().size()) {
            throw new IllegalArgumentException("row has " + row.size() + " values, table has " + definition.columns().size() + " columns");
        }
        Value[] result = new Value[row.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = ValueCoercion.coerce(definition.name(), definition.columns().get(i), row.get(i), rowNumber);
            if (definition.columns().get(i).autoIncrement() && result[i] instanceof Value.IntegerValue integer
                    && !integer.unsigned() && integer.value() > autoIncrement.get()) {
                statement.raiseAutoIncrement(integer.value());
            }
        }
        return new Row(Arrays.asList(result));
    }

    private record Conflict(UniqueIndex index, long rowId) {}

    /** Existing rows that share a unique key with {@code row}, in key order, ignoring {@code self}. */
    private List<Conflict> conflicts(Statement statement, Row row, long self)
    {
        List<Conflict> conflicts = new ArrayList<>();
        for (UniqueIndex index : uniqueIndexes) {
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

    private QuiverException duplicate(Conflict conflict, Row row)
    {
        return new QuiverException(ErrorCode.ER_DUP_ENTRY, ValueComparison.keyText(row, conflict.index().positions()),
                conflict.index().definition().name());
    }

    private RowOutcome writeRow(Statement statement, Row row, ConflictPolicy policy, int rowNumber)
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
                Row merged = coerceRow(statement, update.merger().merge(existing, row), rowNumber);
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

    @Override
    public List<Optional<Row>> get(List<List<Value>> primaryKeys)
    {
        requireNonNull(primaryKeys, "primaryKeys is null");
        if (primaryKeyPositions == null) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "get by key on a table without a primary key");
        }
        UniqueIndex primary = uniqueIndexes.get(0);
        return read(() -> {
            List<Optional<Row>> result = new ArrayList<>(primaryKeys.size());
            for (List<Value> key : primaryKeys) {
                result.add(lookup(primary, key).map(store::get));
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
        return read(() -> {
            List<Row> selected = new ArrayList<>();
            for (Map.Entry<Long, Row> entry : select(request)) {
                selected.add(projection == null ? entry.getValue() : entry.getValue().project(projection));
            }
            return RowCursor.of(selected);
        });
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
    public SearchResult textSearch(TextSearchRequest request)
    {
        requireNonNull(request, "request is null");
        return read(() -> textPlans.run(definition, request, store::textSearch));
    }

    @Override
    public SearchResult hybridSearch(HybridSearchRequest request)
    {
        requireNonNull(request, "request is null");
        return HybridFusion.search(this, request);
    }

    @Override
    public void refreshIndexes()
    {
        read(() -> null);
        sink.refreshIndexes();
    }

    @Override
    public SearchResult vectorSearch(VectorSearchRequest request)
    {
        requireNonNull(request, "request is null");
        return read(() -> {
            VectorQuery query = VectorQuery.of(definition, request);
            SearchResult found = store.searchVectors(query);
            if (found != null) {
                return found;
            }
            found = ExactVectorSearch.search(query, candidates(request.filter()));
            if (request.projection().isEmpty()) {
                return found;
            }
            int[] projection = definition.columnPositions(request.projection());
            return new SearchResult(found.rows().stream().map(row -> new ScoredRow(row.row().project(projection), row.score())).toList(),
                    found.access(), found.rowsExamined());
        });
    }

    @Override
    public long count(Filter filter)
    {
        requireNonNull(filter, "filter is null");
        return read(() -> {
            FilterEvaluator evaluator = new FilterEvaluator(definition, filter);
            long count = 0;
            for (Map.Entry<Long, Row> entry : store.all()) {
                if (evaluator.matches(entry.getValue())) {
                    count++;
                }
            }
            return count;
        });
    }

    @Override
    public UpdateResult update(ScanRequest selection, UnaryOperator<Row> updater)
    {
        writers.readLock().lock();
        try {
            return updateStatement(selection, updater);
        }
        finally {
            writers.readLock().unlock();
        }
    }

    private UpdateResult updateStatement(ScanRequest selection, UnaryOperator<Row> updater)
    {
        requireNonNull(selection, "selection is null");
        requireNonNull(updater, "updater is null");
        long ticket;
        UpdateResult result;
        lock.writeLock().lock();
        try {
            checkNotDropped();
            Statement statement = new Statement(autoIncrement.get(), new CounterClaim());
            try {
                long matched = 0;
                long changed = 0;
                int rowNumber = 0;
                for (Map.Entry<Long, Row> entry : List.copyOf(select(selection))) {
                    matched++;
                    rowNumber++;
                    Row before = statement.get(entry.getKey());
                    Row after = coerceRow(statement, updater.apply(before), rowNumber);
                    if (after.equals(before)) {
                        continue;
                    }
                    List<Conflict> conflicts = conflicts(statement, after, entry.getKey());
                    if (!conflicts.isEmpty()) {
                        throw duplicate(conflicts.get(0), after);
                    }
                    statement.put(entry.getKey(), after);
                    changed++;
                }
                ticket = statement.commit(statement.autoIncrementClaim.tookAny());
                result = new UpdateResult(matched, changed);
            }
            catch (RuntimeException | Error e) {
                statement.releaseCounters(true);
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
        writers.readLock().lock();
        try {
            return deleteStatement(selection);
        }
        finally {
            writers.readLock().unlock();
        }
    }

    private long deleteStatement(ScanRequest selection)
    {
        requireNonNull(selection, "selection is null");
        long ticket;
        long deleted;
        lock.writeLock().lock();
        try {
            checkNotDropped();
            Statement statement = new Statement(autoIncrement.get(), new CounterClaim());
            try {
                List<Map.Entry<Long, Row>> victims = List.copyOf(select(selection));
                victims.forEach(entry -> statement.delete(entry.getKey()));
                ticket = statement.commit(false);
                deleted = victims.size();
            }
            catch (RuntimeException | Error e) {
                statement.releaseCounters(true);
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
        writers.readLock().lock();
        try {
            truncateStatement();
        }
        finally {
            writers.readLock().unlock();
        }
    }

    private void truncateStatement()
    {
        long ticket;
        lock.writeLock().lock();
        try {
            checkNotDropped();
            Statement statement = new Statement(autoIncrement.get(), new CounterClaim());
            try {
                List<Long> rowIds = new ArrayList<>();
                store.all().forEach(entry -> rowIds.add(entry.getKey()));
                rowIds.forEach(statement::delete);
                autoIncrement.set(0);
                ticket = statement.commit(statement.autoIncrementBefore != 0);
            }
            catch (RuntimeException | Error e) {
                statement.releaseCounters(true);
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
                        nextRowId.accumulateAndGet(put.rowId() + 1, Math::max);
                    }
                    case RowChange.Delete delete -> store.remove(delete.rowId());
                }
            }
            autoIncrement.set(autoIncrementValue);
        }
        finally {
            lock.writeLock().unlock();
        }
    }

    /** Every row with its internal id, in id order (for checkpoints). */
    public List<RowChange.Put> snapshot()
    {
        lock.readLock().lock();
        visibility.readLock().lock();
        try {
            List<RowChange.Put> result = new ArrayList<>();
            store.all().forEach(entry -> result.add(new RowChange.Put(entry.getKey(), entry.getValue())));
            return result;
        }
        finally {
            visibility.readLock().unlock();
            lock.readLock().unlock();
        }
    }

    public long autoIncrement()
    {
        return autoIncrement.get();
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

    /**
     * Runs a read with the table lock and the visibility lock shared (so it sees whole statements only), then waits
     * until every statement it could have seen is durable: nothing is visible before it is durable.
     */
    private <T> T read(Supplier<T> body)
    {
        T result;
        long ticket;
        lock.readLock().lock();
        try {
            checkNotDropped();
            visibility.readLock().lock();
            try {
                result = body.get();
                ticket = lastTicket.get();
            }
            finally {
                visibility.readLock().unlock();
            }
        }
        finally {
            lock.readLock().unlock();
        }
        if (ticket > 0) {
            sink.awaitDurable(ticket);
        }
        return result;
    }

    private void checkNotDropped()
    {
        if (dropped) {
            throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, databaseName, definition.name());
        }
    }
}
