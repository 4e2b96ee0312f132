package dev.quiver.storage.lucene;

import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.memory.InMemoryStorageEngine;
import dev.quiver.storage.row.Row;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exact scans rank by float kernels and compute seekdb's double distances only for the nearest
 * ({@code FloatScreen}, {@code NearestFirst}); what users see must be what scoring every row in doubles gives: the same
 * rows in the same order (ties by internal row id, i.e. insertion order), with distances equal bit for bit to
 * {@link VectorMetric#distance}. Rows with many exact duplicates (ties), zero vectors (no cosine distance), tiny
 * vectors (whose squares float cannot hold) and large ones, in the reference engine and in the durable one (rows in segments, no
 * overlay), for the EXACT strategy, for a selective pushed filter that the planner scans, and with a residual.
 * {@code -Dtests.seed=S} replays.
 */
class TestVectorScanExactness
{
    private static final int DIMENSIONS = 24;
    private static final int ROWS = 3000;

    @TempDir
    Path dataDirectory;

    private record Expected(long id, double distance, long order) {}

    @Test
    void testScannedResultsEqualTheDoubleComputation()
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "replay with -Dtests.seed=" + seed;
        TableDefinition definition = new TableDefinition("t", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.BIGINT)),
                ColumnDefinition.notNull("sel", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT)),
                ColumnDefinition.nullable("embedding", new ColumnType.VectorType(DIMENSIONS))),
                List.of(IndexDefinition.primaryKey("id"), IndexDefinition.index("ix_sel", "sel"),
                        VectorFixtures.vectorIndex("v_l2", "embedding", "l2", "hnsw"),
                        VectorFixtures.vectorIndex("v_cos", "embedding", "cosine", "hnsw"),
                        VectorFixtures.vectorIndex("v_ip", "embedding", "inner_product", "hnsw")));
        // ids inserted in shuffled order: the tie-breaking row id is the insertion order, not the id
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= ROWS; id++) {
            ids.add(id);
        }
        Collections.shuffle(ids, random);
        List<float[]> distinct = new ArrayList<>();
        List<List<Value>> rows = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Integer> sels = new ArrayList<>();
        for (long id : ids) {
            float[] vector;
            int kind = random.nextInt(20);
            if (kind < 8 && !distinct.isEmpty()) {
                vector = distinct.get(random.nextInt(distinct.size())).clone();
            }
            else if (kind == 8) {
                vector = new float[DIMENSIONS];
            }
            else if (kind == 9) {
                // squares below float's range, and large ones (Lucene's own graph asserts finite scores: no overflow here)
                vector = scaled(random, random.nextBoolean() ? 1e-25 : 1e15);
            }
            else {
                vector = scaled(random, 1);
                distinct.add(vector);
            }
            int sel = random.nextInt(40);
            vectors.add(vector);
            sels.add(sel);
            rows.add(List.of(Value.of(id), Value.of(sel), Value.of(vector)));
        }
        StorageEngine reference = new InMemoryStorageEngine();
        LuceneStorageEngine durable = LuceneStorageEngine.open(dataDirectory, LuceneEngineOptions.defaults().withMergeWhenIdle(Duration.ZERO));
        try {
            for (StorageEngine engine : List.of(reference, durable)) {
                engine.createDatabase("db");
                engine.createTable("db", definition);
                Table table = engine.table("db", "t");
                for (int from = 0; from < rows.size(); from += 500) {
                    table.write(new WriteRequest(List.of("id", "sel", "embedding"), rows.subList(from, Math.min(rows.size(), from + 500)), ConflictPolicy.ERROR));
                }
            }
            assertThat(durable.drainIndexApplier()).isTrue();
            durable.refreshNow();
            for (int q = 0; q < 20; q++) {
                float[] query = q % 5 == 4 ? distinct.get(random.nextInt(distinct.size())).clone() : scaled(random, 1);
                for (VectorMetric metric : VectorMetric.values()) {
                    int k = 1 + random.nextInt(40);
                    int sel = random.nextInt(40);
                    Predicate<Integer> odd = position -> ids.get(position) % 2 == 1;
                    List<Case> cases = List.of(
                            new Case("exact", new VectorSearchRequest("embedding", query, metric, k, Filter.ALL, VectorSearchRequest.NO_RESIDUAL,
                                    SearchStrategy.EXACT, OptionalInt.empty(), List.of("id")), position -> true),
                            new Case("selective pushed filter", new VectorSearchRequest("embedding", query, metric, k, Filter.equal("sel", Value.of(sel)),
                                    VectorSearchRequest.NO_RESIDUAL, SearchStrategy.APPROXIMATE, OptionalInt.empty(), List.of("id")), position -> sels.get(position) == sel),
                            new Case("residual", new VectorSearchRequest("embedding", query, metric, k, Filter.ALL,
                                    row -> ((Value.IntegerValue) row.get(0)).value() % 2 == 1, SearchStrategy.EXACT, OptionalInt.empty(), List.of()), odd));
                    for (Case each : cases) {
                        List<Expected> expected = expected(vectors, ids, metric, query, each.passes(), k);
                        for (StorageEngine engine : List.of(reference, durable)) {
                            SearchResult result = engine.table("db", "t").vectorSearch(each.request());
                            String what = context + ": " + metric + ", " + each.name() + ", k " + k + ", " + (engine == reference ? "reference" : "durable");
                            assertThat(result.access()).as(what).isEqualTo(SearchAccess.EXACT_SCAN);
                            List<Long> foundIds = new ArrayList<>();
                            List<Long> foundBits = new ArrayList<>();
                            for (ScoredRow row : result.rows()) {
                                foundIds.add(VectorFixtures.id(row.row()));
                                foundBits.add(Double.doubleToRawLongBits(row.score()));
                            }
                            assertThat(foundIds).as(what).containsExactlyElementsOf(expected.stream().map(Expected::id).toList());
                            assertThat(foundBits).as(what + " (distances, bit for bit)")
                                    .containsExactlyElementsOf(expected.stream().map(hit -> Double.doubleToRawLongBits(hit.distance())).toList());
                        }
                    }
                }
            }
        }
        finally {
            durable.close();
        }
    }

    private record Case(String name, VectorSearchRequest request, Predicate<Integer> passes) {}

    /** Every passing row scored in doubles ({@link VectorMetric#distance}), nearest first, ties by insertion order. */
    private static List<Expected> expected(List<float[]> vectors, List<Long> ids, VectorMetric metric, float[] query, Predicate<Integer> passes, int k)
    {
        List<Expected> all = new ArrayList<>();
        for (int position = 0; position < vectors.size(); position++) {
            double distance = metric.distance(query, vectors.get(position));
            if (passes.test(position) && !Double.isNaN(distance)) {
                all.add(new Expected(ids.get(position), distance, position));
            }
        }
        all.sort(Comparator.comparingDouble(Expected::distance).thenComparingLong(Expected::order));
        return all.subList(0, Math.min(k, all.size()));
    }

    private static float[] scaled(Random random, double scale)
    {
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < DIMENSIONS; i++) {
            vector[i] = (float) (random.nextGaussian() * scale);
        }
        return vector;
    }
}
