package dev.quiver.storage.lucene;

import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A rough measurement, not a timed test: durable upserts/s of collection-shaped rows (id, document, metadata,
 * 128-d vector) in batches, with 1 and 4 writers, then reopen time. Run with
 * {@code -Dtest=BenchUpsertThroughput -Dtests.bench=true}.
 */
@EnabledIfSystemProperty(named = "tests.bench", matches = "true")
class BenchUpsertThroughput
{
    @TempDir
    Path dataDirectory;

    @Test
    void measure()
            throws Exception
    {
        int dimensions = Integer.getInteger("bench.dims", 128);
        int batch = Integer.getInteger("bench.batch", 100);
        long seconds = Long.getLong("bench.seconds", 5);
        LuceneEngineOptions options = LuceneEngineOptions.defaults();
        long rows;
        try (StorageEngine engine = LuceneStorageEngine.open(dataDirectory, options)) {
            engine.createDatabase("bench");
            engine.createTable("bench", new TableDefinition("coll", List.of(
                    ColumnDefinition.notNull("_id", ColumnType.BinaryType.varbinary(512)),
                    ColumnDefinition.nullable("document", ColumnType.StringType.string()),
                    ColumnDefinition.nullable("embedding", new ColumnType.VectorType(dimensions)),
                    ColumnDefinition.nullable("metadata", new ColumnType.JsonType())),
                    List.of(IndexDefinition.primaryKey("_id"))));
            Table table = engine.table("bench", "coll");
            for (int writers : new int[] {1, 4}) {
                AtomicLong written = new AtomicLong();
                long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
                List<Thread> threads = new ArrayList<>();
                long start = System.nanoTime();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    threads.add(Thread.ofPlatform().start(() -> {
                        Random random = new Random(writer);
                        while (System.nanoTime() < deadline) {
                            List<List<Value>> values = new ArrayList<>(batch);
                            for (int i = 0; i < batch; i++) {
                                float[] vector = new float[dimensions];
                                for (int d = 0; d < dimensions; d++) {
                                    vector[d] = random.nextFloat();
                                }
                                String id = "w" + writer + "-" + random.nextInt(200_000);
                                values.add(List.of(Value.of(id.getBytes(StandardCharsets.UTF_8)), Value.of("document " + id),
                                        Value.of(vector), Value.of("{\"lang\": \"en\", \"n\": " + i + "}")));
                            }
                            table.write(new WriteRequest(List.of("_id", "document", "embedding", "metadata"), values,
                                    ConflictPolicy.update((existing, proposed) -> proposed)));
                            written.addAndGet(batch);
                        }
                    }));
                }
                for (Thread thread : threads) {
                    thread.join();
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                System.out.printf("BENCH dims=%d batch=%d writers=%d: %.0f durable upserts/s (%d rows in %.1f s)%n",
                        dimensions, batch, writers, written.get() / elapsed, written.get(), elapsed);
            }
            rows = table.count(dev.quiver.storage.filter.Filter.ALL);
        }
        long open = System.nanoTime();
        try (StorageEngine engine = LuceneStorageEngine.open(dataDirectory, options)) {
            System.out.printf("BENCH reopen after checkpoint with %d rows: %.2f s%n", engine.table("bench", "coll").count(dev.quiver.storage.filter.Filter.ALL),
                    (System.nanoTime() - open) / 1e9);
        }
        System.out.println("BENCH rows " + rows);
    }
}
