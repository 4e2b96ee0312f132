package dev.quiver.storage.lucene;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which of a table's segments hold their documents in row-id order (a document without a row id counting as the
 * largest, {@link OnePieceGraphMergePolicy#rowIdKeys}), as a forced merge leaves them
 * ({@link OnePieceGraphMergePolicy#rowIdOrder}); a flushed segment usually does not, since an update re-adds an old
 * row id after newer ones. Document order is fixed when a segment is written,
 * so the answer is kept per segment core (deletions do not change it) and dropped when the core closes.
 *
 * <p>What it is for: in such a segment a collector that breaks score ties by the smaller row id knows that every later
 * document loses a tie with what it keeps ({@link TopRowsCollector}), so it may ask the scorers for strictly better
 * scores, as Lucene's own top-score collector does with document ids.
 */
final class AscendingRowIds
{
    private final Map<IndexReader.CacheKey, Boolean> cores = new ConcurrentHashMap<>();

    /** True when the segment's row ids never fall in document order; false when unknown (no core cache key). */
    boolean test(LeafReader segment)
            throws IOException
    {
        IndexReader.CacheHelper core = segment.getCoreCacheHelper();
        if (core == null) {
            return false;
        }
        Boolean known = cores.get(core.getKey());
        if (known != null) {
            return known;
        }
        boolean ascending = OnePieceGraphMergePolicy.rising(OnePieceGraphMergePolicy.rowIdKeys(segment));
        if (cores.putIfAbsent(core.getKey(), ascending) == null) {
            core.addClosedListener(cores::remove);
        }
        return ascending;
    }

    /** How many segment cores are known (for tests). */
    int known()
    {
        return cores.size();
    }
}
