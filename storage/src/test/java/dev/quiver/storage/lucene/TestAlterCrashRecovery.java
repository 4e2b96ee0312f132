package dev.quiver.storage.lucene;

import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.table.ScanRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a child JVM (SIGKILL) while it alters a table in a loop under concurrent upserts ({@link AlterCrashWorker}),
 * reopens the data directory and checks that the table is wholly one generation (definition and every row agree, and
 * the generation is at least the last acknowledged alter, at most one more), that no acknowledged upsert is lost and
 * no statement is half-applied, and that no table directory is left beyond the table's own. Cycles and seed:
 * {@code -Dtests.crash.cycles}, {@code -Dtests.seed}.
 */
class TestAlterCrashRecovery
{
    @TempDir
    Path dataDirectory;

    @Test
    void testAlterIsCrashAtomic()
            throws Exception
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        int cycles = Integer.getInteger("tests.crash.cycles", 4);
        System.out.println("TestAlterCrashRecovery seed: -Dtests.seed=" + seed);
        Random random = new Random(seed);
        Map<String, Long> acknowledged = new HashMap<>();
        long[] alterAcknowledged = {0};
        long lastGeneration = 0;
        for (int cycle = 0; cycle < cycles; cycle++) {
            runAndKill(20 + random.nextInt(300), acknowledged, alterAcknowledged);
            try (StorageEngine engine = LuceneStorageEngine.open(dataDirectory, CrashWorker.options())) {
                Table table = engine.table(AlterCrashWorker.DATABASE, AlterCrashWorker.TABLE);
                long generation = AlterCrashWorker.generationOf(table.definition());
                assertThat(table.definition()).as("cycle %d (seed %d)", cycle, seed).isEqualTo(AlterCrashWorker.generation(generation));
                assertThat(generation).as("cycle %d: acknowledged alter %d (seed %d)", cycle, alterAcknowledged[0], seed)
                        .isBetween(Math.max(alterAcknowledged[0], lastGeneration), alterAcknowledged[0] + 1);
                lastGeneration = generation;
                System.out.println("cycle " + cycle + ": generation " + generation + ", " + rows(table) + " rows");
                List<Row> rows = table.scan(ScanRequest.where(Filter.ALL)).toList();
                for (Row row : rows) {
                    assertThat(row.get(3)).as("cycle %d: every row of generation %d (seed %d)", cycle, generation, seed).isEqualTo(Value.of(generation));
                }
                for (int thread = 0; thread < AlterCrashWorker.THREADS; thread++) {
                    for (int index = 0; index < AlterCrashWorker.KEYS_PER_THREAD; index++) {
                        String key = CrashWorker.key(thread, index);
                        long a = CrashWorker.value(table, key + ":a");
                        long b = CrashWorker.value(table, key + ":b");
                        long acked = acknowledged.getOrDefault(key, 0L);
                        assertThat(a).as("cycle %d key %s: both rows of a statement (seed %d)", cycle, key, seed).isEqualTo(b);
                        assertThat(a).as("cycle %d key %s: acknowledged %d (seed %d)", cycle, key, acked, seed).isBetween(acked, acked + 1);
                        acknowledged.put(key, a);
                    }
                }
            }
            try (Stream<Path> children = Files.list(dataDirectory.resolve("tables"))) {
                assertThat(children.count()).as("cycle %d: only the live table's index is left (seed %d)", cycle, seed).isEqualTo(1);
            }
        }
        assertThat(alterAcknowledged[0]).as("alters were acknowledged").isPositive();
    }

    private static long rows(Table table)
    {
        return table.count(Filter.ALL);
    }

    private void runAndKill(int acksBeforeKill, Map<String, Long> acknowledged, long[] alterAcknowledged)
            throws Exception
    {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                AlterCrashWorker.class.getName(), dataDirectory.toString()));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(() -> process.toHandle().destroyForcibly());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            int acks = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                if (record(line, acknowledged, alterAcknowledged) && ++acks >= acksBeforeKill) {
                    break;
                }
            }
            assertThat(acks).as("the worker acknowledged writes before dying on its own").isEqualTo(acksBeforeKill);
            process.toHandle().destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            while ((line = reader.readLine()) != null) {
                record(line, acknowledged, alterAcknowledged);
            }
        }
        finally {
            process.destroyForcibly();
        }
    }

    /** Records an acknowledgement; true for a row upsert. */
    private static boolean record(String line, Map<String, Long> acknowledged, long[] alterAcknowledged)
    {
        String[] parts = line.split(" ");
        if (line.startsWith("ACKALTER ")) {
            alterAcknowledged[0] = Math.max(alterAcknowledged[0], Long.parseLong(parts[1]));
            return false;
        }
        if (line.startsWith("ACK ")) {
            acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
            return true;
        }
        return false;
    }
}
