package dev.quiver.sql;

import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.security.AllowAllAccessControl;
import dev.quiver.sql.security.Identity;
import dev.quiver.sql.testing.InProcessTarget;
import dev.quiver.sql.testing.RecordingStorageEngine;
import dev.quiver.storage.memory.InMemoryStorageEngine;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.search.VectorSearchRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the search access paths pass down to {@code Table.textSearch} and {@code Table.vectorSearch}: LIMIT + OFFSET
 * when the plan's final order is the search's and nothing after the access needs more rows, and the columns the
 * statement reads (plus the primary key) as the projection. Each case runs the statement twice, as written and with a
 * condition that changes nothing but forces the slow path (a subquery conjunct: a remaining filter after the access, a
 * body that may read any column), and checks the same rows in the same order come back, and what the engine was asked.
 */
public class TestSearchPushdown
{
    /** True for every row, but a remaining filter (a subquery) that the access cannot take. */
    private static final String SLOW = "(SELECT 1) = 1";

    private final RecordingStorageEngine storage = new RecordingStorageEngine(new InMemoryStorageEngine());
    private final QueryEngine engine = new QueryEngine(storage, new AllowAllAccessControl(), InProcessTarget.CONFIG);
    private final Session session = engine.openSession(new SessionContext(1, new Identity("root", "localhost", "%"), false, true));

    @BeforeEach
    public void createTables()
    {
        run("CREATE DATABASE qv_push");
        engine.useDatabase(session, "qv_push");
        run("CREATE TABLE docs (id INT PRIMARY KEY, document TEXT, title VARCHAR(20), n INT, FULLTEXT INDEX ft (document) WITH PARSER space)");
        // ties: rows 1-4 have the same text (the same score), 5 and 6 another, 7 none of the words
        run("INSERT INTO docs VALUES (1, 'apple pie', 't1', 10), (2, 'apple pie', 't2', 20), (3, 'apple pie', 't3', 30), (4, 'apple pie', 't4', 40),"
                + " (5, 'apple apple banana', 't5', 50), (6, 'apple apple banana', 't6', 60), (7, 'cherry', 't7', 70), (8, 'banana split', 't8', 80)");
        run("CREATE TABLE vecs (id INT PRIMARY KEY, embedding VECTOR(2), tag VARCHAR(10), VECTOR INDEX vi (embedding) WITH (distance=l2, type=hnsw))");
        run("INSERT INTO vecs VALUES (1, '[0,0]', 'a'), (2, '[1,0]', 'b'), (3, '[0,1]', 'a'), (4, '[1,1]', 'b'), (5, '[2,2]', 'a'), (6, '[-1,0]', 'b')");
    }

    @Test
    public void testMatchWithoutOrderByAsksForLimitAndKeyOnly()
    {
        List<List<Object>> fast = same("SELECT id FROM docs WHERE MATCH(document) AGAINST ('apple') %s LIMIT 3");
        TextSearchRequest request = lastText();
        assertThat(request.limit()).isEqualTo(OptionalInt.of(3));
        assertThat(request.projection()).containsExactly("id");
        assertThat(request.residual()).isSameAs(TextSearchRequest.NO_RESIDUAL);
        // relevance order (MySQL's for a MATCH in WHERE without ORDER BY): the two 'apple apple' rows first, then ties by row
        assertThat(fast).containsExactly(List.of(5L), List.of(6L), List.of(1L));
    }

    @Test
    public void testOffsetIsPartOfTheWindow()
    {
        for (int offset = 0; offset <= 7; offset++) {
            for (int limit = 0; limit <= 7; limit++) {
                same("SELECT id FROM docs WHERE MATCH(document) AGAINST ('apple banana') %s LIMIT " + limit + " OFFSET " + offset);
                if (limit > 0) {
                    assertThat(lastFastText().limit()).isEqualTo(OptionalInt.of(limit + offset));
                }
            }
        }
        same("SELECT id FROM docs WHERE MATCH(document) AGAINST ('apple') %s LIMIT 2, 3");
        assertThat(lastFastText().limit()).isEqualTo(OptionalInt.of(5));
    }

