package dev.quiver.storage.lucene;

import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a child JVM (SIGKILL) while it upserts from several threads, reopens the data directory and checks that
 * every acknowledged statement is present with its last acknowledged value (or the one statement per key that was
 * in flight) and that no statement is half-applied. Cycles and seed: {@code -Dtests.crash.cycles},
 * {@code -Dtests.seed}.
 */
class TestCrashRecovery
{
    @TempDir
    Path dataDirectory;

    @Test
    void testAcknowledgedUpsertsSurviveKill()
            throws Exception
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        int cycles = Integer.getInteger("tests.crash.cycles", 12);
        System.out.println("TestCrashRecovery seed: -Dtests.seed=" + seed);
        Random random = new Random(seed);
        Map<String, Long> acknowledged = new HashMap<>();
        Map<String, Long> sharedAcknowledged = new HashMap<>();
        for (int cycle = 0; cycle < cycles; cycle++) {
            int acksBeforeKill = 20 + random.nextInt(400);
            runAndKill(acksBeforeKill, acknowledged, sharedAcknowledged);
            try (StorageEngine engine = LuceneStorageEngine.open(dataDirectory, CrashWorker.options())) {
                Table table = engine.table(CrashWorker.DATABASE, CrashWorker.TABLE);
                for (int thread = 0; thread < CrashWorker.THREADS; thread++) {
                    for (int index = 0; index < CrashWorker.KEYS_PER_THREAD; index++) {
                        String key = CrashWorker.key(thread, index);
                        long a = CrashWorker.value(table, key + ":a");
                        long b = CrashWorker.value(table, key + ":b");
                        long acked = acknowledged.getOrDefault(key, 0L);
                        assertThat(a).as("cycle %d key %s: both rows of a statement (seed %d)", cycle, key, seed).isEqualTo(b);
                        assertThat(a).as("cycle %d key %s: acknowledged %d (seed %d)", cycle, key, acked, seed).isBetween(acked, acked + 1);
                        acknowledged.put(key, a);
                    }
                }
                for (int index = 0; index < CrashWorker.SHARED_KEYS; index++) {
                    String key = CrashWorker.sharedKey(index);
                    long a = CrashWorker.value(table, key + ":a");
                    long b = CrashWorker.value(table, key + ":b");
                    long acked = sharedAcknowledged.getOrDefault(key, 0L);
                    assertThat(a).as("cycle %d shared key %s: both rows of a statement (seed %d)", cycle, key, seed).isEqualTo(b);
                    assertThat(a).as("cycle %d shared key %s: acknowledged %d (seed %d)", cycle, key, acked, seed).isGreaterThanOrEqualTo(acked);
                    sharedAcknowledged.put(key, a);
                }
            }
        }
        assertThat(sharedAcknowledged.values()).as("writers racing on shared keys were acknowledged").anyMatch(value -> value > 0);
    }

    private void runAndKill(int acksBeforeKill, Map<String, Long> acknowledged, Map<String, Long> sharedAcknowledged)
            throws Exception
    {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "-Xmx256m",
                CrashWorker.class.getName(), dataDirectory.toString()));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        // a hung worker must fail the test, not hang it: kill it after a generous bound, which ends our reads
        CompletableFuture.delayedExecutor(60, TimeUnit.SECONDS).execute(() -> process.toHandle().destroyForcibly());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            int acks = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("ACKSHARED ")) {
                    String[] parts = line.split(" ");
                    sharedAcknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
                }
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
                    if (++acks >= acksBeforeKill) {
                        break;
                    }
                }
            }
            assertThat(acks).as("the worker acknowledged writes before dying on its own").isEqualTo(acksBeforeKill);
            // SIGKILL through the handle, which (unlike Process.destroyForcibly) leaves our end of the pipe open
            process.toHandle().destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // acknowledgements printed before the kill count too
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("ACKSHARED ")) {
                    String[] parts = line.split(" ");
                    sharedAcknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
                }
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acknowledged.merge(parts[1], Long.parseLong(parts[2]), Math::max);
                }
            }
        }
        finally {
            process.destroyForcibly();
        }
    }
}
