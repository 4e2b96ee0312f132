package dev.quiver.storage.mvcc;

import dev.quiver.storage.row.Row;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What changed since the last searcher refresh: the latest version of every changed row (or a tombstone), and for
 * every unique key touched, which row holds it now (or that it was freed). Lookups consult it before the searcher,
 * which gives real-time get and read-modify-write without refreshing; a refresh empties it. Backed by concurrent
 * maps: writers look up entries while another statement publishes its changes; the owning table serialises the
 * changes themselves and runs {@link #clear} alone.
 */
public final class VersionMap
{
    /** {@link #keyOwner} of a key that no row holds any more. */
    public static final long FREED = -1;

    /** The latest version of a changed row; {@code row} is null for a deleted row. */
    public record Version(Row row)
    {
        public boolean deleted()
        {
            return row == null;
        }
    }

    private static final Version DELETED = new Version(null);

    private final Map<Long, Version> rows = new ConcurrentHashMap<>();
    private final List<Map<BytesRef, Long>> keys = new ArrayList<>();

    public VersionMap(int uniqueKeys)
    {
        for (int i = 0; i < uniqueKeys; i++) {
            keys.add(new ConcurrentHashMap<>());
        }
    }

    /** The row's latest version, or null when it has not changed since the last refresh. */
    public Version version(long rowId)
    {
        return rows.get(rowId);
    }

    /** The row id holding {@code key} in unique key {@code ordinal}, {@link #FREED}, or null when not touched. */
    public Long keyOwner(int ordinal, BytesRef key)
    {
        return keys.get(ordinal).get(key);
    }

    public void put(long rowId, Row row)
    {
        rows.put(rowId, new Version(row));
    }

    public void delete(long rowId)
    {
        rows.put(rowId, DELETED);
    }

    public void claimKey(int ordinal, BytesRef key, long rowId)
    {
        keys.get(ordinal).put(key, rowId);
    }

    public void freeKey(int ordinal, BytesRef key)
    {
        keys.get(ordinal).put(key, FREED);
    }

    public int size()
    {
        return rows.size();
    }

    public boolean isEmpty()
    {
        return rows.isEmpty();
    }

    /** Every changed row that still exists. */
    public void forEachLive(BiConsumer<Long, Row> consumer)
    {
        rows.forEach((rowId, version) -> {
            if (!version.deleted()) {
                consumer.accept(rowId, version.row());
            }
        });
    }

    /** Ids of every row changed since the last refresh (live or deleted); a view, stable while nothing publishes. */
    public java.util.Set<Long> changedRowIds()
    {
        return java.util.Collections.unmodifiableSet(rows.keySet());
    }

    /** After a refresh: the searcher now shows everything. */
    public void clear()
    {
        rows.clear();
        keys.forEach(Map::clear);
    }
}
