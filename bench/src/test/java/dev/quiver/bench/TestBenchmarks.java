package dev.quiver.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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

    @Test
    void testKnnDataIsCachedAndTheTruthIsExact()
            throws Exception
    {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        KnnData data = KnnData.load(temporary, 2_000, 16, 20, 42, quiet);
        KnnData again = KnnData.load(temporary, 2_000, 16, 20, 42, quiet);
        assertThat(again.base()).isDeepEqualTo(data.base());
        assertThat(again.truth()).isDeepEqualTo(data.truth());
        assertThat(again.tags()).isEqualTo(data.tags());
        for (int q = 0; q < data.queries().length; q++) {
            float[] query = data.queries()[q];
            int[] exact = java.util.stream.IntStream.range(0, data.rows()).boxed()
                    .sorted(java.util.Comparator.comparingDouble(i -> squared(query, data.base()[i])))
                    .limit(KnnData.K).mapToInt(Integer::intValue).toArray();
            assertThat(KnnData.recall(exact, data.truth()[q])).isEqualTo(1.0);
            for (int id : data.filteredTruth()[q]) {
                assertThat(data.tags()[id]).isEqualTo(KnnData.FILTER_TAG);
            }
        }
    }

    @Test
    void testQpsAtRecallInterpolatesBetweenTheEfsAroundIt()
    {
        List<KnnBenchmark.Point> points = List.of(point(10, 0.90, 1000), point(16, 0.96, 800), point(24, 0.99, 600));
        assertThat(KnnBenchmark.qpsAtRecall(points, 0.95)).isCloseTo(1000 + (0.05 / 0.06) * -200, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(KnnBenchmark.qpsAtRecall(points, 0.85)).isEqualTo(1000);
        assertThat(KnnBenchmark.qpsAtRecall(points, 0.999)).isNaN();
        assertThat(KnnBenchmark.firstReaching(points, 0.95)).map(KnnBenchmark.Point::ef).contains(16);
    }

    @Test
    void testKnnHarnessReportsEveryEngineItRan()
            throws Exception
    {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String engines = hnswlibInstalled() ? "lucene,hnswlib,quiver" : "lucene,quiver";
        BenchMain.knn(Map.of("work-dir", temporary.toString(), "sizes", "3000x16", "queries", "30", "efs", "10,64", "passes", "1",
                "engines", engines), new PrintStream(buffer, true, StandardCharsets.UTF_8), new PrintStream(log, true, StandardCharsets.UTF_8));
        String report = buffer.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("### 3,000 × 16", "| Lucene direct |", "| Lucene leaf API |", "| Quiver |");
        // at this size an ef of 64 finds the exact neighbours
        assertThat(report).containsPattern("\\| Lucene direct \\| none \\| 64 \\| 1\\.0000 \\|");
        assertThat(report).containsPattern("\\| Lucene direct \\| 1 % \\| 64 \\| 1\\.0000 \\|");
        if (hnswlibInstalled()) {
            assertThat(report).containsPattern("\\| hnswlib \\| none \\| 64 \\| 1\\.0000 \\|");
        }
    }

    @Test
    void testTextHarnessMeasuresLuceneAndReportsQuiver()
            throws Exception
    {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        BenchMain.text(Map.of("work-dir", temporary.toString(), "rows", "500", "queries", "20", "passes", "1"),
                new PrintStream(buffer, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String report = buffer.toString(StandardCharsets.UTF_8);
        assertThat(report).contains("| Lucene direct |", "| Quiver |");
    }

    private static boolean hnswlibInstalled()
            throws Exception
    {
        if (!java.nio.file.Files.isExecutable(Path.of("/usr/bin/python3"))) {
            return false;
        }
        Process process = new ProcessBuilder("/usr/bin/python3", "-c", "import hnswlib, numpy").redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        return process.waitFor() == 0;
    }

    private static KnnBenchmark.Point point(int ef, double recall, double qps)
    {
        return new KnnBenchmark.Point(ef, recall, qps, qps, qps, -1, "");
    }

    private static double squared(float[] a, float[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
