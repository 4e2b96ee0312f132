package dev.quiver.storage.lucene;

import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link TestAlterCrashRecovery}: writers upsert pairs of rows (as {@link CrashWorker}, each
 * thread on its own keys, printing {@code ACK key value}) while another thread alters the table in a loop: generation
 * {@code g} has a column {@code gen INT NOT NULL DEFAULT g} that the alter sets to {@code g} in every row (and a
 * secondary index on odd generations), so a table that is wholly one generation has {@code gen = g} in every row.
 * Prints {@code ACKALTER g} after each alter returns.
 */
public final class AlterCrashWorker
{
    static final String DATABASE = "crash";
    static final String TABLE = "altered";
    static final int THREADS = 2;
    static final int KEYS_PER_THREAD = 8;

    private AlterCrashWorker() {}

    static TableDefinition generation(long generation)
    {
        List<IndexDefinition> indexes = new ArrayList<>(List.of(IndexDefinition.primaryKey("name")));
        if (generation % 2 == 1) {
            indexes.add(IndexDefinition.index("ix_value", "value"));
        }
        return new TableDefinition(TABLE, List.of(
                ColumnDefinition.notNull("name", ColumnType.StringType.varchar(32)),
                ColumnDefinition.notNull("value", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.BIGINT)),
                ColumnDefinition.nullable("padding", ColumnType.StringType.text()),
                ColumnDefinition.notNull("gen", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT)).withDefault(Value.of(generation))),
                indexes);
    }

    /** The generation of a definition (its {@code gen} column's default). */
    static long generationOf(TableDefinition definition)
    {
        return ((Value.IntegerValue) definition.column("gen").defaultValue().orElseThrow()).value();
    }

    public static void main(String[] args)
            throws Exception
    {
        Path dataDirectory = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
        StorageEngine engine = LuceneStorageEngine.open(dataDirectory, CrashWorker.options());
        if (!engine.databaseExists(DATABASE)) {
            engine.createDatabase(DATABASE);
        }
        if (!engine.tableExists(DATABASE, TABLE)) {
            engine.createTable(DATABASE, generation(0));
        }
        Table table = engine.table(DATABASE, TABLE);
        Object outputLock = new Object();
        String padding = "p".repeat(200);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (long round = 0; ; round++) {
                    String key = CrashWorker.key(thread, (int) (round % KEYS_PER_THREAD));
                    long next = CrashWorker.value(table, key + ":a") + 1;
                    table.write(new WriteRequest(List.of("name", "value", "padding"), List.of(
                            List.of(Value.of(key + ":a"), Value.of(next), Value.of(padding)),
                            List.of(Value.of(key + ":b"), Value.of(next), Value.of(padding))),
                            ConflictPolicy.update((existing, proposed) -> proposed)));
                    synchronized (outputLock) {
                        out.println("ACK " + key + " " + next);
                        out.flush();
                    }
                }
            }));
        }
        threads.add(Thread.ofPlatform().start(() -> {
            long generation = generationOf(table.definition());
            while (true) {
                long next = ++generation;
                engine.alterTable(DATABASE, TABLE, generation(next), row -> {
                    List<Value> values = new ArrayList<>(row.values());
                    values.set(3, Value.of(next));
                    return new Row(values);
                });
                synchronized (outputLock) {
                    out.println("ACKALTER " + next);
                    out.flush();
                }
                try {
                    Thread.sleep(5);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        }));
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
