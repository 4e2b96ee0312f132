package dev.quiver.storage.lucene;

import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.text.AnalyzedText;
import dev.quiver.storage.text.TextHits;
import dev.quiver.storage.text.TextPlan;
import dev.quiver.storage.text.TextQuery;
import dev.quiver.storage.text.TextQueryParser;
import dev.quiver.storage.text.TextScoring;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectionStatistics;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Full-text search over a {@link LuceneRowStore}: BM25 through Lucene over the FULLTEXT index's field, with the
 * rows changed since the last refresh (the version map) folded in, so an acknowledged write is found at once and a
 * stale document never is:
 * <ul>
 * <li>documents of changed rows are masked (a MUST_NOT on their row ids), changed rows that still exist are
 * analysed ({@link AnalyzedText}, cached per row version) and scored directly;</li>
 * <li>the statistics are those of the live rows exactly (Lucene's own count deleted documents until a merge): live
 * document count and token total per segment (from the {@code _ftn} doc values, cached per segment and deletion
 * state), minus masked documents, plus changed rows; document frequencies count a segment's live postings (the
 * term's docFreq without deletions, else counted once per segment reader and cached), minus the masked documents
 * holding the term, plus changed rows. Lucene scores with them through an {@link IndexSearcher} whose
 * {@code collectionStatistics}/{@code termStatistics} return them, and changed rows are scored by
 * {@link TextScoring} with the same numbers, so the ranking equals the reference engine's.</li>
 * </ul>
 * Hits are collected best first by (score, row id) with dynamic pruning ({@link TopRowsCollector}). When every row
 * is accepted (no filter, {@code NO_RESIDUAL}) that is one top-k search of exactly the limit and no row is read to
 * accept a hit; otherwise rows are read and tested in growing windows until the limit is filled (the filter's
 * indexable conjuncts are pushed into the query). Rows are read for the final hits only, and a projection of primary
 * key columns comes from their doc values ({@link KeyDocValues}) rather than the stored row.
 */
final class LuceneTextSearch
{
    private static final int FIRST_PAGE = 64;
    private static final int MAX_PAGE = 1 << 16;
    private static final int MAX_CACHED_DOC_FREQS = 1 << 16;

    private final LuceneRowStore store;
    /** Live document count and token total per (segment reader with its deletions, field). */
    private final Map<List<Object>, long[]> segmentTotals = new ConcurrentHashMap<>();
    /** Live documents holding a term, per (segment reader with deletions, field, term). */
    private final Map<List<Object>, Long> liveDocFreqs = new ConcurrentHashMap<>();
    /** Segment readers with a closed listener that empties their entries of {@link #liveDocFreqs}. */
    private final java.util.Set<Object> cachedReaders = ConcurrentHashMap.newKeySet();
    /** Changed rows analysed, per (row id, index): valid while the row is the same object. */
    private final Map<List<Long>, Analyzed> analyzed = new ConcurrentHashMap<>();

    private record Analyzed(Row row, AnalyzedText text) {}

    LuceneTextSearch(LuceneRowStore store)
    {
        this.store = store;
    }

    static String countField(int indexPosition)
    {
        return "_ftn" + indexPosition;
    }

    TextHits search(TextPlan plan, IndexSearcher base, Iterable<Long> changedRowIds, Map<Long, Row> liveChanges)
            throws IOException
    {
        IndexReader reader = base.getIndexReader();
        List<LeafReaderContext> leaves = reader.leaves();
        String field = plan.field();
        String countField = countField(plan.indexPosition());

        // documents of changed rows are stale: mask them
        List<BytesRef> changedTerms = new ArrayList<>();
        FixedBitSet[] masked = new FixedBitSet[leaves.size()];
        for (long rowId : changedRowIds) {
            BytesRef idTerm = LuceneRowStore.rowIdBytes(rowId);
            changedTerms.add(idTerm);
            for (LeafReaderContext leaf : leaves) {
                Terms ids = leaf.reader().terms(LuceneRowStore.ROW_ID);
                TermsEnum ids2 = ids == null ? null : ids.iterator();
                if (ids2 == null || !ids2.seekExact(idTerm)) {
                    continue;
                }
                PostingsEnum postings = ids2.postings(null, PostingsEnum.NONE);
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        if (masked[leaf.ord] == null) {
                            masked[leaf.ord] = new FixedBitSet(leaf.reader().maxDoc());
                        }
                        masked[leaf.ord].set(doc);
                    }
                }
            }
        }

        // changed rows that exist, analysed
        if (analyzed.size() > 2 * liveChanges.size() + 1024) {
            analyzed.clear();
        }
        List<Long> overlayIds = new ArrayList<>();
        List<Row> overlayRows = new ArrayList<>();
        List<AnalyzedText> overlayTexts = new ArrayList<>();
        for (Map.Entry<Long, Row> change : liveChanges.entrySet()) {
            List<Long> key = List.of(change.getKey(), (long) plan.indexPosition());
            Analyzed cached = analyzed.get(key);
            if (cached == null || cached.row() != change.getValue()) {
                cached = new Analyzed(change.getValue(), plan.analyze(change.getValue()));
                analyzed.put(key, cached);
            }
            overlayIds.add(change.getKey());
            overlayRows.add(change.getValue());
            overlayTexts.add(cached.text());
        }

        // statistics of the live rows; with nothing deleted, masked or changed they are Lucene's own
        boolean luceneStatisticsExact = changedTerms.isEmpty() && overlayTexts.isEmpty();
        for (int i = 0; luceneStatisticsExact && i < leaves.size(); i++) {
            luceneStatisticsExact = leaves.get(i).reader().getLiveDocs() == null;
        }
        long docCount = 0;
        long sumTotalTermFreq = 0;
        for (LeafReaderContext leaf : luceneStatisticsExact ? List.<LeafReaderContext>of() : leaves) {
            long[] totals = segmentTotals(leaf.reader(), countField);
            docCount += totals[0];
            sumTotalTermFreq += totals[1];
            if (masked[leaf.ord] != null) {
                NumericDocValues counts = leaf.reader().getNumericDocValues(countField);
                if (counts != null) {
                    for (int doc = masked[leaf.ord].nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                            doc = doc + 1 < masked[leaf.ord].length() ? masked[leaf.ord].nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                        if (counts.advanceExact(doc)) {
                            docCount--;
                            sumTotalTermFreq -= counts.longValue();
                        }
                    }
                }
            }
        }
        for (AnalyzedText text : overlayTexts) {
            if (text.tokenCount() > 0) {
                docCount++;
                sumTotalTermFreq += text.tokenCount();
            }
        }
        Map<String, Long> docFreqs = new HashMap<>();
        java.util.function.ToLongFunction<String> docFreq = term -> docFreqs.computeIfAbsent(term, key -> {
            try {
                return docFreq(leaves, masked, field, key, overlayTexts);
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });

        TextQuery query = TextQueryParser.parse(plan.query(), plan.mode(), plan.spec(), (prefix, max) -> {
            try {
                return withPrefix(leaves, field, prefix, max, overlayTexts, docFreq);
            }
            catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        TextScoring scoring = new TextScoring(field, docCount, sumTotalTermFreq, docFreq);

        // the index, best first, until the limit is filled with accepted rows
        IndexSearcher searcher = luceneStatisticsExact ? base : new IndexSearcher(reader)
        {
            @Override
            public CollectionStatistics collectionStatistics(String name)
                    throws IOException
            {
                return name.equals(field) ? scoring.collection() : super.collectionStatistics(name);
            }

            @Override
            public TermStatistics termStatistics(Term term, int docFreqInIndex, long totalTermFreq)
                    throws IOException
            {
                return term.field().equals(field) ? TextScoring.termStatistics(term.text(), scoring.docFreq(term.text())) : super.termStatistics(term, docFreqInIndex, totalTermFreq);
            }
        };
        if (searcher != base) {
            searcher.setQueryCache(null);
            searcher.setSimilarity(TextScoring.SIMILARITY);
        }
        Query full = luceneQuery(field, query);
        if (plan.pushdown() != Filter.ALL || !changedTerms.isEmpty()) {
            BooleanQuery.Builder builder = new BooleanQuery.Builder().add(full, BooleanClause.Occur.MUST);
            for (Filter conjunct : plan.pushdown() instanceof Filter.And and ? and.operands() : List.of(plan.pushdown())) {
                Query pushed = store.orderedQuery(conjunct);
                if (pushed != null) {
                    builder.add(pushed, BooleanClause.Occur.FILTER);
                }
            }
            if (!changedTerms.isEmpty()) {
                builder.add(new TermInSetQuery(LuceneRowStore.ROW_ID, changedTerms), BooleanClause.Occur.MUST_NOT);
            }
            full = builder.build();
        }

        // changed rows, scored with the same statistics
        List<Candidate> candidates = new ArrayList<>();
        long examined = 0;
        for (int i = 0; i < overlayTexts.size(); i++) {
            float score = scoring.score(query, overlayTexts.get(i));
            if (Float.isNaN(score)) {
                continue;
            }
            examined++;
            if (plan.accept().test(overlayRows.get(i))) {
                candidates.add(new Candidate(overlayIds.get(i), -1, score, overlayRows.get(i)));
            }
        }
        examined += plan.acceptsAll()
                ? topOfIndex(searcher, full, plan.limitOrMax(), candidates)
                : acceptedOfIndex(searcher, full, plan, candidates);
        candidates.sort(Candidate.ORDER);
        List<Candidate> best = candidates.subList(0, Math.min(candidates.size(), plan.limitOrMax()));
        return new TextHits(rows(searcher, best, plan.projection()), examined);
    }

    /** A hit before its row is read: a document of the index ({@code doc} >= 0, row null until read) or a changed row. */
    private record Candidate(long rowId, int doc, float score, Row row)
    {
        static final java.util.Comparator<Candidate> ORDER = java.util.Comparator.comparingDouble((Candidate hit) -> -hit.score())
                .thenComparingLong(Candidate::rowId);
    }

    /**
     * The index's best {@code limit} documents when every row is accepted: one top-k search (block-max WAND/MaxScore
     * prune against the k-th score), rows not read. Returns the documents examined.
     */
    private long topOfIndex(IndexSearcher searcher, Query query, int limit, List<Candidate> into)
            throws IOException
    {
        List<TopRowsCollector.Hit> top = searcher.search(query, TopRowsCollector.manager(limit, store.ascendingRowIds()));
        for (TopRowsCollector.Hit hit : top) {
            into.add(new Candidate(hit.rowId(), hit.doc(), hit.score(), null));
        }
        return top.size();
    }

    /**
     * The index's best documents whose rows pass the plan's filter and residual, best first, in growing windows until
     * the limit is filled. Returns the documents examined.
     */
    private long acceptedOfIndex(IndexSearcher searcher, Query query, TextPlan plan, List<Candidate> into)
            throws IOException
    {
        long examined = 0;
        int limit = plan.limitOrMax();
        int accepted = 0;
        int seen = 0;
        int page = (int) Math.min(Math.max((long) limit, FIRST_PAGE), MAX_PAGE);
        while (accepted < limit) {
            List<TopRowsCollector.Hit> top = searcher.search(query, TopRowsCollector.manager(page, store.ascendingRowIds()));
            StoredFields storedFields = searcher.storedFields();
            for (TopRowsCollector.Hit hit : top.subList(seen, top.size())) {
                examined++;
                Row row = store.decode(hit.rowId(), storedFields.document(hit.doc()));
                if (plan.accept().test(row)) {
                    into.add(new Candidate(hit.rowId(), hit.doc(), hit.score(), row));
                    accepted++;
                    if (accepted >= limit) {
                        break;
                    }
                }
            }
            seen = top.size();
            if (top.size() < page) {
                break;
            }
            page = (int) Math.min(page * 4L, Integer.MAX_VALUE);
        }
        return examined;
    }

    /**
     * The hits with their rows projected ({@code projection} null: whole rows): a projection of primary key columns
     * only is read from the key doc values, in doc id order; anything else from the stored row, for these hits only.
     */
    private List<TextHits.Hit> rows(IndexSearcher searcher, List<Candidate> best, int[] projection)
            throws IOException
    {
        Row[] rows = new Row[best.size()];
        Integer[] unread = new Integer[best.size()];
        int count = 0;
        for (int i = 0; i < best.size(); i++) {
            if (best.get(i).row() == null) {
                unread[count++] = i;
            }
            else {
                rows[i] = projection == null ? best.get(i).row() : best.get(i).row().project(projection);
            }
        }
        if (count > 0) {
            java.util.Arrays.sort(unread, 0, count, java.util.Comparator.comparingInt(i -> best.get(i).doc()));
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            boolean fromKeys = store.keyDocValues().covers(projection);
            StoredFields storedFields = null;
            int leafOrd = -1;
            KeyDocValues.Reader keys = null;
            for (int n = 0; n < count; n++) {
                int i = unread[n];
                int doc = best.get(i).doc();
                if (fromKeys) {
                    int ord = org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves);
                    if (ord != leafOrd) {
                        leafOrd = ord;
                        keys = KeyDocValues.reader(leaves.get(ord).reader(), projection);
                    }
                    rows[i] = keys == null ? null : keys.read(doc - leaves.get(ord).docBase);
                }
                if (rows[i] == null) {
                    storedFields = storedFields == null ? searcher.storedFields() : storedFields;
                    Row row = store.decode(best.get(i).rowId(), storedFields.document(doc));
                    rows[i] = projection == null ? row : row.project(projection);
                }
            }
        }
        List<TextHits.Hit> hits = new ArrayList<>(best.size());
        for (int i = 0; i < best.size(); i++) {
            hits.add(new TextHits.Hit(best.get(i).rowId(), rows[i], best.get(i).score()));
        }
        return hits;
    }

    /** Live documents with at least one token and their token total in one segment (cached until its deletions change). */
    private long[] segmentTotals(LeafReader reader, String countField)
            throws IOException
    {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        List<Object> key = helper == null ? null : List.of(helper.getKey(), countField);
        if (key != null) {
            long[] cached = segmentTotals.get(key);
            if (cached != null) {
                return cached;
            }
        }
        long[] totals = new long[2];
        NumericDocValues counts = reader.getNumericDocValues(countField);
        Bits live = reader.getLiveDocs();
        if (counts != null) {
            for (int doc = counts.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = counts.nextDoc()) {
                if (live == null || live.get(doc)) {
                    totals[0]++;
                    totals[1] += counts.longValue();
                }
            }
        }
        if (key != null) {
            if (segmentTotals.putIfAbsent(key, totals) == null) {
                helper.addClosedListener(closed -> segmentTotals.keySet().removeIf(each -> each.get(0) == closed));
            }
        }
        return totals;
    }

    private long docFreq(List<LeafReaderContext> leaves, FixedBitSet[] masked, String field, String term, List<AnalyzedText> overlay)
            throws IOException
    {
        long count = 0;
        BytesRef bytes = new BytesRef(term);
        for (LeafReaderContext leaf : leaves) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = terms.iterator();
            if (!iterator.seekExact(bytes)) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            count += live == null ? iterator.docFreq() : liveDocFreq(leaf.reader(), field, term, iterator, live);
            FixedBitSet mask = masked[leaf.ord];
            if (mask != null) {
                // masked documents are live ones: those holding the term are not counted
                PostingsEnum postings = iterator.postings(null, PostingsEnum.NONE);
                for (int doc = mask.nextSetBit(0); doc != DocIdSetIterator.NO_MORE_DOCS;
                        doc = doc + 1 < mask.length() ? mask.nextSetBit(doc + 1) : DocIdSetIterator.NO_MORE_DOCS) {
                    int at = postings.docID() < doc ? postings.advance(doc) : postings.docID();
                    if (at == DocIdSetIterator.NO_MORE_DOCS) {
                        break;
                    }
                    if (at == doc) {
                        count--;
                    }
                }
            }
        }
        for (AnalyzedText text : overlay) {
            if (text.freq(term) > 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * Live documents holding the term in a segment with deletions: its postings counted once per segment reader (a
     * reader fixes the deletions) and cached, since every search of the term needs it until the next refresh.
     */
    private long liveDocFreq(LeafReader reader, String field, String term, TermsEnum iterator, Bits live)
            throws IOException
    {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        List<Object> key = helper == null ? null : List.of(helper.getKey(), field, term);
        Long cached = key == null ? null : liveDocFreqs.get(key);
        if (cached != null) {
            return cached;
        }
        long count = 0;
        PostingsEnum postings = iterator.postings(null, PostingsEnum.NONE);
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (live.get(doc)) {
                count++;
            }
        }
        if (key != null) {
            if (liveDocFreqs.size() >= MAX_CACHED_DOC_FREQS) {
                liveDocFreqs.clear();
            }
            liveDocFreqs.put(key, count);
            if (cachedReaders.add(helper.getKey())) {
                helper.addClosedListener(closed -> {
                    liveDocFreqs.keySet().removeIf(each -> each.get(0) == closed);
                    cachedReaders.remove(closed);
                });
            }
        }
        return count;
    }

    private static List<String> withPrefix(List<LeafReaderContext> leaves, String field, String prefix, int max, List<AnalyzedText> overlay,
            java.util.function.ToLongFunction<String> docFreq)
            throws IOException
    {
        BytesRef start = new BytesRef(prefix);
        TreeSet<BytesRef> candidates = new TreeSet<>();
        for (LeafReaderContext leaf : leaves) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = terms.iterator();
            if (iterator.seekCeil(start) == TermsEnum.SeekStatus.END) {
                continue;
            }
            for (BytesRef term = iterator.term(); term != null && TextQueryParser.startsWith(term, start); term = iterator.next()) {
                candidates.add(BytesRef.deepCopyOf(term));
            }
        }
        for (AnalyzedText text : overlay) {
            for (String term : text.distinctTerms()) {
                BytesRef bytes = new BytesRef(term);
                if (TextQueryParser.startsWith(bytes, start)) {
                    candidates.add(bytes);
                }
            }
        }
        List<String> result = new ArrayList<>();
        for (BytesRef candidate : candidates) {
            String term = candidate.utf8ToString();
            if (docFreq.applyAsLong(term) > 0) {
                result.add(term);
                if (result.size() > max) {
                    break;
                }
            }
        }
        return result;
    }

    static Query luceneQuery(String field, TextQuery query)
    {
        return switch (query) {
            case TextQuery.Term term -> new TermQuery(new Term(field, term.term()));
            case TextQuery.Phrase phrase -> {
                PhraseQuery.Builder builder = new PhraseQuery.Builder();
                for (int i = 0; i < phrase.terms().size(); i++) {
                    builder.add(new Term(field, phrase.terms().get(i)), phrase.positions()[i]);
                }
                yield builder.build();
            }
            case TextQuery.Bool bool -> {
                BooleanQuery.Builder builder = new BooleanQuery.Builder();
                for (TextQuery.Clause clause : bool.clauses()) {
                    BooleanClause.Occur occur = switch (clause.occur()) {
                        case MUST -> BooleanClause.Occur.MUST;
                        case SHOULD -> BooleanClause.Occur.SHOULD;
                        case MUST_NOT -> BooleanClause.Occur.MUST_NOT;
                    };
                    builder.add(luceneQuery(field, clause.query()), occur);
                }
                yield builder.build();
            }
        };
    }
}
