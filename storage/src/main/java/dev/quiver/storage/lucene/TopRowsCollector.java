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
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best {@code size} documents by score descending, then row id ascending (the order every engine returns), with
 * Lucene's dynamic pruning: once the queue is full the scorers are told the worst score kept, so block-max
 * WAND/MaxScore skip what cannot enter; documents scoring exactly that much are still collected, since a smaller
 * row id wins a tie.
 */
final class TopRowsCollector
        implements Collector
{
    /** A collected document: global doc id, score, row id. */
    record Hit(int doc, float score, long rowId) {}

    /** Worst first: lower score, then larger row id (written out: the queue compares on every competitive hit). */
    private static final Comparator<Hit> WORST_FIRST = (left, right) -> {
        int byScore = Float.compare(left.score(), right.score());
        return byScore != 0 ? byScore : Long.compare(right.rowId(), left.rowId());
    };

    private final int size;
    private final PriorityQueue<Hit> queue;

    TopRowsCollector(int size)
    {
        this.size = size;
        this.queue = new PriorityQueue<>(Math.max(1, Math.min(size, 1 << 16)), WORST_FIRST);
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
            {
                List<Hit> all = new ArrayList<>();
                collectors.forEach(collector -> all.addAll(collector.queue));
                all.sort(WORST_FIRST.reversed());
                return all.size() > size ? List.copyOf(all.subList(0, size)) : all;
            }
        };
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
        NumericDocValues rowIds = context.reader().getNumericDocValues(LuceneRowStore.ROW_ID_DOC_VALUE);
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
                    newScorer.setMinCompetitiveScore(queue.peek().score());
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
                Hit worst = queue.size() >= size ? queue.peek() : null;
                if (worst != null && score < worst.score()) {
                    return;
                }
                long rowId = rowIds != null && rowIds.advanceExact(doc) ? rowIds.longValue() : Long.MAX_VALUE;
                Hit hit = new Hit(base + doc, score, rowId);
                if (worst != null) {
                    if (WORST_FIRST.compare(hit, worst) <= 0) {
                        return;
                    }
                    queue.poll();
                }
                queue.add(hit);
                if (queue.size() >= size) {
                    scorer.setMinCompetitiveScore(queue.peek().score());
                }
            }
        };
    }
}
