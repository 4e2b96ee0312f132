package dev.quiver.bench;

import dev.quiver.server.Server;
import dev.quiver.server.ServerConfig;
import dev.quiver.sql.EngineConfig;
import dev.quiver.sql.QueryEngine;
import dev.quiver.sql.Session;
import dev.quiver.sql.SessionContext;
import dev.quiver.sql.parser.SqlParser;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.security.AllowAllAccessControl;
import dev.quiver.sql.security.Identity;
import dev.quiver.storage.Table;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.TextMode;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * The cost of SQL around a search: an in-process Quiver server ({@link Server} on a free loopback port) holding
 * {@code knn (id BIGINT PRIMARY KEY, embedding VECTOR(d), VECTOR INDEX (embedding) WITH (distance=l2, type=hnsw, m=16,
 * ef_construction=100))}, loaded from the kNN benchmark's cached vectors, and {@code docs (id BIGINT PRIMARY KEY,
 * document TEXT, FULLTEXT INDEX (document) WITH PARSER beng)}, loaded with the text benchmark's generated corpus (both
 * through {@code Table.write}, then the refresh call: one segment each). Each query is run, one at a time on one client
 * thread, as
 * <ul>
 * <li>the engine call the SQL path makes ({@code Table.vectorSearch} APPROXIMATE k=10 ef=64, or {@code Table.textSearch}
 * limit 10), projection {@code id};</li>
 * <li>the same call returning whole rows (for text: every match, whole rows, which is what the SQL path asked for
 * before it passed LIMIT and the projection down);</li>
 * <li>the SQL text parsed only ({@link SqlParser}, a new parser per pass so its statement cache never answers);</li>
 * <li>the SQL executed in process ({@link QueryEngine#execute} on the same storage engine, no wire);</li>
 * <li>the SQL over JDBC (MariaDB Connector/J, text protocol, the client in this process):
 * {@code SELECT id FROM knn ORDER BY l2_distance(embedding, '[...]') APPROXIMATE LIMIT 10} and
 * {@code SELECT id FROM docs WHERE MATCH(document) AGAINST ('...') LIMIT 10}.</li>
 * </ul>
 * A first pass warms up and is not counted; every pass runs every mode in turn over all queries; each mode's figure is its
 * best pass by process CPU. QPS/core is queries per second of process CPU (server, client, GC, JIT: the whole JVM); the
 * calling thread's CPU is given too (everything but JDBC runs on it, so it is the split's measure, free of GC and JIT). Each statement text is unique within a pass and
 * differs between passes (whitespace), so no statement cache answers, as for the SDK's queries. The SQL results are
 * checked against the engine's.
 */
final class SqlSearchBenchmark
{
    private static final String DATABASE = "bench";
    private static final int EF_SEARCH = 64;

    record Settings(int rows, int dimensions, int queries, int textRows, int passes, long seed, Path work)
    {
        Settings
        {
            requireNonNull(work, "work is null");
        }
    }

    /** One way of running query {@code q} in pass {@code pass}. */
    private interface QueryRun
    {
        void run(int q, int pass)
                throws Exception;
    }

    /** A way of running the queries: every {@code stride}-th of them (the slow engine call that reads every match runs on every 25th). */
    private record Mode(String search, String name, int stride, QueryRun run)
    {
        Mode(String search, String name, QueryRun run)
        {
            this(search, name, 1, run);
        }

        int count(int queries)
        {
            return (queries + stride - 1) / stride;
        }
    }

    /** A mode's pass: process CPU, the calling thread's CPU and wall seconds for all its queries. */
    private record Timing(Mode mode, double cpuSeconds, double threadSeconds, double wallSeconds)
    {
        double cpuMicros(int queries)
        {
            return cpuSeconds * 1e6 / queries;
        }

        double threadMicros(int queries)
        {
            return threadSeconds * 1e6 / queries;
        }
    }

    private SqlSearchBenchmark()
    {
    }

    static void run(Settings settings, PrintStream out, PrintStream log)
            throws Exception
    {
        String loadAtStart = KnnBenchmark.loadAverage();
        float[][] base = vectors(settings, "base.f32", settings.rows(), 1);
        float[][] queries = vectors(settings, "queries.f32", settings.queries(), 2);
        TextBenchmark.Corpus corpus = TextBenchmark.corpus(settings.textRows(), settings.queries(), settings.seed());
        Path directory = BenchMain.fresh(settings.work().resolve("sql-search-server"));
        try (Server server = Server.start(new ServerConfig("127.0.0.1", 0, directory, Optional.empty(), ServerConfig.DEFAULT_SERVER_VERSION));
                Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + server.address().getPort() + "/test", "root", "");
                Statement statement = connection.createStatement()) {
            long start = System.nanoTime();
            statement.execute("CREATE DATABASE " + DATABASE);
            statement.execute("USE " + DATABASE);
            statement.execute("CREATE TABLE knn (id BIGINT PRIMARY KEY, embedding VECTOR(" + settings.dimensions() + "),"
                    + " VECTOR INDEX vidx (embedding) WITH (distance=l2, type=hnsw, m=16, ef_construction=100))");
            statement.execute("CREATE TABLE docs (id BIGINT PRIMARY KEY, document TEXT, FULLTEXT INDEX ft (document) WITH PARSER beng)");
            Table knn = server.storage().table(DATABASE, "knn");
            Table docs = server.storage().table(DATABASE, "docs");
            load(knn, "embedding", base.length, i -> Value.of(base[i]));
            load(docs, "document", corpus.documents().length, i -> Value.of(corpus.documents()[i]));
            knn.refreshIndexes();
            docs.refreshIndexes();
            log.printf(Locale.ROOT, "sql-search: loaded %,d x %d vectors and %,d documents, refreshed, in %.1f s%n", base.length, settings.dimensions(),
                    corpus.documents().length, (System.nanoTime() - start) / 1e9);

            QueryEngine engine = new QueryEngine(server.storage(), new AllowAllAccessControl(), EngineConfig.of(ServerConfig.DEFAULT_SERVER_VERSION, 67_108_864, 0));
            Session session = engine.openSession(new SessionContext(1, new Identity("root", "localhost", "%"), false, true));
            engine.useDatabase(session, DATABASE);
            String[] vectorLiterals = new String[queries.length];
            for (int q = 0; q < queries.length; q++) {
                vectorLiterals[q] = literal(queries[q]);
            }
            String[] texts = corpus.queries();
            SqlText vectorSql = (q, pass) -> "SELECT id FROM knn" + " ".repeat(pass + 1) + "ORDER BY l2_distance(embedding, '" + vectorLiterals[q]
                    + "') APPROXIMATE LIMIT 10";
            SqlText textSql = (q, pass) -> "SELECT id FROM docs" + " ".repeat(pass + 1) + "WHERE MATCH(document) AGAINST ('" + texts[q] + "') LIMIT 10";
            SqlParser[] parser = new SqlParser[1];
            long[] sink = new long[1];
            List<Mode> modes = List.of(
                    new Mode("vector", "Table.vectorSearch, projection id", (q, pass) -> sink[0] += first(knn.vectorSearch(vectorRequest(queries[q], List.of("id"))).rows())),
                    new Mode("vector", "Table.vectorSearch, whole rows", (q, pass) -> sink[0] += knn.vectorSearch(vectorRequest(queries[q], List.of())).rows().size()),
                    new Mode("vector", "SQL parse only", (q, pass) -> sink[0] += parser[0].parseSingle(vectorSql.text(q, pass)) == null ? 0 : 1),
                    new Mode("vector", "SQL in process (QueryEngine, no wire)", (q, pass) -> sink[0] += sqlInProcess(engine, session, vectorSql.text(q, pass)).length),
                    new Mode("vector", "SQL over JDBC", (q, pass) -> sink[0] += jdbc(statement, vectorSql.text(q, pass)).length),
                    new Mode("text", "Table.textSearch, limit 10, projection id", (q, pass) -> sink[0] += first(docs.textSearch(textRequest(texts[q], OptionalInt.of(10),
                            List.of("id"))).rows())),
                    new Mode("text", "Table.textSearch, every match, whole rows (the SQL path's request before; every 25th query)", 25,
                            (q, pass) -> sink[0] += docs.textSearch(textRequest(texts[q], OptionalInt.empty(), List.of())).rows().size()),
                    new Mode("text", "SQL parse only", (q, pass) -> sink[0] += parser[0].parseSingle(textSql.text(q, pass)) == null ? 0 : 1),
                    new Mode("text", "SQL in process (QueryEngine, no wire)", (q, pass) -> sink[0] += sqlInProcess(engine, session, textSql.text(q, pass)).length),
                    new Mode("text", "SQL over JDBC", (q, pass) -> sink[0] += jdbc(statement, textSql.text(q, pass)).length));

            // the SQL answers are the engine's
            int sameVector = 0;
            int sameText = 0;
            for (int q = 0; q < queries.length; q++) {
                sameVector += Arrays.equals(ids(knn.vectorSearch(vectorRequest(queries[q], List.of("id"))).rows()), jdbc(statement, vectorSql.text(q, 0))) ? 1 : 0;
                sameText += Arrays.equals(ids(docs.textSearch(textRequest(texts[q], OptionalInt.of(10), List.of("id"))).rows()), jdbc(statement, textSql.text(q, 0))) ? 1 : 0;
            }

            Timing[] best = new Timing[modes.size()];
            // pass 0 warms up (JIT) and is not counted
            for (int pass = 0; pass <= settings.passes(); pass++) {
                for (int m = 0; m < modes.size(); m++) {
                    parser[0] = new SqlParser(ServerConfig.DEFAULT_SERVER_VERSION);
                    Timing timing = time(modes.get(m), queries.length, pass);
                    int count = timing.mode().count(queries.length);
                    log.printf(Locale.ROOT, "sql-search pass %d: %s / %s: %.0f QPS/core, %.1f µs process CPU, %.1f µs thread CPU, %.1f µs wall per query, load %s%n",
                            pass, timing.mode().search(), timing.mode().name(), count / timing.cpuSeconds(), timing.cpuMicros(count), timing.threadMicros(count),
                            timing.wallSeconds() * 1e6 / count, KnnBenchmark.loadAverage());
                    if (pass > 0 && (best[m] == null || timing.cpuSeconds() < best[m].cpuSeconds())) {
                        best[m] = timing;
                    }
                }
            }
            report(out, settings, best, sameVector, sameText, loadAtStart, sink[0]);
        }
        BenchMain.delete(directory);
    }

    private interface SqlText
    {
        String text(int q, int pass);
    }

    private static void report(PrintStream out, Settings settings, Timing[] best, int sameVector, int sameText, String loadAtStart, long sink)
    {
        int queries = settings.queries();
        out.printf(Locale.ROOT, "### SQL around a search: %,d x %d vectors (top 10, ef 64) and %,d documents (BM25 top 10), %,d queries each, one client thread, "
                + "best of %d passes, %d cores, load average %s → %s%n%n", settings.rows(), settings.dimensions(), settings.textRows(), queries, settings.passes(),
                Runtime.getRuntime().availableProcessors(), loadAtStart, KnnBenchmark.loadAverage());
        out.println("| search | mode | QPS/core | process CPU µs/query | caller thread CPU µs/query | wall µs/query | process CPU vs the engine call |");
        out.println("|---|---|---:|---:|---:|---:|---:|");
        for (int i = 0; i < best.length; i++) {
            Timing each = best[i];
            Timing engine = best[i < 5 ? 0 : 5];
            int n = each.mode().count(queries);
            out.printf(Locale.ROOT, "| %s | %s | %,.0f | %.1f | %.1f | %.1f | %.2f× |%n", each.mode().search(), each.mode().name(), n / each.cpuSeconds(),
                    each.cpuMicros(n), each.threadMicros(n), each.wallSeconds() * 1e6 / n, each.cpuMicros(n) / engine.cpuMicros(queries));
        }
        out.println();
        int n = queries;
        for (int offset : new int[] {0, 5}) {
            // the engine call, the parse and the in-process SQL run on the calling thread: their thread CPU is free of GC and JIT
            double engine = best[offset].threadMicros(n);
            double parse = best[offset + 2].threadMicros(n);
            double inProcess = best[offset + 3].threadMicros(n);
            double jdbc = best[offset + 4].cpuMicros(n);
            out.printf(Locale.ROOT, "%s, CPU µs per query (caller thread): engine call %.1f, parse %.1f, analyze + plan + execute + materialize beyond "
                    + "the call and the parse %.1f, SQL in process %.1f (%.2f× the call); over JDBC (process CPU, client included) %.1f (%.2f× the call's "
                    + "process CPU %.1f)%n", best[offset].mode().search(), engine, parse, inProcess - parse - engine, inProcess, inProcess / engine, jdbc,
                    jdbc / best[offset].cpuMicros(n), best[offset].cpuMicros(n));
        }
        out.printf(Locale.ROOT, "%nSQL over JDBC returned the engine call's ids for %d/%d vector and %d/%d text queries (checksum %d).%n%n", sameVector, n, sameText, n, sink);
    }

    private static Timing time(Mode mode, int queries, int pass)
            throws Exception
    {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = QuiverKnnEngine.processCpuNanos();
        long thread = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        for (int q = 0; q < queries; q += mode.stride()) {
            mode.run().run(q, pass);
        }
        return new Timing(mode, (QuiverKnnEngine.processCpuNanos() - cpu) / 1e9, (threads.getCurrentThreadCpuTime() - thread) / 1e9,
                (System.nanoTime() - wall) / 1e9);
    }

    private static VectorSearchRequest vectorRequest(float[] query, List<String> projection)
    {
        return new VectorSearchRequest("embedding", query, VectorMetric.L2, 10, Filter.ALL, VectorSearchRequest.NO_RESIDUAL, SearchStrategy.APPROXIMATE,
                OptionalInt.of(EF_SEARCH), projection);
    }

    private static TextSearchRequest textRequest(String query, OptionalInt limit, List<String> projection)
    {
        return new TextSearchRequest(List.of("document"), query, TextMode.NATURAL_LANGUAGE, Filter.ALL, TextSearchRequest.NO_RESIDUAL, limit, projection);
    }

    private static long first(List<ScoredRow> rows)
    {
        return rows.isEmpty() ? 0 : ((Value.IntegerValue) rows.get(0).row().get(0)).value();
    }

    private static long[] ids(List<ScoredRow> rows)
    {
        long[] ids = new long[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ((Value.IntegerValue) rows.get(i).row().get(0)).value();
        }
        return ids;
    }

    private static long[] sqlInProcess(QueryEngine engine, Session session, String sql)
    {
        List<QueryResult> results = new ArrayList<>(1);
        engine.execute(session, sql, results::add);
        List<Long> ids = new ArrayList<>();
        try (RowCursor cursor = ((RowsResult) results.get(0)).rows()) {
            cursor.forEachRemaining(row -> ids.add(((Number) row[0]).longValue()));
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private static long[] jdbc(Statement statement, String sql)
            throws Exception
    {
        List<Long> ids = new ArrayList<>(10);
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    private interface RowValue
    {
        Value of(int row);
    }

    private static void load(Table table, String column, int rows, RowValue value)
    {
        for (int from = 0; from < rows; from += 1_000) {
            List<List<Value>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(rows, from + 1_000); i++) {
                batch.add(List.of(Value.of(i), value.of(i)));
            }
            table.write(new WriteRequest(List.of("id", column), batch, new ConflictPolicy.Error()));
        }
    }

    /** The kNN benchmark's cached vectors ({@code knn-n...-d...-q...-s...}), generated the same way when missing. */
    private static float[][] vectors(Settings settings, String file, int count, long pointSeed)
            throws Exception
    {
        Path path = settings.work().resolve(String.format(Locale.ROOT, "knn-n%d-d%d-q%d-s%d", settings.rows(), settings.dimensions(), settings.queries(),
                settings.seed())).resolve(file);
        return Files.exists(path) ? KnnData.readFloats(path, count, settings.dimensions()) : KnnData.generate(count, settings.dimensions(), settings.seed(), pointSeed);
    }

    /** A vector as the SDK writes it: {@code [x,y,...]} with each float's shortest decimal form. */
    private static String literal(float[] vector)
    {
        StringBuilder text = new StringBuilder(vector.length * 12).append('[');
        for (int i = 0; i < vector.length; i++) {
            text.append(i == 0 ? "" : ",").append(vector[i]);
        }
        return text.append(']').toString();
    }
}
