package dev.quiver.it.client;

import dev.quiver.client.Collection;
import dev.quiver.client.CollectionConfiguration;
import dev.quiver.client.Distance;
import dev.quiver.client.SeekdbClient;
import dev.quiver.client.ValidationException;
import dev.quiver.client.model.DeleteRequest;
import dev.quiver.client.model.GetRequest;
import dev.quiver.client.model.HybridSearchRequest;
import dev.quiver.client.model.Include;
import dev.quiver.client.model.QueryRequest;
import dev.quiver.client.model.QueryResponse;
import dev.quiver.client.model.Where;
import dev.quiver.client.model.WhereDocument;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The Java client's filters, vector queries and hybrid search against a real Quiver over TCP. */
class TestSeekdbClientSearchOverTcp
{
    private static TestingServer server;
    private static SeekdbClient client;

    @BeforeAll
    static void startServer()
    {
        server = TestingServer.start();
        client = ClientFixtures.client(server);
    }

    @AfterAll
    static void stopServer()
    {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void testFullTextDocumentFilters()
    {
        Collection collection = fruit("fulltext");
        assertThat(documentIds(collection, WhereDocument.contains("banana"))).containsExactly("a");
        assertThat(documentIds(collection, WhereDocument.contains("durian quoted"))).containsExactly("b", "c");
        assertThat(documentIds(collection, WhereDocument.or(WhereDocument.contains("durian"), WhereDocument.contains("apple")))).containsExactly("a", "c");
        assertThat(documentIds(collection, WhereDocument.and(WhereDocument.contains("apple"), WhereDocument.contains("banana")))).containsExactly("a");
        assertThat(documentIds(collection, WhereDocument.fromMap(Map.of("$contains", "kiwi")))).isEmpty();
        // text that looks like SQL is only ever a bound parameter
        assertThat(documentIds(collection, WhereDocument.contains("x') OR 1=1 -- "))).isEmpty();
        assertThat(collection.get(GetRequest.builder().ids(List.of("a", "c")).whereDocument(WhereDocument.contains("cherry")).include(Include.DOCUMENTS).build())
                .documents()).containsExactly("cherry durian");
        collection.delete(DeleteRequest.of(WhereDocument.contains("cherry")));
        assertThat(sorted(collection.peek().ids())).containsExactly("a", "b");
        client.deleteCollection("fulltext");
    }

    @Test
    void testMetadataAndRegexFilters()
    {
        Collection collection = fruit("filters");
        assertThat(ids(collection, Where.eq("category", "fruit"))).containsExactly("a", "c");
        assertThat(ids(collection, Where.ne("category", "fruit"))).containsExactly("b");
        assertThat(ids(collection, Where.gt("score", 88))).containsExactly("a");
        assertThat(ids(collection, Where.gte("score", 88))).containsExactly("a", "c");
        assertThat(ids(collection, Where.lt("score", 88))).containsExactly("b");
        assertThat(ids(collection, Where.lte("score", 88.0))).containsExactly("b", "c");
        assertThat(ids(collection, Where.in("tag", List.of("x", "y")))).containsExactly("a");
        assertThat(ids(collection, Where.nin("category", List.of("misc")))).containsExactly("a", "c");
        assertThat(ids(collection, Where.and(Where.eq("category", "fruit"), Where.gt("score", 90)))).containsExactly("a");
        assertThat(ids(collection, Where.or(Where.eq("category", "misc"), Where.lte("score", 88)))).containsExactly("b", "c");
        assertThat(ids(collection, Where.eq("flag", true))).containsExactly("c");
        assertThat(ids(collection, Where.eq("nested.k", "v"))).containsExactly("b");
        assertThat(ids(collection, Where.fromMap(Map.of("score", Map.of("$gte", 80, "$lte", 90))))).containsExactly("b", "c");
        // a value that looks like SQL is only ever a bound parameter
        assertThat(ids(collection, Where.eq("category", "fruit' OR '1'='1"))).isEmpty();

        assertThat(documentIds(collection, WhereDocument.regex("^cherry"))).containsExactly("c");
        assertThat(documentIds(collection, WhereDocument.or(WhereDocument.contains("durian"), WhereDocument.regex("quoted")))).containsExactly("b", "c");
        assertThat(sorted(collection.get(GetRequest.builder().where(Where.eq("category", "fruit")).whereDocument(WhereDocument.contains("apple"))
                .limit(10).offset(0).include(Include.METADATAS).build()).ids())).containsExactly("a");

        collection.delete(Where.lt("score", 85));
        assertThat(sorted(collection.peek().ids())).containsExactly("a", "c");
        client.deleteCollection("filters");
    }

    @Test
    void testQueryWithEachDistance()
    {
        float[] query = {2, 1, 0};
        assertRanked(points("q_l2", Distance.L2).query(List.of(query), 3), List.of("q", "p", "r"), List.of(1.0, Math.sqrt(2), 3.0));
        assertRanked(points("q_cosine", Distance.COSINE).query(query, 3), List.of("q", "p", "r"),
                List.of(1 - 3 / Math.sqrt(10), 1 - 2 / Math.sqrt(5), 1.0));
        assertRanked(points("q_ip", Distance.INNER_PRODUCT).query(query, 3), List.of("q", "p", "r"), List.of(3.0, 2.0, 0.0));

        Collection l2 = client.getCollection("q_l2");
        QueryResponse two = l2.query(List.of(new float[] {1, 0, 0}, new float[] {0, 0, 1}), 1);
        assertThat(two.ids()).isEqualTo(List.of(List.of("p"), List.of("r")));

        QueryResponse filtered = l2.query(QueryRequest.builder().queryEmbedding(new float[] {1, 0, 0}).nResults(3).where(Where.gte("n", 2))
                .include(Include.DOCUMENTS, Include.METADATAS, Include.EMBEDDINGS).build());
        assertThat(filtered.ids()).isEqualTo(List.of(List.of("q", "r")));
        assertThat(filtered.documents()).isEqualTo(List.of(List.of("quince", "raspberry")));
        assertThat(filtered.metadatas()).isEqualTo(List.of(List.of(Map.of("n", 2L), Map.of("n", 3L))));
        assertThat(filtered.embeddings().getFirst().getFirst()).containsExactly(1, 1, 0);

        QueryResponse byDocument = l2.query(QueryRequest.builder().queryEmbedding(new float[] {1, 0, 0}).nResults(3)
                .whereDocument(WhereDocument.contains("raspberry")).build());
        assertThat(byDocument.ids()).isEqualTo(List.of(List.of("r")));

        QueryResponse overridden = l2.query(QueryRequest.builder().queryEmbedding(new float[] {1, 0, 0}).nResults(2).distance(Distance.COSINE)
                .approximate(false).build());
        assertRanked(overridden, List.of("p", "q"), List.of(0.0, 1 - 1 / Math.sqrt(2)));

        assertThatThrownBy(() -> l2.query(new float[] {1, 0}, 1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> l2.queryTexts(List.of("pear"), 1)).isInstanceOf(ValidationException.class).hasMessageContaining("embedding function");
        for (String name : List.of("q_l2", "q_cosine", "q_ip")) {
            client.deleteCollection(name);
        }
    }

    @Test
    void testHybridSearchWithFullTextOnly()
    {
        Collection collection = hybridCollection("hybrid_text");
        QueryResponse text = collection.hybridSearch(HybridSearchRequest.builder().query(WhereDocument.contains("search")).nResults(5).build());
        assertThat(sorted(text.ids().getFirst())).containsExactly("h1", "h2");
        QueryResponse cooking = collection.hybridSearch(HybridSearchRequest.builder().query(WhereDocument.contains("cooking")).nResults(5)
                .include(Include.DOCUMENTS, Include.METADATAS).build());
        assertThat(cooking.ids()).isEqualTo(List.of(List.of("h3")));
        assertThat(cooking.documents()).isEqualTo(List.of(List.of("cooking recipes")));
        assertThat(cooking.metadatas()).isEqualTo(List.of(List.of(Map.of("kind", "food"))));
        assertThat(cooking.distances().getFirst().getFirst()).isPositive();
        client.deleteCollection("hybrid_text");
    }

    @Test
    void testHybridSearchWithKnn()
    {
        Collection collection = hybridCollection("hybrid");
        QueryResponse knn = collection.hybridSearch(HybridSearchRequest.builder().knn(new float[] {1, 0, 0}, 1).nResults(1).build());
        assertThat(knn.ids()).isEqualTo(List.of(List.of("h1")));
        QueryResponse both = collection.hybridSearch(HybridSearchRequest.builder().query(WhereDocument.contains("engine"), Where.eq("kind", "db"))
                .knn(new float[] {0, 1, 0}, 3).rrf().nResults(2).build());
        assertThat(sorted(both.ids().getFirst())).containsExactly("h1", "h2");
        client.deleteCollection("hybrid");
    }

    private static Collection hybridCollection(String name)
    {
        Collection collection = client.createCollection(name, CollectionConfiguration.builder().dimension(3).distance(Distance.L2).build());
        collection.add(List.of("h1", "h2", "h3"), List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}, new float[] {0, 0, 1}),
                List.of("vector search engine", "full text search engine", "cooking recipes"),
                List.of(Map.of("kind", "db"), Map.of("kind", "db"), Map.of("kind", "food")));
        return collection;
    }

