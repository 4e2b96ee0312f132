package dev.quiver.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The benchmark runner. Each benchmark measures Quiver and its peer in the same run, on the same generated data,
 * and prints a Markdown table for {@code BENCHMARKS.md}.
 * <pre>
 *   upserts  [--dims 128,768] [--writers 1,4] [--batch 100] [--warmup 5] [--seconds 60] [--burst 5] [--keys 1000000] [--seed 42] [--work-dir D]
 *   recovery [--rows 1000000] [--dims 128] [--seed 42] [--work-dir D]
 *   knn      [--sizes 100000x128,100000x768,1000000x128] [--engines quiver,lucene,hnswlib] [--queries 1000] [--m 16]
 *            [--ef-construction 100] [--efs 10,16,24,32,48,64,96,128,256] [--passes 3] [--seed 42] [--work-dir D]
 *            [--filtered-only false] [--unfiltered-only false] [--python /usr/bin/python3] [--hnswlib-script bench/src/main/python/hnswlib_knn.py]
 *   text     [--rows 100000] [--queries 1000] [--passes 3] [--seed 42] [--force-merge false] [--work-dir D]
 *   sql-search [--rows 100000] [--dims 128] [--text-rows 100000] [--queries 1000] [--passes 3] [--seed 42] [--work-dir D]
 * </pre>
 * The kNN data and its exact ground truth are cached under the work directory ({@code knn-n...-d...}) and reused.
 * The kNN filter is {@code tag = 0} (1 % of the rows); {@code -Dknn.filterTags=10} makes it {@code tag < 10} (10 %).
 */
public final class BenchMain
{
    private BenchMain()
    {
    }

    public static void main(String[] arguments)
            throws Exception
    {
        if (arguments.length == 0) {
            System.err.println("usage: BenchMain upserts|recovery|knn|text|sql-search [options]  (see the class comment)");
            System.exit(2);
        }
        PrintStream out = System.out;
        switch (arguments[0]) {
            case "upserts" -> upserts(options(arguments), out);
            case "recovery" -> recovery(options(arguments), out);
            case "knn" -> knn(options(arguments), out, System.err);
            case "text" -> text(options(arguments), out, System.err);
            case "sql-search" -> sqlSearch(options(arguments), out, System.err);
            case "recovery-writer" -> RecoveryBenchmark.writeAndHalt(Path.of(arguments[1]), Long.parseLong(arguments[2]),
                    Integer.parseInt(arguments[3]), Long.parseLong(arguments[4]));
            default -> {
                System.err.println("unknown benchmark: " + arguments[0]);
                System.exit(2);
            }
        }
    }

