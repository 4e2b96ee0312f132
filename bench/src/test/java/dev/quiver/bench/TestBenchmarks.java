package dev.quiver.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the harnesses working (tiny sizes, no timing asserted): they write what they claim and print their
 * tables. The measurements themselves are run by hand and recorded in BENCHMARKS.md.
 */
class TestBenchmarks
{
    @TempDir
    Path temporary;

    @Test
    void testBothEnginesReceiveTheSameRows()
    {
        CollectionRow first = CollectionRow.generate(7, 16, new Random(1));
        CollectionRow again = CollectionRow.generate(7, 16, new Random(1));
        assertThat(first.id()).isEqualTo(again.id());
        assertThat(first.document()).isEqualTo(again.document());
        assertThat(first.metadata()).isEqualTo(again.metadata());
        assertThat(first.embedding()).isEqualTo(again.embedding());
        assertThat(first.embedding()).hasSize(16);
    }

    @Test
    void testUpsertHarnessPrintsBothEngines()
            throws Exception
    {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        BenchMain.upserts(Map.of("work-dir", temporary.toString(), "dims", "8", "writers", "2", "batch", "10",
                "seconds", "0.5", "burst", "0.2", "keys", "100", "warmup", "0.1"), new PrintStream(buffer, true, StandardCharsets.UTF_8));
        String table = buffer.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("| 8 | 2 | Quiver |", "| 8 | 2 | Lucene direct |");
    }

    @Test
    void testQuiverKeepsOneRowPerKey()
            throws Exception
    {
        try (QuiverUpsertTarget target = QuiverUpsertTarget.open(temporary.resolve("q"), 4)) {
            UpsertBenchmark.Result result = UpsertBenchmark.run(target, new UpsertBenchmark.Settings(4, 2, 5, 20, 0.1, 0.3, 3));
            assertThat(result.rows()).isPositive();
            long stored = target.engine().table(QuiverUpsertTarget.DATABASE, QuiverUpsertTarget.TABLE)
                    .count(new dev.quiver.storage.filter.Filter.All());
            assertThat(stored).isBetween(1L, 20L);
        }
    }

    @Test
    void testRecoveryHarnessFindsEveryRowAfterAHalt()
            throws Exception
    {
        RecoveryBenchmark.Result result = RecoveryBenchmark.run(temporary.resolve("r"), 2_500, 8, 5);
        assertThat(result.rowsAfterOpen()).isEqualTo(2_500);
    }
}
