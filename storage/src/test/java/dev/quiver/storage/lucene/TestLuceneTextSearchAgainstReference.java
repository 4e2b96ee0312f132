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
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.TextMode;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;
import dev.quiver.storage.wal.WalOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random writes, updates and deletes against the reference engine and the durable engine (refresh after 1-4 changed
 * rows, restarts without checkpoint now and then), with random natural-language and boolean queries after every
 * statement: both engines must return the same rows in the same order with the same scores (1e-5 relative; rows
 * whose scores tie may come in either order, since row ids can differ after a restart). One run per parser;
 * {@code -Dtests.seed=S} replays.
 */
class TestLuceneTextSearchAgainstReference
{
    private static final String[] WORDS = {"red", "green", "blue", "redder", "greenish", "fox", "dog", "cat", "catalog", "bird", "fish", "fig"};

    @TempDir
    Path dataDirectory;

    @ParameterizedTest
    @ValueSource(strings = {"space", "beng", "ngram", "ik"})
    void testRandomSearchesAgree(String parser)
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "parser " + parser + ", replay with -Dtests.seed=" + seed;
        TableDefinition definition = new TableDefinition("t", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT)),
                ColumnDefinition.nullable("title", ColumnType.StringType.varchar(40)),
                ColumnDefinition.nullable("body", ColumnType.StringType.text()),
                ColumnDefinition.nullable("n", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT))),
                List.of(IndexDefinition.primaryKey("id"), IndexDefinition.index("ix_n", "n"),
                        new IndexDefinition("ft_body", IndexDefinition.Kind.FULLTEXT, List.of("body"), Map.of("parser", parser)),
                        new IndexDefinition("ft_both", IndexDefinition.Kind.FULLTEXT, List.of("title", "body"), Map.of("parser", "beng"))));
        LuceneEngineOptions options = new LuceneEngineOptions(new WalOptions(8192, WalOptions.ChannelFactory.DEFAULT), Duration.ZERO,
                32 << 10, false, 1 + random.nextInt(4));
        StorageEngine reference = new InMemoryStorageEngine();
        StorageEngine durable = LuceneStorageEngine.open(dataDirectory, options);
        try {
            for (StorageEngine engine : List.of(reference, durable)) {
                engine.createDatabase("db");
                engine.createTable("db", definition);
            }
            for (int step = 0; step < 150; step++) {
                java.util.function.Consumer<Table> statement = randomStatement(random);
                run(statement, reference.table("db", "t"));
                run(statement, durable.table("db", "t"));
                if (random.nextInt(40) == 0) {
                    durable.close();
                    durable = LuceneStorageEngine.open(dataDirectory, options);
                }
                for (int q = 0; q < 3; q++) {
                    TextSearchRequest request = randomQuery(random);
                    List<ScoredRow> expected = search(reference.table("db", "t"), request);
                    List<ScoredRow> actual = search(durable.table("db", "t"), request);
                    assertSameRanking(actual, expected, context + ", step " + step + ", " + request.columns() + " " + request.mode() + " '" + request.query() + "'");
                }
            }
        }
        finally {
            durable.close();
        }
    }

    private static List<ScoredRow> search(Table table, TextSearchRequest request)
    {
        try {
            return table.textSearch(request).rows();
        }
        catch (QuiverException e) {
            return List.of(new ScoredRow(dev.quiver.storage.row.Row.of(Value.of(e.getMessage())), 0));
        }
    }

    private static void run(java.util.function.Consumer<Table> statement, Table table)
    {
        try {
            statement.accept(table);
        }
        catch (QuiverException e) {
            // the same statement fails in both engines (TestLuceneAgainstReference checks outcomes)
        }
    }

    static void assertSameRanking(List<ScoredRow> actual, List<ScoredRow> expected, String context)
    {
        assertThat(actual).as(context).hasSameSizeAs(expected);
        int start = 0;
        while (start < expected.size()) {
            double score = expected.get(start).score();
            int end = start + 1;
            while (end < expected.size() && close(expected.get(end).score(), score)) {
                end++;
            }
            Set<Object> wanted = new HashSet<>();
            Set<Object> got = new HashSet<>();
            for (int i = start; i < end; i++) {
                assertThat(close(actual.get(i).score(), expected.get(i).score())).as("%s: score %s at %d, expected %s", context, actual.get(i).score(), i, expected.get(i).score()).isTrue();
                wanted.add(expected.get(i).row().values());
                got.add(actual.get(i).row().values());
            }
            assertThat(got).as("%s: rows ranked %d..%d", context, start, end - 1).isEqualTo(wanted);
            start = end;
        }
    }

    private static boolean close(double a, double b)
    {
        return Math.abs(a - b) <= 1e-5 * Math.max(1, Math.abs(b));
    }

    private static String text(Random random, int maxWords)
    {
        if (random.nextInt(8) == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        int words = random.nextInt(maxWords + 1);
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            text.append(random.nextInt(5) == 0 ? word.toUpperCase(java.util.Locale.ROOT) : word).append(random.nextInt(6) == 0 ? ", " : " ");
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
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            rows.add(List.of(Value.of(random.nextInt(40)), value(text(random, 3)), value(text(random, 8)), Value.of(random.nextInt(4))));
        }
        List<String> columns = List.of("id", "title", "body", "n");
        int key = random.nextInt(40);
        String newBody = text(random, 6);
        return switch (random.nextInt(6)) {
            case 0, 1 -> table -> table.write(new WriteRequest(columns, rows, ConflictPolicy.REPLACE));
            case 2 -> table -> table.write(new WriteRequest(columns, rows, ConflictPolicy.IGNORE));
            case 3 -> table -> table.write(new WriteRequest(columns, rows, ConflictPolicy.update((existing, proposed) -> existing.with(2, proposed.get(1)))));
            case 4 -> table -> table.update(Filter.equal("n", Value.of(key % 4)), row -> row.with(2, value(newBody)));
            default -> table -> table.delete(Filter.Range.atLeast(Filter.Field.column("id"), Value.of(30 + key % 10)));
        };
    }

    private static TextSearchRequest randomQuery(Random random)
    {
        List<String> columns = random.nextInt(4) == 0 ? List.of("title", "body") : List.of("body");
        StringBuilder query = new StringBuilder();
        TextMode mode = random.nextBoolean() ? TextMode.NATURAL_LANGUAGE : TextMode.BOOLEAN;
        int terms = 1 + random.nextInt(3);
        for (int i = 0; i < terms; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            if (mode == TextMode.BOOLEAN) {
                switch (random.nextInt(6)) {
                    case 0 -> query.append('+');
                    case 1 -> query.append('-');
                    default -> { }
                }
                switch (random.nextInt(5)) {
                    case 0 -> word = word.substring(0, 2) + "*";
                    case 1 -> word = "\"" + word + " " + WORDS[random.nextInt(WORDS.length)] + "\"";
                    case 2 -> word = "(" + word + " " + WORDS[random.nextInt(WORDS.length)] + ")";
                    default -> { }
                }
            }
            query.append(word).append(' ');
        }
        Filter filter = random.nextInt(3) == 0 ? Filter.equal("n", Value.of(random.nextInt(4))) : Filter.ALL;
        OptionalInt limit = random.nextInt(3) == 0 ? OptionalInt.of(1 + random.nextInt(5)) : OptionalInt.empty();
        return new TextSearchRequest(columns, query.toString(), mode, filter, row -> true, limit, List.of());
    }
}
