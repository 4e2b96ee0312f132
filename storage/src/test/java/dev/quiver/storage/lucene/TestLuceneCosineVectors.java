package dev.quiver.storage.lucene;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.Table;
import dev.quiver.storage.VectorFixtures;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.ColumnType.IntegerWidth;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.SearchAccess;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Cosine VECTOR indexes on the durable engine take any finite vectors: segments whose vectors sum to zero (rows v and
 * -v), which Lucene's quantized writer cannot normalise the centroid of under COSINE, vectors too small or too large
 * for float arithmetic to normalise, and zero vectors (never matched). After flushes, checkpoints, a forced merge and
 * a restart, later writes still succeed and searches return the exact cosine distances of the stored rows.
 */
class TestLuceneCosineVectors
{
    private static final long SEED = 2026_11_22_3L;
    private static final List<String> TYPES = List.of("hnsw", "hnsw_sq", "hnsw_bq");

    @TempDir
    Path dataDirectory;

    private LuceneStorageEngine engine;
    private final List<Row> rows = new ArrayList<>();

    @AfterEach
    void close()
    {
        if (engine != null) {
            engine.close();
        }
    }

    private static TableDefinition table(String type)
    {
        return new TableDefinition("t_" + type, List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(IntegerWidth.BIGINT)),
                ColumnDefinition.nullable("embedding", new ColumnType.VectorType(VectorFixtures.DIMENSIONS))),
                List.of(IndexDefinition.primaryKey("id"), VectorFixtures.vectorIndex("v_cos", "embedding", "cosine", type)));
    }

    private void open()
    {
        engine = LuceneStorageEngine.open(dataDirectory, TestLuceneStorageEngine.options(true));
    }

    private void restart()
    {
        engine.close();
        open();
    }

    /** Writes the rows in one statement to every table, and waits until the index writers have them. */
    private void write(float[]... vectors)
    {
        List<List<Value>> values = new ArrayList<>();
        for (float[] vector : vectors) {
            Row row = Row.of(Value.of((long) rows.size() + 1), vector == null ? Value.NULL : Value.of(vector));
            rows.add(row);
            values.add(row.values());
        }
        for (String type : TYPES) {
            engine.table("db", "t_" + type).write(new WriteRequest(List.of("id", "embedding"), values, ConflictPolicy.ERROR));
        }
        assertThat(engine.drainIndexApplier()).isTrue();
    }

    /** The in-memory engine's answer: every row's distance by {@link VectorMetric}, nearest first, ties by id. */
    private List<VectorFixtures.Hit> reference(VectorMetric metric, float[] query, int k)
    {
        List<VectorFixtures.Hit> hits = new ArrayList<>();
        for (Row row : rows) {
            if (row.get(1) instanceof Value.VectorValue vector) {
                double distance = metric.distance(query, vector.value());
                if (!Double.isNaN(distance)) {
                    hits.add(new VectorFixtures.Hit(VectorFixtures.id(row), distance));
                }
            }
        }
        hits.sort(Comparator.comparingDouble(VectorFixtures.Hit::distance).thenComparingLong(VectorFixtures.Hit::id));
        return hits.subList(0, Math.min(k, hits.size()));
    }

    /** Approximate (ef_search above the table size: every row) and exact searches return the reference's distances. */
    private void assertSearches(long seed)
    {
        Random random = new Random(seed);
        List<float[]> queries = new ArrayList<>(List.of(new float[] {1, 2, 3, 4}, new float[] {-1, -2, -3, -4}, new float[] {1e-30f, 0, 0, 0}));
        for (int i = 0; i < 5; i++) {
            queries.add(VectorFixtures.randomVector(random));
        }
        for (String type : TYPES) {
            Table table = engine.table("db", "t_" + type);
            assertThat(table.count(Filter.ALL)).isEqualTo(rows.size());
            for (float[] query : queries) {
                List<VectorFixtures.Hit> expected = reference(VectorMetric.COSINE, query, rows.size());
                assertThat(VectorFixtures.hits(table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.COSINE, rows.size(),
                        SearchStrategy.APPROXIMATE).withEfSearch(1000)))).as(type).isEqualTo(expected);
                assertThat(VectorFixtures.hits(table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.COSINE, rows.size(),
                        SearchStrategy.EXACT)))).as(type).isEqualTo(expected);
                // another metric scans the rows: the index holds no zero vectors (and, quantized, unit vectors only)
                assertThat(VectorFixtures.hits(table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.L2, 3,
                        SearchStrategy.EXACT)))).as(type).isEqualTo(reference(VectorMetric.L2, query, 3));
            }
        }
    }

    /**
     * After a merge into one segment, a search with the default ef_search walks the graph; whichever rows it returns
     * (a 1-bit graph of 4 dimensions chooses poorly), their distances are the reference's, nearest first.
     */
    private void assertWalks(long seed)
    {
        Random random = new Random(seed);
        for (String type : TYPES) {
            Table table = engine.table("db", "t_" + type);
            for (int i = 0; i < 5; i++) {
                float[] query = i == 0 ? new float[] {3e38f, 3e38f, -3e38f, 3e38f} : VectorFixtures.randomVector(random);
                Map<Long, Double> exact = new HashMap<>();
                reference(VectorMetric.COSINE, query, rows.size()).forEach(hit -> exact.put(hit.id(), hit.distance()));
                SearchResult result = table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.COSINE, 5, SearchStrategy.APPROXIMATE));
                assertThat(result.access()).as(type).isEqualTo(SearchAccess.VECTOR_INDEX);
                List<VectorFixtures.Hit> hits = VectorFixtures.hits(result);
                assertThat(hits).as(type).hasSize(5).isSortedAccordingTo(Comparator.comparingDouble(VectorFixtures.Hit::distance));
                for (VectorFixtures.Hit hit : hits) {
                    assertThat(hit.distance()).as(type).isEqualTo(exact.get(hit.id()));
                }
            }
        }
    }

    @Test
    void testVectorsSummingToZeroNeverPoisonTheWriter()
    {
        open();
        engine.createDatabase("db");
        for (String type : TYPES) {
            engine.createTable("db", table(type));
        }
        // one segment of v and -v
        write(new float[] {1, 2, 3, 4}, new float[] {-1, -2, -3, -4});
        engine.checkpoint();
        assertSearches(SEED);
        // one whose vectors sum to zero exactly, and whose unit vectors do too
        write(new float[] {1, 2, 0, 0}, new float[] {3, -1, 0, 0}, new float[] {-4, -1, 0, 0});
        write(new float[] {0, 0, 2, 0}, new float[] {0, 0, 0, 5}, new float[] {0, 0, -2, 0}, new float[] {0, 0, 0, -5});
        // a zero vector, a NULL one, and vectors whose norm float arithmetic underflows or overflows
        write(new float[VectorFixtures.DIMENSIONS], null, new float[] {1e-30f, 0, -1e-30f, 0}, new float[] {-1e-30f, 0, 1e-30f, 0},
                new float[] {3e38f, 3e38f, -3e38f, 3e38f}, new float[] {-3e38f, -3e38f, 3e38f, -3e38f});
        engine.checkpoint();
        assertSearches(SEED + 1);
        Random random = new Random(SEED);
        for (int statement = 0; statement < 10; statement++) {
            float[][] vectors = new float[30][];
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = VectorFixtures.randomVector(random);
            }
            write(vectors);
        }
        for (String type : TYPES) {
            engine.table("db", "t_" + type).refreshIndexes();
        }
        assertSearches(SEED + 2);
        assertWalks(SEED + 2);
        restart();
        assertSearches(SEED + 3);
        assertWalks(SEED + 3);
        // the writers still take rows
        for (int i = 0; i < 5; i++) {
            float[] vector = VectorFixtures.randomVector(random);
            float[] opposite = new float[vector.length];
            for (int j = 0; j < vector.length; j++) {
                opposite[j] = -vector[j];
            }
            write(vector, opposite);
        }
        for (String type : TYPES) {
            engine.table("db", "t_" + type).refreshIndexes();
        }
        engine.checkpoint();
        assertSearches(SEED + 4);
        restart();
        assertSearches(SEED + 5);
        assertWalks(SEED + 5);
    }

    @Test
    void testNonFiniteVectorIsRefused()
    {
        open();
        engine.createDatabase("db");
        engine.createTable("db", table("hnsw_sq"));
        Table table = engine.table("db", "t_hnsw_sq");
        for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> table.write(new WriteRequest(List.of("id", "embedding"), List.of(List.of(Value.of(1L), Value.of(new float[] {1, bad, 0, 0}))),
                    ConflictPolicy.ERROR)))
                    .isInstanceOfSatisfying(QuiverException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ER_INVALID_VECTOR_TEXT));
        }
        assertThatThrownBy(() -> table.write(new WriteRequest(List.of("id", "embedding"), List.of(List.of(Value.of(1L), Value.of(new float[] {1, 2, 3}))),
                ConflictPolicy.ERROR)))
                .isInstanceOfSatisfying(QuiverException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ER_VECTOR_DIMENSION_MISMATCH));
        table.write(new WriteRequest(List.of("id", "embedding"), List.of(List.of(Value.of(1L), Value.of(new float[] {1, 2, 3, 4}))), ConflictPolicy.ERROR));
        assertThat(engine.drainIndexApplier()).isTrue();
        assertThat(table.count(Filter.ALL)).isEqualTo(1);
    }
}
