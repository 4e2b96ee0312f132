package dev.quiver.storage.lucene;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.ColumnType.IntegerWidth;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.TextMode;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.ScanRequest;
import dev.quiver.storage.table.WriteRequest;
import dev.quiver.storage.wal.WalOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The background index applier of the durable engine: statements are acknowledged without calling the index writer,
 * and everything an acknowledged statement wrote is found at once (get, unique keys, approximate vector search,
 * full-text search) while the applier is held back, after a refresh that cannot drop the waiting rows, and after the
 * applier caught up; closing without draining it and reopening loses nothing; writers wait only past the backlog
 * bound. The applier is held with a test hook, so nothing depends on timing.
 */
class TestIndexApplier
{
    private static final String DB = "db";
    private static final int DIMENSIONS = 4;
    private static final long SEED = 20261122L;

    @TempDir
    Path dataDirectory;

    private LuceneStorageEngine engine;

    @AfterEach
    void close()
    {
        if (engine != null) {
            engine.resumeIndexApplier();
            engine.close();
        }
    }

    private static LuceneEngineOptions options(boolean checkpointOnClose, long backlogRows)
    {
        return new LuceneEngineOptions(new WalOptions(1 << 20, WalOptions.ChannelFactory.DEFAULT), Duration.ZERO,
                LuceneEngineOptions.DEFAULT_CHECKPOINT_LOG_BYTES, checkpointOnClose, 5, backlogRows);
    }

    private LuceneStorageEngine open(boolean checkpointOnClose)
    {
        return LuceneStorageEngine.open(dataDirectory, options(checkpointOnClose, LuceneEngineOptions.DEFAULT_APPLY_BACKLOG_ROWS));
    }

