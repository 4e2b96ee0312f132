package dev.quiver.storage.lucene;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best {@code size} documents by score descending, then row id ascending (the order every engine returns), with
 * Lucene's dynamic pruning: once the queue is full the scorers are told the worst score kept, so block-max
 * WAND/MaxScore skip what cannot enter; documents scoring exactly that much are still collected, since a smaller
 * row id wins a tie. Row ids (doc values) are read only when two scores tie and for the documents finally returned,
 * not for every document that enters the queue.
 */
final class TopRowsCollector
        implements Collector
{
    /** A collected document: global doc id, score, row id. */
    record Hit(int doc, float score, long rowId) {}

    private static final long UNKNOWN = Long.MIN_VALUE;

    /** A queued document; its row id is read when first needed. */
    private static final class Entry
    {
        final int doc;
        final float score;
        long rowId = UNKNOWN;

        Entry(int doc, float score)
        {
            this.doc = doc;
            this.score = score;
        }
    }

    private final int size;
    private final PriorityQueue<Entry> queue;
    private List<LeafReaderContext> leaves;
    /** Row-id doc values of one leaf, for reading a tie's row ids (reopened when asked for an earlier document). */
    private NumericDocValues tieRowIds;
    private int tieLeaf = -1;

    TopRowsCollector(int size)
    {
        this.size = size;
        // worst first: lower score, then larger row id
        this.queue = new PriorityQueue<>(Math.max(1, Math.min(size, 1 << 16)), (left, right) -> {
            int byScore = Float.compare(left.score, right.score);
            return byScore != 0 ? byScore : Long.compare(rowId(right), rowId(left));
        });
    }

    static CollectorManager<TopRowsCollector, List<Hit>> manager(int size)
    {
        return new CollectorManager<>()
        {
            @Override
            public TopRowsCollector newCollector()
            {
                return new TopRowsCollector(size);
            }

            @Override
            public List<Hit> reduce(Collection<TopRowsCollector> collectors)
                    throws IOException
            {
                List<Hit> all = new ArrayList<>();
                for (TopRowsCollector collector : collectors) {
                    all.addAll(collector.hits());
                }
                all.sort(Comparator.comparingDouble((Hit hit) -> -hit.score()).thenComparingLong(Hit::rowId));
                return all.size() > size ? List.copyOf(all.subList(0, size)) : all;
            }
        };
    }

    /** The queued documents with their row ids, read in doc id order. */
    private List<Hit> hits()
            throws IOException
    {
        List<Entry> entries = new ArrayList<>(queue);
        entries.sort(Comparator.comparingInt(entry -> entry.doc));
        List<Hit> hits = new ArrayList<>(entries.size());
        int leaf = -1;
        NumericDocValues rowIds = null;
        for (Entry entry : entries) {
            if (entry.rowId == UNKNOWN) {
                int ord = ReaderUtil.subIndex(entry.doc, leaves);
                if (ord != leaf) {
                    leaf = ord;
                    rowIds = leaves.get(ord).reader().getNumericDocValues(LuceneRowStore.ROW_ID_DOC_VALUE);
                }
                entry.rowId = read(rowIds, entry.doc - leaves.get(ord).docBase);
            }
            hits.add(new Hit(entry.doc, entry.score, entry.rowId));
        }
        return hits;
    }

    private static long read(NumericDocValues rowIds, int doc)
            throws IOException
    {
        return rowIds != null && rowIds.advanceExact(doc) ? rowIds.longValue() : Long.MAX_VALUE;
    }

    /** The entry's row id, read now if it was not yet (only when its score ties another's). */
    private long rowId(Entry entry)
    {
        if (entry.rowId == UNKNOWN) {
            try {
                int ord = ReaderUtil.subIndex(entry.doc, leaves);
                int doc = entry.doc - leaves.get(ord).docBase;
                if (ord != tieLeaf || tieRowIds == null || tieRowIds.docID() > doc) {
                    tieLeaf = ord;
                    tieRowIds = leaves.get(ord).reader().getNumericDocValues(LuceneRowStore.ROW_ID_DOC_VALUE);
                }
                entry.rowId = read(tieRowIds, doc);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entry.rowId;
    }

    @Override
    public ScoreMode scoreMode()
    {
        return ScoreMode.TOP_SCORES;
    }

    @Override
    public LeafCollector getLeafCollector(LeafReaderContext context)
    {
        if (leaves == null) {
            leaves = ReaderUtil.getTopLevelContext(context).leaves();
        }
        int base = context.docBase;
        return new LeafCollector()
        {
            private Scorable scorer;

            @Override
            public void setScorer(Scorable newScorer)
                    throws IOException
            {
                this.scorer = newScorer;
                if (queue.size() >= size && size > 0) {
                    newScorer.setMinCompetitiveScore(queue.peek().score);
                }
            }

            @Override
            public void collect(int doc)
                    throws IOException
            {
                if (size == 0) {
                    return;
                }
                float score = scorer.score();
                Entry worst = queue.size() >= size ? queue.peek() : null;
                if (worst != null && score < worst.score) {
                    return;
                }
                Entry entry = new Entry(base + doc, score);
                if (worst != null) {
                    // a tie with the worst kept: the smaller row id wins
                    if (score == worst.score && rowId(entry) >= rowId(worst)) {
                        return;
                    }
                    queue.poll();
                }
                queue.add(entry);
                if (queue.size() >= size) {
                    scorer.setMinCompetitiveScore(queue.peek().score);
                }
            }
        };
    }
}
