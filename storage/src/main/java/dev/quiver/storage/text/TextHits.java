package dev.quiver.storage.text;

import dev.quiver.storage.row.Row;

import java.util.Comparator;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What a store's text search found, best first (score descending, then row id ascending), each row projected as the
 * plan asks, and how many rows it scored.
 */
public record TextHits(List<Hit> hits, long examined)
{
    /** Best first; equal scores by ascending row id, the same in every engine. */
    public static final Comparator<Hit> ORDER = Comparator.comparingDouble((Hit hit) -> -hit.score()).thenComparingLong(Hit::rowId);

    public record Hit(long rowId, Row row, float score)
    {
        public Hit
        {
            requireNonNull(row, "row is null");
        }
    }

    public TextHits
    {
        hits = List.copyOf(hits);
    }
}
