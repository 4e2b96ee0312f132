package dev.quiver.client.internal;

import dev.quiver.client.model.HybridSearchRequest;
import dev.quiver.client.model.Where;
import dev.quiver.client.model.WhereDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The search_parm JSON compared with the JS SDK's (seekdb-js.md §4.16). */
class TestHybridSearchJson
{
    @Test
    void testMatchesTheSdkWireCapture()
    {
        float[] vector = {1, 2, 3};
        HybridSearchRequest request = HybridSearchRequest.builder()
                .query(WhereDocument.contains("foo"), Where.gte("a.b", 1))
                .knn(vector, Where.in("t", List.of("p")), 10)
                .rrf(60, 60)
                .nResults(5)
                .build();
        String json = HybridSearchJson.build(request, Optional.of(vector));
        assertThat(json).isEqualTo("{\"query\":{\"bool\":{\"must\":[{\"query_string\":{\"fields\":[\"document\"],\"query\":\"foo\"}}],"
                + "\"filter\":[{\"range\":{\"JSON_EXTRACT(metadata, '$.a.b')\":{\"gte\":1}}}]}},"
                + "\"knn\":{\"field\":\"embedding\",\"k\":10,\"query_vector\":[1,2,3],\"filter\":[{\"term\":{\"JSON_EXTRACT(metadata, '$.t')\":{\"value\":\"p\"}}}]},"
                + "\"rank\":{\"rrf\":{\"rank_window_size\":60,\"rank_constant\":60}},\"size\":5}");
        // and the SET statement renders to the SDK's wire text
        assertThat(MySqlTextRenderer.render(SqlStatementBuilder.setSearchParameters(json))).isEqualTo(
                "SET @search_parm = '{\\\"query\\\":{\\\"bool\\\":{\\\"must\\\":[{\\\"query_string\\\":{\\\"fields\\\":[\\\"document\\\"],\\\"query\\\":\\\"foo\\\"}}],"
                        + "\\\"filter\\\":[{\\\"range\\\":{\\\"JSON_EXTRACT(metadata, \\'$.a.b\\')\\\":{\\\"gte\\\":1}}}]}},"
                        + "\\\"knn\\\":{\\\"field\\\":\\\"embedding\\\",\\\"k\\\":10,\\\"query_vector\\\":[1,2,3],\\\"filter\\\":[{\\\"term\\\":{\\\"JSON_EXTRACT(metadata, \\'$.t\\')\\\":{\\\"value\\\":\\\"p\\\"}}}]},"
                        + "\\\"rank\\\":{\\\"rrf\\\":{\\\"rank_window_size\\\":60,\\\"rank_constant\\\":60}},\\\"size\\\":5}'");
    }

    @Test
    void testDocumentQueries()
    {
        assertThat(queryOnly(WhereDocument.and(WhereDocument.contains("a"), WhereDocument.contains("b"))))
                .isEqualTo("{\"query\":{\"query_string\":{\"fields\":[\"document\"],\"query\":\"a b\"}},\"size\":10}");
        assertThat(queryOnly(WhereDocument.or(WhereDocument.contains("a"), WhereDocument.contains("b"))))
                .isEqualTo("{\"query\":{\"query_string\":{\"fields\":[\"document\"],\"query\":\"a OR b\"}},\"size\":10}");
        assertThat(queryOnly(WhereDocument.regex("^x")))
                .isEqualTo("{\"query\":{\"regexp\":{\"document\":\"^x\"}},\"size\":10}");
    }

    @Test
    void testMetadataOnlyQueries()
    {
        assertThat(whereOnly(Where.gt("n", 2))).isEqualTo("{\"query\":{\"range\":{\"JSON_EXTRACT(metadata, '$.n')\":{\"gt\":2}}},\"size\":10}");
        assertThat(whereOnly(Where.eq("k", "v"))).isEqualTo("{\"query\":{\"term\":{\"JSON_EXTRACT(metadata, '$.k')\":{\"value\":\"v\"}}},\"size\":10}");
        assertThat(whereOnly(Where.ne("k", "v")))
                .isEqualTo("{\"query\":{\"bool\":{\"filter\":[{\"bool\":{\"must_not\":[{\"term\":{\"JSON_EXTRACT(metadata, '$.k')\":{\"value\":\"v\"}}}]}}]}},\"size\":10}");
    }

    @Test
    void testFilterConditions()
    {
        // several range operators on one key merge; a single $in term is unwrapped; $nin stays in must_not
        assertThat(JsonCodec.write(HybridSearchJson.filterCondition(new Where.AllOf(List.of(Where.gte("s", 1), Where.lte("s", 5))))))
                .isEqualTo("{\"range\":{\"JSON_EXTRACT(metadata, '$.s')\":{\"gte\":1,\"lte\":5}}}");
        assertThat(JsonCodec.write(HybridSearchJson.filterCondition(Where.in("t", List.of("a", "b")))))
                .isEqualTo("{\"bool\":{\"should\":[{\"term\":{\"JSON_EXTRACT(metadata, '$.t')\":{\"value\":\"a\"}}},{\"term\":{\"JSON_EXTRACT(metadata, '$.t')\":{\"value\":\"b\"}}}]}}");
        assertThat(JsonCodec.write(HybridSearchJson.filterCondition(Where.nin("t", List.of("a")))))
                .isEqualTo("{\"bool\":{\"must_not\":[{\"term\":{\"JSON_EXTRACT(metadata, '$.t')\":{\"value\":\"a\"}}}]}}");
        assertThat(JsonCodec.write(HybridSearchJson.filterCondition(new Where.AllOf(List.of(Where.eq("a", 1), Where.in("b", List.of(2)), Where.ne("c", 3))))))
                .isEqualTo("{\"bool\":{\"must\":[{\"term\":{\"JSON_EXTRACT(metadata, '$.a')\":{\"value\":1}}}],"
                        + "\"should\":[{\"term\":{\"JSON_EXTRACT(metadata, '$.b')\":{\"value\":2}}}],"
                        + "\"must_not\":[{\"term\":{\"JSON_EXTRACT(metadata, '$.c')\":{\"value\":3}}}]}}");
        assertThat(JsonCodec.write(HybridSearchJson.filterCondition(Where.and(Where.eq("_id", "x"), Where.or(Where.eq("#id", "y"), Where.not(Where.eq("k", true)))))))
                .isEqualTo("{\"bool\":{\"must\":[{\"term\":{\"_id\":{\"value\":\"x\"}}},{\"bool\":{\"should\":[{\"term\":{\"_id\":{\"value\":\"y\"}}},"
                        + "{\"bool\":{\"must_not\":[{\"term\":{\"JSON_EXTRACT(metadata, '$.k')\":{\"value\":true}}}]}}]}}]}}");
    }

    @Test
    void testKnnOnlyWithDefaultRrf()
    {
        float[] vector = {0.5f, 1e-7f};
        HybridSearchRequest request = HybridSearchRequest.builder().knn(vector, 3).rrf().build();
        assertThat(HybridSearchJson.build(request, Optional.of(vector)))
                .isEqualTo("{\"knn\":{\"field\":\"embedding\",\"k\":3,\"query_vector\":[0.5,1e-7]},\"rank\":{\"rrf\":{}},\"size\":10}");
    }

    private static String queryOnly(WhereDocument whereDocument)
    {
        return HybridSearchJson.build(HybridSearchRequest.builder().query(whereDocument).build(), Optional.empty());
    }

    private static String whereOnly(Where where)
    {
        return HybridSearchJson.build(HybridSearchRequest.builder().query(where).build(), Optional.empty());
    }
}
