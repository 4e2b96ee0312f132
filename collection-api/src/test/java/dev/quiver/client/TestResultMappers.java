package dev.quiver.client;

import dev.quiver.client.internal.CatalogRow;
import dev.quiver.client.internal.RankedRows;
import dev.quiver.client.internal.ResultMappers;
import dev.quiver.client.model.GetResponse;
import dev.quiver.client.model.Include;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.quiver.client.FakeDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Result mapping over an in-memory ResultSet, with the column types the server sends (seekdb-js.md §2.5). */
class TestResultMappers
{
    @Test
    void testRowsWithBinaryIdsTextVectorsAndJsonMetadata()
            throws SQLException
    {
        GetResponse response = ResultMappers.getResponse(Include.all()).map(FakeDatabase.FakeResultSet.of(rows(List.of("_id", "document", "metadata", "embedding"),
                List.of("日本".getBytes(StandardCharsets.UTF_8), "doc", "{\"a\":{\"b\":[true,null]}}", "[1e-7,-0.5,3.4028235e+38]"))));
        assertThat(response.ids()).containsExactly("日本");
        assertThat(response.metadatas().getFirst()).isEqualTo(Map.of("a", Map.of("b", Arrays.asList(true, null))));
        assertThat(response.embeddings().getFirst()).containsExactly(1e-7f, -0.5f, Float.MAX_VALUE);
        assertThatThrownBy(() -> response.metadatas().getFirst().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void testResponseArraysAreCopies()
    {
        float[] vector = {1, 2};
        GetResponse response = new GetResponse(List.of("a"), List.of(), List.of(), List.of(vector), Set.of(Include.EMBEDDINGS));
        vector[0] = 9;
        assertThat(response.embeddings().getFirst()).containsExactly(1, 2);
    }

    @Test
    void testHybridScoreColumns()
            throws SQLException
    {
        assertThat(hybridScores(List.of("_id", "_score"), 0.5)).containsExactly(0.5);
        // the JS SDK prefers _distance over score
        assertThat(hybridScores(List.of("_id", "score", "_distance"), 0.5)).containsExactly(7.0);
        assertThat(hybridScores(List.of("_id", "SCORE"), 2.0)).containsExactly(2.0);
        assertThat(hybridScores(List.of("_id"), null)).containsExactly(0.0);
    }

    @Test
    void testCatalogAndHousekeepingResults()
            throws SQLException
    {
        assertThat(ResultMappers.count().map(FakeDatabase.FakeResultSet.of(rows(List.of("cnt"), List.of(42L))))).isEqualTo(42L);
        assertThat(ResultMappers.count().map(FakeDatabase.FakeResultSet.of(rows(List.of("cnt"))))).isZero();
        assertThat(ResultMappers.catalogRow().map(FakeDatabase.FakeResultSet.of(rows(List.of("collection_id", "collection_name", "settings"),
                List.of("abc", "docs", "{}"))))).contains(new CatalogRow("abc", "docs", "{}"));
        assertThat(ResultMappers.catalogRow().map(FakeDatabase.FakeResultSet.of(rows(List.of("collection_id", "collection_name", "settings"))))).isEmpty();
        assertThat(ResultMappers.querySql().map(FakeDatabase.FakeResultSet.of(rows(List.of("query_sql"), List.of("  "))))).isEmpty();
        assertThat(ResultMappers.firstColumn().map(FakeDatabase.FakeResultSet.of(rows(List.of("Tables_in_test (c$v1$%)"), List.of("c$v1$a"), List.of("c$v1$b")))))
                .containsExactly("c$v1$a", "c$v1$b");
        assertThat(ResultMappers.secondColumn().map(FakeDatabase.FakeResultSet.of(rows(List.of("Table", "Create Table"), List.of("t", "CREATE TABLE t")))))
                .isEqualTo(Optional.of("CREATE TABLE t"));
    }

    @Test
    void testNullIdIsAnError()
    {
        assertThatThrownBy(() -> ResultMappers.ids().map(FakeDatabase.FakeResultSet.of(rows(List.of("_id"), Arrays.asList((Object) null)))))
                .isInstanceOf(ClientException.class).hasMessageContaining("NULL _id");
    }

    private static List<Double> hybridScores(List<String> columns, Double score)
            throws SQLException
    {
        List<Object> row = new java.util.ArrayList<>();
        row.add("a");
        for (int index = 1; index < columns.size(); index++) {
            row.add(index == 1 ? score : 7.0);
        }
        RankedRows result = ResultMappers.hybridRows(Set.of()).map(FakeDatabase.FakeResultSet.of(rows(columns, row)));
        return result.distances();
    }
}
