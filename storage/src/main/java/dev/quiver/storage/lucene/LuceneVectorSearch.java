package dev.quiver.storage.lucene;

import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.mvcc.VersionMap;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchAccess;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.vector.FloatScreen;
import dev.quiver.storage.vector.NearestFirst;
import dev.quiver.storage.vector.VectorQuery;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.search.knn.MultiLeafKnnCollector;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.hnsw.BlockingFloatHeap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One vector search over a table's Lucene index plus its version map (the overlay), on one searcher, under the
 * table's read lock (so the version map does not change under it).
 *
 * <ol>
 * <li>Overlay: rows changed since the searcher was opened are in the version map; those that pass the filter are
 * scored exactly. Their documents in the searcher are stale (updated or deleted since) and never returned.</li>
 * <li>Filter: the top-level conjuncts that have index terms ({@code _ix}, {@code _j}; see
 * {@link LuceneRowStore#orderedQuery}) become a Lucene filter, evaluated per segment into the accepted documents
 * (live, with a vector, not stale); the rest of the filter and the residual are checked on each candidate.</li>
 * <li>Plan: exact when the request is exact (or no index has its metric), when at most {@code want} rows pass the
 * pushed filter, or when the filter is selective enough that scoring its {@code C} rows costs less than the graph
 * walk would: a filtered walk touches about {@code want * N / C} vectors to collect {@code want} of them, each visit
 * costing about {@value #VISIT_COST} scanned vectors, so exact wins when {@code C * C <= VISIT_COST * want * N} (N the
 * vectors in the index; at 100k rows and ef 64, filters passing up to about 5% of the rows). Otherwise the HNSW graph of each segment is searched for {@code want} candidates (without
 * a filter, the largest segment first and the walks sharing one heap of the best {@code want} scores, so that a
 * smaller segment's walk stops once it cannot improve on them, as Lucene's {@code MultiLeafKnnCollector} does)
 * ({@code ef_search}, at least k, k * refine_k for the quantized types), restricted to the accepted documents, with
 * Lucene's rule per segment ({@code KnnFloatVectorQuery} with a filter): a segment with at most {@code want} accepted
 * documents is scanned, a filtered walk collects {@code want} candidates with a visit limit of the segment's accepted
 * documents plus one, and a walk that reaches the limit, or finds fewer than {@code want}, scans them instead. The
 * walk is Lucene's default HNSW search with the accepted documents as its filter: Lucene 10.6's ACORN-style
 * {@code FilteredHnswGraphSearcher} is off by default ({@code KnnSearchStrategy.Hnsw.DEFAULT}, threshold 0), in
 * Lucene direct as here.</li>
 * <li>Every candidate is rescored exactly from the float vector Lucene stores (so quantized graphs only choose
 * candidates; a cosine index stores unit vectors, so its candidates are rescored from the row's own floats), then
 * merged with the overlay nearest first (ties by row id), and checked against the whole filter and the residual;
 * if fewer than k pass, or the k-th passing one lies beyond the nearest quarter of the candidates (a graph's deeper
 * results are its least accurate; this matters for filters that could not be pushed and pass few rows), while a
 * segment may hold more, the search runs again with more candidates (four times, or what the pass rate seen asks
 * for), or scans every vector when the pass rate says that walking would cost more (then the access is
 * {@code EXACT_SCAN}).</li>
 * <li>Scans rank by a float lower bound of each distance from Lucene's SIMD kernels ({@link FloatScreen}) and compute
 * the exact distance in doubles only for the candidates that reach the head of the order ({@link NearestFirst}), so a
 * scan of thousands of rows computes a few dozen double distances and returns what scoring all of them would.</li>
 * <li>Rows: without a filter or a residual no row is read to accept a candidate; the final k rows are read at the end,
 * in document order, and a projection of primary key columns comes from their doc values ({@link KeyDocValues}, the
 * stored row for a segment without them), so {@code SELECT id ... LIMIT 10} decompresses no stored row.</li>
 * </ol>
 * {@code rowsExamined} counts the vectors scored: graph visits, exact scans and overlay rows. The access is
 * {@code VECTOR_INDEX} when a graph was walked (even if a segment's walk then handed over to a scan of its accepted
 * rows, Lucene's rule), {@code EXACT_SCAN} when the plan scanned every segment.
 */
final class LuceneVectorSearch
{
    /**
     * What visiting a vector in a filtered graph walk costs against scanning one (a scan ranks by Lucene's float kernel
     * over vectors in document order; a visit decodes a neighbour list and scores at random places, and a filtered walk
     * visits more than the {@code want * N / C} estimate): on the 1% filter of 100k rows about 0.8-0.95 microseconds a
     * visit against 0.2-0.45 a scanned vector at 128-768 dimensions; on 1M x 128 about 0.54 against 0.16, with 2.5x the
     * estimated visits (3,957 at ef=16), where the walk lost to the scan at every ef. 4 scans there from ef 25 on.
     */
    static final double VISIT_COST = 4;

    private final LuceneRowStore store;
    private final IndexSearcher searcher;
    private final VectorQuery query;
    private final String field;
    private final VersionMap versionMap;
    private long examined;
    private boolean graphRan;
    /** True when no row changed since the searcher opened: no document is stale. */
    private boolean overlayEmpty;
    /** The result's columns; null: whole rows. */
    private final int[] projection;
    /** True when every row passes (no filter, {@link VectorSearchRequest#NO_RESIDUAL}): no row is read to accept a candidate. */
    private final boolean acceptsAll;
    /** Float lower bounds for exact scans (Lucene's SIMD kernels), so that only the nearest are scored in doubles. */
    private final FloatScreen screen;

    /** A segment: its accepted documents (null: every live document with a vector) and how many. */
    private record Leaf(LeafReaderContext context, FixedBitSet accepted, int cost, int vectors) {}

    /**
     * A candidate: from the overlay (row set) or a segment (row read when needed); {@code distance} is exact once it is
     * taken (a scanned candidate enters the order with a float lower bound, see {@link #scan}, and its exact distance
     * is computed from {@code values} at {@code ordinal} when it may rank among the results).
     */
    private record Candidate(long rowId, double distance, Row row, Leaf leaf, int doc, FloatVectorValues values, int ordinal)
    {
        Candidate withDistance(double exact)
        {
            return new Candidate(rowId, exact, row, leaf, doc, values, ordinal);
        }
    }

    LuceneVectorSearch(LuceneRowStore store, IndexSearcher searcher, VectorQuery query, String field, VersionMap versionMap)
    {
        this.store = store;
        this.searcher = searcher;
        this.query = query;
        this.field = field;
        this.versionMap = versionMap;
        List<String> columns = query.request().projection();
        this.projection = columns.isEmpty() ? null : query.definition().columnPositions(columns);
        this.acceptsAll = query.request().filter() instanceof Filter.All && query.request().residual() == VectorSearchRequest.NO_RESIDUAL;
        this.screen = FloatScreen.of(query.metric(), query.vector());
    }

    SearchResult run()
            throws IOException
    {
        if (query.k() == 0) {
            return new SearchResult(List.of(), query.index().isPresent() ? SearchAccess.VECTOR_INDEX : SearchAccess.EXACT_SCAN, 0);
        }
        List<Candidate> overlay = new ArrayList<>();
        // an emptied concurrent map still walks its whole table when iterated
        overlayEmpty = versionMap.isEmpty();
        if (!overlayEmpty) {
            versionMap.forEachLive((rowId, row) -> {
                if (row.get(query.column()).isNull() || !query.matchesFilter(row)) {
                    return;
                }
                double distance = query.distance(row);
                examined++;
                if (!Double.isNaN(distance)) {
                    overlay.add(new Candidate(rowId, distance, row, null, -1, null, -1));
                }
            });
        }
        Query pushed = pushedFilter();
        List<Leaf> leaves = leaves(pushed);
        long accepted = 0;
        long vectors = 0;
        for (Leaf leaf : leaves) {
            accepted += leaf.cost();
            vectors += leaf.vectors();
        }
        int want = query.index().isPresent() ? query.candidates() : 0;
        int ef = want;
        boolean exact = query.index().isEmpty() || accepted <= want
                || (pushed != null && (double) accepted * accepted <= VISIT_COST * want * vectors);
        if (!exact && pushed != null && query.metric() == VectorMetric.INNER_PRODUCT) {
            // A maximum-inner-product graph is no metric graph: walked through a filter it reaches fewer of the accepted
            // neighbours (TestVectorRecall at 10%: recall 0.925 with 128 candidates, Lucene's walk), so collect more, up
            // to 4x (at 10%: about 3x). L2 and cosine walks keep Lucene's count (recall 1.0 there): collecting more
            // makes a selective walk reach its visit limit and scan on top (1M rows at 1%: 19,600 vectors a query).
            want = (int) Math.min(4L * want, (long) Math.ceil(want / Math.sqrt((double) accepted / Math.max(1, vectors))));
        }
        // the largest segments first, so that the candidates they find make the walks of the others stop early
        leaves.sort(Comparator.comparingInt(Leaf::vectors).reversed());
        // walks share their candidates only in a first round without a filter: a filtered search needs each segment's
        // deeper candidates (the unpushed rest of a filter rejects many; inner product lost recall with sharing)
        boolean share = query.request().filter() instanceof Filter.All;
        while (true) {
            NearestFirst<Candidate> candidates = new NearestFirst<>(this::refine);
            for (Candidate candidate : overlay) {
                candidates.addExact(candidate, candidate.rowId(), candidate.distance());
            }
            boolean more = false;
            int walked = 0;
            int toWalk = 0;
            for (Leaf leaf : leaves) {
                toWalk += exact || leaf.cost() <= want ? 0 : 1;
            }
            BlockingFloatHeap shared = share && toWalk > 1 ? new BlockingFloatHeap(want) : null;
            share = false;
            for (Leaf leaf : leaves) {
                if (exact || leaf.cost() <= want) {
                    scan(leaf, candidates);
                }
                else {
                    more |= walk(leaf, want, shared, candidates);
                    walked++;
                }
            }
            int total = candidates.size();
            Passing passing = firstPassing(candidates);
            // Rows that the pushed filter accepts may still fail the rest of the filter or the residual (post-filtered).
            // With pass rate p (seen so far, (passed + 1) / (checked + 1)) a walk must collect ef / p candidates for
            // about ef of them to pass, which is what a pre-filtered walk of ef collects and what its recall rests on;
            // fewer leaves the passing rows that turned up early but misses those the walk ranked deeper (recall
            // 0.87-0.90 at 1% without this rule). The graph's deeper candidates are also its least accurate: trust k
            // passing rows only from the nearest quarter. A search without filter or residual passes every candidate.
            double passRate = (passing.taken().size() + 1.0) / (passing.checked() + 1.0);
            boolean deepEnough = acceptsAll || total - overlay.size() >= ef / passRate;
            if (!more || (passing.taken().size() >= query.k() && passing.deepest() < Math.max(query.k(), total / 4) && deepEnough)) {
                return new SearchResult(rows(passing.taken()), graphRan ? SearchAccess.VECTOR_INDEX : SearchAccess.EXACT_SCAN, examined);
            }
            // from the pass rate seen, how many candidates would put k passing rows in the nearest quarter and about ef
            // passing rows among them; when walking for them would cost more than scanning every vector (a walk scores
            // about 10 vectors per candidate, each about 3x a sequential one), scan instead: at 1% and ef 64, a walk for
            // 6400 candidates would score about twice the rows of a 100k table
            double needed = Math.max(4.0 * query.k(), ef) / passRate;
            if (32 * needed >= accepted) {
                exact = true;
                graphRan = false;
                continue;
            }
            want = (int) Math.min(Integer.MAX_VALUE / 2, Math.max(4L * want, (long) Math.ceil(needed / Math.max(1, walked))));
        }
    }

    /** The conjuncts of the filter that have index terms, as one Lucene filter (a superset), or null. */
    private Query pushedFilter()
    {
        Filter filter = query.request().filter();
        List<Filter> conjuncts = filter instanceof Filter.And and ? and.operands() : List.of(filter);
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        int clauses = 0;
        for (Filter conjunct : conjuncts) {
            Query translated = store.orderedQuery(conjunct);
            if (translated != null) {
                builder.add(translated, BooleanClause.Occur.FILTER);
                clauses++;
            }
        }
        return clauses == 0 ? null : builder.build();
    }

    private List<Leaf> leaves(Query pushed)
            throws IOException
    {
        Weight weight = pushed == null ? null : searcher.createWeight(searcher.rewrite(pushed), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<Leaf> leaves = new ArrayList<>();
        for (LeafReaderContext context : searcher.getIndexReader().leaves()) {
            LeafReader reader = context.reader();
            FloatVectorValues values = reader.getFloatVectorValues(field);
            if (values == null || values.size() == 0) {
                continue;
            }
            if (weight == null) {
                leaves.add(new Leaf(context, null, Math.min(values.size(), reader.numDocs()), values.size()));
                continue;
            }
            Scorer scorer = weight.scorer(context);
            if (scorer == null) {
                continue;
            }
            Bits live = reader.getLiveDocs();
            KnnVectorValues.DocIndexIterator withVector = values.iterator();
            NumericDocValues rowIds = reader.getNumericDocValues(LuceneRowStore.ROW_ID_DOC_VALUE);
            FixedBitSet accepted = new FixedBitSet(reader.maxDoc());
            int cost = 0;
            DocIdSetIterator matches = scorer.iterator();
            for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.nextDoc()) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                if (withVector.docID() < doc) {
                    withVector.advance(doc);
                }
                if (withVector.docID() != doc || stale(rowIds, doc)) {
                    continue;
                }
                accepted.set(doc);
                cost++;
            }
            if (cost > 0) {
                leaves.add(new Leaf(context, accepted, cost, values.size()));
            }
        }
        return leaves;
    }

    /** True when the document's row changed since the searcher opened (the overlay has its current version). */
    private boolean stale(NumericDocValues rowIds, int doc)
            throws IOException
    {
        return !overlayEmpty && rowIds != null && rowIds.advanceExact(doc) && versionMap.version(rowIds.longValue()) != null;
    }

    /**
     * Scores every accepted document of a segment: by a float lower bound ({@link FloatScreen}, Lucene's SIMD kernels),
     * the exact distance being computed later for those that may rank among the results ({@link NearestFirst}).
     */
    private void scan(Leaf leaf, NearestFirst<Candidate> out)
            throws IOException
    {
        LeafReader reader = leaf.context().reader();
        FloatVectorValues values = reader.getFloatVectorValues(field);
        KnnVectorValues.DocIndexIterator vectors = values.iterator();
        NumericDocValues rowIds = reader.getNumericDocValues(LuceneRowStore.ROW_ID_DOC_VALUE);
        if (leaf.accepted() != null) {
            BitSetIterator docs = new BitSetIterator(leaf.accepted(), leaf.cost());
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (vectors.docID() < doc) {
                    vectors.advance(doc);
                }
                score(leaf, doc, values, vectors.index(), rowIds, out);
            }
            return;
        }
        Bits live = reader.getLiveDocs();
        for (int doc = vectors.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = vectors.nextDoc()) {
            if (live == null || live.get(doc)) {
                score(leaf, doc, values, vectors.index(), rowIds, out);
            }
        }
    }

    private void score(Leaf leaf, int doc, FloatVectorValues values, int ordinal, NumericDocValues rowIds, NearestFirst<Candidate> out)
            throws IOException
    {
        if (rowIds == null || !rowIds.advanceExact(doc)) {
            return;
        }
        long rowId = rowIds.longValue();
        if (!overlayEmpty && versionMap.version(rowId) != null) {
            return;
        }
        float[] vector = values.vectorValue(ordinal);
        examined++;
        double bound = screen.lowerBound(vector);
        if (!Double.isNaN(bound)) {
            out.addBound(new Candidate(rowId, Double.NaN, null, leaf, doc, values, ordinal), rowId, bound);
            return;
        }
        double distance = query.distance(vector);
        if (!Double.isNaN(distance)) {
            out.addExact(new Candidate(rowId, distance, null, leaf, doc, values, ordinal), rowId, distance);
        }
    }

    /**
     * True when the segment's field is an unquantized HNSW graph under Lucene's EUCLIDEAN similarity searched for L2: its
     * hit scores are {@code 1 / (1 + float square distance)} ({@link FloatScreen#lowerBoundFromEuclideanScore}).
     */
    private boolean plainEuclidean(LeafReader reader)
    {
        if (query.metric() != VectorMetric.L2 || query.options().map(options -> options.type().quantized()).orElse(true)) {
            return false;
        }
        org.apache.lucene.index.FieldInfo info = reader.getFieldInfos().fieldInfo(field);
        return info != null && info.getVectorSimilarityFunction() == org.apache.lucene.index.VectorSimilarityFunction.EUCLIDEAN;
    }

    /** The exact distance of a bounded candidate (its vector read again by ordinal). */
    private double refine(Candidate candidate)
    {
        try {
            return query.distance(candidate.values().vectorValue(candidate.ordinal()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Searches a segment's graph for {@code want} candidates among its accepted documents and rescores them exactly;
     * a filtered walk that visits more vectors than the segment accepts falls back to a scan. True when the walk
     * filled its candidates (the segment may hold more).
     */
    private boolean walk(Leaf leaf, int want, BlockingFloatHeap shared, NearestFirst<Candidate> out)
            throws IOException
    {
        LeafReader reader = leaf.context().reader();
        // Lucene's filtered search (AbstractKnnVectorQuery): a walk may visit one vector more than the segment accepts
        TopKnnCollector top = new TopKnnCollector(want, leaf.accepted() == null ? Integer.MAX_VALUE : leaf.cost() + 1);
        KnnCollector collector = shared == null ? top : new MultiLeafKnnCollector(want, shared, top);
        AcceptDocs acceptDocs = leaf.accepted() == null
                ? AcceptDocs.fromLiveDocs(reader.getLiveDocs(), reader.maxDoc())
                : AcceptDocs.fromIteratorSupplier(() -> new BitSetIterator(leaf.accepted(), leaf.cost()), null, reader.maxDoc());
        // cosine ranks alike at any query length: at unit length, Lucene's float arithmetic neither overflows nor
        // underflows (and a quantized cosine field holds unit vectors under EUCLIDEAN, see VectorFields)
        float[] target = query.metric() == VectorMetric.COSINE ? VectorFields.unit(query.vector()) : query.vector();
        reader.searchNearestVectors(field, target, collector, acceptDocs);
        examined += collector.visitedCount();
        graphRan = true;
        ScoreDoc[] hits = collector.earlyTerminated() ? null : collector.topDocs().scoreDocs;
        if (hits == null || (leaf.accepted() != null && hits.length < want)) {
            // stopped at the visit limit, or a filtered walk that found fewer than it wants though the segment accepts
            // more (its graph is cut by the filter): scan the accepted documents, as Lucene does
            scan(leaf, out);
            return false;
        }
        // in document order (the iterators only go forwards): each hit packed as doc (high half) and score bits, sorted
        // as primitives (a comparator sort of the ScoreDocs was 2 % of a query at 1M rows)
        long[] byDoc = new long[hits.length];
        for (int i = 0; i < hits.length; i++) {
            byDoc[i] = ((long) hits[i].doc << 32) | (Float.floatToRawIntBits(hits[i].score) & 0xFFFF_FFFFL);
        }
        Arrays.sort(byDoc);
        // An unquantized L2 graph scores by Lucene's float square distance: its score bounds the exact distance, so only
        // the candidates that reach the head of the order are read and rescored in doubles (NearestFirst), not all ef
        boolean scoreBounds = plainEuclidean(reader);
        FloatVectorValues values = reader.getFloatVectorValues(field);
        KnnVectorValues.DocIndexIterator vectors = values.iterator();
        NumericDocValues rowIds = reader.getNumericDocValues(LuceneRowStore.ROW_ID_DOC_VALUE);
        for (long hit : byDoc) {
            int doc = (int) (hit >>> 32);
            if (vectors.docID() < doc) {
                vectors.advance(doc);
            }
            if (vectors.docID() != doc || rowIds == null || !rowIds.advanceExact(doc)
                    || (!overlayEmpty && versionMap.version(rowIds.longValue()) != null)) {
                continue;
            }
            long rowId = rowIds.longValue();
            Candidate candidate = new Candidate(rowId, Double.NaN, null, leaf, doc, values, vectors.index());
            double bound = scoreBounds ? screen.lowerBoundFromEuclideanScore(Float.intBitsToFloat((int) hit)) : Double.NaN;
            if (!Double.isNaN(bound)) {
                out.addBound(candidate, rowId, bound);
                continue;
            }
            double distance = query.distance(values.vectorValue(vectors.index()));
            if (!Double.isNaN(distance)) {
                out.addExact(candidate.withDistance(distance), rowId, distance);
            }
        }
        // a walk stopped by the shared heap may leave candidates behind
        return hits.length >= want || shared != null;
    }

    /** The first k passing candidates (row read only when checked), and the position of the last of them among all candidates (nearest first). */
    private record Passing(List<Candidate> taken, int deepest, int checked) {}

    /**
     * Nearest first, the first k candidates whose rows pass the whole filter and the residual. A search with neither
     * ({@link #acceptsAll}) reads no row here: its rows are read for the final k only ({@link #rows}).
     */
    private Passing firstPassing(NearestFirst<Candidate> candidates)
            throws IOException
    {
        List<Candidate> taken = new ArrayList<>(query.k());
        LeafReaderContext fieldsOf = null;
        StoredFields storedFields = null;
        int deepest = -1;
        int checked = 0;
        for (int i = 0; taken.size() < query.k(); i++) {
            // usually a few of many candidates are taken (an exact scan of a filter's rows has thousands): a heap gives
            // them nearest first without sorting the rest, computing exact distances only for those it reaches
            NearestFirst.Entry<Candidate> next;
            try {
                next = candidates.poll();
            }
            catch (UncheckedIOException e) {
                throw e.getCause();
            }
            if (next == null) {
                break;
            }
            checked++;
            Candidate candidate = next.item().withDistance(next.distance());
            if (acceptsAll) {
                taken.add(candidate);
                deepest = i;
                continue;
            }
            Row row = candidate.row();
            if (row == null) {
                if (candidate.leaf().context() != fieldsOf) {
                    fieldsOf = candidate.leaf().context();
                    storedFields = fieldsOf.reader().storedFields();
                }
                row = store.decode(candidate.rowId(), storedFields.document(candidate.doc()));
                if (!query.matchesFilter(row)) {
                    continue;
                }
            }
            if (query.matchesResidual(row)) {
                // the distance from the row's own floats: a unit field's vectors are the rows' normalised (see rows())
                taken.add(new Candidate(candidate.rowId(), candidate.row() == null ? query.distance(row) : candidate.distance(), row, candidate.leaf(),
                        candidate.doc(), candidate.values(), candidate.ordinal()));
                deepest = i;
            }
        }
        return new Passing(taken, deepest, checked);
    }

    /**
     * The taken candidates' rows, projected: rows not read yet are read in segment and document order, a projection
     * of primary key columns from their doc values ({@link KeyDocValues}; the stored row for a segment without them).
     */
    private List<ScoredRow> rows(List<Candidate> taken)
            throws IOException
    {
        Row[] rows = new Row[taken.size()];
        Integer[] unread = new Integer[taken.size()];
        int count = 0;
        for (int i = 0; i < taken.size(); i++) {
            Row row = taken.get(i).row();
            if (row != null) {
                rows[i] = projection == null ? row : row.project(projection);
            }
            else {
                unread[count++] = i;
            }
        }
        Arrays.sort(unread, 0, count, Comparator.<Integer>comparingInt(i -> taken.get(i).leaf().context().ord).thenComparingInt(i -> taken.get(i).doc()));
        // a cosine field holds the rows' vectors normalised (VectorFields): the exact distance needs the row's own floats
        boolean cosine = query.metric() == VectorMetric.COSINE;
        boolean fromKeys = !cosine && store.keyDocValues().covers(projection);
        double[] distances = new double[taken.size()];
        for (int i = 0; i < taken.size(); i++) {
            distances[i] = taken.get(i).distance();
        }
        LeafReaderContext leafOf = null;
        KeyDocValues.Reader keys = null;
        StoredFields storedFields = null;
        for (int n = 0; n < count; n++) {
            Candidate candidate = taken.get(unread[n]);
            if (candidate.leaf().context() != leafOf) {
                leafOf = candidate.leaf().context();
                keys = fromKeys ? KeyDocValues.reader(leafOf.reader(), projection) : null;
                storedFields = null;
            }
            Row row = keys == null ? null : keys.read(candidate.doc());
            if (row == null) {
                storedFields = storedFields == null ? leafOf.reader().storedFields() : storedFields;
                Row whole = store.decode(candidate.rowId(), storedFields.document(candidate.doc()));
                if (cosine) {
                    distances[unread[n]] = query.distance(whole);
                }
                row = projection == null ? whole : whole.project(projection);
            }
            rows[unread[n]] = row;
        }
        Integer[] order = new Integer[taken.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // recomputed cosine distances may reorder near ties
        Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> distances[i]).thenComparingLong(i -> taken.get(i).rowId()));
        List<ScoredRow> result = new ArrayList<>(taken.size());
        for (int i : order) {
            result.add(new ScoredRow(rows[i], distances[i]));
        }
        return result;
    }
}
