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
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.ScanRequest;
import dev.quiver.storage.table.WriteRequest;
import dev.quiver.storage.wal.WalOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random statements against the reference engine and the durable engine (tiny refresh threshold, restarts without
 * checkpoint now and then): both must report the same outcomes and errors and hold the same rows.
 */
class TestLuceneAgainstReference
{
    @TempDir
    Path dataDirectory;

    @Test
    void testRandomStatementsAgree()
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "replay with -Dtests.seed=" + seed;
        TableDefinition definition = new TableDefinition("t", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT)),
                ColumnDefinition.nullable("name", ColumnType.StringType.varchar(8)),
                ColumnDefinition.nullable("code", ColumnType.BinaryType.varbinary(4)),
                ColumnDefinition.notNull("n", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT)).withDefault(Value.of(0))),
                List.of(IndexDefinition.primaryKey("id"), IndexDefinition.unique("uk_name", "name"), IndexDefinition.unique("uk_code", "code", "n")));
        LuceneEngineOptions options = new LuceneEngineOptions(new WalOptions(8192, WalOptions.ChannelFactory.DEFAULT), Duration.ZERO,
                32 << 10, false, 1 + random.nextInt(4));
        StorageEngine reference = new InMemoryStorageEngine();
        StorageEngine durable = LuceneStorageEngine.open(dataDirectory, options);
        try {
            for (StorageEngine engine : List.of(reference, durable)) {
                engine.createDatabase("db");
                engine.createTable("db", definition);
            }
            for (int step = 0; step < 400; step++) {
                Function<Table, Object> statement = randomStatement(random);
                Object expected = run(statement, reference.table("db", "t"));
                Object actual = run(statement, durable.table("db", "t"));
                assertThat(actual).as("%s, step %d", context, step).isEqualTo(expected);
                if (random.nextInt(60) == 0) {
                    durable.close();
                    durable = LuceneStorageEngine.open(dataDirectory, options);
                }
                if (step % 20 == 0 || step == 399) {
                    assertThat(durable.table("db", "t").scan(ScanRequest.all()).toList()).as("%s, step %d", context, step)
                            .containsExactlyElementsOf(reference.table("db", "t").scan(ScanRequest.all()).toList());
                }
            }
        }
        finally {
            durable.close();
        }
    }

    private static Object run(Function<Table, Object> statement, Table table)
    {
        try {
            return statement.apply(table);
        }
        catch (QuiverException e) {
            return e.getMessage();
        }
    }

    private static Function<Table, Object> randomStatement(Random random)
    {
        List<List<Value>> rows = new ArrayList<>();
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            rows.add(List.of(Value.of(random.nextInt(12)),
                    random.nextInt(5) == 0 ? Value.NULL : Value.of(List.of("a", "A", "b", "c ", "C", "d").get(random.nextInt(6))),
                    random.nextInt(4) == 0 ? Value.NULL : Value.of(new byte[] {(byte) random.nextInt(3)}),
                    Value.of(random.nextInt(3))));
        }
        int kind = random.nextInt(7);
        boolean keepName = random.nextBoolean();
        int key = random.nextInt(12);
        return switch (kind) {
            case 0 -> table -> table.write(new WriteRequest(List.of("id", "name", "code", "n"), rows, ConflictPolicy.ERROR)).outcomes();
            case 1 -> table -> table.write(new WriteRequest(List.of("id", "name", "code", "n"), rows, ConflictPolicy.IGNORE)).outcomes();
            case 2 -> table -> table.write(new WriteRequest(List.of("id", "name", "code", "n"), rows, ConflictPolicy.REPLACE)).outcomes();
            case 3 -> table -> table.write(new WriteRequest(List.of("id", "name", "code", "n"), rows,
                    ConflictPolicy.update((existing, proposed) -> existing.with(3, Value.of(((Value.IntegerValue) existing.get(3)).value() + 1))
                            .with(1, keepName ? existing.get(1) : proposed.get(1))))).outcomes();
            case 4 -> table -> table.update(Filter.equal("id", Value.of(key)), row -> row.with(0, Value.of((((Value.IntegerValue) row.get(0)).value() + 5) % 12)));
            case 5 -> table -> table.delete(Filter.Range.atLeast(Filter.Field.column("id"), Value.of(key)));
            default -> table -> table.get(List.of(List.of(Value.of(key)), List.of(Value.of(key + 1))));
        };
    }

    @SuppressWarnings("unused")
    private static Row row(Value... values)
    {
        return Row.of(values);
    }
}