    private static Collection fruit(String name)
    {
        Collection collection = client.createCollection(name, CollectionConfiguration.builder().dimension(3).distance(Distance.L2).build());
        collection.add(List.of("a", "b", "c"), List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}, new float[] {0, 0, 1}),
                List.of("apple banana", "it's a \"quoted\" doc", "cherry durian"),
                List.of(Map.of("category", "fruit", "score", 95, "tag", "x"), Map.of("category", "misc", "score", 80, "nested", Map.of("k", "v")),
                        Map.of("category", "fruit", "score", 88, "flag", true)));
        return collection;
    }

    private static Collection points(String name, Distance distance)
    {
        Collection collection = client.createCollection(name, CollectionConfiguration.builder().dimension(3).distance(distance).build());
        collection.add(List.of("p", "q", "r"), List.of(new float[] {1, 0, 0}, new float[] {1, 1, 0}, new float[] {0, 0, 2}),
                List.of("pear", "quince", "raspberry"), List.of(Map.of("n", 1), Map.of("n", 2), Map.of("n", 3)));
        return collection;
    }

    private static void assertRanked(QueryResponse response, List<String> ids, List<Double> distances)
    {
        assertThat(response.ids()).isEqualTo(List.of(ids));
        List<Double> actual = response.distances().getFirst();
        assertThat(actual).hasSameSizeAs(distances);
        for (int index = 0; index < distances.size(); index++) {
            assertThat(actual.get(index)).isCloseTo(distances.get(index), within(1e-5));
        }
    }

    private static List<String> ids(Collection collection, Where where)
    {
        return sorted(collection.get(GetRequest.builder().where(where).include().build()).ids());
    }

    private static List<String> documentIds(Collection collection, WhereDocument whereDocument)
    {
        return sorted(collection.get(GetRequest.builder().whereDocument(whereDocument).include().build()).ids());
    }

    private static List<String> sorted(List<String> ids)
    {
        List<String> result = new ArrayList<>(ids);
        result.sort(null);
        return result;
    }
}
