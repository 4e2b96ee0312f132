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
import dev.quiver.storage.wal.WalOptions;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The child process of {@link TestCrashRecovery}: upserts pairs of rows (one statement per pair, both rows with the
 * same value) from several threads and prints {@code ACK key value} after each statement returns, until killed.
 * Each thread's own keys are disjoint from the others' (those writers run in parallel); every third round a thread
 * also upserts a pair of {@link #SHARED_KEYS} keys that all threads race on, with a fresh value from a counter
 * shared by the threads and an ODKU merge keeping the larger value, and prints {@code ACKSHARED key value}.
 */
public final class CrashWorker
{
    static final String DATABASE = "crash";
    static final String TABLE = "pairs";
    static final int THREADS = 4;
    static final int KEYS_PER_THREAD = 8;
    static final int SHARED_KEYS = 3;

    private CrashWorker() {}

    static LuceneEngineOptions options()
    {
        return new LuceneEngineOptions(new WalOptions(64 << 10, WalOptions.ChannelFactory.DEFAULT), Duration.ofMillis(150), 128 << 10, false, 50);
    }

    static TableDefinition table()
    {
        return new TableDefinition(TABLE, List.of(
                ColumnDefinition.notNull("name", ColumnType.StringType.varchar(32)),
                ColumnDefinition.notNull("value", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.BIGINT)),
                ColumnDefinition.nullable("padding", ColumnType.StringType.text())),
                List.of(IndexDefinition.primaryKey("name")));
    }

    static String key(int thread, int index)
    {
        return "t" + thread + "-" + index;
    }

    static String sharedKey(int index)
    {
        return "shared-" + index;
    }

    static long value(Table table, String name)
    {
        Optional<Row> row = table.get(List.of(List.of(Value.of(name)))).get(0);
        return row.map(r -> ((Value.IntegerValue) r.get(1)).value()).orElse(0L);
    }

    public static void main(String[] args)
            throws Exception
    {
        Path dataDirectory = Path.of(args[0]);
        PrintStream out = new PrintStream(System.out, false, java.nio.charset.StandardCharsets.UTF_8);
        StorageEngine engine = LuceneStorageEngine.open(dataDirectory, options());
        if (!engine.databaseExists(DATABASE)) {
            engine.createDatabase(DATABASE);
        }
        if (!engine.tableExists(DATABASE, TABLE)) {
            engine.createTable(DATABASE, table());
        }
        Table table = engine.table(DATABASE, TABLE);
        Object outputLock = new Object();
        synchronized (outputLock) {
            out.println("READY");
            out.flush();
        }
        String padding = "p".repeat(200);
        long highest = 0;
        for (int i = 0; i < SHARED_KEYS; i++) {
            highest = Math.max(highest, value(table, sharedKey(i) + ":a"));
        }
        java.util.concurrent.atomic.AtomicLong sharedValues = new java.util.concurrent.atomic.AtomicLong(highest);
        ConflictPolicy keepLarger = ConflictPolicy.update((existing, proposed) ->
                ((Value.IntegerValue) proposed.get(1)).value() > ((Value.IntegerValue) existing.get(1)).value() ? proposed : existing);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                for (long round = 0; ; round++) {
                    String key = key(thread, (int) (round % KEYS_PER_THREAD));
                    long next = value(table, key + ":a") + 1;
                    table.write(new dev.quiver.storage.table.WriteRequest(List.of("name", "value", "padding"), List.of(
                            List.of(Value.of(key + ":a"), Value.of(next), Value.of(padding)),
                            List.of(Value.of(key + ":b"), Value.of(next), Value.of(padding))),
                            ConflictPolicy.update((existing, proposed) -> proposed)));
                    synchronized (outputLock) {
                        out.println("ACK " + key + " " + next);
                        out.flush();
                    }
                    if (round % 3 == thread % 3) {
                        String shared = sharedKey((int) ((round / 3 + thread) % SHARED_KEYS));
                        long value = sharedValues.incrementAndGet();
                        table.write(new dev.quiver.storage.table.WriteRequest(List.of("name", "value", "padding"), List.of(
                                List.of(Value.of(shared + ":a"), Value.of(value), Value.of(padding)),
                                List.of(Value.of(shared + ":b"), Value.of(value), Value.of(padding))),
                                keepLarger));
                        synchronized (outputLock) {
                            out.println("ACKSHARED " + shared + " " + value);
                            out.flush();
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
