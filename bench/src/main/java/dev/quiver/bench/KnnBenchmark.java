package dev.quiver.bench;

import dev.quiver.common.QuiverException;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * The kNN benchmark of one data size: every selected engine builds its index over the same cached data set, then
 * runs every query at each ef of the sweep (one warm-up pass, then the best of {@code passes} passes), unfiltered and
 * with the 1 % tag filter. QPS per core is queries divided by the CPU time of the searching thread
 * ({@link ThreadMXBean}); the process CPU time (GC, JIT and any helper thread included) and wall time are recorded
 * beside it. hnswlib runs in a child process (Debian's python3-hnswlib, {@code bench/src/main/python/hnswlib_knn.py})
 * on the same files and reports its own {@code time.process_time()}.
 */
final class KnnBenchmark
{
    static final String QUIVER = "quiver";
    static final String LUCENE = "lucene";
    static final String HNSWLIB = "hnswlib";

    record Settings(int rows, int dimensions, int queries, long seed, int m, int efConstruction, List<Integer> efs, int passes,
                    Set<String> engines, Path work, String python, Path script, boolean unfiltered, boolean filtered)
    {
        Settings
        {
            efs = List.copyOf(efs);
            engines = Set.copyOf(engines);
            requireNonNull(work, "work is null");
        }
    }

    /** One ef of a sweep: recall@10, queries per thread-CPU second, per process-CPU second, per wall second, and rows examined per query (-1 unknown). */
    record Point(int ef, double recall, double cpuQps, double processQps, double wallQps, double examinedPerQuery, String access) {}

    /** One engine's figures at one size. */
    record EngineResult(String engine, Optional<KnnEngine.Build> build, List<Point> unfiltered, List<Point> filtered, String note, String load)
    {
        EngineResult
        {
            unfiltered = List.copyOf(unfiltered);
            filtered = List.copyOf(filtered);
        }
    }

    record Result(Settings settings, List<EngineResult> engines, String dataNote) {}

    private KnnBenchmark()
    {
    }

    static Result run(Settings settings, PrintStream log)
            throws Exception
    {
        long start = System.nanoTime();
        KnnData data = KnnData.load(settings.work(), settings.rows(), settings.dimensions(), settings.queries(), settings.seed(), log);
        String dataNote = String.format(Locale.ROOT, "data and exact truth ready in %.1f s (cached under %s)", (System.nanoTime() - start) / 1e9,
                settings.work().relativize(data.directory()));
        List<EngineResult> results = new ArrayList<>();
        if (settings.engines().contains(HNSWLIB)) {
            results.addAll(hnswlib(settings, data, log));
        }
        if (settings.engines().contains(LUCENE)) {
            String load = loadAverage();
            try (LuceneKnnEngine lucene = new LuceneKnnEngine(data.directory().resolve("index-lucene"), settings.m(), settings.efConstruction())) {
                KnnEngine.Build build = logBuild(lucene, lucene.build(data), data, log);
                KnnFiles.readThrough(data.directory().resolve("index-lucene"));
                List<Point> unfiltered = settings.unfiltered() ? sweep(lucene, data, settings, false, log) : List.of();
                List<Point> filtered = settings.filtered() ? sweep(lucene, data, settings, true, log) : List.of();
                results.add(new EngineResult(lucene.name(), Optional.of(build), unfiltered, filtered, "IndexSearcher + KnnFloatVectorQuery", load + " → " + loadAverage()));
                if (settings.unfiltered()) {
                    KnnEngine leaf = lucene.leafApi();
                    String leafLoad = loadAverage();
                    List<Point> leafPoints = sweep(leaf, data, settings, false, log);
                    results.add(new EngineResult(leaf.name(), Optional.of(build), leafPoints, List.of(), "LeafReader.searchNearestVectors, same index", leafLoad + " → " + loadAverage()));
                }
            }
        }
        if (settings.engines().contains(QUIVER)) {
            results.add(quiver(settings, data, log));
        }
        return new Result(settings, results, dataNote);
    }

    private static EngineResult quiver(Settings settings, KnnData data, PrintStream log)
            throws Exception
    {
        String load = loadAverage();
        try (QuiverKnnEngine quiver = new QuiverKnnEngine(data.directory().resolve("index-quiver"), settings.m(), settings.efConstruction())) {
            KnnEngine.Build build = logBuild(quiver, quiver.build(data), data, log);
            log.println("Quiver build: " + quiver.buildNote());
            KnnFiles.readThrough(data.directory().resolve("index-quiver"));
            List<Point> unfiltered;
            try {
                unfiltered = settings.unfiltered() ? sweep(quiver, data, settings, false, log) : List.of();
            }
            catch (QuiverException ex) {
                log.println("Quiver: vector search unavailable: " + ex.getMessage());
                return new EngineResult(quiver.name(), Optional.of(build), List.of(), List.of(), "vector search unavailable: " + ex.getMessage(), load);
            }
            List<Point> filtered = settings.filtered() ? sweep(quiver, data, settings, true, log) : List.of();
            return new EngineResult(quiver.name(), Optional.of(build), unfiltered, filtered, "Table.vectorSearch, LuceneStorageEngine; build: " + quiver.buildNote(), load + " → " + loadAverage());
        }
    }

    private static KnnEngine.Build logBuild(KnnEngine engine, KnnEngine.Build build, KnnData data, PrintStream log)
    {
        log.printf(Locale.ROOT, "%s: built %,d x %d in %.1f s (%.0f rows/s, build thread CPU %.1f s), %,d bytes on disk (%,d vector files), %d graph(s), load %s%n",
                engine.name(), data.rows(), data.dimensions(), build.seconds(), data.rows() / build.seconds(), build.cpuSeconds(), build.indexBytes(),
                build.vectorBytes(), build.graphs(), loadAverage());
        return build;
    }

    /** Runs the ef sweep on the calling thread; see the class comment. */
    static List<Point> sweep(KnnEngine engine, KnnData data, Settings settings, boolean filtered, PrintStream log)
            throws Exception
    {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        float[][] queries = data.queries();
        int[][] truth = filtered ? data.filteredTruth() : data.truth();
        List<Point> points = new ArrayList<>();
        int warmEf = settings.efs().get(settings.efs().size() / 2);
        for (int pass = 0; pass < 2; pass++) {
            for (float[] query : queries) {
                engine.search(query, warmEf, filtered);
            }
        }
        if (engine instanceof QuiverKnnEngine quiver) {
            quiver.accessSummary();
        }
        for (int ef : settings.efs()) {
            int[][] found = new int[queries.length][];
            long examinedBefore = engine.examined();
            for (int q = 0; q < queries.length; q++) {
                found[q] = engine.search(queries[q], ef, filtered);
            }
            double examined = engine.examined() < 0 ? -1 : (engine.examined() - examinedBefore) / (double) queries.length;
            String access = engine instanceof QuiverKnnEngine quiver ? quiver.accessSummary() : "";
            double bestCpu = 0;
            double bestProcess = 0;
            double bestWall = 0;
            for (int pass = 0; pass < settings.passes(); pass++) {
                long cpu = threads.getCurrentThreadCpuTime();
                long process = os.getProcessCpuTime();
                long wall = System.nanoTime();
                for (int q = 0; q < queries.length; q++) {
                    found[q] = engine.search(queries[q], ef, filtered);
                }
                bestWall = Math.max(bestWall, queries.length / ((System.nanoTime() - wall) / 1e9));
                bestProcess = Math.max(bestProcess, queries.length / ((os.getProcessCpuTime() - process) / 1e9));
                bestCpu = Math.max(bestCpu, queries.length / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9));
            }
            if (engine instanceof QuiverKnnEngine quiver) {
                quiver.accessSummary();
            }
            double recall = 0;
            for (int q = 0; q < queries.length; q++) {
                recall += KnnData.recall(truth[q], found[q]);
            }
            Point point = new Point(ef, recall / queries.length, bestCpu, bestProcess, bestWall, examined, access);
            log.printf(Locale.ROOT, "%s %s ef=%d recall=%.4f qps/cpu=%.0f qps/process-cpu=%.0f qps/wall=%.0f examined/q=%.0f %s load %s%n", engine.name(),
                    filtered ? "filtered" : "unfiltered", ef, point.recall(), bestCpu, bestProcess, bestWall, examined, access, loadAverage());
            points.add(point);
        }
        return points;
    }

    private static List<EngineResult> hnswlib(Settings settings, KnnData data, PrintStream log)
            throws Exception
    {
        String load = loadAverage();
        Path index = data.directory().resolve("index-hnswlib.bin");
        List<String> command = List.of(settings.python(), settings.script().toString(), data.directory().toString(), Integer.toString(data.rows()),
                Integer.toString(data.dimensions()), Integer.toString(data.queries().length), Integer.toString(settings.m()),
                Integer.toString(settings.efConstruction()), settings.efs().stream().map(String::valueOf).collect(Collectors.joining(",")),
                Integer.toString(settings.passes()), index.toString());
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        KnnEngine.Build build = null;
        Map<String, List<Point>> sweeps = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split("\t");
                if (fields[0].equals("build")) {
                    long bytes = Long.parseLong(fields[3]);
                    build = new KnnEngine.Build(Double.parseDouble(fields[1]), Double.parseDouble(fields[2]), bytes, bytes, 1);
                    logBuild(named("hnswlib"), build, data, log);
                }
                else if (fields[0].equals("sweep")) {
                    Point point = new Point(Integer.parseInt(fields[2]), Double.parseDouble(fields[3]), Double.parseDouble(fields[4]),
                            Double.parseDouble(fields[4]), Double.parseDouble(fields[5]), -1, "");
                    sweeps.computeIfAbsent(fields[1], mode -> new ArrayList<>()).add(point);
                    log.printf(Locale.ROOT, "hnswlib %s ef=%d recall=%.4f qps/cpu=%.0f qps/wall=%.0f load %s%n", fields[1], point.ef(), point.recall(),
                            point.cpuQps(), point.wallQps(), loadAverage());
                }
            }
        }
        int exit = process.waitFor();
        Files.deleteIfExists(index);
        if (exit != 0 || build == null) {
            return List.of(new EngineResult("hnswlib", Optional.empty(), List.of(), List.of(), "python3-hnswlib run failed (exit " + exit + ")", load));
        }
        String end = loadAverage();
        return List.of(
                new EngineResult("hnswlib", Optional.of(build), sweeps.getOrDefault("batch", List.of()), List.of(),
                        "python3-hnswlib 0.6.2, one knn_query call per pass (C++ loop over queries, 1 thread)", load + " → " + end),
                new EngineResult("hnswlib, per-query Python call", Optional.of(build), sweeps.getOrDefault("single", List.of()), List.of(),
                        "same index, one knn_query call per query", load + " → " + end));
    }

    private static KnnEngine named(String name)
    {
        return new KnnEngine()
        {
            @Override
            public String name()
            {
                return name;
            }

            @Override
            public Build build(KnnData data)
            {
                throw new UnsupportedOperationException();
            }

            @Override
            public int[] search(float[] query, int ef, boolean filtered)
            {
                throw new UnsupportedOperationException();
            }

            @Override
            public long examined()
            {
                return -1;
            }

            @Override
            public void close()
            {
            }
        };
    }

    /** The 1-minute load average, from /proc/loadavg (empty where there is none). */
    static String loadAverage()
    {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        }
        catch (Exception ex) {
            return "?";
        }
    }

    /**
     * QPS at {@code target} recall: interpolated linearly in recall between the last ef below it and the first ef
     * reaching it; when the first ef of the sweep already reaches it, that ef's QPS (at its higher recall); NaN when
     * no ef reaches it.
     */
    static double qpsAtRecall(List<Point> points, double target)
    {
        for (int i = 0; i < points.size(); i++) {
            Point point = points.get(i);
            if (point.recall() >= target) {
                if (i == 0) {
                    return point.cpuQps();
                }
                Point below = points.get(i - 1);
                if (below.recall() >= point.recall()) {
                    return point.cpuQps();
                }
                double fraction = (target - below.recall()) / (point.recall() - below.recall());
                return below.cpuQps() + fraction * (point.cpuQps() - below.cpuQps());
            }
        }
        return Double.NaN;
    }

    /** The first point reaching {@code target}, if any. */
    static Optional<Point> firstReaching(List<Point> points, double target)
    {
        return points.stream().filter(point -> point.recall() >= target).findFirst();
    }
}
