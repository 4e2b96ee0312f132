package dev.quiver.bench;

import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.lucene.LuceneStorageEngine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Recovery time after a crash: a child JVM upserts {@code rows} rows with the engine's default checkpoint
 * settings and halts without closing right after its last acknowledgement (as kill -9 would), leaving the log
 * tail since the last checkpoint to replay. The parent then times opening the engine and checks every row is
 * there.
 */
final class RecoveryBenchmark
{
    record Result(long rows, int dimensions, double writeSeconds, double openSeconds, long rowsAfterOpen)
    {
    }

    private RecoveryBenchmark()
    {
    }

    static Result run(Path directory, long rows, int dimensions, long seed)
            throws IOException, InterruptedException
    {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-Xmx4g", "-cp", System.getProperty("java.class.path"), BenchMain.class.getName(),
                "recovery-writer", directory.toString(), String.valueOf(rows), String.valueOf(dimensions), String.valueOf(seed)));
        long writeStart = System.nanoTime();
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String last = "";
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                last = line;
            }
        }
        if (!child.waitFor(1, TimeUnit.HOURS) || !last.startsWith("acknowledged " + rows)) {
            throw new IllegalStateException("recovery writer failed: " + last);
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

        long openStart = System.nanoTime();
        try (StorageEngine engine = LuceneStorageEngine.open(directory)) {
            double openSeconds = (System.nanoTime() - openStart) / 1e9;
            long count = engine.table(QuiverUpsertTarget.DATABASE, QuiverUpsertTarget.TABLE).count(new Filter.All());
            return new Result(rows, dimensions, writeSeconds, openSeconds, count);
        }
    }

    /** The child: writes rows with distinct keys in batches, prints the count acknowledged, then halts. */
    static void writeAndHalt(Path directory, long rows, int dimensions, long seed)
    {
        Random random = new Random(seed);
        QuiverUpsertTarget target = QuiverUpsertTarget.open(directory, dimensions);
        int batchSize = 1000;
        List<CollectionRow> batch = new ArrayList<>(batchSize);
        for (long key = 0; key < rows; key++) {
            batch.add(CollectionRow.generate(key, dimensions, random));
            if (batch.size() == batchSize || key == rows - 1) {
                target.upsert(batch);
                batch.clear();
            }
        }
        System.out.println("acknowledged " + rows);
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
