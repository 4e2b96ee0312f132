package dev.quiver.storage.table;

import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.row.ValueComparison;
import dev.quiver.storage.search.HybridSearchRequest;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.search.VectorSearchRequest;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The statement semantics of a {@link Table} over a {@link RowStore}: value coercion, defaults and auto_increment,
 * unique-key checks in MySQL's order, the conflict policies, update/delete selections, filters, ordering and
 * limits. Rows have internal row ids.
 *
 * <p>Concurrency. A statement never changes the store while it runs: it reads through a private overlay of its own
 * changes ({@code StatementOverlay}), and when it succeeds it hands the changes to the {@link StatementSink} (a durable
 * engine logs them and applies them to its index) and then publishes them to the store, atomically for readers
 * (the {@code visibility} lock). A failed statement just drops its overlay, so it is all or nothing.
 * <ul>
 * <li>Key-addressed writes ({@link #write}, every {@link ConflictPolicy}) take the table lock <em>shared</em> plus
 * the striped locks of every primary and unique key value they touch (the new rows' values, and the values of the
 * rows they update, merge into or replace), in ascending stripe order. The stripes are first derived from the new
 * rows; the statement records every key value it looked up or changed, and when one lies outside the stripes it
 * holds, it discards its overlay, widens the set and runs again (after {@value KeyedWrites#MAX_KEYED_ATTEMPTS}
 * attempts it runs exclusively). Writes to different keys therefore run in parallel; writes that share a key value serialise, and
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
 *
 * <p>This class is the public face; the work is done by package-private parts over one shared {@code TableState}
 * (definition, store, counters, locks): {@code KeyedWrites} (key-addressed writes, with {@code KeyStripes},
 * {@code RowBuilder} and {@code UniqueKeyConflicts}), {@code FilterStatements} (update, delete, truncate),
 * {@code StatementOverlay} (a running statement and its commit), {@code TableReads} (gets, scans, counts and
 * selections), {@code TableSearches} (text, vector and hybrid search) and {@code TableMaintenance} (rebuild,
 * rename, drop, recovery, snapshots).
 */
public final class RowStoreTable
        implements Table
{
    private final TableState state;
    private final TableReads reads;
    private final KeyedWrites keyedWrites;
    private final FilterStatements filterStatements;
    private final TableSearches searches;
    private final TableMaintenance maintenance;

    /** A table over the given store; call {@link #restoreCounters} when the store already holds rows. */
    public RowStoreTable(String databaseName, TableDefinition definition, StatementSink sink, RowStore store)
    {
        this.state = new TableState(this, databaseName, definition, sink, store);
        this.reads = new TableReads(state);
        this.keyedWrites = new KeyedWrites(state);
        this.filterStatements = new FilterStatements(state, reads);
        this.searches = new TableSearches(state, reads);
        this.maintenance = new TableMaintenance(state);
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
        maintenance.rebuild(newDefinition, newStore, buildSink, mapper, batchRows, durableSwitch);
    }

    /** RENAME TABLE: this handle now answers to the new database and table name (waits for running statements). */
    public void rename(String newDatabase, String newTable)
    {
        maintenance.rename(newDatabase, newTable);
    }

    /** Sets the next internal row id and the auto_increment counter (a durable engine reopening a table). */
    public void restoreCounters(long nextRowIdValue, long autoIncrementValue)
    {
        maintenance.restoreCounters(nextRowIdValue, autoIncrementValue);
    }

    /** The next internal row id (for checkpoints). */
    public long nextRowId()
    {
        return state.nextRowId.get();
    }

    /**
     * The auto_increment counter now, without locking: at least every value generated or stored so far (a durable
     * engine reads it when it appends a statement, so the logged counters never go backwards in log order).
     */
    public long currentAutoIncrement()
    {
        return state.autoIncrement.get();
    }

    /** Runs {@code action} with the table write-locked (store maintenance such as a refresh). */
    public void withWriteLock(Runnable action)
    {
        maintenance.withWriteLock(action);
    }

    /**
     * For tests: runs {@code hook} (or nothing, when null) inside every key-addressed write, after it computed its
     * changes and before it logs them, while it holds its locks.
     */
    public void setApplyHook(Runnable hook)
    {
        state.applyHook = hook;
    }

    @Override
    public String databaseName()
    {
        return state.databaseName;
    }

    @Override
    public TableDefinition definition()
    {
        return state.definition;
    }

    @Override
    public WriteResult write(WriteRequest request)
    {
        return keyedWrites.write(request);
    }

    /**
     * The lock stripe of a value of unique key {@code ordinal} (a value from
     * {@link ValueComparison#indexKey(Row, int[])}); values equal as keys share a stripe. Public for tests.
     */
    public int stripe(int ordinal, List<Object> key)
    {
        return state.stripes.stripe(ordinal, key);
    }

    @Override
    public List<Optional<Row>> get(List<List<Value>> primaryKeys)
    {
        return reads.get(primaryKeys);
    }

    @Override
    public RowCursor scan(ScanRequest request)
    {
        return reads.scan(request);
    }

    /** True when equality under the index's key means equality under {@link ValueComparison} for this constant. */
    public static boolean indexable(ColumnType type, Value value)
    {
        return TableReads.indexable(type, value);
    }

    @Override
    public SearchResult textSearch(TextSearchRequest request)
    {
        return searches.textSearch(request);
    }

    @Override
    public SearchResult hybridSearch(HybridSearchRequest request)
    {
        return searches.hybridSearch(request);
    }

    @Override
    public void refreshIndexes()
    {
        searches.refreshIndexes();
    }

    @Override
    public SearchResult vectorSearch(VectorSearchRequest request)
    {
        return searches.vectorSearch(request);
    }

    @Override
    public long count(Filter filter)
    {
        return reads.count(filter);
    }

    @Override
    public UpdateResult update(ScanRequest selection, UnaryOperator<Row> updater)
    {
        return filterStatements.update(selection, updater);
    }

    @Override
    public long delete(ScanRequest selection)
    {
        return filterStatements.delete(selection);
    }

    @Override
    public void truncate()
    {
        filterStatements.truncate();
    }

    /** Re-applies logged changes (recovery); no checks, no sink. */
    public void replay(List<RowChange> changes, long autoIncrementValue)
    {
        maintenance.replay(changes, autoIncrementValue);
    }

    /** Every row with its internal id, in id order (for checkpoints). */
    public List<RowChange.Put> snapshot()
    {
        return maintenance.snapshot();
    }

    public long autoIncrement()
    {
        return state.autoIncrement.get();
    }

    /** Marks the handle dropped; later calls fail with {@code ER_NO_SUCH_TABLE}. Waits for running statements. */
    public void markDropped()
    {
        maintenance.markDropped();
    }
}
