package dev.quiver.storage.lucene;

import dev.quiver.common.QuiverException;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.VectorFixtures;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.memory.InMemoryStorageEngine;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;
import dev.quiver.storage.wal.WalOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The vector search's row reading against the reference engine: without a filter or residual
 * ({@link VectorSearchRequest#NO_RESIDUAL}) the durable engine reads the rows of the final k hits only, and a
 * projection of primary key columns is read from the key doc values instead of the stored rows. Random writes, updates
 * and deletes go to the reference engine and to two durable engines, one refreshing after every changed row (the
 * version-map overlay always empty) and one never by row count (the overlay holds the recent changes); every query,
 * exact or approximate (with {@code ef_search} above the table size, so the answer is exact), for every metric, with
 * key-only, mixed and whole-row projections, with and without a filter or residual, must return the same rows,
 * projected, in the same order with the same distances in all three. {@code -Dtests.seed=S} replays.
 */
class TestLuceneVectorSearchProjection
{
    private static final List<List<String>> PROJECTIONS = List.of(List.of("id"), List.of("code", "id"), List.of("id", "n"), List.of("embedding"), List.of());

    @TempDir
    Path dataDirectory;

    @Test
    void testProjectionsAgreeWithOverlayPresentAndAbsent()
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "replay with -Dtests.seed=" + seed;
        TableDefinition definition = new TableDefinition("t", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT)),
                ColumnDefinition.notNull("code", ColumnType.StringType.varchar(10)),
                ColumnDefinition.nullable("embedding", new ColumnType.VectorType(4)),
                ColumnDefinition.nullable("n", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT))),
                List.of(IndexDefinition.primaryKey("code", "id"), IndexDefinition.index("ix_n", "n"),
                        VectorFixtures.vectorIndex("v_l2", "embedding", "l2", "hnsw"),
                        VectorFixtures.vectorIndex("v_cos", "embedding", "cosine", "hnsw"),
                        VectorFixtures.vectorIndex("v_ip", "embedding", "inner_product", "hnsw")));
        StorageEngine reference = new InMemoryStorageEngine();
        LuceneStorageEngine refreshed = LuceneStorageEngine.open(dataDirectory.resolve("refreshed"), options(1));
        LuceneStorageEngine overlaid = LuceneStorageEngine.open(dataDirectory.resolve("overlaid"), options(1_000_000));
        try {
            List<StorageEngine> engines = List.of(reference, refreshed, overlaid);
            for (StorageEngine engine : engines) {
                engine.createDatabase("db");
                engine.createTable("db", definition);
            }
            for (int step = 0; step < 120; step++) {
                Consumer<Table> statement = randomStatement(random);
                for (StorageEngine engine : engines) {
                    try {
                        statement.accept(engine.table("db", "t"));
                    }
                    catch (QuiverException e) {
                        // the same statement fails in every engine
                    }
                }
                if (random.nextInt(30) == 0) {
                    refreshed.checkpoint();
                    overlaid.checkpoint();
                }
                for (int q = 0; q < 4; q++) {
                    VectorSearchRequest request = randomQuery(random);
                    String about = context + ", step " + step + ", " + request.metric() + " " + request.strategy() + " k " + request.k()
                            + " projection " + request.projection() + " filter " + request.filter()
                            + (request.residual() == VectorSearchRequest.NO_RESIDUAL ? "" : " with a residual");
                    List<ScoredRow> expected = search(reference, request);
                    for (ScoredRow row : expected) {
                        assertThat(row.row().size()).as(about).isEqualTo(request.projection().isEmpty() ? 4 : request.projection().size());
                    }
                    assertThat(search(refreshed, request)).as(about + ", overlay empty").isEqualTo(expected);
                    assertThat(search(overlaid, request)).as(about + ", overlay present").isEqualTo(expected);
                }
            }
        }
        finally {
            refreshed.close();
            overlaid.close();
        }
    }

    private static LuceneEngineOptions options(int refreshRows)
    {
        return new LuceneEngineOptions(new WalOptions(8192, WalOptions.ChannelFactory.DEFAULT), Duration.ZERO, 64 << 10, false, refreshRows);
    }

    private static List<ScoredRow> search(StorageEngine engine, VectorSearchRequest request)
    {
        return engine.table("db", "t").vectorSearch(request).rows();
    }

    private static Value vector(Random random)
    {
        if (random.nextInt(12) == 0) {
            return Value.NULL;
        }
        float[] vector = new float[4];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = random.nextFloat() * 2 - 1;
        }
        return Value.of(vector);
    }

    private static Consumer<Table> randomStatement(Random random)
    {
        List<List<Value>> rows = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            rows.add(List.of(Value.of(random.nextInt(50)), Value.of("c" + random.nextInt(2)), vector(random), Value.of(random.nextInt(4))));
        }
        List<String> columns = List.of("id", "code", "embedding", "n");
        int key = random.nextInt(50);
        Value newVector = vector(random);
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> table -> table.write(new WriteRequest(columns, rows, ConflictPolicy.REPLACE));
            case 3 -> table -> table.write(new WriteRequest(columns, rows, ConflictPolicy.IGNORE));
            case 4 -> table -> table.update(Filter.equal("n", Value.of(key % 4)), row -> row.with(2, newVector));
            default -> table -> table.delete(Filter.Range.atLeast(Filter.Field.column("id"), Value.of(40 + key % 10)));
        };
    }

    private static VectorSearchRequest randomQuery(Random random)
    {
        float[] query = new float[4];
        for (int i = 0; i < query.length; i++) {
            query[i] = random.nextFloat() * 2 - 1;
        }
        VectorMetric metric = VectorMetric.values()[random.nextInt(VectorMetric.values().length)];
        Filter filter = random.nextInt(4) == 0 ? Filter.equal("n", Value.of(random.nextInt(4))) : Filter.ALL;
        int odd = random.nextInt(2);
        Predicate<Row> residual = random.nextInt(4) == 0
                ? row -> row.get(0) instanceof Value.IntegerValue id && id.value() % 2 == odd
                : VectorSearchRequest.NO_RESIDUAL;
        SearchStrategy strategy = random.nextBoolean() ? SearchStrategy.APPROXIMATE : SearchStrategy.EXACT;
        List<String> projection = PROJECTIONS.get(random.nextInt(PROJECTIONS.size()));
        return new VectorSearchRequest("embedding", query, metric, 1 + random.nextInt(8), filter, residual, strategy, OptionalInt.of(1000), projection);
    }
}
