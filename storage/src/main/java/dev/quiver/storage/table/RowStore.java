package dev.quiver.storage.table;

import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.text.ReferenceTextSearch;
import dev.quiver.storage.text.TextHits;
import dev.quiver.storage.text.TextPlan;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.vector.VectorQuery;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a {@link RowStoreTable} keeps its rows: by internal row id, with a lookup per unique key. Every change is
 * visible to the next call at once. Threading: {@link #put} and {@link #remove} come from one thread at a time
 * (statements publishing, under the table's visibility lock), while {@link #get} and {@link #findUnique} may run
 * concurrently with them and with each other (writers looking up rows whose key locks they hold), so those two
 * must be safe against concurrent changes of other rows. {@link #all} and {@link #sortedCandidates} run only
 * while nothing changes.
 */
public interface RowStore
{
    /** The row with this id, or null. */
    Row get(long rowId);

    /**
     * The row id holding {@code key} (from {@link dev.quiver.storage.row.ValueComparison#indexKey(Row, int[])}) in
     * unique key number {@code ordinal} of {@link dev.quiver.storage.catalog.TableDefinition#uniqueKeys()}, or null.
     */
    Long findUnique(int ordinal, List<Object> key);

    /** Stores (inserts or replaces) a row, keeping every index current. */
    void put(long rowId, Row row);

    /** Removes a row if present. */
    void remove(long rowId);

    /** {@link #put}, told the row it replaces ({@code previous}, null when none) so it need not look it up. */
    default void put(long rowId, Row row, Row previous)
    {
        put(rowId, row);
    }

    /** {@link #remove}, told the row it removes. */
    default void remove(long rowId, Row previous)
    {
        remove(rowId);
    }

    /** Every row, in row id order. */
    Iterable<Map.Entry<Long, Row>> all();

    /**
     * A vector search through the store's own VECTOR index ({@link VectorQuery#index()}), returning rows projected to
     * the request's projection (empty: whole rows); null
     * when the store has none (the table then scores every candidate row exactly). Runs while nothing changes.
     */
    default SearchResult searchVectors(VectorQuery query)
    {
        return null;
    }

    /** Row ids one conjunct can match through an ordered index (a superset), or null when the store cannot narrow it. */
    Set<Long> sortedCandidates(Filter conjunct);

    /**
     * Full-text search (under the same conditions as {@link #all}): the default analyses and scores every row
     * ({@link ReferenceTextSearch}); a store with an inverted index overrides it and must rank alike.
     */
    default TextHits textSearch(TextPlan plan)
    {
        return ReferenceTextSearch.search(all(), plan);
    }
}
