package dev.quiver.storage.lucene;

import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchAccess;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;
import dev.quiver.storage.VectorFixtures;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopKnnCollector;
import org.apache.lucene.search.Weight;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A filtered graph walk costs what Lucene's own filtered search costs ({@code KnnFloatVectorQuery} with a filter:
 * {@code ef} candidates, a visit limit of the filter's cardinality plus one, then an exact scan of the accepted
 * documents), at recall at least 0.95: on {@value #ROWS} seeded clustered rows in one segment, with a pushed filter
 * passing 10% of them (enough that the planner walks rather than scans), the vectors Quiver scores per query are at
 * most those that Lucene's search, run on the same committed index, visits and scans. {@code -Dtests.seed=S} replays.
 */
class TestFilteredVectorWalk
{
    private static final int ROWS = 40_000;
    private static final int DIMENSIONS = 16;
    private static final int CENTROIDS = 50;
    private static final int QUERIES = 40;
    private static final int K = 10;
    private static final int EF = 64;

    @TempDir
    Path dataDirectory;

    @Test
    void testFilteredWalkScoresNoMoreThanLucenesFilteredSearch()
            throws IOException
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "replay with -Dtests.seed=" + seed;
        float[][] centroids = new float[CENTROIDS][];
        for (int i = 0; i < CENTROIDS; i++) {
            centroids[i] = gaussian(random, null, 1.0);
        }
        float[][] vectors = new float[ROWS + 1][];
        int[] sel = new int[ROWS + 1];
        TableDefinition definition = new TableDefinition("t", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.BIGINT)),
                ColumnDefinition.notNull("sel", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT)),
                ColumnDefinition.nullable("embedding", new ColumnType.VectorType(DIMENSIONS))),
                List.of(IndexDefinition.primaryKey("id"), IndexDefinition.index("ix_sel", "sel"),
                        new IndexDefinition("v_l2", IndexDefinition.Kind.VECTOR, List.of("embedding"),
                                java.util.Map.of("distance", "l2", "type", "hnsw", "ef_construction", "100"))));
        LuceneStorageEngine engine = LuceneStorageEngine.open(dataDirectory, LuceneEngineOptions.defaults().withMergeWhenIdle(Duration.ZERO));
        try {
            engine.createDatabase("db");
            engine.createTable("db", definition);
            Table table = engine.table("db", "t");
            for (int from = 1; from <= ROWS; from += 1000) {
                List<List<Value>> batch = new ArrayList<>();
                for (int id = from; id < from + 1000; id++) {
                    vectors[id] = gaussian(random, centroids[random.nextInt(CENTROIDS)], 0.5);
                    sel[id] = random.nextInt(10);
                    batch.add(List.of(Value.of(id), Value.of(sel[id]), Value.of(vectors[id])));
                }
                table.write(new WriteRequest(List.of("id", "sel", "embedding"), batch, ConflictPolicy.ERROR));
            }
            assertThat(engine.drainIndexApplier()).isTrue();
            // one segment, committed: the graph Lucene's search below reads
            table.refreshIndexes();
            assertThat(engine.vectorSegments("db", "t")).isEqualTo(1);
            float[][] queries = new float[QUERIES][];
            long quiverScored = 0;
            double recall = 0;
            for (int q = 0; q < QUERIES; q++) {
                queries[q] = gaussian(random, centroids[random.nextInt(CENTROIDS)], 0.5);
                SearchResult result = table.vectorSearch(new VectorSearchRequest("embedding", queries[q], VectorMetric.L2, K, Filter.equal("sel", Value.of(0)),
                        VectorSearchRequest.NO_RESIDUAL, SearchStrategy.APPROXIMATE, OptionalInt.of(EF), List.of("id")));
                assertThat(result.access()).as(context).isEqualTo(SearchAccess.VECTOR_INDEX);
                quiverScored += result.rowsExamined();
                Set<Long> found = new HashSet<>();
                for (ScoredRow row : result.rows()) {
                    found.add(VectorFixtures.id(row.row()));
                }
                long[] expected = bruteForce(vectors, sel, queries[q]);
                recall += (double) Arrays.stream(expected).filter(found::contains).count() / expected.length;
            }
            recall /= QUERIES;
            long luceneScored = lucenesFilteredSearch(tableDirectory(), definition, queries);
            System.out.printf("filtered walk, 10%% of %d rows: Quiver scored %.1f vectors per query (recall@10 %.3f), Lucene's filtered search %.1f%n",
                    ROWS, (double) quiverScored / QUERIES, recall, (double) luceneScored / QUERIES);
            assertThat(recall).as(context).isGreaterThanOrEqualTo(0.95);
            assertThat(quiverScored).as(context + ": vectors scored by Quiver against Lucene's filtered search").isLessThanOrEqualTo(luceneScored);
        }
        finally {
            engine.close();
        }
    }

    /** Lucene's filtered kNN as AbstractKnnVectorQuery runs it on each segment: the vectors it visits and scans. */
    private static long lucenesFilteredSearch(Path directory, TableDefinition definition, float[][] queries)
            throws IOException
    {
        int sel = definition.requireColumn("sel");
        TermQuery filter = new TermQuery(new Term("_ix" + sel, OrderedKeys.encode(definition.columns().get(sel).type(), Value.of(0))));
        long scored = 0;
        try (FSDirectory fs = FSDirectory.open(directory); DirectoryReader reader = DirectoryReader.open(fs)) {
            IndexSearcher searcher = new IndexSearcher(reader);
            Weight weight = searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : reader.leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                FixedBitSet accepted = new FixedBitSet(leaf.reader().maxDoc());
                DocIdSetIterator matches = scorer.iterator();
                for (int doc = matches.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = matches.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        accepted.set(doc);
                    }
                }
                int cost = accepted.cardinality();
                for (float[] query : queries) {
                    TopKnnCollector collector = new TopKnnCollector(EF, cost + 1);
                    leaf.reader().searchNearestVectors(VectorFields.fieldName(definition.indexes().get(2)), query, collector,
                            AcceptDocs.fromIteratorSupplier(() -> new BitSetIterator(accepted, cost), null, leaf.reader().maxDoc()));
                    scored += collector.visitedCount();
                    if (collector.earlyTerminated() || collector.topDocs().scoreDocs.length < EF) {
                        scored += cost;
                    }
                }
            }
        }
        return scored;
    }

    private Path tableDirectory()
            throws IOException
    {
        try (Stream<Path> tables = Files.list(dataDirectory.resolve("tables"))) {
            List<Path> found = tables.filter(Files::isDirectory).toList();
            assertThat(found).hasSize(1);
            return found.get(0);
        }
    }

    private static long[] bruteForce(float[][] vectors, int[] sel, float[] query)
    {
        List<long[]> passing = new ArrayList<>();
        for (int id = 1; id < vectors.length; id++) {
            if (sel[id] == 0) {
                passing.add(new long[] {id, Double.doubleToLongBits(VectorMetric.L2.distance(query, vectors[id]))});
            }
        }
        passing.sort(Comparator.<long[]>comparingDouble(each -> Double.longBitsToDouble(each[1])).thenComparingLong(each -> each[0]));
        return passing.stream().limit(K).mapToLong(each -> each[0]).toArray();
    }

    private static float[] gaussian(Random random, float[] center, double sigma)
    {
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = (float) ((center == null ? 0 : center[i]) + random.nextGaussian() * sigma);
        }
        return vector;
    }
}