    private static TableDefinition docs(String name)
    {
        return new TableDefinition(name, List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(IntegerWidth.BIGINT)),
                ColumnDefinition.nullable("name", ColumnType.StringType.varchar(64)),
                ColumnDefinition.nullable("body", ColumnType.StringType.text()),
                ColumnDefinition.nullable("embedding", new ColumnType.VectorType(DIMENSIONS))),
                List.of(IndexDefinition.primaryKey("id"), IndexDefinition.unique("uq_name", "name"),
                        new IndexDefinition("ft_body", IndexDefinition.Kind.FULLTEXT, List.of("body"), Map.of()),
                        new IndexDefinition("v_l2", IndexDefinition.Kind.VECTOR, List.of("embedding"), Map.of("distance", "l2", "type", "hnsw"))));
    }

    private Table create(String name)
    {
        if (!engine.databaseExists(DB)) {
            engine.createDatabase(DB);
        }
        engine.createTable(DB, docs(name));
        return engine.table(DB, name);
    }

    /** The table's expected content: id → [id, name, body, embedding]. */
    private static final class Model
    {
        final TreeMap<Long, Row> rows = new TreeMap<>();
        final Random random;
        int version;

        Model(long seed)
        {
            random = new Random(seed);
        }

        Row next(long id)
        {
            float[] vector = new float[DIMENSIONS];
            for (int i = 0; i < DIMENSIONS; i++) {
                vector[i] = random.nextFloat() * 20 - 10;
            }
            version++;
            return Row.of(Value.of(id), Value.of("name-" + id + "-v" + version), Value.of("common word" + id + "v" + version + " filler"), Value.of(vector));
        }
    }

    private static void upsert(Table table, Model model, List<Long> ids)
    {
        List<List<Value>> rows = new ArrayList<>();
        for (long id : ids) {
            Row row = model.next(id);
            model.rows.put(id, row);
            rows.add(row.values());
        }
        table.write(new WriteRequest(List.of("id", "name", "body", "embedding"), rows, ConflictPolicy.REPLACE));
    }

    private static void delete(Table table, Model model, long id)
    {
        model.rows.remove(id);
        assertThat(table.delete(Filter.equal("id", Value.of(id)))).isEqualTo(1);
    }

    private static List<Long> range(long from, long to)
    {
        List<Long> ids = new ArrayList<>();
        for (long id = from; id < to; id++) {
            ids.add(id);
        }
        return ids;
    }

    /** Every way of finding a row agrees with the model. */
    private static void assertFindsExactly(Table table, Model model, List<Long> gone, String context)
    {
        // get by primary key
        for (Map.Entry<Long, Row> entry : model.rows.entrySet()) {
            assertThat(table.get(List.of(List.of(Value.of(entry.getKey())))).get(0)).as("%s: get %s", context, entry.getKey()).contains(entry.getValue());
        }
        for (long id : gone) {
            assertThat(table.get(List.of(List.of(Value.of(id)))).get(0)).as("%s: get deleted %s", context, id).isEmpty();
        }
        assertThat(table.scan(ScanRequest.all()).toList()).as("%s: scan", context).containsExactlyElementsOf(model.rows.values());
        // unique key: every current name is taken
        for (Row row : model.rows.values()) {
            assertThatThrownBy(() -> table.write(new WriteRequest(List.of("id", "name"), List.of(List.of(Value.of(1_000_000L), row.get(1))), ConflictPolicy.ERROR)))
                    .as("%s: duplicate name of %s", context, row.get(0))
                    .isInstanceOfSatisfying(QuiverException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ER_DUP_ENTRY));
        }
        // approximate vector search: each row is its own nearest neighbour, and the top 5 match brute force
        for (Row row : model.rows.values()) {
            float[] query = ((Value.VectorValue) row.get(3)).value();
            List<ScoredRow> hits = table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.L2, 5, SearchStrategy.APPROXIMATE)
                    .withEfSearch(200)).rows();
            assertThat(hits.stream().map(hit -> hit.row().get(0)).toList()).as("%s: nearest to %s", context, row.get(0))
                    .isEqualTo(bruteForce(model, query, 5));
        }
        // full-text search: each row's own word finds exactly it; deleted rows' words find nothing
        for (Row row : model.rows.values()) {
            String word = ((Value.StringValue) row.get(2)).value().split(" ")[1];
            List<ScoredRow> hits = table.textSearch(TextSearchRequest.of("body", word, TextMode.NATURAL_LANGUAGE)).rows();
            assertThat(hits.stream().map(ScoredRow::row).toList()).as("%s: text %s", context, word).containsExactly(row);
        }
        assertThat(table.textSearch(TextSearchRequest.of("body", "common", TextMode.NATURAL_LANGUAGE)).rows())
                .as("%s: every row has the common word", context).hasSize(model.rows.size());
    }

    private static List<Value> bruteForce(Model model, float[] query, int k)
    {
        return model.rows.values().stream()
                .sorted(Comparator.comparingDouble(row -> distance(query, ((Value.VectorValue) row.get(3)).value())))
                .limit(k)
                .map(row -> row.get(0))
                .toList();
    }

    private static double distance(float[] left, float[] right)
    {
        double sum = 0;
        for (int i = 0; i < left.length; i++) {
            double delta = left[i] - right[i];
            sum += delta * delta;
        }
        return Math.sqrt(sum);
    }

    @Test
    void testAcknowledgedWritesAreFoundBeforeTheApplierReachesThem()
            throws java.io.IOException
    {
        engine = open(true);
        Table table = create("docs");
        Model model = new Model(SEED);
        engine.pauseIndexApplier();
        for (int batch = 0; batch < 4; batch++) {
            upsert(table, model, range(batch * 10L + 1, batch * 10L + 11));
        }
        // acknowledged with zero documents in the index writer: the statements never called it
        assertThat(engine.writerDocuments(DB, "docs")).isZero();
        assertThat(engine.indexBacklogRows()).isEqualTo(40);
        assertFindsExactly(table, model, List.of(), "held");

        engine.resumeIndexApplier();
        assertThat(engine.drainIndexApplier()).isTrue();
        assertThat(engine.writerDocuments(DB, "docs")).isEqualTo(40);
        assertThat(engine.indexBacklogRows()).isZero();
        assertFindsExactly(table, model, List.of(), "applied, not refreshed");
        engine.refreshNow();
        assertThat(engine.versionMapRows(DB, "docs")).as("version map after catching up and refreshing").isZero();
        assertFindsExactly(table, model, List.of(), "applied and refreshed");

        // a refresh after the writer reached some statements (X) but not later ones (Y): it must drop exactly the
        // version-map entries (rows and unique-key owners) the reopened searcher holds, and keep those of Y
        engine.pauseIndexApplier();
        upsert(table, model, List.of(3L, 7L, 11L, 41L, 42L, 43L));
        delete(table, model, 8L);
        upsert(table, model, List.of(3L, 41L, 44L));
        delete(table, model, 5L);
        delete(table, model, 42L);
        upsert(table, model, List.of(7L));
        // REPLACE gives a replaced row a new internal row id: X has 10 entries (new 3, 7, 11, 41, 42, 43; the old
        // 3, 7, 11 and 8 deleted), Y 9 (new 3, 41, 44, 7; X's 3, 41, 42, 7 and the old 5 deleted), 4 of them over X's
        assertThat(engine.versionMapRows(DB, "docs")).isEqualTo(15);
        engine.applyHeldStatements(2);
        int documents = engine.writerDocuments(DB, "docs");
        engine.refreshNow();
        // the 6 entries only X wrote are in the searcher now; Y's 9 stay
        assertThat(engine.versionMapRows(DB, "docs")).isEqualTo(9);
        List<Long> gone = List.of(5L, 8L, 42L);
        assertFindsExactly(table, model, gone, "searcher plus held changes");
        assertThat(engine.writerDocuments(DB, "docs")).isEqualTo(documents);

        engine.resumeIndexApplier();
        assertThat(engine.drainIndexApplier()).isTrue();
        assertFindsExactly(table, model, gone, "caught up, not refreshed");
        engine.refreshNow();
        assertFindsExactly(table, model, gone, "caught up and refreshed");
    }

    @Test
    void testCloseWithoutDrainingThenReopenLosesNothing()
    {
        engine = open(true);
        Table table = create("docs");
        Table dropped = create("dropped");
        Table altered = create("altered");
        Model model = new Model(SEED);
        Model other = new Model(SEED + 1);
        upsert(table, model, range(1, 21));
        assertThat(engine.drainIndexApplier()).isTrue();
        engine.checkpoint();
        engine.pauseIndexApplier();
        upsert(table, model, range(21, 31));
        upsert(table, model, List.of(2L, 4L));
        delete(table, model, 6L);
        upsert(dropped, other, range(1, 6));
        upsert(altered, other, range(1, 6));
        // this checkpoint commits the tables at the position their writers reached, and keeps the log from there
        engine.checkpoint();
        upsert(table, model, range(31, 36));
        delete(table, model, 21L);
        engine.dropTable(DB, "dropped");
        TableDefinition before = docs("altered");
        List<ColumnDefinition> columns = new ArrayList<>(before.columns());
        columns.add(ColumnDefinition.nullable("extra", ColumnType.IntegerType.signed(IntegerWidth.INT)));
        engine.alterTable(DB, "altered", new TableDefinition("altered", columns, before.indexes()), row -> {
            List<Value> values = new ArrayList<>(row.values());
            values.add(Value.of(7));
            return new Row(values);
        });
        assertThat(engine.writerDocuments(DB, "docs")).isEqualTo(20);
        engine.close();
        engine = open(false);
        Table reopened = engine.table(DB, "docs");
        assertFindsExactly(reopened, model, List.of(6L, 21L), "reopened");
        assertThat(engine.tableExists(DB, "dropped")).isFalse();
        assertThat(engine.table(DB, "altered").scan(ScanRequest.all()).toList()).hasSize(5)
                .allSatisfy(row -> assertThat(row.get(4)).isEqualTo(Value.of(7)));

        // held again, closed without a checkpoint: the log alone brings the held statements back
        engine.pauseIndexApplier();
        upsert(reopened, model, List.of(1L, 50L));
        delete(reopened, model, 3L);
        engine.close();
        engine = open(true);
        assertFindsExactly(engine.table(DB, "docs"), model, List.of(3L, 6L, 21L), "reopened again");
    }

    @Test
    void testWritersWaitOnlyPastTheBacklogBound()
            throws InterruptedException
    {
        engine = LuceneStorageEngine.open(dataDirectory, options(true, 10));
        Table table = create("docs");
        Model model = new Model(SEED);
        engine.pauseIndexApplier();
        // 10 rows wait: at the bound, not past it, so the writer returns
        upsert(table, model, range(1, 11));
        assertThat(engine.indexBacklogRows()).isEqualTo(10);
        assertThat(engine.indexApplierWaiters()).isZero();

        Model more = new Model(SEED + 1);
        AtomicBoolean returned = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread writer = Thread.ofPlatform().start(() -> {
            try {
                upsert(table, more, List.of(11L));
                returned.set(true);
            }
            catch (Throwable e) {
                failed.set(e);
            }
        });
        while (engine.indexApplierWaiters() == 0 && writer.isAlive()) {
            Thread.onSpinWait();
        }
        assertThat(failed.get()).isNull();
        // the writer waits after its statement: the row is already durable and visible, the writer has not returned
        assertThat(engine.indexApplierWaiters()).isEqualTo(1);
        assertThat(returned.get()).isFalse();
        assertThat(table.get(List.of(List.of(Value.of(11L)))).get(0)).contains(more.rows.get(11L));

        engine.resumeIndexApplier();
        writer.join();
        assertThat(failed.get()).isNull();
        assertThat(returned.get()).isTrue();
        assertThat(engine.drainIndexApplier()).isTrue();
        assertThat(engine.writerDocuments(DB, "docs")).isEqualTo(11);
    }
}
