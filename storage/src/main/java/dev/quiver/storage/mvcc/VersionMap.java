package dev.quiver.storage.mvcc;

import dev.quiver.storage.row.Row;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What the searcher does not show yet: the latest version of every changed row (or a tombstone), and for every
 * unique key touched, which row holds it now (or that it was freed). Lookups consult it before the searcher, which
 * gives real-time get and read-modify-write without refreshing, and searches score its rows exactly (the overlay).
 *
 * <p>Every entry carries the sequence number of the last statement handed to the index writer before the entry
 * was published (so at least that of the statement that made it). The index writer applies statements in sequence
 * order, in the background; a refresh calls {@link #removeThrough} with the last sequence applied before the
 * searcher reopened, which drops exactly the entries the new searcher already contains, and keeps the rest (rows
 * still waiting for the writer, and anything changed meanwhile). Backed by concurrent maps: writers look up entries
 * while another statement publishes its changes; the owning table serialises the changes themselves and runs
 * {@link #removeThrough} alone.
 */
public final class VersionMap
{
    /** {@link #keyOwner} of a key that no row holds any more. */
    public static final long FREED = -1;

    /** The latest version of a changed row; {@code row} is null for a deleted row. */
    public record Version(Row row, long sequence)
    {
        public boolean deleted()
        {
            return row == null;
        }
    }

    private record Owner(long rowId, long sequence) {}

    private final Map<Long, Version> rows = new ConcurrentHashMap<>();
    private final List<Map<BytesRef, Owner>> keys = new ArrayList<>();

    public VersionMap(int uniqueKeys)
    {
        for (int i = 0; i < uniqueKeys; i++) {
            keys.add(new ConcurrentHashMap<>());
        }
    }

    /** The row's latest version, or null when the searcher shows it as it is. */
    public Version version(long rowId)
    {
        return rows.get(rowId);
    }

    /** The row id holding {@code key} in unique key {@code ordinal}, {@link #FREED}, or null when the searcher knows. */
    public Long keyOwner(int ordinal, BytesRef key)
    {
        Owner owner = keys.get(ordinal).get(key);
        return owner == null ? null : owner.rowId();
    }

    public void put(long rowId, Row row, long sequence)
    {
        rows.put(rowId, new Version(row, sequence));
    }

    public void delete(long rowId, long sequence)
    {
        rows.put(rowId, new Version(null, sequence));
    }

    public void claimKey(int ordinal, BytesRef key, long rowId, long sequence)
    {
        keys.get(ordinal).put(key, new Owner(rowId, sequence));
    }

    public void freeKey(int ordinal, BytesRef key, long sequence)
    {
        keys.get(ordinal).put(key, new Owner(FREED, sequence));
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

    /** Ids of every row in the map (live or deleted); a view, stable while nothing publishes or refreshes. */
    public java.util.Set<Long> changedRowIds()
    {
        return java.util.Collections.unmodifiableSet(rows.keySet());
    }

    /**
     * After a refresh whose searcher contains every statement up to {@code sequence}: drops the entries no newer
     * than that (the searcher shows them now). An entry published after a later statement stays, even if it only
     * repeats what the searcher shows.
     */
    public void removeThrough(long sequence)
    {
        rows.values().removeIf(version -> version.sequence() <= sequence);
        keys.forEach(owners -> owners.values().removeIf(owner -> owner.sequence() <= sequence));
    }
}
