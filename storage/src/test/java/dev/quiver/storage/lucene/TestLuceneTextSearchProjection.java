package dev.quiver.storage.lucene;

import dev.quiver.common.QuiverException;
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
import dev.quiver.storage.search.TextMode;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;
import dev.quiver.storage.wal.WalOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The text search's short paths against the reference engine: with no filter and no residual
 * ({@link TextSearchRequest#NO_RESIDUAL}) the durable engine runs one top-k search and reads no row to accept hits, and
 * a projection of primary key columns is read from the key doc values instead of the stored rows. Random writes,
 * updates and deletes go to the reference engine and to two durable engines, one refreshing after every changed row
 * (the version-map overlay always empty) and one never by row count (the overlay holds the recent changes); every
 * query, with key-only, mixed and whole-row projections, with and without a filter or residual, with and without a
 * limit, must return the same rows, projected, in the same order with the same scores in all three.
 * {@code -Dtests.seed=S} replays.
 */
class TestLuceneTextSearchProjection
{
    private static final String[] WORDS = {"red", "green", "blue", "fox", "dog", "cat", "bird", "fish", "fig", "owl"};
    private static final List<List<String>> PROJECTIONS = List.of(List.of("id"), List.of("code", "id"), List.of("id", "n"), List.of("body"), List.of());

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
                ColumnDefinition.nullable("body", ColumnType.StringType.text()),
                ColumnDefinition.nullable("n", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT))),
                List.of(IndexDefinition.primaryKey("code", "id"), IndexDefinition.index("ix_n", "n"),
                        new IndexDefinition("ft_body", IndexDefinition.Kind.FULLTEXT, List.of("body"), Map.of("parser", "space"))));
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
                java.util.function.Consumer<Table> statement = randomStatement(random);
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
                    TextSearchRequest request = randomQuery(random);
                    String about = context + ", step " + step + ", '" + request.query() + "' " + request.mode() + " projection " + request.projection()
                            + " filter " + request.filter() + " limit " + request.limit() + (request.residual() == TextSearchRequest.NO_RESIDUAL ? "" : " with a residual");
                    List<ScoredRow> expected = search(reference, request);
                    for (ScoredRow row : expected) {
                        assertThat(row.row().size()).as(about).isEqualTo(request.projection().isEmpty() ? 4 : request.projection().size());
                    }
                    TestLuceneTextSearchAgainstReference.assertSameRanking(search(refreshed, request), expected, about + ", overlay empty");
                    TestLuceneTextSearchAgainstReference.assertSameRanking(search(overlaid, request), expected, about + ", overlay present");
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

    private static List<ScoredRow> search(StorageEngine engine, TextSearchRequest request)
    {
        return engine.table("db", "t").textSearch(request).rows();
    }

    private static String text(Random random, int maxWords)
    {
        if (random.nextInt(10) == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        int words = random.nextInt(maxWords + 1);
        for (int i = 0; i < words; i++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        return text.toString();
    }

    private static Value value(String text)
    {
        return text == null ? Value.NULL : Value.of(text);
    }

    private static java.util.function.Consumer<Table> randomStatement(Random random)
    {
        List<List<Value>> rows = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            rows.add(List.of(Value.of(random.nextInt(50)), Value.of("c" + random.nextInt(2)), value(text(random, 8)), Value.of(random.nextInt(4))));
        }
        List<String> columns = List.of("id", "code", "body", "n");
        int key = random.nextInt(50);
        String newBody = text(random, 6);
        return switch (random.nextInt(6)) {
            case 0, 1, 2 -> table -> table.write(new WriteRequest(columns, rows, ConflictPolicy.REPLACE));
            case 3 -> table -> table.write(new WriteRequest(columns, rows, ConflictPolicy.IGNORE));
            case 4 -> table -> table.update(Filter.equal("n", Value.of(key % 4)), row -> row.with(2, value(newBody)));
            default -> table -> table.delete(Filter.Range.atLeast(Filter.Field.column("id"), Value.of(40 + key % 10)));
        };
    }

    private static TextSearchRequest randomQuery(Random random)
    {
        TextMode mode = random.nextBoolean() ? TextMode.NATURAL_LANGUAGE : TextMode.BOOLEAN;
        StringBuilder query = new StringBuilder();
        int terms = 1 + random.nextInt(3);
        for (int i = 0; i < terms; i++) {
            if (mode == TextMode.BOOLEAN && random.nextInt(5) == 0) {
                query.append(random.nextBoolean() ? '+' : '-');
            }
            query.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        Filter filter = random.nextInt(4) == 0 ? Filter.equal("n", Value.of(random.nextInt(4))) : Filter.ALL;
        int odd = random.nextInt(2);
        Predicate<Row> residual = random.nextInt(4) == 0
                ? row -> ((Value.IntegerValue) row.get(0)).value() % 2 == odd
                : TextSearchRequest.NO_RESIDUAL;
        OptionalInt limit = random.nextInt(3) == 0 ? OptionalInt.empty() : OptionalInt.of(1 + random.nextInt(6));
        List<String> projection = PROJECTIONS.get(random.nextInt(PROJECTIONS.size()));
        return new TextSearchRequest(List.of("body"), query.toString(), mode, filter, residual, limit, projection);
    }
}
