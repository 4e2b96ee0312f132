package dev.quiver.bench;

import dev.quiver.common.QuiverException;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.lucene.LuceneStorageEngine;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.TextMode;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.MMapDirectory;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * BM25 top-10 on a generated corpus: {@code rows} documents of 20-200 words drawn from a Zipf(1.0) vocabulary of
 * {@value #VOCABULARY} made-up words (seeded), and {@code queries} queries of 2-3 words drawn from the same law
 * without its 20 most frequent words (they act like stop words). Quiver: a table {@code (id BIGINT PRIMARY KEY,
 * document TEXT, FULLTEXT(document) WITH PARSER beng)} loaded in INSERT batches of 1,000, searched with
 * {@code Table.textSearch} in natural-language mode, limit 10, projection {@code id}. Lucene direct: one segment
 * with a {@code TextField} analysed by {@code StandardAnalyzer} (the {@code beng} parser is a standard tokenizer
 * plus lowercasing), BM25 (Lucene's default), a disjunction of term queries, top 10, ids from doc values. The
 * overlap column is the share of Lucene's top-10 ids that Quiver returned (ties at the cut may differ). Lucene is also
 * timed with {@code TopScoreDocCollectorManager(10, 10)}, which prunes by score from the 10th hit on as Quiver's
 * collector does ({@code search(query, 10)} counts 1,000 hits first), and both Lucene variants are timed before and after
 * Quiver (best of all). With {@code forceMerge}, Quiver is timed again after the call a user makes after a bulk load,
 * {@code Table.refreshIndexes} (seekdb's {@code CALL dbms_index_manager.refresh()}: the table merged into one segment
 * in row-id order, as the idle merge also leaves it), pass by pass in turn with both Lucene variants, so that the
 * ratio compares passes under the same load.
 */
final class TextBenchmark
{
    private static final int VOCABULARY = 50_000;
    private static final int SKIPPED_COMMON_WORDS = 20;

    record Figures(String engine, double buildSeconds, double cpuQps, double wallQps, double overlap, String note) {}

    private TextBenchmark()
    {
    }

    /** The generated documents and the queries over them (drawn after the documents, from the same seed). */
    record Corpus(String[] documents, String[] queries) {}

    /**
     * {@code rows} documents of 20-200 words from the Zipf vocabulary, then {@code queryCount} queries of 2-3 words from
     * the same law minus its most frequent words.
     */
    static Corpus corpus(int rows, int queryCount, long seed)
    {
        String[] words = vocabulary();
        double[] cumulative = zipf(VOCABULARY);
        Random random = new Random(seed);
        String[] documents = new String[rows];
        for (int i = 0; i < rows; i++) {
            int length = 20 + random.nextInt(181);
            StringBuilder text = new StringBuilder(length * 8);
            for (int w = 0; w < length; w++) {
                text.append(w == 0 ? "" : " ").append(words[draw(cumulative, random, 0)]);
            }
            documents[i] = text.toString();
        }
        String[] queries = new String[queryCount];
        for (int q = 0; q < queryCount; q++) {
            int terms = 2 + random.nextInt(2);
            StringBuilder text = new StringBuilder();
            for (int t = 0; t < terms; t++) {
                text.append(t == 0 ? "" : " ").append(words[draw(cumulative, random, SKIPPED_COMMON_WORDS)]);
            }
            queries[q] = text.toString();
        }
        return new Corpus(documents, queries);
    }

    static List<Figures> run(Path work, int rows, int queryCount, int passes, long seed, boolean forceMerge, PrintStream log)
            throws Exception
    {
        Corpus corpus = corpus(rows, queryCount, seed);
        String[] documents = corpus.documents();
        String[] queries = corpus.queries();
        List<Figures> figures = new ArrayList<>();
        int[][] luceneTop = new int[queryCount][];
        MMapDirectory directory = new MMapDirectory(BenchMain.fresh(work.resolve("text-lucene")));
        long luceneStart = System.nanoTime();
        IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer()).setRAMBufferSizeMB(1024).setUseCompoundFile(false);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < rows; i++) {
                Document document = new Document();
                document.add(new NumericDocValuesField("id", i));
                document.add(new TextField("document", documents[i], Field.Store.NO));
                writer.addDocument(document);
            }
            writer.forceMerge(1);
            writer.commit();
        }
        double luceneBuild = (System.nanoTime() - luceneStart) / 1e9;
        // Lucene is timed before and after Quiver (best of both), so neither side gets the better-warmed JIT
        try (directory; DirectoryReader reader = DirectoryReader.open(directory)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            searcher.setQueryCache(null);
            StandardAnalyzer analyzer = new StandardAnalyzer();
            int[][] prunedTop = new int[queryCount][];
            QueryRun lucene = q -> luceneTop[q] = luceneSearch(searcher, reader.leaves(), analyzer, queries[q], false);
            QueryRun pruned = q -> prunedTop[q] = luceneSearch(searcher, reader.leaves(), analyzer, queries[q], true);
            double[] luceneQps = time(passes, queryCount, lucene);
            double[] prunedQps = time(passes, queryCount, pruned);
            log.printf(Locale.ROOT, "text Lucene direct: build %.1f s, %.0f QPS/core (%.0f pruning from the first hit), load %s%n", luceneBuild, luceneQps[0],
                    prunedQps[0], KnnBenchmark.loadAverage());
            double[][] peers = {luceneQps, prunedQps};
            List<Figures> quiver = quiver(work, rows, documents, queries, luceneTop, passes, forceMerge, log, new QueryRun[] {lucene, pruned}, peers);
            luceneQps = best(peers[0], time(passes, queryCount, lucene));
            prunedQps = best(peers[1], time(passes, queryCount, pruned));
            log.printf(Locale.ROOT, "text Lucene direct, best before and after Quiver: %.0f QPS/core (%.0f pruning from the first hit), load %s%n", luceneQps[0],
                    prunedQps[0], KnnBenchmark.loadAverage());
            figures.add(new Figures("Lucene direct", luceneBuild, luceneQps[0], luceneQps[1], 1.0,
                    "IndexSearcher.search(query, 10): BooleanQuery of SHOULD TermQuerys, BM25 (counts 1,000 hits before pruning)"));
            figures.add(new Figures("Lucene direct, pruning from the first hit", luceneBuild, prunedQps[0], prunedQps[1], overlap(luceneTop, prunedTop),
                    "the same with TopScoreDocCollectorManager(10, 10): block-max pruning once 10 hits are collected, as Quiver does"));
            figures.addAll(quiver);
        }
        return figures;
    }

    private static double[] best(double[] left, double[] right)
    {
        return new double[] {Math.max(left[0], right[0]), Math.max(left[1], right[1])};
    }

    private static double overlap(int[][] expectedTop, int[][] actualTop)
    {
        double overlap = 0;
        for (int q = 0; q < expectedTop.length; q++) {
            Set<Integer> expected = new HashSet<>();
            for (int id : expectedTop[q]) {
                expected.add(id);
            }
            int hits = 0;
            for (int id : actualTop[q]) {
                hits += expected.contains(id) ? 1 : 0;
            }
            overlap += expected.isEmpty() ? 1 : hits / (double) expected.size();
        }
        return overlap / expectedTop.length;
    }

    /**
     * Quiver as loaded, then (with {@code forceMerge}) force-merged, timed pass by pass in turn with the peers (the
     * Lucene runs) so that both see the same load; {@code peers} is raised to the peers' best of those passes.
     */
    private static List<Figures> quiver(Path work, int rows, String[] documents, String[] queries, int[][] luceneTop, int passes, boolean forceMerge,
            PrintStream log, QueryRun[] peerRuns, double[][] peers)
            throws Exception
    {
        List<Figures> figures = new ArrayList<>();
        try (LuceneStorageEngine engine = LuceneStorageEngine.open(BenchMain.fresh(work.resolve("text-quiver")))) {
            long start = System.nanoTime();
            engine.createDatabase("bench");
            engine.createTable("bench", new TableDefinition("docs", List.of(
                    ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.BIGINT)),
                    ColumnDefinition.nullable("document", ColumnType.StringType.text())),
                    List.of(IndexDefinition.primaryKey("id"),
                            new IndexDefinition("ft", IndexDefinition.Kind.FULLTEXT, List.of("document"), Map.of("parser", "beng")))));
            Table table = engine.table("bench", "docs");
            for (int from = 0; from < rows; from += 1_000) {
                List<List<Value>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(rows, from + 1_000); i++) {
                    batch.add(List.of(Value.of(i), Value.of(documents[i])));
                }
                table.write(new WriteRequest(List.of("id", "document"), batch, new ConflictPolicy.Error()));
            }
            engine.checkpoint();
            double build = (System.nanoTime() - start) / 1e9;
            String segments = segments(work.resolve("text-quiver"));
            figures.add(measureQuiver("Quiver", table, build, segments, queries, luceneTop, passes, log));
            if (forceMerge) {
                // the table as a search-heavy user keeps it: the refresh call after the load
                long mergeStart = System.nanoTime();
                table.refreshIndexes();
                double merge = (System.nanoTime() - mergeStart) / 1e9;
                int[][] mergedTop = new int[queries.length][];
                QueryRun[] runs = new QueryRun[peerRuns.length + 1];
                System.arraycopy(peerRuns, 0, runs, 0, peerRuns.length);
                runs[peerRuns.length] = q -> mergedTop[q] = quiverSearch(table, queries[q]);
                double[][] qps = interleaved(passes, queries.length, runs);
                for (int i = 0; i < peerRuns.length; i++) {
                    peers[i] = best(peers[i], qps[i]);
                }
                String merged = segments(work.resolve("text-quiver")) + " (build s = the refresh call; timed pass by pass in turn with Lucene's)";
                double[] own = qps[peerRuns.length];
                log.printf(Locale.ROOT, "text Quiver, refreshed: refreshIndexes %.1f s, %.0f QPS/core against Lucene's %.0f and %.0f in the same rounds, %s, load %s%n",
                        merge, own[0], qps[0][0], qps[1][0], merged, KnnBenchmark.loadAverage());
                figures.add(new Figures("Quiver, after the refresh call", merge, own[0], own[1], overlap(luceneTop, mergedTop),
                        "Table.textSearch, natural-language mode, parser beng, " + merged));
            }
        }
        return figures;
    }

    private static Figures measureQuiver(String engine, Table table, double build, String segments, String[] queries, int[][] luceneTop, int passes,
            PrintStream log)
            throws Exception
    {
        int queryCount = queries.length;
        int[][] quiverTop = new int[queryCount][];
        try {
            double[] qps = time(passes, queryCount, q -> quiverTop[q] = quiverSearch(table, queries[q]));
            double overlap = overlap(luceneTop, quiverTop);
            log.printf(Locale.ROOT, "text %s: build %.1f s, %.0f QPS/core, %s, load %s%n", engine, build, qps[0], segments, KnnBenchmark.loadAverage());
            return new Figures(engine, build, qps[0], qps[1], overlap, "Table.textSearch, natural-language mode, parser beng, " + segments);
        }
        catch (QuiverException ex) {
            return new Figures(engine, build, Double.NaN, Double.NaN, Double.NaN, "text search unavailable: " + ex.getMessage());
        }
    }

    /** The segments of the committed table index under the engine's directory (its documents per segment). */
    private static String segments(Path engineDirectory)
            throws java.io.IOException
    {
        List<Integer> sizes = new ArrayList<>();
        try (var tables = java.nio.file.Files.list(engineDirectory.resolve("tables"))) {
            for (Path table : tables.filter(java.nio.file.Files::isDirectory).toList()) {
                try (org.apache.lucene.store.FSDirectory directory = org.apache.lucene.store.FSDirectory.open(table);
                        DirectoryReader reader = DirectoryReader.open(directory)) {
                    reader.leaves().forEach(leaf -> sizes.add(leaf.reader().maxDoc()));
                }
            }
        }
        return sizes.size() + " segments " + sizes;
    }

    private interface QueryRun
    {
        void run(int query)
                throws Exception;
    }

    /** One warm-up pass of each run, then {@code passes} rounds of one timed pass of each in turn; the best of each. */
    private static double[][] interleaved(int passes, int queries, QueryRun... runs)
            throws Exception
    {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (QueryRun run : runs) {
            for (int q = 0; q < queries; q++) {
                run.run(q);
            }
        }
        double[][] best = new double[runs.length][2];
        for (int pass = 0; pass < passes; pass++) {
            for (int r = 0; r < runs.length; r++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                for (int q = 0; q < queries; q++) {
                    runs[r].run(q);
                }
                best[r][1] = Math.max(best[r][1], queries / ((System.nanoTime() - wall) / 1e9));
                best[r][0] = Math.max(best[r][0], queries / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9));
            }
        }
        return best;
    }

    /** One warm-up pass and {@code passes} timed passes; the best queries per thread-CPU second and per wall second. */
    private static double[] time(int passes, int queries, QueryRun run)
            throws Exception
    {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int q = 0; q < queries; q++) {
            run.run(q);
        }
        double bestCpu = 0;
        double bestWall = 0;
        for (int pass = 0; pass < passes; pass++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            for (int q = 0; q < queries; q++) {
                run.run(q);
            }
            bestWall = Math.max(bestWall, queries / ((System.nanoTime() - wall) / 1e9));
            bestCpu = Math.max(bestCpu, queries / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9));
        }
        return new double[] {bestCpu, bestWall};
    }

    private static int[] luceneSearch(IndexSearcher searcher, List<LeafReaderContext> leaves, StandardAnalyzer analyzer, String query, boolean pruneAtOnce)
            throws Exception
    {
        BooleanQuery.Builder builder = new BooleanQuery.Builder();
        try (var stream = analyzer.tokenStream("document", query)) {
            var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                builder.add(new TermQuery(new Term("document", term.toString())), BooleanClause.Occur.SHOULD);
            }
            stream.end();
        }
        ScoreDoc[] hits = pruneAtOnce
                ? searcher.search(builder.build(), new org.apache.lucene.search.TopScoreDocCollectorManager(KnnData.K, KnnData.K)).scoreDocs
                : searcher.search(builder.build(), KnnData.K).scoreDocs;
        int[] ids = new int[hits.length];
        for (int i = 0; i < hits.length; i++) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[i].doc, leaves));
            NumericDocValues values = leaf.reader().getNumericDocValues("id");
            values.advanceExact(hits[i].doc - leaf.docBase);
            ids[i] = (int) values.longValue();
        }
        return ids;
    }

    private static int[] quiverSearch(Table table, String query)
    {
        List<ScoredRow> rows = table.textSearch(new TextSearchRequest(List.of("document"), query, TextMode.NATURAL_LANGUAGE,
                dev.quiver.storage.filter.Filter.ALL, TextSearchRequest.NO_RESIDUAL, java.util.OptionalInt.of(KnnData.K), List.of("id"))).rows();
        int[] ids = new int[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) ((Value.IntegerValue) rows.get(i).row().get(0)).value();
        }
        return ids;
    }

    /** Made-up words, distinct and lowercase ASCII letters only, so every analyzer keeps them whole. */
    private static String[] vocabulary()
    {
        String[] words = new String[VOCABULARY];
        for (int i = 0; i < VOCABULARY; i++) {
            StringBuilder word = new StringBuilder();
            int n = i + 26 * 26; // at least three letters
            while (n > 0) {
                word.append((char) ('a' + n % 26));
                n /= 26;
            }
            words[i] = word.toString();
        }
        return words;
    }

    private static double[] zipf(int size)
    {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static int draw(double[] cumulative, Random random, int skip)
    {
        double low = skip == 0 ? 0 : cumulative[skip - 1];
        double u = low + random.nextDouble() * (1 - low);
        int index = java.util.Arrays.binarySearch(cumulative, u);
        return Math.min(cumulative.length - 1, index >= 0 ? index : -index - 1);
    }
}
