package dev.quiver.storage;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.HybridSearchRequest;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchAccess;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.TextMode;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The full-text and hybrid part of the storage contract ({@link Table#textSearch}, {@link Table#hybridSearch}),
 * mixed into {@link AbstractStorageEngineTest} so every engine setup runs it. Expected BM25 scores come from
 * {@link Bm25Oracle}, an independent implementation of the formula (k1 = 1.2, b = 0.75, Lucene's idf) over the
 * test's own tokens; documents stay short, so lengths are exact.
 */
public interface TextSearchContract
{
    String TEXT_DB = "db";

    StorageEngine engine();

    /** Closes and reopens a durable engine (identity for the in-memory one). */
    void restartEngine();

    // ---------------------------------------------------------------- natural language mode and BM25

    @Test
    default void testTextSearchNaturalLanguageRanksByBm25()
    {
        Table table = articles("space");
        insertArticles(table);
        SearchResult result = table.textSearch(TextSearchRequest.of("body", "apple CHERRY", TextMode.NATURAL_LANGUAGE));
        assertThat(result.access()).isEqualTo(SearchAccess.FULLTEXT_INDEX);
        assertRanking(result, oracle(table, "body").rank("apple", "cherry"));
        assertThat(ids(result)).containsExactly(1L, 2L, 4L, 3L);
        assertThat(result.rowsExamined()).isBetween(4L, 6L);
        // the same query in lower or upper case, and a term no row has
        assertThat(ids(table.textSearch(TextSearchRequest.of("body", "APPLE", TextMode.NATURAL_LANGUAGE)))).containsExactly(1L, 4L);
        assertThat(table.textSearch(TextSearchRequest.of("body", "kiwi", TextMode.NATURAL_LANGUAGE)).rows()).isEmpty();
        assertThat(table.textSearch(TextSearchRequest.of("body", "   ", TextMode.NATURAL_LANGUAGE)).rows()).isEmpty();
    }

    @Test
    default void testTextSearchScoreIsHandComputedBm25()
    {
        Table table = articles("space");
        write(table, ConflictPolicy.ERROR, article(1, null, "apple apple banana", "x"), article(2, null, "banana cherry", "x"),
                article(3, null, "cherry date elder fig", "x"));
        // N = 3 rows, avgdl = 9 / 3 = 3; "apple": n = 1, idf = ln(1 + 2.5 / 1.5); row 1: f = 2, dl = 3
        double idf = Math.log(1 + (3 - 1 + 0.5) / (1 + 0.5));
        double expected = idf * 2 / (2 + 1.2 * (1 - 0.75 + 0.75 * 3 / 3.0));
        assertThat(expected).isCloseTo(0.6130, org.assertj.core.data.Offset.offset(1e-4));
        List<ScoredRow> rows = table.textSearch(TextSearchRequest.of("body", "apple", TextMode.NATURAL_LANGUAGE)).rows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).score()).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
        // "banana cherry": row 2 holds both (dl = 2), row 1 banana once (dl = 3), row 3 cherry once (dl = 4)
        double idfBoth = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
        double row2 = idfBoth * 1 / (1 + 1.2 * (0.25 + 0.75 * 2 / 3.0)) * 2;
        double row1 = idfBoth * 1 / (1 + 1.2 * (0.25 + 0.75 * 3 / 3.0));
        double row3 = idfBoth * 1 / (1 + 1.2 * (0.25 + 0.75 * 4 / 3.0));
        SearchResult both = table.textSearch(TextSearchRequest.of("body", "banana cherry", TextMode.NATURAL_LANGUAGE));
        assertThat(ids(both)).containsExactly(2L, 1L, 3L);
        assertThat(both.rows().stream().map(ScoredRow::score).toList()).zipSatisfy(List.of(row2, row1, row3),
                (actual, wanted) -> assertThat(actual).isCloseTo(wanted, org.assertj.core.data.Offset.offset(1e-5)));
    }

    // ---------------------------------------------------------------- boolean mode

    @Test
    default void testTextSearchBooleanMode()
    {
        Table table = articles("space");
        insertArticles(table);
        Bm25Oracle oracle = oracle(table, "body");
        assertThat(booleanIds(table, "+apple -pie")).containsExactly(1L);
        assertRanking(table.textSearch(TextSearchRequest.of("body", "+banana cherry", TextMode.BOOLEAN)), oracle.rank(List.of("banana"), List.of("cherry")));
        assertThat(booleanIds(table, "+banana cherry")).containsExactly(2L, 1L);
        assertThat(booleanIds(table, "apple grape")).containsExactly(6L, 1L, 4L);
        assertThat(booleanIds(table, "\"banana cherry\"")).containsExactly(2L);
        assertThat(booleanIds(table, "\"cherry banana\"")).isEmpty();
        assertThat(booleanIds(table, "+\"apple pie\" -banana")).containsExactly(4L);
        assertThat(booleanIds(table, "appl*")).containsExactly(7L, 1L, 4L);
        assertThat(booleanIds(table, "+appl* -applesauce")).containsExactly(1L, 4L);
        assertThat(booleanIds(table, "-apple")).isEmpty();
        assertThat(booleanIds(table, "+(apple grape) -banana")).containsExactly(6L, 4L);
        assertThat(booleanIds(table, "+cherry +(date fig)")).containsExactly(3L);
        assertThat(booleanIds(table, "+cherry +(kiwi mango)")).isEmpty();
        assertThat(booleanIds(table, "+kiwi* apple")).isEmpty();
        assertThat(booleanIds(table, "APPLE")).containsExactly(1L, 4L);
        assertFails(ErrorCode.ER_NOT_SUPPORTED_YET, () -> table.textSearch(TextSearchRequest.of("body", "~apple", TextMode.BOOLEAN)));
        assertFails(ErrorCode.ER_NOT_SUPPORTED_YET, () -> table.textSearch(TextSearchRequest.of("body", "\"apple pie\" @3", TextMode.BOOLEAN)));
    }

    // ---------------------------------------------------------------- parsers

    @Test
    default void testTextSearchParsers()
    {
        Table space = articles("space");
        Table beng = table("beng_t", Map.of("parser", "beng"));
        for (Table table : List.of(space, beng)) {
            write(table, ConflictPolicy.ERROR, article(1, null, "Hello, World", null), article(2, null, "well-known hello", null));
        }
        // space: split on whitespace only, so "hello," is a token of its own
        assertThat(naturalIds(space, "hello")).containsExactly(2L);
        assertThat(naturalIds(space, "HELLO,")).containsExactly(1L);
        assertThat(naturalIds(space, "known")).isEmpty();
        // beng: standard word boundaries
        assertThat(naturalIds(beng, "hello")).containsExactly(1L, 2L);
        assertThat(naturalIds(beng, "known")).containsExactly(2L);
        assertThat(booleanIds(beng, "well-known")).containsExactly(2L);

        Table ngram = table("ngram_t", Map.of("parser", "ngram"));
        write(ngram, ConflictPolicy.ERROR, article(1, null, "全文索引", null), article(2, null, "数据库管理", null), article(3, null, "ab cd", null));
        assertThat(naturalIds(ngram, "索引")).containsExactly(1L);
        assertThat(naturalIds(ngram, "数据库")).containsExactly(2L);
        assertThat(booleanIds(ngram, "数据库")).containsExactly(2L);
        assertThat(booleanIds(ngram, "数据管")).isEmpty();
        assertThat(naturalIds(ngram, "b c")).isEmpty();
        assertThat(naturalIds(ngram, "AB")).containsExactly(3L);

        Table trigram = table("ngram3_t", Map.of("parser", "ngram", "parser_properties.ngram_token_size", "3"));
        write(trigram, ConflictPolicy.ERROR, article(1, null, "abcdef", null), article(2, null, "xbcx", null));
        assertThat(naturalIds(trigram, "bcd")).containsExactly(1L);
        assertThat(naturalIds(trigram, "bc")).isEmpty();
        assertThat(booleanIds(trigram, "bc*")).containsExactly(2L, 1L);
        assertThat(booleanIds(trigram, "bcde*")).containsExactly(1L);

        Table ik = table("ik_t", Map.of("parser", "ik"));
        write(ik, ConflictPolicy.ERROR, article(1, null, "Quiver 支持全文索引", null), article(2, null, "向量检索", null), article(3, null, "ＱＵＩＶＥＲ", null));
        assertThat(naturalIds(ik, "全文")).containsExactly(1L);
        assertThat(naturalIds(ik, "索引")).containsExactly(1L);
        assertThat(naturalIds(ik, "quiver")).containsExactly(3L, 1L);
        assertThat(booleanIds(ik, "全文索引")).containsExactly(1L);
        assertThat(booleanIds(ik, "检索")).containsExactly(2L);

        Table ngram2 = table("ngram2_t", Map.of("parser", "ngram2", "parser_properties.min_ngram_size", "2", "parser_properties.max_ngram_size", "3"));
        write(ngram2, ConflictPolicy.ERROR, article(1, null, "abcd", null), article(2, null, "zab", null));
        assertThat(naturalIds(ngram2, "abc")).containsExactly(1L, 2L);
        assertThat(booleanIds(ngram2, "abc")).containsExactly(1L);
    }

    @Test
    default void testUnknownParserIsRefusedAndNothingIsCreated()
    {
        TableDefinition bad = definition("bad", Map.of("parser", "jieba"));
        assertFails(ErrorCode.ER_NOT_SUPPORTED_YET, () -> engine().createTable(TEXT_DB, bad));
        assertThat(engine().tableExists(TEXT_DB, "bad")).isFalse();
        assertFails(ErrorCode.ER_WRONG_ARGUMENTS, () -> engine().createTable(TEXT_DB, definition("bad", Map.of("parser", "ngram", "parser_properties.ngram_token_size", "11"))));
        assertThat(engine().tableExists(TEXT_DB, "bad")).isFalse();
        Table table = articles("space");
        insertArticles(table);
        TableDefinition before = table.definition();
        List<IndexDefinition> indexes = new ArrayList<>(before.indexes());
        indexes.add(new IndexDefinition("ft_bad", IndexDefinition.Kind.FULLTEXT, List.of("title"), Map.of("parser", "nope")));
        assertFails(ErrorCode.ER_NOT_SUPPORTED_YET, () -> engine().alterTable(TEXT_DB, "articles", new TableDefinition("articles", before.columns(), indexes), UnaryOperator.identity()));
        assertThat(engine().table(TEXT_DB, "articles").definition()).isEqualTo(before);
        restartEngine();
        assertThat(engine().table(TEXT_DB, "articles").definition()).isEqualTo(before);
        assertThat(engine().tableExists(TEXT_DB, "bad")).isFalse();
    }

    @Test
    default void testTextSearchNeedsAMatchingFulltextIndex()
    {
        Table table = articles("space");
        insertArticles(table);
        assertFails(ErrorCode.ER_FT_MATCHING_KEY_NOT_FOUND, () -> table.textSearch(TextSearchRequest.of("title", "apple", TextMode.NATURAL_LANGUAGE)));
        assertFails(ErrorCode.ER_FT_MATCHING_KEY_NOT_FOUND, () -> table.textSearch(TextSearchRequest.of("tag", "apple", TextMode.NATURAL_LANGUAGE)));
        assertFails(ErrorCode.ER_BAD_FIELD_ERROR, () -> table.textSearch(TextSearchRequest.of("nope", "apple", TextMode.NATURAL_LANGUAGE)));
        // the two-column index matches its columns in any order and case
        SearchResult both = table.textSearch(new TextSearchRequest(List.of("BODY", "title"), "fruit", TextMode.NATURAL_LANGUAGE, Filter.ALL, row -> true,
                OptionalInt.empty(), List.of()));
        assertThat(ids(both)).containsExactly(6L, 1L);
    }

    // ---------------------------------------------------------------- filters, limit, projection

    @Test
    default void testTextSearchFilterLimitAndProjection()
    {
        Table table = articles("space");
        insertArticles(table);
        Filter tagged = new Filter.Equal(Filter.Field.column("tag"), Value.of("red"));
        assertThat(ids(table.textSearch(TextSearchRequest.of("body", "apple cherry", TextMode.NATURAL_LANGUAGE).withFilter(tagged)))).containsExactly(1L, 3L);
        assertThat(ids(table.textSearch(TextSearchRequest.of("body", "apple cherry", TextMode.NATURAL_LANGUAGE).withLimit(2)))).containsExactly(1L, 2L);
        assertThat(table.textSearch(TextSearchRequest.of("body", "apple cherry", TextMode.NATURAL_LANGUAGE).withLimit(0)).rows()).isEmpty();
        assertThat(ids(table.textSearch(TextSearchRequest.of("body", "apple cherry", TextMode.NATURAL_LANGUAGE).withFilter(tagged).withLimit(1)))).containsExactly(1L);
        TextSearchRequest projected = new TextSearchRequest(List.of("body"), "apple cherry", TextMode.NATURAL_LANGUAGE,
                new Filter.Not(tagged), row -> !row.get(0).equals(Value.of(4)), OptionalInt.of(5), List.of("tag", "id"));
        List<ScoredRow> rows = table.textSearch(projected).rows();
        assertThat(rows.stream().map(ScoredRow::row).toList()).containsExactly(Row.of(Value.of("blue"), Value.of(2)));
        // a score stays the one of the whole table, whatever the filter keeps
        double unfiltered = table.textSearch(TextSearchRequest.of("body", "apple cherry", TextMode.NATURAL_LANGUAGE)).rows().get(1).score();
        assertThat(rows.get(0).score()).isEqualTo(unfiltered);
    }

    // ---------------------------------------------------------------- visibility and durability

    @Test
    default void testTextSearchSeesEveryAcknowledgedWrite()
    {
        Table table = articles("space");
        insertArticles(table);
        for (int round = 0; round < 3; round++) {
            // an insert is found by the very next search, with statistics that count it
            write(table, ConflictPolicy.ERROR, article(100 + round, null, "zucchini apple", "green"));
            assertThat(naturalIds(table, "zucchini")).containsExactly(100L + round);
            assertRanking(table.textSearch(TextSearchRequest.of("body", "apple zucchini", TextMode.NATURAL_LANGUAGE)), oracle(table, "body").rank("apple", "zucchini"));
            // an update moves the row from one term to another
            write(table, ConflictPolicy.update((existing, proposed) -> existing.with(2, Value.of("yam only"))), article(100 + round, null, "ignored", null));
            assertThat(naturalIds(table, "zucchini")).doesNotContain(100L + round);
            assertThat(naturalIds(table, "yam")).contains(100L + round);
            assertRanking(table.textSearch(TextSearchRequest.of("body", "apple yam", TextMode.NATURAL_LANGUAGE)), oracle(table, "body").rank("apple", "yam"));
        }
        // REPLACE, delete by filter, truncate of a column's text to NULL
        write(table, ConflictPolicy.REPLACE, article(1, null, "kiwi", "red"));
        assertThat(naturalIds(table, "apple")).containsExactly(4L);
        assertThat(table.delete(new Filter.Equal(Filter.Field.column("id"), Value.of(4)))).isEqualTo(1);
        assertThat(naturalIds(table, "apple")).isEmpty();
        table.update(new Filter.Equal(Filter.Field.column("id"), Value.of(2)), row -> row.with(2, Value.NULL));
        assertThat(naturalIds(table, "banana")).isEmpty();
        Map<String, List<Long>> before = snapshot(table);
        assertRanking(table.textSearch(TextSearchRequest.of("body", "cherry kiwi yam", TextMode.NATURAL_LANGUAGE)), oracle(table, "body").rank("cherry", "kiwi", "yam"));
        restartEngine();
        Table reopened = engine().table(TEXT_DB, "articles");
        assertThat(snapshot(reopened)).isEqualTo(before);
        assertRanking(reopened.textSearch(TextSearchRequest.of("body", "cherry kiwi yam", TextMode.NATURAL_LANGUAGE)), oracle(reopened, "body").rank("cherry", "kiwi", "yam"));
        write(reopened, ConflictPolicy.ERROR, article(200, null, "cherry cherry", null));
        assertThat(naturalIds(reopened, "cherry")).first().isEqualTo(200L);
    }

    @Test
    default void testTextSearchManyRowsAcrossRefreshesAndRestart()
    {
        Table table = articles("beng");
        String[] words = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};
        java.util.Random random = new java.util.Random(42);
        for (int batch = 0; batch < 20; batch++) {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                int id = batch * 5 + i;
                StringBuilder body = new StringBuilder();
                for (int w = 0; w < 1 + random.nextInt(6); w++) {
                    body.append(words[random.nextInt(words.length)]).append(' ');
                }
                rows.add(article(id, "t" + id, body.toString(), id % 2 == 0 ? "even" : "odd"));
            }
            write(table, ConflictPolicy.REPLACE, rows.toArray(Row[]::new));
            if (batch % 3 == 2) {
                table.delete(new Filter.Equal(Filter.Field.column("id"), Value.of(batch * 5 - 3)));
            }
            assertRanking(table.textSearch(TextSearchRequest.of("body", "gamma theta", TextMode.NATURAL_LANGUAGE)), oracle(table, "body").rank("gamma", "theta"));
        }
        restartEngine();
        Table reopened = engine().table(TEXT_DB, "articles");
        assertRanking(reopened.textSearch(TextSearchRequest.of("body", "alpha zeta", TextMode.NATURAL_LANGUAGE)), oracle(reopened, "body").rank("alpha", "zeta"));
        assertRanking(reopened.textSearch(TextSearchRequest.of("body", "+beta -eta epsilon", TextMode.BOOLEAN)), oracle(reopened, "body").rank(List.of("beta"), List.of("epsilon"), List.of("eta")));
    }

    @Test
    default void testTextSearchFollowsAlterTable()
    {
        engine().createTable(TEXT_DB, new TableDefinition("notes", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT)),
                ColumnDefinition.nullable("body", ColumnType.StringType.text())), List.of(IndexDefinition.primaryKey("id"))));
        Table notes = engine().table(TEXT_DB, "notes");
        notes.write(new WriteRequest(List.of("id", "body"), List.of(List.of(Value.of(1), Value.of("red fox")), List.of(Value.of(2), Value.of("blue fox"))), ConflictPolicy.ERROR));
        assertFails(ErrorCode.ER_FT_MATCHING_KEY_NOT_FOUND, () -> notes.textSearch(TextSearchRequest.of("body", "fox", TextMode.NATURAL_LANGUAGE)));
        TableDefinition plain = notes.definition();
        List<IndexDefinition> indexes = new ArrayList<>(plain.indexes());
        indexes.add(new IndexDefinition("ft", IndexDefinition.Kind.FULLTEXT, List.of("body"), Map.of("parser", "ngram")));
        engine().alterTable(TEXT_DB, "notes", new TableDefinition("notes", plain.columns(), indexes), UnaryOperator.identity());
        assertThat(naturalIds(notes, "fox")).containsExactly(1L, 2L);
        assertThat(naturalIds(notes, "ed")).containsExactly(1L);
        restartEngine();
        Table reopened = engine().table(TEXT_DB, "notes");
        assertThat(naturalIds(reopened, "ue")).containsExactly(2L);
        engine().alterTable(TEXT_DB, "notes", plain, UnaryOperator.identity());
        assertFails(ErrorCode.ER_FT_MATCHING_KEY_NOT_FOUND, () -> reopened.textSearch(TextSearchRequest.of("body", "fox", TextMode.NATURAL_LANGUAGE)));
    }

    /**
     * A table keeps the resolved parts of its text-search plans (the index, its parser, the projection's positions)
     * while its definition stands: every change of the definition must be seen by the next search on the same handle.
     */
    @Test
    default void testTextSearchPlanFollowsIndexChangesOnTheSameHandle()
    {
        List<ColumnDefinition> columns = List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT)),
                ColumnDefinition.nullable("title", ColumnType.StringType.text()),
                ColumnDefinition.nullable("body", ColumnType.StringType.text()));
        IndexDefinition key = IndexDefinition.primaryKey("id");
        engine().createTable(TEXT_DB, new TableDefinition("plans", columns,
                List.of(key, new IndexDefinition("ft", IndexDefinition.Kind.FULLTEXT, List.of("body"), Map.of("parser", "space")))));
        Table plans = engine().table(TEXT_DB, "plans");
        plans.write(new WriteRequest(List.of("id", "title", "body"), List.of(
                List.of(Value.of(1), Value.of("fox"), Value.of("red-fox")),
                List.of(Value.of(2), Value.of("owl"), Value.of("blue fox"))), ConflictPolicy.ERROR));
        TextSearchRequest fox = TextSearchRequest.of("body", "fox", TextMode.NATURAL_LANGUAGE);
        TextSearchRequest foxIds = new TextSearchRequest(List.of("body"), "fox", TextMode.NATURAL_LANGUAGE, Filter.ALL, TextSearchRequest.NO_RESIDUAL,
                OptionalInt.of(10), List.of("id"));
        // the space parser keeps "red-fox" whole
        assertThat(ids(plans.textSearch(fox))).containsExactly(2L);
        assertThat(ids(plans.textSearch(foxIds))).containsExactly(2L);

        // the same index re-parsed: beng splits "red-fox"
        engine().alterTable(TEXT_DB, "plans", new TableDefinition("plans", columns,
                List.of(key, new IndexDefinition("ft", IndexDefinition.Kind.FULLTEXT, List.of("body"), Map.of("parser", "beng")))), UnaryOperator.identity());
        assertThat(ids(plans.textSearch(foxIds))).containsExactlyInAnyOrder(1L, 2L);

        // columns moved: the projection's positions follow
        List<ColumnDefinition> moved = List.of(columns.get(2), columns.get(1), columns.get(0));
        engine().alterTable(TEXT_DB, "plans", new TableDefinition("plans", moved,
                        List.of(key, new IndexDefinition("ft", IndexDefinition.Kind.FULLTEXT, List.of("body"), Map.of("parser", "beng")))),
                row -> Row.of(row.get(2), row.get(1), row.get(0)));
        List<ScoredRow> projected = plans.textSearch(foxIds).rows();
        assertThat(projected).hasSize(2);
        assertThat(projected).allSatisfy(hit -> assertThat(hit.row().values()).hasSize(1).first().isInstanceOf(Value.IntegerValue.class));
        assertThat(plans.textSearch(fox).rows()).allSatisfy(hit -> assertThat(hit.row().get(2)).isInstanceOf(Value.IntegerValue.class));

        // the index dropped, then made over another column
        engine().alterTable(TEXT_DB, "plans", new TableDefinition("plans", moved, List.of(key)), UnaryOperator.identity());
        assertFails(ErrorCode.ER_FT_MATCHING_KEY_NOT_FOUND, () -> plans.textSearch(foxIds));
        engine().alterTable(TEXT_DB, "plans", new TableDefinition("plans", moved,
                List.of(key, new IndexDefinition("ft", IndexDefinition.Kind.FULLTEXT, List.of("title"), Map.of("parser", "beng")))), UnaryOperator.identity());
        assertFails(ErrorCode.ER_FT_MATCHING_KEY_NOT_FOUND, () -> plans.textSearch(foxIds));
        assertThat(ids(plans.textSearch(new TextSearchRequest(List.of("TITLE"), "fox", TextMode.NATURAL_LANGUAGE, Filter.ALL,
                TextSearchRequest.NO_RESIDUAL, OptionalInt.of(10), List.of("id"))))).containsExactly(1L);
    }

    // ---------------------------------------------------------------- hybrid

    @Test
    default void testHybridSearchWithTextOnlyKeepsTheTextOrder()
    {
        Table table = articles("space");
        insertArticles(table);
        SearchResult text = table.textSearch(TextSearchRequest.of("body", "apple cherry", TextMode.NATURAL_LANGUAGE));
        SearchResult hybrid = table.hybridSearch(new HybridSearchRequest(Optional.empty(),
                Optional.of(TextSearchRequest.of("body", "apple cherry", TextMode.NATURAL_LANGUAGE)), 60, 3, List.of("id")));
        assertThat(hybrid.access()).isEqualTo(SearchAccess.HYBRID);
        assertThat(ids(hybrid)).containsExactlyElementsOf(ids(text).subList(0, 3));
        assertThat(hybrid.rows().get(0).row().size()).isEqualTo(1);
        assertThat(hybrid.rows().stream().map(ScoredRow::score).toList()).containsExactly(1.0 / 61, 1.0 / 62, 1.0 / 63);
        assertThat(hybrid.rowsExamined()).isEqualTo(text.rowsExamined());
    }

    @Test
    default void testHybridSearchFusesByReciprocalRank()
    {
        engine().createTable(TEXT_DB, new TableDefinition("docs_h", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT)),
                ColumnDefinition.nullable("body", ColumnType.StringType.text()),
                ColumnDefinition.nullable("embedding", new ColumnType.VectorType(2))),
                List.of(IndexDefinition.primaryKey("id"),
                        new IndexDefinition("ft", IndexDefinition.Kind.FULLTEXT, List.of("body"), Map.of("parser", "space")),
                        new IndexDefinition("vx", IndexDefinition.Kind.VECTOR, List.of("embedding"), Map.of("distance", "l2", "type", "hnsw")))));
        Table table = engine().table(TEXT_DB, "docs_h");
        // vector order from (0, 0): 1, 2, 3, 4; text order for "fox": 3 (fox fox), 4 (fox), and 2 has no fox
        table.write(new WriteRequest(List.of("id", "body", "embedding"), List.of(
                List.of(Value.of(1), Value.of("cat"), Value.of(new float[] {1, 0})),
                List.of(Value.of(2), Value.of("dog"), Value.of(new float[] {2, 0})),
                List.of(Value.of(3), Value.of("fox fox"), Value.of(new float[] {3, 0})),
                List.of(Value.of(4), Value.of("fox cat dog"), Value.of(new float[] {4, 0}))), ConflictPolicy.ERROR));
        VectorSearchRequest vector = VectorSearchRequest.of("embedding", new float[] {0, 0}, VectorMetric.L2, 4, SearchStrategy.EXACT);
        try {
            table.vectorSearch(vector);
        }
        catch (QuiverException e) {
            assumeThat(e.errorCode()).as("vector search not implemented by this engine yet").isNotEqualTo(ErrorCode.ER_NOT_SUPPORTED_YET);
            throw e;
        }
        SearchResult hybrid = table.hybridSearch(new HybridSearchRequest(Optional.of(vector),
                Optional.of(TextSearchRequest.of("body", "fox", TextMode.NATURAL_LANGUAGE)), 1, 10, List.of("id")));
        // 3: 1/(1+3) + 1/(1+1) = 0.75; 4: 1/5 + 1/3; 1: 1/2; 2: 1/3
        assertThat(ids(hybrid)).containsExactly(3L, 4L, 1L, 2L);
        assertThat(hybrid.rows().get(0).score()).isCloseTo(0.75, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(hybrid.access()).isEqualTo(SearchAccess.HYBRID);
    }

    // ---------------------------------------------------------------- fixtures

    private Table articles(String parser)
    {
        engine().createTable(TEXT_DB, definition("articles", Map.of("parser", parser)));
        return engine().table(TEXT_DB, "articles");
    }

    private Table table(String name, Map<String, String> options)
    {
        engine().createTable(TEXT_DB, definition(name, options));
        return engine().table(TEXT_DB, name);
    }

    /** id, title, body (FULLTEXT with the options), tag; and a two-column FULLTEXT (title, body) under beng. */
    private static TableDefinition definition(String name, Map<String, String> bodyOptions)
    {
        return new TableDefinition(name, List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.BIGINT)),
                ColumnDefinition.nullable("title", ColumnType.StringType.varchar(200)),
                ColumnDefinition.nullable("body", ColumnType.StringType.text()),
                ColumnDefinition.nullable("tag", ColumnType.StringType.varchar(20))),
                List.of(IndexDefinition.primaryKey("id"),
                        new IndexDefinition("ft_body", IndexDefinition.Kind.FULLTEXT, List.of("body"), bodyOptions),
                        new IndexDefinition("ft_tb", IndexDefinition.Kind.FULLTEXT, List.of("title", "body"), Map.of("parser", "beng")),
                        IndexDefinition.index("ix_tag", "tag")));
    }

    private static Row article(long id, String title, String body, String tag)
    {
        return Row.of(Value.of(id), title == null ? Value.NULL : Value.of(title), body == null ? Value.NULL : Value.of(body), tag == null ? Value.NULL : Value.of(tag));
    }

    private static void insertArticles(Table table)
    {
        write(table, ConflictPolicy.ERROR,
                article(1, "Fruit", "apple banana apple", "red"),
                article(2, null, "banana cherry", "blue"),
                article(3, "Trees", "cherry date elderberry fig", "red"),
                article(4, null, "Apple pie", "blue"),
                article(5, "empty", null, "red"));
        write(table, ConflictPolicy.ERROR, article(6, "fruit bowl", "grape", "green"), article(7, null, "applesauce", "green"));
    }

    private static void write(Table table, ConflictPolicy policy, Row... rows)
    {
        table.write(new WriteRequest(List.of("id", "title", "body", "tag"), Arrays.stream(rows).map(Row::values).toList(), policy));
    }

    private static List<Long> ids(SearchResult result)
    {
        return result.rows().stream().map(row -> ((Value.IntegerValue) row.row().get(0)).value()).toList();
    }

    private static List<Long> naturalIds(Table table, String query)
    {
        return ids(table.textSearch(TextSearchRequest.of("body", query, TextMode.NATURAL_LANGUAGE)));
    }

    private static List<Long> booleanIds(Table table, String query)
    {
        return ids(table.textSearch(TextSearchRequest.of("body", query, TextMode.BOOLEAN)));
    }

    private static Map<String, List<Long>> snapshot(Table table)
    {
        Map<String, List<Long>> result = new LinkedHashMap<>();
        for (String word : List.of("apple", "banana", "cherry", "kiwi", "yam", "zucchini", "grape")) {
            result.put(word, naturalIds(table, word));
        }
        return result;
    }

    private static void assertFails(ErrorCode code, org.assertj.core.api.ThrowableAssert.ThrowingCallable call)
    {
        assertThatThrownBy(call).isInstanceOfSatisfying(QuiverException.class, e -> assertThat(e.errorCode()).as(e.getMessage()).isEqualTo(code));
    }

    /** The order and scores of a result equal the oracle's (ids by descending score; ties by ascending id). */
    private static void assertRanking(SearchResult result, List<Map.Entry<Long, Double>> expected)
    {
        assertThat(ids(result)).as("ranking").containsExactlyElementsOf(expected.stream().map(Map.Entry::getKey).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(result.rows().get(i).score()).as("score of row " + expected.get(i).getKey())
                    .isCloseTo(expected.get(i).getValue(), org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    private static Bm25Oracle oracle(Table table, String column)
    {
        int idPosition = table.definition().requireColumn("id");
        int textPosition = table.definition().requireColumn(column);
        Map<Long, List<String>> docs = new LinkedHashMap<>();
        for (Row row : table.scan(dev.quiver.storage.table.ScanRequest.all()).toList()) {
            long id = ((Value.IntegerValue) row.get(idPosition)).value();
            List<String> tokens = new ArrayList<>();
            if (row.get(textPosition) instanceof Value.StringValue text) {
                for (String token : text.value().toLowerCase(Locale.ROOT).split("[\\s]+")) {
                    if (!token.isEmpty()) {
                        tokens.add(token);
                    }
                }
            }
            docs.put(id, tokens);
        }
        return new Bm25Oracle(docs);
    }

    /**
     * BM25 computed from scratch over whitespace tokens: idf = ln(1 + (N - n + 0.5) / (n + 0.5)) with N the rows
     * holding a token, tf = f / (f + 1.2 (0.25 + 0.75 dl / avgdl)).
     */
    record Bm25Oracle(Map<Long, List<String>> docs)
    {
        List<Map.Entry<Long, Double>> rank(String... anyOf)
        {
            return rank(List.of(), Arrays.asList(anyOf), List.of());
        }

        List<Map.Entry<Long, Double>> rank(List<String> must, List<String> should)
        {
            return rank(must, should, List.of());
        }

        List<Map.Entry<Long, Double>> rank(List<String> must, List<String> should, List<String> mustNot)
        {
            long n = docs.values().stream().filter(tokens -> !tokens.isEmpty()).count();
            double avgdl = docs.values().stream().mapToInt(List::size).sum() / (double) n;
            Map<String, Long> df = new HashMap<>();
            for (List<String> tokens : docs.values()) {
                new LinkedHashSet<>(tokens).forEach(token -> df.merge(token, 1L, Long::sum));
            }
            List<Map.Entry<Long, Double>> result = new ArrayList<>();
            for (Map.Entry<Long, List<String>> doc : docs.entrySet()) {
                List<String> tokens = doc.getValue();
                if (!tokens.containsAll(must) || mustNot.stream().anyMatch(tokens::contains)) {
                    continue;
                }
                double score = 0;
                boolean any = !must.isEmpty();
                for (String term : new LinkedHashSet<>(concat(must, should))) {
                    long f = tokens.stream().filter(term::equals).count();
                    if (f == 0) {
                        continue;
                    }
                    any = true;
                    long docFreq = df.get(term);
                    double idf = Math.log(1 + (n - docFreq + 0.5) / (docFreq + 0.5));
                    score += idf * f / (f + 1.2 * (0.25 + 0.75 * tokens.size() / avgdl));
                }
                if (any) {
                    result.add(Map.entry(doc.getKey(), score));
                }
            }
            result.sort(Comparator.comparingDouble((Map.Entry<Long, Double> entry) -> -entry.getValue()).thenComparing(Map.Entry::getKey));
            return result;
        }

        private static List<String> concat(List<String> a, List<String> b)
        {
            List<String> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }
}