    @Test
    public void testOrderByTheScoreDescendingIsTheSearchOrder()
    {
        same("SELECT id, MATCH(document) AGAINST ('apple') AS score FROM docs WHERE MATCH(document) AGAINST ('apple') %s ORDER BY score DESC LIMIT 4");
        assertThat(lastFastText().limit()).isEqualTo(OptionalInt.of(4));
        assertThat(lastFastText().projection()).containsExactly("id");
        same("SELECT id FROM docs WHERE MATCH(document) AGAINST ('apple') %s ORDER BY MATCH(document) AGAINST ('apple') DESC LIMIT 1 OFFSET 2");
        assertThat(lastFastText().limit()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    public void testOtherOrdersReadEveryMatch()
    {
        // ascending score, another column, a second key: the plan sorts every match
        for (String order : List.of("MATCH(document) AGAINST ('apple')", "n DESC", "MATCH(document) AGAINST ('apple') DESC, id DESC", "title")) {
            same("SELECT id FROM docs WHERE MATCH(document) AGAINST ('apple') %s ORDER BY " + order + " LIMIT 2");
            assertThat(lastFastText().limit()).as(order).isEmpty();
        }
        assertThat(lastFastText().projection()).containsExactly("id", "title");
    }

    @Test
    public void testEngineResidualKeepsTheLimit()
    {
        // LIKE and REGEXP are not pushed as filters: the engine tests them on each row before its limit, so LIMIT still holds
        same("SELECT id FROM docs WHERE MATCH(document) AGAINST ('apple') AND title REGEXP '[246]' %s LIMIT 2");
        TextSearchRequest request = lastFastText();
        assertThat(request.residual()).isNotSameAs(TextSearchRequest.NO_RESIDUAL);
        assertThat(request.limit()).isEqualTo(OptionalInt.of(2));
        // the residual reads title; the plan after the access reads only id
        assertThat(request.projection()).containsExactly("id");
        assertThat(rows("SELECT id FROM docs WHERE MATCH(document) AGAINST ('apple') AND title REGEXP '[246]' LIMIT 2")).containsExactly(List.of(6L), List.of(2L));
        // a pushed filter
        same("SELECT id FROM docs WHERE MATCH(document) AGAINST ('apple') AND n >= 20 %s LIMIT 3");
        assertThat(lastFastText().limit()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    public void testRemainingFilterForcesTheSlowPath()
    {
        rows("SELECT id FROM docs WHERE MATCH(document) AGAINST ('apple') AND " + SLOW + " LIMIT 2");
        TextSearchRequest request = lastText();
        assertThat(request.limit()).isEmpty();
        assertThat(request.projection()).isEmpty();
        // HAVING filters after the access too
        assertThat(rows("SELECT id FROM docs WHERE MATCH(document) AGAINST ('apple') HAVING id > 3 LIMIT 2")).containsExactly(List.of(5L), List.of(6L));
        assertThat(lastText().limit()).isEmpty();
        // grouping, DISTINCT and aggregates read every match
        assertThat(rows("SELECT COUNT(*) FROM docs WHERE MATCH(document) AGAINST ('apple') LIMIT 1")).containsExactly(List.of(6L));
        assertThat(lastText().limit()).isEmpty();
        assertThat(rows("SELECT DISTINCT document FROM docs WHERE MATCH(document) AGAINST ('apple') LIMIT 2"))
                .containsExactly(List.of("apple apple banana"), List.of("apple pie"));
        assertThat(lastText().limit()).isEmpty();
        assertThat(lastText().projection()).containsExactly("id", "document");
    }

    @Test
    public void testHavingWithoutGroupingIsNotCutByTheLimit()
    {
        // a scan in key order used to stop at LIMIT rows before HAVING dropped some of them
        assertThat(rows("SELECT id FROM docs HAVING n > 40 ORDER BY id LIMIT 2")).containsExactly(List.of(5L), List.of(6L));
        assertThat(rows("SELECT id FROM vecs HAVING tag = 'b' ORDER BY l2_distance(embedding, '[0,0]') LIMIT 2")).containsExactly(List.of(2L), List.of(6L));
    }

    @Test
    public void testProjectionHoldsTheColumnsTheStatementReads()
    {
        same("SELECT title, n + 1 FROM docs WHERE MATCH(document) AGAINST ('banana') %s LIMIT 5");
        assertThat(lastFastText().projection()).containsExactly("id", "title", "n");
        // the MATCH's value is its score: document is not read
        same("SELECT id, MATCH(document) AGAINST ('banana') FROM docs WHERE MATCH(document) AGAINST ('banana') %s");
        assertThat(lastFastText().projection()).containsExactly("id");
        assertThat(lastFastText().limit()).isEmpty();
        // every column: whole rows
        same("SELECT * FROM docs WHERE MATCH(document) AGAINST ('banana') %s LIMIT 5");
        assertThat(lastFastText().projection()).isEmpty();
        // a second MATCH over the table is scored by whole row: whole rows
        same("SELECT id, MATCH(document) AGAINST ('pie') FROM docs WHERE MATCH(document) AGAINST ('apple') %s LIMIT 5");
        assertThat(lastFastText().projection()).isEmpty();
    }

    @Test
    public void testJoinsReadTheJoinColumns()
    {
        // the searched table is joined: no limit, and the projection holds what the join and the select list read
        same("SELECT d.title, v.tag FROM docs d JOIN vecs v ON v.id = d.n / 10 WHERE MATCH(d.document) AGAINST ('apple') %s ORDER BY d.id LIMIT 3");
        assertThat(lastFastText().limit()).isEmpty();
        assertThat(lastFastText().projection()).containsExactly("id", "title", "n");
        same("SELECT d.id, v.id FROM docs d LEFT JOIN vecs v ON v.tag = d.title WHERE MATCH(d.document) AGAINST ('banana') %s");
        assertThat(lastFastText().projection()).containsExactly("id", "title");
        // an approximate search in a join: its window is searched, then joined; the plan sorts by the distance
        same("SELECT v.id, d.title FROM vecs v JOIN docs d ON d.id = v.id %s ORDER BY l2_distance(v.embedding, '[0,0]') APPROXIMATE LIMIT 3");
        assertThat(lastFastVector().projection()).containsExactly("id", "embedding");
    }

    @Test
    public void testFoundRowsIsTheSameEitherWay()
    {
        rows("SELECT SQL_CALC_FOUND_ROWS id FROM docs WHERE MATCH(document) AGAINST ('apple') LIMIT 2");
        assertThat(lastText().limit()).isEqualTo(OptionalInt.of(2));
        List<List<Object>> fast = rows("SELECT FOUND_ROWS()");
        rows("SELECT SQL_CALC_FOUND_ROWS id FROM docs WHERE MATCH(document) AGAINST ('apple') AND " + SLOW + " LIMIT 2");
        assertThat(lastText().limit()).isEmpty();
        assertThat(rows("SELECT FOUND_ROWS()")).isEqualTo(fast);
    }

    @Test
    public void testUpdateAndDeleteReadWholeRows()
    {
        // the best match for 'banana' is the shorter text (BM25's length normalization)
        run("UPDATE docs SET n = n + 1 WHERE MATCH(document) AGAINST ('banana') LIMIT 1");
        assertThat(lastText().projection()).isEmpty();
        assertThat(rows("SELECT id, document, title, n FROM docs WHERE id IN (5, 6, 8) ORDER BY id"))
                .containsExactly(List.of(5L, "apple apple banana", "t5", 50L), List.of(6L, "apple apple banana", "t6", 60L), List.of(8L, "banana split", "t8", 81L));
        run("DELETE FROM docs WHERE MATCH(document) AGAINST ('cherry')");
        assertThat(rows("SELECT COUNT(*) FROM docs")).containsExactly(List.of(7L));
    }

    @Test
    public void testExplainShowsTheLimitAndTheKeyOnlyProjection()
    {
        assertThat(rows("EXPLAIN SELECT id FROM docs WHERE MATCH(document) AGAINST ('apple') LIMIT 2 OFFSET 1"))
                .containsExactly(Arrays.asList(1L, "SIMPLE", "docs", null, "fulltext", "ft", "ft", "0", "const", 3L, new java.math.BigDecimal("100.00"),
                        "Using where; Using fulltext top-k; Using index"));
        assertThat(rows("EXPLAIN SELECT id, title FROM docs WHERE MATCH(document) AGAINST ('apple') ORDER BY MATCH(document) AGAINST ('apple') DESC LIMIT 2").get(0))
                .endsWith(2L, new java.math.BigDecimal("100.00"), "Using where; Using fulltext top-k");
        assertThat(rows("EXPLAIN SELECT id FROM docs WHERE MATCH(document) AGAINST ('apple') ORDER BY n LIMIT 2").get(0))
                .endsWith(1L, new java.math.BigDecimal("100.00"), "Using where; Using filesort");
        assertThat(rows("EXPLAIN SELECT id FROM vecs ORDER BY l2_distance(embedding, '[0,0]') APPROXIMATE LIMIT 3").get(0))
                .endsWith(3L, new java.math.BigDecimal("100.00"), "Using vector index (approximate l2 top-k); Using index");
        assertThat(rows("EXPLAIN SELECT id, tag FROM vecs ORDER BY l2_distance(embedding, '[0,0]') APPROXIMATE LIMIT 3").get(0))
                .endsWith("Using vector index (approximate l2 top-k)");
    }

    @Test
    public void testVectorSearchProjection()
    {
        same("SELECT id FROM vecs %s ORDER BY l2_distance(embedding, '[0.1,0]') APPROXIMATE LIMIT 3");
        assertThat(lastFastVector().projection()).containsExactly("id");
        assertThat(lastFastVector().k()).isEqualTo(3);
        same("SELECT tag, l2_distance(embedding, '[0.1,0]') AS d FROM vecs %s ORDER BY d APPROXIMATE LIMIT 2 OFFSET 2");
        // every column: whole rows
        assertThat(lastFastVector().projection()).isEmpty();
        assertThat(lastFastVector().k()).isEqualTo(4);
        same("SELECT l2_distance(embedding, '[0.1,0]') AS d FROM vecs %s ORDER BY d APPROXIMATE LIMIT 2 OFFSET 2");
        assertThat(lastFastVector().projection()).containsExactly("id", "embedding");
        // a constant condition stays after the access: the plan sorts, so it reads the distance's column
        same("SELECT id FROM vecs WHERE 1 = 1 %s ORDER BY l2_distance(embedding, '[0.1,0]') APPROXIMATE LIMIT 3");
        assertThat(lastFastVector().projection()).containsExactly("id", "embedding");
        same("SELECT id FROM vecs WHERE tag = 'a' %s ORDER BY l2_distance(embedding, '[0.1,0]') LIMIT 2");
        assertThat(lastFastVector().projection()).containsExactly("id");
        assertThat(lastFastVector().residual()).isSameAs(VectorSearchRequest.NO_RESIDUAL);
    }

    @Test
    public void testRandomQueriesAgreeWithTheSlowPath()
    {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        String[] words = {"red", "green", "blue", "gold", "grey"};
        run("CREATE TABLE r (id INT PRIMARY KEY, document TEXT, n INT, FULLTEXT INDEX ft (document) WITH PARSER space)");
        StringBuilder insert = new StringBuilder("INSERT INTO r VALUES ");
        for (int i = 1; i <= 60; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(4); w >= 0; w--) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            insert.append(i == 1 ? "" : ", ").append("(").append(i).append(", '").append(text.toString().trim()).append("', ").append(random.nextInt(5)).append(")");
        }
        run(insert.toString());
        for (int q = 0; q < 40; q++) {
            String query = words[random.nextInt(words.length)] + (random.nextBoolean() ? " " + words[random.nextInt(words.length)] : "");
            String where = "MATCH(document) AGAINST ('" + query + "')" + (random.nextBoolean() ? " AND n > " + random.nextInt(4) : "");
            String order = switch (random.nextInt(3)) {
                case 0 -> "";
                case 1 -> "ORDER BY MATCH(document) AGAINST ('" + query + "') DESC";
                default -> "ORDER BY n, id";
            };
            String sql = "SELECT id, n FROM r WHERE " + where + " %s " + order + " LIMIT " + random.nextInt(10) + " OFFSET " + random.nextInt(10);
            assertThat(fastAndSlow(sql, new ArrayList<>())).as("seed %d: %s", seed, sql).isTrue();
        }
    }

    /**
     * Runs {@code sql} ({@code %s} where a conjunct goes) slow, then fast; asserts the same rows in the same order and
     * returns them. The recorded searches are then the fast run's.
     */
    private List<List<Object>> same(String sql)
    {
        List<List<Object>> fast = new ArrayList<>();
        assertThat(fastAndSlow(sql, fast)).as(sql).isTrue();
        return fast;
    }

    private boolean fastAndSlow(String sql, List<List<Object>> fast)
    {
        storage.clear();
        List<List<Object>> slow = rows(slow(sql));
        assertPlainRequests();
        storage.clear();
        fast.addAll(rows(fast(sql)));
        return fast.equals(slow);
    }

    /** The slow path's searches ask for every match (or the vector window), whole. */
    private void assertPlainRequests()
    {
        for (TextSearchRequest each : storage.textSearches()) {
            assertThat(each.limit()).isEmpty();
            assertThat(each.projection()).isEmpty();
        }
        for (VectorSearchRequest each : storage.vectorSearches()) {
            assertThat(each.projection()).isEmpty();
        }
    }

    private static String fast(String sql)
    {
        return sql.replace(" %s", "");
    }

    private static String slow(String sql)
    {
        return sql.contains("WHERE") ? sql.replace(" %s", " AND " + SLOW) : sql.replace(" %s", " WHERE " + SLOW);
    }

    private TextSearchRequest lastText()
    {
        List<TextSearchRequest> searches = storage.textSearches();
        assertThat(searches).isNotEmpty();
        return searches.get(searches.size() - 1);
    }

    /** The last text search of the fast run of {@link #same}. */
    private TextSearchRequest lastFastText()
    {
        return lastText();
    }

    private VectorSearchRequest lastFastVector()
    {
        List<VectorSearchRequest> searches = storage.vectorSearches();
        assertThat(searches).isNotEmpty();
        return searches.get(searches.size() - 1);
    }

    private void run(String sql)
    {
        List<QueryResult> results = new ArrayList<>();
        engine.execute(session, sql, results::add);
    }

    private List<List<Object>> rows(String sql)
    {
        List<QueryResult> results = new ArrayList<>();
        engine.execute(session, sql, results::add);
        assertThat(results).hasSize(1);
        List<List<Object>> result = new ArrayList<>();
        try (RowCursor cursor = ((RowsResult) results.get(0)).rows()) {
            cursor.forEachRemaining(row -> result.add(Arrays.asList(row)));
        }
        return result;
    }
}
