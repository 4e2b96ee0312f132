package dev.quiver.storage;

import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.ColumnType.IntegerWidth;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.json.JsonParser;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.VectorMetric;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/**
 * Data and a brute-force oracle for the vector search contract cases: distances computed here independently of
 * {@link VectorMetric} (Euclidean, 1 - cos, negative dot product), nearest first, ties by id.
 */
public final class VectorFixtures
{
    public static final int DIMENSIONS = 4;

    private VectorFixtures() {}

    /** A result row's id and distance. */
    public record Hit(long id, double distance) {}

    /**
     * {@code id BIGINT PRIMARY KEY, category INT (indexed), meta JSON, embedding VECTOR(4)} with three VECTOR indexes on
     * {@code embedding}: l2 / hnsw, cosine / hnsw_sq, inner_product / hnsw_bq.
     */
    public static TableDefinition vectorTable(String name)
    {
        return new TableDefinition(name, List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(IntegerWidth.BIGINT)),
                ColumnDefinition.nullable("category", ColumnType.IntegerType.signed(IntegerWidth.INT)),
                ColumnDefinition.nullable("meta", new ColumnType.JsonType()),
                ColumnDefinition.nullable("embedding", new ColumnType.VectorType(DIMENSIONS))),
                List.of(IndexDefinition.primaryKey("id"), IndexDefinition.index("ix_category", "category"),
                        vectorIndex("v_l2", "embedding", "l2", "hnsw"),
                        vectorIndex("v_cos", "embedding", "cosine", "hnsw_sq"),
                        vectorIndex("v_ip", "embedding", "inner_product", "hnsw_bq")));
    }

    public static IndexDefinition vectorIndex(String name, String column, String distance, String type)
    {
        return new IndexDefinition(name, IndexDefinition.Kind.VECTOR, List.of(column), Map.of("distance", distance, "type", type));
    }

    /**
     * {@code count} rows with ids 1..count: category id % 10, meta {"g": id % 7, "tag": "t" + id % 3}, a seeded
     * random vector; every 13th vector is NULL and row 5 has the zero vector.
     */
    public static List<Row> rows(long seed, int count)
    {
        Random random = new Random(seed);
        List<Row> rows = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            Value vector;
            if (id % 13 == 0) {
                vector = Value.NULL;
            }
            else if (id == 5) {
                vector = Value.of(new float[DIMENSIONS]);
            }
            else {
                vector = Value.of(randomVector(random));
            }
            rows.add(Row.of(Value.of(id), Value.of(id % 10), json("{\"g\": " + id % 7 + ", \"tag\": \"t" + id % 3 + "\"}"), vector));
        }
        return rows;
    }

    public static Value json(String text)
    {
        try {
            return Value.of(JsonParser.parse(text));
        }
        catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    public static float[] randomVector(Random random)
    {
        float[] vector = new float[DIMENSIONS];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (random.nextGaussian() * 2);
        }
        return vector;
    }

    /** The nearest {@code k} rows passing {@code filter}, computed independently. */
    public static List<Hit> bruteForce(List<Row> rows, int column, VectorMetric metric, float[] query, int k, Predicate<Row> filter)
    {
        List<Hit> hits = new ArrayList<>();
        for (Row row : rows) {
            if (row.get(column) instanceof Value.VectorValue vector && filter.test(row)) {
                double distance = distance(metric, query, vector.value());
                if (!Double.isNaN(distance)) {
                    hits.add(new Hit(id(row), distance));
                }
            }
        }
        hits.sort(Comparator.comparingDouble(Hit::distance).thenComparingLong(Hit::id));
        return hits.subList(0, Math.min(k, hits.size()));
    }

    public static double distance(VectorMetric metric, float[] a, float[] b)
    {
        double dot = 0;
        double squares = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            squares += ((double) a[i] - b[i]) * ((double) a[i] - b[i]);
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return switch (metric) {
            case L2 -> Math.sqrt(squares);
            case COSINE -> normA == 0 || normB == 0 ? Double.NaN : 1 - dot / Math.sqrt(normA * normB);
            case INNER_PRODUCT -> -dot;
        };
    }

    public static long id(Row row)
    {
        return ((Value.IntegerValue) row.get(0)).value();
    }

    public static List<Hit> hits(SearchResult result)
    {
        return result.rows().stream().map(row -> new Hit(id(row.row()), row.score())).toList();
    }

    public static List<Long> ids(SearchResult result)
    {
        return result.rows().stream().map(ScoredRow::row).map(VectorFixtures::id).toList();
    }
}
