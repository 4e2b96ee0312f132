package dev.quiver.storage.lucene;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The best {@code size} documents by score descending, then row id ascending (the order every engine returns), with
 * Lucene's dynamic pruning: once the queue is full the scorers are told the worst score kept, so block-max
 * WAND/MaxScore skip what cannot enter; documents scoring exactly that much are still collected, since a smaller
 * row id wins a tie. A document's row id (doc values) is read when it is competitive (its score at least the worst
 * kept), through one forward iterator per leaf: BM25 scores tie often (lengths are quantized into 256 norms), and
 * reading a tie's row ids lazily had to reopen an iterator for every earlier document it compared with. The queue is
 * a binary heap over parallel arrays (worst first), so a competitive hit allocates nothing.
 *
 * <p>In a segment whose row ids rise with document order ({@link AscendingRowIds}: what the refresh call and the idle
 * merge leave), once a document read there has a row id at least the worst kept one's, every later document of the
 * segment loses a tie with it: the scorers are then asked for strictly better scores ({@code Math.nextUp}), as Lucene's
 * top-score collector asks once its queue is full, and skip the documents that merely tie.
 */
final class TopRowsCollector
        implements Collector
{
    /** A collected document: global doc id, score, row id. */
    record Hit(int doc, float score, long rowId) {}

    private static final int INITIAL_CAPACITY = 64;

    private final int size;
    private final AscendingRowIds ascending;
    /** The heap, worst at 0: lower score, then larger row id. */
    private int[] docs;
    private float[] scores;
    private long[] rowIds;
    private int count;

    TopRowsCollector(int size, AscendingRowIds ascending)
    {
        this.size = size;
        this.ascending = ascending;
        int capacity = Math.max(1, Math.min(size, INITIAL_CAPACITY));
        this.docs = new int[capacity];
        this.scores = new float[capacity];
        this.rowIds = new long[capacity];
    }

    static CollectorManager<TopRowsCollector, List<Hit>> manager(int size, AscendingRowIds ascending)
    {
        return new CollectorManager<>()
        {
            @Override
            public TopRowsCollector newCollector()
            {
                return new TopRowsCollector(size, ascending);
            }

            @Override
            public List<Hit> reduce(Collection<TopRowsCollector> collectors)
                    throws IOException
            {
                if (collectors.size() == 1) {
                    return collectors.iterator().next().hits();
                }
                List<Hit> all = new ArrayList<>();
                for (TopRowsCollector collector : collectors) {
                    all.addAll(collector.hits());
                }
                all.sort(BEST_FIRST);
                return all.size() > size ? List.copyOf(all.subList(0, size)) : all;
            }
        };
    }

    private static final Comparator<Hit> BEST_FIRST = (left, right) -> {
        int byScore = Float.compare(right.score(), left.score());
        return byScore != 0 ? byScore : Long.compare(left.rowId(), right.rowId());
    };

    /** The queued documents, best first. */
    private List<Hit> hits()
    {
        Hit[] hits = new Hit[count];
        for (int i = 0; i < count; i++) {
            hits[i] = new Hit(docs[i], scores[i], rowIds[i]);
        }
        Arrays.sort(hits, BEST_FIRST);
        return Arrays.asList(hits);
    }

    private static long read(NumericDocValues rowIds, int doc)
            throws IOException
    {
        return rowIds != null && rowIds.advanceExact(doc) ? rowIds.longValue() : Long.MAX_VALUE;
    }

    /** True when slot {@code a} is worse than slot {@code b}: lower score, then larger row id. */
    private boolean worse(int a, int b)
    {
        int byScore = Float.compare(scores[a], scores[b]);
        return byScore != 0 ? byScore < 0 : rowIds[a] > rowIds[b];
    }

    private void swap(int a, int b)
    {
        int doc = docs[a];
        docs[a] = docs[b];
        docs[b] = doc;
        float score = scores[a];
        scores[a] = scores[b];
        scores[b] = score;
        long rowId = rowIds[a];
        rowIds[a] = rowIds[b];
        rowIds[b] = rowId;
    }

    private void up(int slot)
    {
        while (slot > 0) {
            int parent = (slot - 1) >>> 1;
            if (!worse(slot, parent)) {
                return;
            }
            swap(slot, parent);
            slot = parent;
        }
    }

    private void down(int slot)
    {
        while (true) {
            int left = 2 * slot + 1;
            if (left >= count) {
                return;
            }
            int right = left + 1;
            int child = right < count && worse(right, left) ? right : left;
            if (!worse(child, slot)) {
                return;
            }
            swap(slot, child);
            slot = child;
        }
    }

    private void add(int doc, float score, long rowId)
    {
        if (count == docs.length) {
            int capacity = (int) Math.min((long) size, Math.max(docs.length * 2L, 1));
            docs = Arrays.copyOf(docs, capacity);
            scores = Arrays.copyOf(scores, capacity);
            rowIds = Arrays.copyOf(rowIds, capacity);
        }
        docs[count] = doc;
        scores[count] = score;
        rowIds[count] = rowId;
        up(count++);
    }

    /** Replaces the worst kept document. */
    private void replaceWorst(int doc, float score, long rowId)
    {
        docs[0] = doc;
        scores[0] = score;
        rowIds[0] = rowId;
        down(0);
    }

    @Override
    public ScoreMode scoreMode()
    {
        return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context)
            throws IOException
    {
        int base = context.docBase;
        NumericDocValues leafRowIds = context.reader().getNumericDocValues(LuceneRowStore.ROW_ID_DOC_VALUE);
        boolean rising = ascending.test(context.reader());
        return new LeafCollector()
        {
            private Scorable scorer;
            /** The largest row id read in this segment. */
            private long lastRowId = Long.MIN_VALUE;
            private float minScore = Float.NEGATIVE_INFINITY;

            @Override
            public void setScorer(Scorable newScorer)
                    throws IOException
            {
                this.scorer = newScorer;
                this.minScore = Float.NEGATIVE_INFINITY;
                if (count >= size && size > 0) {
                    raiseMinScore();
                }
            }

            /** Tells the scorer the worst kept score; strictly above it when every later document here loses its ties. */
            private void raiseMinScore()
                    throws IOException
            {
                float min = rising && lastRowId >= rowIds[0] ? Math.nextUp(scores[0]) : scores[0];
                if (min > minScore) {
                    minScore = min;
                    scorer.setMinCompetitiveScore(min);
                }
            }

            private long rowId(int doc)
                    throws IOException
            {
                long rowId = read(leafRowIds, doc);
                lastRowId = Math.max(lastRowId, rowId);
                return rowId;
            }

            @Override
            public void collect(int doc)
                    throws IOException
            {
                if (size == 0) {
                    return;
                }
                float score = scorer.score();
                if (count < size) {
                    add(base + doc, score, rowId(doc));
                    if (count >= size) {
                        raiseMinScore();
                    }
                    return;
                }
                float worst = scores[0];
                if (score < worst) {
                    return;
                }
                long rowId = rowId(doc);
                if (score == worst && rowId >= rowIds[0]) {
                    // a tie with the worst kept: the smaller row id wins
                    raiseMinScore();
                    return;
                }
                replaceWorst(base + doc, score, rowId);
                raiseMinScore();
            }
        };
    }
}
