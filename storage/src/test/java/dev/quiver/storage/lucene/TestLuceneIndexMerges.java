package dev.quiver.storage.lucene;

import dev.quiver.storage.Table;
import dev.quiver.storage.VectorFixtures;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.search.SearchAccess;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The durable engine really merges: a table loaded in many small statements (a refresh every few rows, so many
 * segments) has one segment with vectors after {@link Table#refreshIndexes} and after the idle merge, still after a
 * restart (the merge was committed), and its searches return what they returned before.
 */
class TestLuceneIndexMerges
{
    private static final long SEED = 2026_11_22_2L;
    private static final List<String> COLUMNS = List.of("id", "category", "meta", "embedding");

    @TempDir
    Path dataDirectory;

    private LuceneStorageEngine engine;

    @AfterEach
    void close()
    {
        if (engine != null) {
            engine.close();
        }
    }

    /** Many segments: a refresh (a flush) every 3 changed rows, statements of 20 rows, no background merge unless asked. */
    private LuceneEngineOptions options(Duration mergeWhenIdle)
    {
        return TestLuceneStorageEngine.options(true).withMergeWhenIdle(mergeWhenIdle);
    }

    private Table load(Duration mergeWhenIdle, int rows)
    {
        engine = LuceneStorageEngine.open(dataDirectory, options(mergeWhenIdle));
        engine.createDatabase("db");
        engine.createTable("db", VectorFixtures.vectorTable("vecs"));
        Table table = engine.table("db", "vecs");
        List<Row> data = VectorFixtures.rows(SEED, rows);
        for (int from = 0; from < data.size(); from += 20) {
            table.write(new WriteRequest(COLUMNS, data.subList(from, Math.min(data.size(), from + 20)).stream().map(Row::values).toList(),
                    ConflictPolicy.ERROR));
        }
        // every statement in the index writer (the background applier builds documents behind the statements)
        assertThat(engine.drainIndexApplier()).isTrue();
        return table;
    }

    /**
     * Exact searches and approximate ones with ef_search above the table size (the graphs must give the exact answer
     * however many there are), then approximate ones with the default ef_search (whose cost depends on the segments).
     */
    private static List<SearchResult> searches(Table table)
    {
        Random random = new Random(SEED + 1);
        List<SearchResult> results = new ArrayList<>();
        for (int q = 0; q < 5; q++) {
            float[] query = VectorFixtures.randomVector(random);
            results.add(table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.L2, 10, SearchStrategy.EXACT)));
            results.add(table.vectorSearch(VectorSearchRequest.of("embedding", query, VectorMetric.L2, 10, SearchStrategy.APPROXIMATE).withEfSearch(4000)));
        }
        return results;
    }

    private static List<SearchResult> defaultEfSearches(Table table)
    {
        Random random = new Random(SEED + 1);
        List<SearchResult> results = new ArrayList<>();
        for (int q = 0; q < 5; q++) {
            results.add(table.vectorSearch(VectorSearchRequest.of("embedding", VectorFixtures.randomVector(random), VectorMetric.L2, 10,
                    SearchStrategy.APPROXIMATE)));
        }
        return results;
    }

    private static List<List<Long>> ids(List<SearchResult> results)
    {
        return results.stream().map(VectorFixtures::ids).toList();
    }

    @Test
    void testRefreshIndexesMergesIntoOneSegment()
    {
        Table table = load(Duration.ZERO, 2_000);
        List<SearchResult> before = searches(table);
        table.refreshIndexes();
        assertThat(engine.vectorSegments("db", "vecs")).isEqualTo(1);
        assertThat(ids(searches(table))).isEqualTo(ids(before));
        for (SearchResult walked : defaultEfSearches(table)) {
            // one graph walked: a fraction of the rows scored
            assertThat(walked.access()).isEqualTo(SearchAccess.VECTOR_INDEX);
            assertThat(walked.rowsExamined()).isLessThan(2_000);
        }
        engine.close();
        engine = LuceneStorageEngine.open(dataDirectory, options(Duration.ZERO));
        assertThat(engine.vectorSegments("db", "vecs")).isEqualTo(1);
        assertThat(ids(searches(engine.table("db", "vecs")))).isEqualTo(ids(before));
        assertThat(engine.table("db", "vecs").count(Filter.ALL)).isEqualTo(2_000);
    }

    @Test
    void testIdleTableIsMergedInTheBackground()
    {
        // the scheduler's check would find the table idle only after an hour: the test runs the check itself
        Table table = load(Duration.ofHours(1), 1_000);
        // every statement in the writer first, so that close() has nothing left to flush into a new segment
        assertThat(engine.drainIndexApplier()).isTrue();
        List<List<Long>> before = ids(searches(table));
        // Lucene's own merges may already have left one large segment and a rest under 5 %, which is not merged
        boolean worthwhile = engine.vectorMergeWorthwhile("db", "vecs");
        engine.mergeIdleTables();
        assertThat(engine.vectorMergeWorthwhile("db", "vecs")).isFalse();
        if (worthwhile) {
            assertThat(engine.vectorSegments("db", "vecs")).isEqualTo(1);
        }
        assertThat(ids(searches(table))).isEqualTo(before);
        // committed by the next checkpoint, although nothing was logged since the last one
        engine.checkpoint();
        int merged = engine.vectorSegments("db", "vecs");
        engine.close();
        engine = LuceneStorageEngine.open(dataDirectory, options(Duration.ZERO));
        assertThat(engine.vectorSegments("db", "vecs")).isEqualTo(merged);
        assertThat(ids(searches(engine.table("db", "vecs")))).isEqualTo(before);
    }

    @Test
    void testIdleMergeLeavesAMergedTableAlone()
    {
        Table table = load(Duration.ZERO, 1_000);
        table.refreshIndexes();
        engine.close();
        engine = LuceneStorageEngine.open(dataDirectory, options(Duration.ofHours(1)));
        // a few rows more: a small segment beside the merged one, under 5 % of the rows, is not worth rewriting the table
        Table reopened = engine.table("db", "vecs");
        reopened.write(new WriteRequest(COLUMNS, VectorFixtures.rows(SEED + 2, 3).stream()
                .map(row -> List.of(dev.quiver.storage.row.Value.of(5000 + VectorFixtures.id(row)), row.get(1), row.get(2), row.get(3))).toList(),
                ConflictPolicy.ERROR));
        assertThat(engine.drainIndexApplier()).isTrue();
        engine.checkpoint();
        assertThat(engine.vectorMergeWorthwhile("db", "vecs")).isFalse();
        engine.mergeIdleTables();
        // the merged segment and, once a searcher holds them, the 3 rows' own: not merged into one
        assertThat(engine.vectorSegments("db", "vecs")).isBetween(1, 2);
        assertThat(engine.vectorMergeWorthwhile("db", "vecs")).isFalse();
        assertThat(reopened.count(Filter.ALL)).isEqualTo(1_003);
    }
}