    static void upserts(Map<String, String> options, PrintStream out)
            throws Exception
    {
        Path work = Path.of(options.getOrDefault("work-dir", "bench/target/work"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "100"));
        double seconds = Double.parseDouble(options.getOrDefault("seconds", "60"));
        double burst = Double.parseDouble(options.getOrDefault("burst", "5"));
        long keys = Long.parseLong(options.getOrDefault("keys", "1000000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "5"));
        out.printf(Locale.ROOT, "Durable upserts, %d rows per batch, keys from %,d, %.0f s warm-up, %.0f s burst window, %.0f s run, seed %d, %d cores%n%n",
                batch, keys, warmup, burst, seconds, seed, Runtime.getRuntime().availableProcessors());
        out.println("| dims | writers | engine | burst rows/s | sustained rows/s | rows | sustained vs Lucene |");
        out.println("|---:|---:|---|---:|---:|---:|---:|");
        for (int dimensions : integers(options.getOrDefault("dims", "128,768"))) {
            for (int writers : integers(options.getOrDefault("writers", "1,4"))) {
                UpsertBenchmark.Settings settings = new UpsertBenchmark.Settings(dimensions, writers, batch, keys, burst, seconds, seed);
                UpsertBenchmark.Result quiver;
                Path quiverDirectory = fresh(work.resolve("quiver"));
                try (QuiverUpsertTarget target = QuiverUpsertTarget.open(quiverDirectory, dimensions)) {
                    UpsertBenchmark.run(target, settings.warmup(warmup));
                    quiver = UpsertBenchmark.run(target, settings);
                }
                UpsertBenchmark.Result lucene;
                Path luceneDirectory = fresh(work.resolve("lucene"));
                try (LuceneUpsertTarget target = new LuceneUpsertTarget(luceneDirectory)) {
                    UpsertBenchmark.run(target, settings.warmup(warmup));
                    lucene = UpsertBenchmark.run(target, settings);
                }
                print(out, quiver, lucene.sustainedRowsPerSecond());
                print(out, lucene, lucene.sustainedRowsPerSecond());
                delete(quiverDirectory);
                delete(luceneDirectory);
            }
        }
    }

    private static void print(PrintStream out, UpsertBenchmark.Result result, double luceneSustained)
    {
        out.printf(Locale.ROOT, "| %d | %d | %s | %,.0f | %,.0f | %,d | %.2f× |%n", result.settings().dimensions(), result.settings().writers(),
                result.engine(), result.burstRowsPerSecond(), result.sustainedRowsPerSecond(), result.rows(),
                result.sustainedRowsPerSecond() / luceneSustained);
        out.flush();
    }

    static void recovery(Map<String, String> options, PrintStream out)
            throws Exception
    {
        Path work = Path.of(options.getOrDefault("work-dir", "bench/target/work"));
        long rows = Long.parseLong(options.getOrDefault("rows", "1000000"));
        int dimensions = Integer.parseInt(options.getOrDefault("dims", "128"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        Path directory = fresh(work.resolve("recovery"));
        RecoveryBenchmark.Result result = RecoveryBenchmark.run(directory, rows, dimensions, seed);
        out.println("| rows | dims | write (child, then halt) s | open after crash s | rows found |");
        out.println("|---:|---:|---:|---:|---:|");
        out.printf(Locale.ROOT, "| %,d | %d | %.1f | %.2f | %,d |%n", result.rows(), result.dimensions(), result.writeSeconds(),
                result.openSeconds(), result.rowsAfterOpen());
        if (result.rowsAfterOpen() != rows) {
            throw new IllegalStateException("recovery lost rows: " + result.rowsAfterOpen() + " of " + rows);
        }
        delete(directory);
    }

    static void knn(Map<String, String> options, PrintStream out, PrintStream log)
            throws Exception
    {
        Path work = Path.of(options.getOrDefault("work-dir", "bench/target/work"));
        Files.createDirectories(work);
        Set<String> engines = Set.copyOf(Arrays.asList(options.getOrDefault("engines", "quiver,lucene,hnswlib").split(",")));
        List<Integer> efs = integers(options.getOrDefault("efs", "10,16,24,32,48,64,96,128,256"));
        out.printf(Locale.ROOT, "kNN benchmark, %d cores, load average at start %s, %s%n%n", Runtime.getRuntime().availableProcessors(),
                KnnBenchmark.loadAverage(), java.time.Instant.now());
        for (String size : options.getOrDefault("sizes", "100000x128,100000x768,1000000x128").split(",")) {
            String[] parts = size.trim().split("x");
            KnnBenchmark.Settings settings = new KnnBenchmark.Settings(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    Integer.parseInt(options.getOrDefault("queries", "1000")), Long.parseLong(options.getOrDefault("seed", "42")),
                    Integer.parseInt(options.getOrDefault("m", "16")), Integer.parseInt(options.getOrDefault("ef-construction", "100")), efs,
                    Integer.parseInt(options.getOrDefault("passes", "3")), engines, work, options.getOrDefault("python", "/usr/bin/python3"),
                    hnswlibScript(options), !Boolean.parseBoolean(options.getOrDefault("filtered-only", "false")),
                    !Boolean.parseBoolean(options.getOrDefault("unfiltered-only", "false")));
            KnnReport.print(KnnBenchmark.run(settings, log), out);
        }
    }

    static void text(Map<String, String> options, PrintStream out, PrintStream log)
            throws Exception
    {
        Path work = Path.of(options.getOrDefault("work-dir", "bench/target/work"));
        int rows = Integer.parseInt(options.getOrDefault("rows", "100000"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "1000"));
        int passes = Integer.parseInt(options.getOrDefault("passes", "3"));
        String load = KnnBenchmark.loadAverage();
        List<TextBenchmark.Figures> figures = TextBenchmark.run(work, rows, queries, passes, Long.parseLong(options.getOrDefault("seed", "42")),
                Boolean.parseBoolean(options.getOrDefault("force-merge", "false")), log);
        out.printf(Locale.ROOT, "### BM25 top 10, %,d generated documents, %,d queries of 2-3 words, best of %d passes, load average %s → %s%n%n", rows, queries,
                passes, load, KnnBenchmark.loadAverage());
        out.println("| engine | QPS/core | QPS/wall | vs Lucene direct | top-10 overlap with Lucene | build s | rows/s | how |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---|");
        double lucene = figures.get(0).cpuQps();
        for (TextBenchmark.Figures each : figures) {
            out.printf(Locale.ROOT, "| %s | %,.0f | %,.0f | %.2f× | %.3f | %.1f | %,.0f | %s |%n", each.engine(), each.cpuQps(), each.wallQps(), each.cpuQps() / lucene,
                    each.overlap(), each.buildSeconds(), rows / each.buildSeconds(), each.note());
        }
        out.println();
    }

    static void sqlSearch(Map<String, String> options, PrintStream out, PrintStream log)
            throws Exception
    {
        SqlSearchBenchmark.run(new SqlSearchBenchmark.Settings(Integer.parseInt(options.getOrDefault("rows", "100000")),
                Integer.parseInt(options.getOrDefault("dims", "128")), Integer.parseInt(options.getOrDefault("queries", "1000")),
                Integer.parseInt(options.getOrDefault("text-rows", "100000")), Integer.parseInt(options.getOrDefault("passes", "3")),
                Long.parseLong(options.getOrDefault("seed", "42")), Path.of(options.getOrDefault("work-dir", "bench/target/work"))), out, log);
    }

    /** The hnswlib script, from the project root (bench/run) or from the bench module (its tests). */
    private static Path hnswlibScript(Map<String, String> options)
    {
        if (options.containsKey("hnswlib-script")) {
            return Path.of(options.get("hnswlib-script"));
        }
        Path fromRoot = Path.of("bench/src/main/python/hnswlib_knn.py");
        return Files.exists(fromRoot) ? fromRoot : Path.of("src/main/python/hnswlib_knn.py");
    }

    private static Map<String, String> options(String[] arguments)
    {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < arguments.length; i++) {
            String name = arguments[i];
            if (!name.startsWith("--") || i + 1 >= arguments.length) {
                throw new IllegalArgumentException("expected --option value at " + name);
            }
            options.put(name.substring(2), arguments[++i]);
        }
        return options;
    }

    private static List<Integer> integers(String list)
    {
        return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
    }

    static Path fresh(Path directory)
            throws IOException
    {
        delete(directory);
        Files.createDirectories(directory);
        return directory;
    }

    static void delete(Path directory)
    {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
