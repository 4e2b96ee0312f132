package dev.quiver.storage;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Table#refreshIndexes} (seekdb's {@code CALL dbms_index_manager.refresh()}), mixed into
 * {@link AbstractStorageEngineTest}: searches give the same results before and after it and after a restart, writes
 * keep working during and after it, and a dropped table's handle refuses it. Whether the durable engine really merged
 * is checked by its own test ({@code TestLuceneIndexMerges}).
 */
public interface IndexRefreshContract
{
    String REFRESH_DB = "db";
    long REFRESH_SEED = 2026_11_22_1L;
    List<String> COLUMNS = List.of("id", "category", "meta", "embedding");

    StorageEngine engine();

    /** Closes and reopens a durable engine (identity for the in-memory one). */
    void restartEngine();

    private Table refreshTable(int count)
    {
        engine().createTable(REFRESH_DB, VectorFixtures.vectorTable("refreshed"));
        Table table = engine().table(REFRESH_DB, "refreshed");
        List<Row> rows = VectorFixtures.rows(REFRESH_SEED, count);
        for (int from = 0; from < rows.size(); from += 25) {
            table.write(new WriteRequest(COLUMNS, rows.subList(from, Math.min(rows.size(), from + 25)).stream().map(Row::values).toList(),
                    ConflictPolicy.ERROR));
        }
        return table;
    }

    /** Every kind of search the refresh could change: exact and approximate per metric, filtered and not. */
    private static List<List<VectorFixtures.Hit>> searches(Table table)
    {
        Random random = new Random(REFRESH_SEED + 1);
        List<List<VectorFixtures.Hit>> results = new ArrayList<>();
        for (int q = 0; q < 4; q++) {
            float[] query = VectorFixtures.randomVector(random);
            for (VectorMetric metric : VectorMetric.values()) {
                results.add(VectorFixtures.hits(table.vectorSearch(VectorSearchRequest.of("embedding", query, metric, 10, SearchStrategy.EXACT))));
                // ef above the table size: the graph gives the exact answer whatever its segments
                results.add(VectorFixtures.hits(table.vectorSearch(
                        VectorSearchRequest.of("embedding", query, metric, 10, SearchStrategy.APPROXIMATE).withEfSearch(1000))));
            }
            results.add(VectorFixtures.hits(table.vectorSearch(new VectorSearchRequest("embedding", query, VectorMetric.L2, 5,
                    Filter.equal("category", Value.of(3)), row -> true, SearchStrategy.APPROXIMATE, java.util.OptionalInt.of(1000), List.of()))));
        }
        return results;
    }

    @Test
    default void testRefreshIndexesKeepsSearchResultsAcrossRestart()
    {
        Table table = refreshTable(300);
        List<List<VectorFixtures.Hit>> before = searches(table);
        table.refreshIndexes();
        assertThat(searches(table)).isEqualTo(before);
        assertThat(table.count(Filter.ALL)).isEqualTo(300);
        // a second refresh with nothing new is harmless
        table.refreshIndexes();
        assertThat(searches(table)).isEqualTo(before);
        restartEngine();
        Table reopened = engine().table(REFRESH_DB, "refreshed");
        assertThat(searches(reopened)).isEqualTo(before);
        assertThat(reopened.count(Filter.ALL)).isEqualTo(300);
    }

    @Test
    default void testWritesAfterRefreshIndexesAreVisibleAndDurable()
    {
        Table table = refreshTable(200);
        table.refreshIndexes();
        float[] near = {100, 100, 100, 100};
        table.write(new WriteRequest(COLUMNS, List.of(List.of(Value.of(1000), Value.of(1), Value.NULL, Value.of(near))), ConflictPolicy.ERROR));
        table.delete(Filter.equal("id", Value.of(7)));
        SearchResult nearest = table.vectorSearch(VectorSearchRequest.of("embedding", near, VectorMetric.L2, 1, SearchStrategy.APPROXIMATE));
        assertThat(VectorFixtures.ids(nearest)).containsExactly(1000L);
        table.refreshIndexes();
        restartEngine();
        Table reopened = engine().table(REFRESH_DB, "refreshed");
        assertThat(reopened.count(Filter.ALL)).isEqualTo(200);
        assertThat(reopened.count(Filter.equal("id", Value.of(7)))).isZero();
        assertThat(VectorFixtures.ids(reopened.vectorSearch(VectorSearchRequest.of("embedding", near, VectorMetric.L2, 1, SearchStrategy.APPROXIMATE))))
                .containsExactly(1000L);
    }

    /** A writer thread keeps inserting while the refresh runs: every acknowledged row is there afterwards and after a restart. */
    @Test
    default void testWritesDuringRefreshIndexes()
            throws InterruptedException
    {
        Table table = refreshTable(200);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int id = 1001; id <= 1100; id++) {
                    float[] vector = {id, 0, 0, 1};
                    table.write(new WriteRequest(COLUMNS, List.of(List.of(Value.of(id), Value.of(id % 10), Value.NULL, Value.of(vector))), ConflictPolicy.ERROR));
                }
            }
            catch (Throwable e) {
                failure.set(e);
            }
        });
        writer.start();
        table.refreshIndexes();
        writer.join();
        assertThat(failure.get()).isNull();
        assertThat(table.count(Filter.ALL)).isEqualTo(300);
        float[] query = {1050, 0, 0, 1};
        assertThat(VectorFixtures.ids(table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.L2, 1, SearchStrategy.APPROXIMATE))))
                .containsExactly(1050L);
        restartEngine();
        Table reopened = engine().table(REFRESH_DB, "refreshed");
        assertThat(reopened.count(Filter.ALL)).isEqualTo(300);
        assertThat(VectorFixtures.ids(reopened.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.L2, 1, SearchStrategy.APPROXIMATE))))
                .containsExactly(1050L);
    }

    @Test
    default void testRefreshIndexesOfEmptyAndDroppedTables()
    {
        Table table = refreshTable(0);
        table.refreshIndexes();
        assertThat(table.count(Filter.ALL)).isZero();
        engine().dropTable(REFRESH_DB, "refreshed");
        assertThatThrownBy(table::refreshIndexes)
                .isInstanceOfSatisfying(QuiverException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ER_NO_SUCH_TABLE));
    }
}
