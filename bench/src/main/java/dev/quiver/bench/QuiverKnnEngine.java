package dev.quiver.bench;

import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.lucene.LuceneStorageEngine;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchAccess;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.OptionalInt;

/**
 * Quiver at the engine level: a table {@code (id BIGINT PRIMARY KEY, tag INT, embedding VECTOR(d), INDEX(tag))} (the
 * secondary index lets the engine push the tag filter into the search, as Lucene direct's IntField does) with a VECTOR
 * index {@code distance=l2, type=hnsw, m, ef_construction} in a {@link LuceneStorageEngine}, loaded with INSERT
 * batches of 1,000 rows through {@code Table.write} (durable, through the log), then a checkpoint and the call a user
 * makes after a bulk load, {@code Table.refreshIndexes} (seekdb's {@code CALL dbms_index_manager.refresh()}: the table
 * merged into one segment, committed; {@code -Dquiver.refresh=false} leaves the table as the load left it); searched with
 * {@code Table.vectorSearch} (APPROXIMATE, {@code efSearch = ef}, projection {@code id}), the filter a
 * {@code tag = 0} {@link Filter}. The access path each search took is counted, so the report can say that the graph
 * ran. {@code -Dquiver.reuse=true} searches the table a previous run left instead of building one (for profiles).
 */
final class QuiverKnnEngine
        implements KnnEngine
{
    static final String DATABASE = "bench";
    static final String TABLE = "knn";
    private static final int BATCH = 1_000;
    private static final Filter TAG_FILTER = KnnData.FILTER_TAGS == 1 ? Filter.equal("tag", Value.of(KnnData.FILTER_TAG))
            : Filter.Range.lessThan(Filter.Field.column("tag"), Value.of(KnnData.FILTER_TAG + KnnData.FILTER_TAGS));

    private final Path path;
    private final int m;
    private final int efConstruction;
    private final Map<SearchAccess, Long> accesses = new EnumMap<>(SearchAccess.class);
    private LuceneStorageEngine engine;
    private Table table;
    private long examined;
    private String buildNote = "";

    QuiverKnnEngine(Path path, int m, int efConstruction)
    {
        this.path = path;
        this.m = m;
        this.efConstruction = efConstruction;
    }

    @Override
    public String name()
    {
        return "Quiver";
    }

    static TableDefinition definition(int dimensions, int m, int efConstruction)
    {
        return new TableDefinition(TABLE, List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.BIGINT)),
                ColumnDefinition.notNull("tag", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT)),
                ColumnDefinition.nullable("embedding", new ColumnType.VectorType(dimensions))),
                List.of(IndexDefinition.primaryKey("id"), IndexDefinition.index("tag_idx", "tag"),
                        new IndexDefinition("vidx", IndexDefinition.Kind.VECTOR, List.of("embedding"), Map.of(
                                "distance", "l2", "type", "hnsw", "m", Integer.toString(m), "ef_construction", Integer.toString(efConstruction)))));
    }

    @Override
    public Build build(KnnData data)
            throws java.io.IOException
    {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long processCpu = processCpuNanos();
        long start = System.nanoTime();
        if (Boolean.getBoolean("quiver.reuse") && java.nio.file.Files.isDirectory(path.resolve("tables"))) {
            // for profiling the searches: the table a previous run built, as it left it
            engine = LuceneStorageEngine.open(path);
            table = engine.table(DATABASE, TABLE);
            buildNote = "reused the table of an earlier run (" + engine.vectorSegments(DATABASE, TABLE) + " segment(s))";
            return new Build(0, 0, KnnFiles.totalBytes(path), KnnFiles.vectorBytes(path), KnnFiles.graphs(path));
        }
        engine = LuceneStorageEngine.open(BenchMain.fresh(path));
        engine.createDatabase(DATABASE);
        engine.createTable(DATABASE, definition(data.dimensions(), m, efConstruction));
        table = engine.table(DATABASE, TABLE);
        List<String> columns = List.of("id", "tag", "embedding");
        for (int from = 0; from < data.rows(); from += BATCH) {
            int to = Math.min(data.rows(), from + BATCH);
            List<List<Value>> rows = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                rows.add(List.of(Value.of(i), Value.of(data.tags()[i]), Value.of(data.base()[i])));
            }
            table.write(new WriteRequest(columns, rows, new ConflictPolicy.Error()));
        }
        engine.checkpoint();
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        int loadedSegments = engine.vectorSegments(DATABASE, TABLE);
        if (Boolean.parseBoolean(System.getProperty("quiver.refresh", "true"))) {
            long refreshStart = System.nanoTime();
            long refreshCpu = processCpuNanos();
            table.refreshIndexes();
            buildNote = String.format(java.util.Locale.ROOT,
                    "load %.1f s (%d segments), refreshIndexes %.1f s (process CPU %.1f s, %d segment(s)), process CPU %.1f s",
                    loadSeconds, loadedSegments, (System.nanoTime() - refreshStart) / 1e9, (processCpuNanos() - refreshCpu) / 1e9,
                    engine.vectorSegments(DATABASE, TABLE), (processCpuNanos() - processCpu) / 1e9);
        }
        else {
            buildNote = String.format(java.util.Locale.ROOT, "load %.1f s (%d segments), no refresh, process CPU %.1f s", loadSeconds, loadedSegments,
                    (processCpuNanos() - processCpu) / 1e9);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        return new Build(seconds, cpuSeconds, KnnFiles.totalBytes(path), KnnFiles.vectorBytes(path), KnnFiles.graphs(path));
    }

    /** CPU time of the whole process (merge and flush threads included). */
    static long processCpuNanos()
    {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    /** How the build went: load time and segments, the refresh call's time and segments, process CPU. */
    String buildNote()
    {
        return buildNote;
    }

    @Override
    public int[] search(float[] query, int ef, boolean filtered)
    {
        VectorSearchRequest request = new VectorSearchRequest("embedding", query, VectorMetric.L2, KnnData.K,
                filtered ? TAG_FILTER : Filter.ALL, VectorSearchRequest.NO_RESIDUAL, SearchStrategy.APPROXIMATE, OptionalInt.of(ef), List.of("id"));
        SearchResult result = table.vectorSearch(request);
        accesses.merge(result.access(), 1L, Long::sum);
        examined += result.rowsExamined();
        List<ScoredRow> rows = result.rows();
        int[] ids = new int[rows.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = (int) ((Value.IntegerValue) rows.get(i).row().get(0)).value();
        }
        return ids;
    }

    @Override
    public long examined()
    {
        return examined;
    }

    /** How many searches took each access path, e.g. {@code VECTOR_INDEX 4000}. */
    String accessSummary()
    {
        StringBuilder summary = new StringBuilder();
        for (Entry<SearchAccess, Long> each : accesses.entrySet()) {
            summary.append(summary.isEmpty() ? "" : ", ").append(each.getKey()).append(' ').append(each.getValue());
        }
        accesses.clear();
        return summary.toString();
    }

    @Override
    public void close()
    {
        if (engine != null) {
            engine.close();
        }
    }
}
