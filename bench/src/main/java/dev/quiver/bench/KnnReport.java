package dev.quiver.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Prints a {@link KnnBenchmark.Result} as the Markdown tables of BENCHMARKS.md. */
final class KnnReport
{
    static final double TARGET_RECALL = 0.95;

    private KnnReport()
    {
    }

    static void print(KnnBenchmark.Result result, PrintStream out)
    {
        KnnBenchmark.Settings settings = result.settings();
        out.printf(Locale.ROOT, "### %,d × %d, %,d queries, k=10, L2, M=%d, efConstruction=%d, best of %d passes%n%n", settings.rows(), settings.dimensions(),
                settings.queries(), settings.m(), settings.efConstruction(), settings.passes());
        out.println(result.dataNote() + ".");
        out.println();
        double lucene = at(result, "Lucene direct");
        double hnswlib = at(result, "hnswlib");
        out.println("| engine | QPS/core at recall@10 0.95 | first ef ≥ 0.95 (recall, QPS/core) | vs Lucene direct | vs hnswlib | build s | rows/s | build thread CPU s | bytes/row on disk: vector files (all files) | graphs | load avg |");
        out.println("|---|---:|---|---:|---:|---:|---:|---:|---|---:|---|");
        for (KnnBenchmark.EngineResult engine : result.engines()) {
            double qps = KnnBenchmark.qpsAtRecall(engine.unfiltered(), TARGET_RECALL);
            Optional<KnnBenchmark.Point> first = KnnBenchmark.firstReaching(engine.unfiltered(), TARGET_RECALL);
            String build = engine.build().map(b -> String.format(Locale.ROOT, "%.1f | %,.0f | %.1f | %,.0f (%,.0f) | %d", b.seconds(), settings.rows() / b.seconds(),
                    b.cpuSeconds(), b.vectorBytes() / (double) settings.rows(), b.indexBytes() / (double) settings.rows(), b.graphs())).orElse("– | – | – | – | –");
            out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", engine.engine(), number(qps),
                    first.map(p -> String.format(Locale.ROOT, "ef=%d (%.3f, %,.0f)", p.ef(), p.recall(), p.cpuQps())).orElse("not reached"),
                    ratio(qps, lucene), ratio(qps, hnswlib), build, engine.load());
        }
        out.println();
        out.println("Unfiltered sweep, recall@10 / QPS per core (search-thread CPU):");
        out.println();
        table(out, result.engines(), false);
        boolean anyFiltered = result.engines().stream().anyMatch(engine -> !engine.filtered().isEmpty());
        if (anyFiltered) {
            out.println();
            out.println("Filtered to " + KnnData.FILTER_TAGS + " % of the rows (`" + KnnData.filterName() + "`), recall@10 against the exact filtered top 10 / QPS per core:");
            out.println();
            table(out, result.engines(), true);
        }
        out.println();
        out.println("Detail (QPS per thread-CPU s, per process-CPU s, per wall s; rows examined per query where the engine reports it):");
        out.println();
        out.println("| engine | filter | ef | recall@10 | QPS/thread-CPU | QPS/process-CPU | QPS/wall | examined/query | access path |");
        out.println("|---|---|---:|---:|---:|---:|---:|---:|---|");
        for (KnnBenchmark.EngineResult engine : result.engines()) {
            detail(out, engine.engine(), "none", engine.unfiltered());
            detail(out, engine.engine(), KnnData.FILTER_TAGS + " %", engine.filtered());
        }
        for (KnnBenchmark.EngineResult engine : result.engines()) {
            if (!engine.note().isEmpty()) {
                out.printf(Locale.ROOT, "%n- %s: %s", engine.engine(), engine.note());
            }
        }
        out.println();
        out.flush();
    }

    private static void table(PrintStream out, List<KnnBenchmark.EngineResult> engines, boolean filtered)
    {
        List<Integer> efs = engines.stream().flatMap(engine -> (filtered ? engine.filtered() : engine.unfiltered()).stream())
                .map(KnnBenchmark.Point::ef).distinct().sorted().toList();
        StringBuilder header = new StringBuilder("| engine |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int ef : efs) {
            header.append(" ef=").append(ef).append(" |");
            rule.append("---:|");
        }
        out.println(header);
        out.println(rule);
        for (KnnBenchmark.EngineResult engine : engines) {
            List<KnnBenchmark.Point> points = filtered ? engine.filtered() : engine.unfiltered();
            if (points.isEmpty()) {
                continue;
            }
            StringBuilder row = new StringBuilder("| ").append(engine.engine()).append(" |");
            for (int ef : efs) {
                Optional<KnnBenchmark.Point> point = points.stream().filter(p -> p.ef() == ef).findFirst();
                row.append(point.map(p -> String.format(Locale.ROOT, " %.3f / %,.0f |", p.recall(), p.cpuQps())).orElse(" |"));
            }
            out.println(row);
        }
    }

    private static void detail(PrintStream out, String engine, String filter, List<KnnBenchmark.Point> points)
    {
        for (KnnBenchmark.Point p : points) {
            out.printf(Locale.ROOT, "| %s | %s | %d | %.4f | %,.0f | %,.0f | %,.0f | %s | %s |%n", engine, filter, p.ef(), p.recall(), p.cpuQps(), p.processQps(),
                    p.wallQps(), p.examinedPerQuery() < 0 ? "–" : String.format(Locale.ROOT, "%,.0f", p.examinedPerQuery()), p.access());
        }
    }

    private static double at(KnnBenchmark.Result result, String engine)
    {
        return result.engines().stream().filter(e -> e.engine().equals(engine)).findFirst()
                .map(e -> KnnBenchmark.qpsAtRecall(e.unfiltered(), TARGET_RECALL)).orElse(Double.NaN);
    }

    private static String number(double value)
    {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String ratio(double value, double reference)
    {
        return Double.isNaN(value) || Double.isNaN(reference) ? "–" : String.format(Locale.ROOT, "%.2f×", value / reference);
    }
}
