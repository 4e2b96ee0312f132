package dev.quiver.storage.text;

import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * BM25 of a {@link TextQuery} on one {@link AnalyzedText}, with Lucene's {@link BM25Similarity} (k1 = 1.2, b = 0.75,
 * idf = ln(1 + (N - n + 0.5) / (n + 0.5)), the quantised one-byte length norm) and the index statistics given, so a
 * row scored here gets the score Lucene gives it in a durable index with the same statistics (up to the rounding of
 * float sums). Statistics count live rows only: {@code docCount} rows with at least one token, their total tokens,
 * and per term the rows containing it.
 */
public final class TextScoring
{
    public static final BM25Similarity SIMILARITY = new BM25Similarity();

    private final String field;
    private final CollectionStatistics collection;
    private final ToLongFunction<String> docFreq;
    private final Map<String, Similarity.SimScorer> termScorers = new HashMap<>();
    private final Map<List<String>, Similarity.SimScorer> phraseScorers = new HashMap<>();

    public TextScoring(String field, long docCount, long sumTotalTermFreq, ToLongFunction<String> docFreq)
    {
        this.field = field;
        this.collection = collectionStatistics(field, docCount, sumTotalTermFreq);
        this.docFreq = docFreq;
    }

    /** Lucene's collection statistics for these counts (a placeholder for an empty index, which nothing matches). */
    public static CollectionStatistics collectionStatistics(String field, long docCount, long sumTotalTermFreq)
    {
        if (docCount <= 0) {
            return new CollectionStatistics(field, 1, 1, 1, 1);
        }
        return new CollectionStatistics(field, docCount, docCount, Math.max(sumTotalTermFreq, docCount), docCount);
    }

    /** Lucene's term statistics for a document frequency (a placeholder for a term no live row has, which nothing matches). */
    public static TermStatistics termStatistics(String term, long docFreq)
    {
        long df = Math.max(1, docFreq);
        return new TermStatistics(new BytesRef(term), df, df);
    }

    public CollectionStatistics collection()
    {
        return collection;
    }

    public long docFreq(String term)
    {
        return docFreq.applyAsLong(term);
    }

    /** The score of the row, or NaN when it does not match. */
    public float score(TextQuery query, AnalyzedText text)
    {
        return switch (query) {
            case TextQuery.Term term -> {
                int freq = text.freq(term.term());
                yield freq == 0 ? Float.NaN : termScorer(term.term()).score(freq, text.norm());
            }
            case TextQuery.Phrase phrase -> {
                int freq = text.phraseFreq(phrase.terms(), phrase.positions());
                yield freq == 0 ? Float.NaN : phraseScorer(phrase.terms()).score(freq, text.norm());
            }
            case TextQuery.Bool bool -> score(bool, text);
        };
    }

    private float score(TextQuery.Bool bool, AnalyzedText text)
    {
        double sum = 0;
        boolean matchedAny = false;
        boolean hasRequired = false;
        for (TextQuery.Clause clause : bool.clauses()) {
            float score = score(clause.query(), text);
            boolean matched = !Float.isNaN(score);
            if (clause.occur() == TextQuery.Occur.MUST_NOT) {
                if (matched) {
                    return Float.NaN;
                }
                continue;
            }
            if (clause.occur() == TextQuery.Occur.MUST) {
                if (!matched) {
                    return Float.NaN;
                }
                hasRequired = true;
            }
            if (matched) {
                matchedAny = true;
                sum += score;
            }
        }
        return hasRequired || matchedAny ? (float) sum : Float.NaN;
    }

    private Similarity.SimScorer termScorer(String term)
    {
        return termScorers.computeIfAbsent(term, key -> SIMILARITY.scorer(1f, collection, termStatistics(key, docFreq(key))));
    }

    private Similarity.SimScorer phraseScorer(List<String> terms)
    {
        return phraseScorers.computeIfAbsent(terms, key -> {
            TermStatistics[] stats = new TermStatistics[key.size()];
            for (int i = 0; i < stats.length; i++) {
                stats[i] = termStatistics(key.get(i), docFreq(key.get(i)));
            }
            return SIMILARITY.scorer(1f, collection, stats);
        });
    }

    public String field()
    {
        return field;
    }
}
