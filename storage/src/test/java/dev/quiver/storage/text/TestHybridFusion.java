package dev.quiver.storage.text;

import dev.quiver.storage.ForwardingTable;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.memory.InMemoryStorageEngine;
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
import dev.quiver.storage.table.RowCursor;
import dev.quiver.storage.table.ScanRequest;
import dev.quiver.storage.table.UpdateResult;
import dev.quiver.storage.table.WriteRequest;
import dev.quiver.storage.table.WriteResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Reciprocal-rank fusion of {@link HybridFusion}, independent of any engine's vector index: the vector half comes
 * from a table whose {@code vectorSearch} ranks every row exactly by L2 over a scan.
 */
class TestHybridFusion
{
    @Test
    void testFusedOrderScoresSizeAndProjection()
    {
        Table table = exactVectors(table(true));
        // vector order from (0,0): 1, 2, 3, 4, 5; text order for "fox": 5 (fox fox, shortest), 3, 4
        HybridSearchRequest request = new HybridSearchRequest(
                Optional.of(VectorSearchRequest.of("embedding", new float[] {0, 0}, VectorMetric.L2, 5, SearchStrategy.EXACT)),
                Optional.of(TextSearchRequest.of("body", "fox", TextMode.NATURAL_LANGUAGE)), 60, 4, List.of("id"));
        SearchResult result = table.hybridSearch(request);
        double one = 1.0 / 61;
        double two = 1.0 / 62;
        double three = 1.0 / 63;
        double four = 1.0 / 64;
        double five = 1.0 / 65;
        // 3: 1/63 + 1/62 = 0.03200; 5: 1/65 + 1/61 = 0.03178; 4: 1/64 + 1/63 = 0.03150; 1: 1/61; 2: 1/62
        assertThat(ids(result)).containsExactly(3L, 5L, 4L, 1L);
        assertThat(result.rows().stream().map(ScoredRow::score).toList()).zipSatisfy(List.of(three + two, five + one, four + three, one),
                (actual, expected) -> assertThat(actual).isCloseTo(expected, offset(1e-15)));
        assertThat(result.rows().get(0).row().values()).hasSize(1);
        assertThat(result.access()).isEqualTo(SearchAccess.HYBRID);
        assertThat(result.rowsExamined()).isEqualTo(5 + table.textSearch(TextSearchRequest.of("body", "fox", TextMode.NATURAL_LANGUAGE)).rowsExamined());

        // a rank constant of 1 weighs the top ranks more: 5 (1/2 + 1/6) overtakes 3 (1/4 + 1/3)
        SearchResult steep = table.hybridSearch(new HybridSearchRequest(request.vector(), request.text(), 1, 10, List.of()));
        assertThat(ids(steep)).containsExactly(5L, 3L, 1L, 4L, 2L);
        assertThat(steep.rows().get(0).row().values()).hasSize(3);
    }

    @Test
    void testOneSideOnlyAndTiesKeepFirstSeenOrder()
    {
        Table table = exactVectors(table(true));
        SearchResult vectorOnly = table.hybridSearch(new HybridSearchRequest(
                Optional.of(VectorSearchRequest.of("embedding", new float[] {0, 0}, VectorMetric.L2, 3, SearchStrategy.EXACT)),
                Optional.empty(), 60, 10, List.of("id")));
        assertThat(ids(vectorOnly)).containsExactly(1L, 2L, 3L);
        // the vector list's first row and the text list's first row tie: the vector's comes first
        SearchResult tied = table.hybridSearch(new HybridSearchRequest(
                Optional.of(VectorSearchRequest.of("embedding", new float[] {0, 0}, VectorMetric.L2, 1, SearchStrategy.EXACT)),
                Optional.of(TextSearchRequest.of("body", "fox", TextMode.NATURAL_LANGUAGE).withLimit(1)), 60, 10, List.of("id")));
        assertThat(ids(tied)).containsExactly(1L, 5L);
        assertThat(tied.rows().get(0).score()).isEqualTo(tied.rows().get(1).score());
        assertThat(table.hybridSearch(new HybridSearchRequest(Optional.empty(),
                Optional.of(TextSearchRequest.of("body", "fox", TextMode.NATURAL_LANGUAGE)), 60, 0, List.of())).rows()).isEmpty();
    }

    @Test
    void testRowsWithoutPrimaryKeyAreMatchedByTheirValues()
    {
        Table table = exactVectors(table(false));
        SearchResult result = table.hybridSearch(new HybridSearchRequest(
                Optional.of(VectorSearchRequest.of("embedding", new float[] {0, 0}, VectorMetric.L2, 5, SearchStrategy.EXACT)),
                Optional.of(TextSearchRequest.of("body", "fox", TextMode.NATURAL_LANGUAGE)), 60, 10, List.of("id")));
        assertThat(ids(result)).containsExactly(3L, 5L, 4L, 1L, 2L);
    }

    private static Table table(boolean primaryKey)
    {
        InMemoryStorageEngine engine = new InMemoryStorageEngine();
        engine.createDatabase("db");
        List<IndexDefinition> indexes = new ArrayList<>();
        if (primaryKey) {
            indexes.add(IndexDefinition.primaryKey("id"));
        }
        indexes.add(new IndexDefinition("ft", IndexDefinition.Kind.FULLTEXT, List.of("body"), Map.of("parser", "space")));
        engine.createTable("db", new TableDefinition("t", List.of(
                ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.INT)),
                ColumnDefinition.nullable("body", ColumnType.StringType.text()),
                ColumnDefinition.nullable("embedding", new ColumnType.VectorType(2))), indexes));
        Table table = engine.table("db", "t");
        List<List<Value>> rows = new ArrayList<>();
        String[] bodies = {"cat", "dog", "fox cat dog", "fox cat dog bird", "fox fox"};
        for (int i = 1; i <= 5; i++) {
            rows.add(List.of(Value.of(i), Value.of(bodies[i - 1]), Value.of(new float[] {i, 0})));
        }
        table.write(new WriteRequest(List.of("id", "body", "embedding"), rows, ConflictPolicy.ERROR));
        return table;
    }

    private static List<Long> ids(SearchResult result)
    {
        return result.rows().stream().map(row -> ((Value.IntegerValue) row.row().get(0)).value()).toList();
    }

    /** The table, with an exact vector search over a scan (every row examined), for fusion tests. */
    private static Table exactVectors(Table table)
    {
        return new ForwardingTable(table)
        {
            @Override
            public SearchResult vectorSearch(VectorSearchRequest request)
            {
                int column = table.definition().requireColumn(request.column());
                List<ScoredRow> scored = new ArrayList<>();
                List<Row> rows = table.scan(ScanRequest.where(request.filter())).toList();
                for (Row row : rows) {
                    if (row.get(column) instanceof Value.VectorValue vector) {
                        scored.add(new ScoredRow(row, request.metric().distance(vector.value(), request.query())));
                    }
                }
                scored.sort(Comparator.comparingDouble(ScoredRow::score));
                return new SearchResult(scored.subList(0, Math.min(request.k(), scored.size())), SearchAccess.EXACT_SCAN, rows.size());
            }

            @Override
            public SearchResult hybridSearch(HybridSearchRequest request)
            {
                return HybridFusion.search(this, request);
            }
        };
    }
}
