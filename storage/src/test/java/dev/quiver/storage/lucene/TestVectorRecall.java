package dev.quiver.storage.lucene;

import dev.quiver.storage.Table;
import dev.quiver.storage.VectorFixtures;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.ColumnType.IntegerWidth;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.filter.Filter.Field;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchAccess;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recall@10 of the approximate path against exact brute force (computed here) on {@value #ROWS} seeded rows of a
 * Gaussian mixture ({@value #CENTROIDS} centroids in {@value #DIMENSIONS} dimensions, {@value #QUANTIZED_DIMENSIONS} for
 * the quantized indexes), unfiltered and at 0.1%, 1% and
 * 10% filter selectivity (an indexed column and a JSON path), for each metric on HNSW, for hnsw_sq and hnsw_bq (with
 * over-collect and exact rescoring), and after heavy upserts and deletes. Each case asserts the access path the
 * planner documents ({@link LuceneVectorSearch}: the graph, or an exact scan of the filter's rows when that scores
 * fewer vectors, which at this size is the case for 0.1% and 1%) and that far fewer vectors than rows were scored.
 * The tables are built once and shared. {@code -Dtests.seed=S} replays.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestVectorRecall
{
    static final int ROWS = 100_000;
    static final int DIMENSIONS = 16;
    /**
     * The quantized indexes get more dimensions: a 1-bit code of 16 dimensions holds 16 bits, too few to rank the
     * ~1000 rows of a cluster; binary quantization is meant for wide vectors.
     */
    static final int QUANTIZED_DIMENSIONS = 64;
    /**
     * hnsw_bq's over-collect: k * 100 = 1000 candidates rescored exactly (seekdb's refine_k; its default 4 is for wide
     * vectors: at 64 dimensions 250 candidates gave recall 0.88 on this data).
     */
    static final String BQ_REFINE_K = "100";
    static final int CENTROIDS = 100;
    static final int QUERIES = 100;
    static final int K = 10;
    static final double MIN_RECALL = 0.95;
    /** Half seekdb's default (200), to keep the build of five graphs over 100k rows short; m and ef_search are the defaults. */
    static final int EF_CONSTRUCTION = 100;

    private final long seed = Long.getLong("tests.seed", 4_2026_1122L);
    private LuceneStorageEngine engine;
    private Table floats;
    private Table quantized;
    /** The floats table's data (the upsert case changes it); vectors by id, null when deleted. */
    private Data floatData;
    /** The quantized table's data. */
    private Data quantizedData;
    /** Filter value per id, uniform in [0, 1000). */
    private int[] sel;
    private Random random;

    @BeforeAll
    void build(@TempDir Path directory)
    {
        System.out.printf("TestVectorRecall seed %d (-Dtests.seed=%d to replay)%n", seed, seed);
        random = new Random(seed);
        floatData = new Data(DIMENSIONS, random);
        quantizedData = new Data(QUANTIZED_DIMENSIONS, random);
        sel = new int[ROWS + 1];
        for (int id = 1; id <= ROWS; id++) {
            floatData.vectors[id] = floatData.point(random);
            quantizedData.vectors[id] = quantizedData.point(random);
            sel[id] = random.nextInt(1000);
        }
        // no background merge: the searches below run over the segment layout the load left
        engine = LuceneStorageEngine.open(directory, LuceneEngineOptions.defaults().withMergeWhenIdle(java.time.Duration.ZERO));
        engine.createDatabase("db");
        floats = create("floats", DIMENSIONS, List.of(
                index("v_l2", "l2", "hnsw", Map.of()), index("v_cos", "cosine", "hnsw", Map.of()), index("v_ip", "inner_product", "hnsw", Map.of())));
        quantized = create("quantized", QUANTIZED_DIMENSIONS, List.of(index("v_sq", "l2", "hnsw_sq", Map.of()),
                index("v_bq", "cosine", "hnsw_bq", Map.of("refine_k", BQ_REFINE_K))));
        long start = System.nanoTime();
        for (int from = 1; from <= ROWS; from += 1000) {
            List<List<Value>> batch = new ArrayList<>();
            List<List<Value>> quantizedBatch = new ArrayList<>();
            for (int id = from; id < from + 1000 && id <= ROWS; id++) {
                batch.add(row(id, floatData));
                quantizedBatch.add(row(id, quantizedData));
            }
            floats.write(new WriteRequest(List.of("id", "sel", "meta", "embedding"), batch, ConflictPolicy.ERROR));
            quantized.write(new WriteRequest(List.of("id", "sel", "meta", "embedding"), quantizedBatch, ConflictPolicy.ERROR));
        }
        // measure the graphs, not a version-map overlay of whatever the background index applier has not reached yet
        assertThat(engine.drainIndexApplier()).isTrue();
        engine.refreshNow();
        System.out.printf("built %d rows into 5 vector indexes in %.1f s%n", ROWS, (System.nanoTime() - start) / 1e9);
    }

    @AfterAll
    void close()
    {
        if (engine != null) {
            engine.close();
        }
    }

    private Table create(String name, int dimensions, List<IndexDefinition> vectorIndexes)
    {
        List<IndexDefinition> indexes = new ArrayList<>(List.of(IndexDefinition.primaryKey("id"), IndexDefinition.index("ix_sel", "sel")));
        indexes.addAll(vectorIndexes);
        engine.createTable("db", new TableDefinition(name, List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(IntegerWidth.BIGINT)),
                ColumnDefinition.notNull("sel", ColumnType.IntegerType.signed(IntegerWidth.INT)),
                ColumnDefinition.nullable("meta", new ColumnType.JsonType()),
                ColumnDefinition.nullable("embedding", new ColumnType.VectorType(dimensions))), indexes));
        return engine.table("db", name);
    }

    private static IndexDefinition index(String name, String distance, String type, Map<String, String> more)
    {
        Map<String, String> options = new java.util.HashMap<>(more);
        options.putAll(Map.of("distance", distance, "type", type, "ef_construction", Integer.toString(EF_CONSTRUCTION)));
        return new IndexDefinition(name, IndexDefinition.Kind.VECTOR, List.of("embedding"), options);
    }

    private List<Value> row(int id, Data data)
    {
        return List.of(Value.of(id), Value.of(sel[id]), VectorFixtures.json("{\"b\": " + sel[id] % 10 + "}"), Value.of(data.vectors[id]));
    }

    /** A Gaussian mixture: {@value #CENTROIDS} centroids drawn from N(0, 1), points at sigma 0.5 around one of them. */
    private static final class Data
    {
        final int dimensions;
        final float[][] centroids = new float[CENTROIDS][];
        final float[][] vectors = new float[ROWS + 1][];

        Data(int dimensions, Random random)
        {
            this.dimensions = dimensions;
            for (int i = 0; i < CENTROIDS; i++) {
                centroids[i] = gaussian(random, null, 1.0);
            }
        }

        float[] gaussian(Random random, float[] center, double sigma)
        {
            float[] vector = new float[dimensions];
            for (int i = 0; i < dimensions; i++) {
                vector[i] = (float) ((center == null ? 0 : center[i]) + random.nextGaussian() * sigma);
            }
            return vector;
        }

        float[] point(Random random)
        {
            return gaussian(random, centroids[random.nextInt(CENTROIDS)], 0.5);
        }

        /** Queries: fresh points of the mixture. */
        float[][] queries(long querySeed)
        {
            Random queryRandom = new Random(querySeed);
            float[][] queries = new float[QUERIES][];
            for (int i = 0; i < QUERIES; i++) {
                queries[i] = point(queryRandom);
            }
            return queries;
        }
    }

    // ---------------------------------------------------------------- the selectivities

    private record Selection(String name, Filter filter, IntPredicate matches) {}

    private static final Selection ALL = new Selection("unfiltered", Filter.ALL, sel -> true);
    private static final Selection TENTH_PERCENT = new Selection("0.1% (sel = 0)", Filter.equal("sel", Value.of(0)), sel -> sel == 0);
    private static final Selection ONE_PERCENT = new Selection("1% (sel < 10)", Filter.Range.lessThan(Field.column("sel"), Value.of(10)), sel -> sel < 10);
    private static final Selection TEN_PERCENT = new Selection("10% (sel < 100)", Filter.Range.lessThan(Field.column("sel"), Value.of(100)), sel -> sel < 100);
    private static final Selection TEN_PERCENT_JSON = new Selection("10% ($.b = 3)", new Filter.Equal(Field.json("meta", "$.b"), Value.of(3)), sel -> sel % 10 == 3);
    private static final Selection ONE_PERCENT_UNPUSHED = new Selection("1% (sel < 5 OR sel >= 995, not pushed: post-filtered)",
            Filter.or(Filter.Range.lessThan(Field.column("sel"), Value.of(5)), Filter.Range.atLeast(Field.column("sel"), Value.of(995))),
            sel -> sel < 5 || sel >= 995);

    // ---------------------------------------------------------------- measuring

    private record Measured(double recall, SearchAccess access, double meanExamined, long matchingRows) {}

    /**
     * ef_search per query: the index default, except inner product under a filter, which runs with 128 (a maximum
     * inner product graph walked through a filter gave recall 0.93-0.997 at 64 across runs whose segments differ).
     */
    private static java.util.OptionalInt efSearch(VectorMetric metric, Selection selection)
    {
        return metric == VectorMetric.INNER_PRODUCT && selection != ALL ? java.util.OptionalInt.of(128) : java.util.OptionalInt.empty();
    }

    private Measured measure(Table table, VectorMetric metric, Selection selection, long querySeed)
    {
        Data data = table == quantized ? quantizedData : floatData;
        float[][] vectors = data.vectors;
        float[][] queries = data.queries(querySeed);
        double recall = 0;
        long examined = 0;
        Set<SearchAccess> accesses = new HashSet<>();
        long matching = 0;
        for (int id = 1; id <= ROWS; id++) {
            if (vectors[id] != null && selection.matches().test(sel[id])) {
                matching++;
            }
        }
        for (float[] query : queries) {
            long[] expected = bruteForce(vectors, metric, query, selection.matches());
            SearchResult result = table.vectorSearch(new VectorSearchRequest("embedding", query, metric, K, selection.filter(), row -> true,
                    SearchStrategy.APPROXIMATE, efSearch(metric, selection), List.of()));
            Set<Long> found = new HashSet<>();
            for (ScoredRow row : result.rows()) {
                long id = VectorFixtures.id(row.row());
                assertThat(selection.matches().test(sel[(int) id])).as("row %s passes the filter", id).isTrue();
                assertThat(row.score()).as("exact distance of row %s", id).isCloseTo(VectorFixtures.distance(metric, query, vectors[(int) id]),
                        org.assertj.core.data.Offset.offset(1e-9));
                // and bit for bit seekdb's double distance, however the candidate was bounded before its rescoring
                assertThat(Double.doubleToRawLongBits(row.score())).as("distance bits of row %s", id)
                        .isEqualTo(Double.doubleToRawLongBits(metric.distance(query, vectors[(int) id])));
                found.add(id);
            }
            long hits = Arrays.stream(expected).filter(found::contains).count();
            recall += (double) hits / expected.length;
            examined += result.rowsExamined();
            accesses.add(result.access());
        }
        Measured measured = new Measured(recall / QUERIES, accesses.size() == 1 ? accesses.iterator().next() : null, (double) examined / QUERIES, matching);
        System.out.printf("%-10s %-14s %-55s recall@10 %.4f  %-12s vectors scored %8.0f / %d rows (%d match)%n", table.definition().name(), metric,
                selection.name(), measured.recall(), accesses, measured.meanExamined(), ROWS, measured.matchingRows());
        return measured;
    }

    private long[] bruteForce(float[][] vectors, VectorMetric metric, float[] query, IntPredicate matches)
    {
        long[] best = new long[K];
        double[] bestDistance = new double[K];
        Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
        int size = 0;
        for (int id = 1; id < vectors.length; id++) {
            if (vectors[id] == null || !matches.test(sel[id])) {
                continue;
            }
            double distance = VectorFixtures.distance(metric, query, vectors[id]);
            if (size == K && distance >= bestDistance[K - 1]) {
                continue;
            }
            int at = size == K ? K - 1 : size++;
            while (at > 0 && bestDistance[at - 1] > distance) {
                best[at] = best[at - 1];
                bestDistance[at] = bestDistance[at - 1];
                at--;
            }
            best[at] = id;
            bestDistance[at] = distance;
        }
        return Arrays.copyOf(best, size);
    }

    /** Failed checks of the running case, collected so that one run reports every case. */
    private final List<String> failures = new ArrayList<>();

    private void check(Measured measured, Runnable assertions)
    {
        try {
            assertions.run();
        }
        catch (AssertionError e) {
            failures.add(measured + ": " + e.getMessage().strip());
        }
    }

    private void assertNoFailures()
    {
        List<String> failed = List.copyOf(failures);
        failures.clear();
        assertThat(failed).isEmpty();
    }

    /**
     * The path {@link LuceneVectorSearch} documents for a pushed filter passing {@code C} rows: exact when
     * {@code C * C <= VISIT_COST * want * N}, else the graph ({@code want} the graph candidates, N the rows).
     */
    private void assertPlannedPath(Measured measured, int want, double maxExaminedFraction)
    {
        if ((double) measured.matchingRows() * measured.matchingRows() <= LuceneVectorSearch.VISIT_COST * want * ROWS) {
            assertExactPath(measured);
        }
        else {
            assertIndexPath(measured, maxExaminedFraction);
        }
    }

    private void assertIndexPath(Measured measured, double maxExaminedFraction)
    {
        check(measured, () -> {
            assertThat(measured.recall()).isGreaterThanOrEqualTo(MIN_RECALL);
            assertThat(measured.access()).isEqualTo(SearchAccess.VECTOR_INDEX);
            assertThat(measured.meanExamined()).as("vectors scored per query").isLessThan(ROWS * maxExaminedFraction);
        });
    }

    /** The planner's documented choice for selective filters: every matching row scored exactly, nothing else. */
    private void assertExactPath(Measured measured)
    {
        check(measured, () -> {
            assertThat(measured.recall()).isEqualTo(1.0);
            assertThat(measured.access()).isEqualTo(SearchAccess.EXACT_SCAN);
            assertThat(measured.meanExamined()).as("vectors scored per query").isLessThanOrEqualTo((double) measured.matchingRows());
        });
    }

    // ---------------------------------------------------------------- the cases

    @Test
    @Order(1)
    void testRecallOfEveryMetricOnHnsw()
    {
        long querySeed = seed + 1;
        for (VectorMetric metric : VectorMetric.values()) {
            // The graphs walked (one per segment) depend on when refreshes cut segments, so the vectors scored vary
            // between runs (7k-11k seen); a fifth of the table still proves the walk did not scan it.
            assertIndexPath(measure(floats, metric, ALL, querySeed), 0.2);
            assertExactPath(measure(floats, metric, TENTH_PERCENT, querySeed));
            assertExactPath(measure(floats, metric, ONE_PERCENT, querySeed));
            assertIndexPath(measure(floats, metric, TEN_PERCENT, querySeed), 0.3);
            assertIndexPath(measure(floats, metric, TEN_PERCENT_JSON, querySeed), 0.3);
            // a filter that cannot be pushed and passes 1% (beyond the cases, which push their filters): the first
            // graph round shows the pass rate; a walk is trusted only once it collected ef / pass rate candidates (about
            // ef passing, as a pre-filtered walk of ef), and collecting that many at 1% costs more than scanning every
            // vector, so most queries scan (0.874-0.897 for inner product before that rule, when early passing rows
            // ended the walk)
            Measured unpushed = measure(floats, metric, ONE_PERCENT_UNPUSHED, querySeed);
            check(unpushed, () -> {
                assertThat(unpushed.recall()).isGreaterThanOrEqualTo(MIN_RECALL);
                assertThat(unpushed.meanExamined()).isLessThan(ROWS * 1.2);
            });
        }
        assertNoFailures();
    }

    @Test
    @Order(2)
    void testRecallOfQuantizedIndexesWithRescoring()
    {
        long querySeed = seed + 2;
        for (VectorMetric metric : List.of(VectorMetric.L2, VectorMetric.COSINE)) {
            assertIndexPath(measure(quantized, metric, ALL, querySeed), 0.5);
            assertExactPath(measure(quantized, metric, TENTH_PERCENT, querySeed));
            assertExactPath(measure(quantized, metric, ONE_PERCENT, querySeed));
            // hnsw_bq collects k * refine_k = 1000 candidates, which puts a 10% filter on the exact side of the line
            int want = metric == VectorMetric.COSINE ? K * Integer.parseInt(BQ_REFINE_K) : 64;
            assertPlannedPath(measure(quantized, metric, TEN_PERCENT, querySeed), want, 0.25);
            assertPlannedPath(measure(quantized, metric, TEN_PERCENT_JSON, querySeed), want, 0.25);
        }
        assertNoFailures();
    }

    /**
     * 30k upserts of random ids with new vectors and filter values (about 26% of the rows change, some twice) and 10k
     * deletes, then measured against the current rows: stale documents, deletions in the graphs, and the rows still in
     * the version map (scored exactly) all take part.
     */
    @Test
    @Order(3)
    void testRecallAfterHeavyUpsertsAndDeletes()
    {
        Random changes = new Random(seed + 3);
        long start = System.nanoTime();
        for (int round = 0; round < 30; round++) {
            List<List<Value>> batch = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int id = 1 + changes.nextInt(ROWS);
                floatData.vectors[id] = floatData.point(changes);
                sel[id] = changes.nextInt(1000);
                batch.add(row(id, floatData));
            }
            floats.write(new WriteRequest(List.of("id", "sel", "meta", "embedding"), batch, ConflictPolicy.REPLACE));
            if (round % 3 == 0) {
                Set<Long> gone = new HashSet<>();
                List<Value> keys = new ArrayList<>();
                while (gone.size() < 1000) {
                    long id = 1 + changes.nextInt(ROWS);
                    if (gone.add(id)) {
                        keys.add(Value.of(id));
                        floatData.vectors[(int) id] = null;
                    }
                }
                floats.delete(new Filter.In(Field.column("id"), keys));
            }
        }
        System.out.printf("30k upserts and 10k deletes in %.1f s%n", (System.nanoTime() - start) / 1e9);
        long querySeed = seed + 4;
        for (VectorMetric metric : VectorMetric.values()) {
            assertIndexPath(measure(floats, metric, ALL, querySeed), 0.2);
            assertIndexPath(measure(floats, metric, TEN_PERCENT, querySeed), 0.3);
            assertExactPath(measure(floats, metric, ONE_PERCENT, querySeed));
        }
        assertNoFailures();
    }
}
