package dev.quiver.it.client;

import dev.quiver.client.Collection;
import dev.quiver.client.CollectionConfiguration;
import dev.quiver.client.Distance;
import dev.quiver.client.SeekdbClient;
import dev.quiver.client.embedding.DefaultEmbeddingFunction;
import dev.quiver.client.model.GetResponse;
import dev.quiver.client.model.QueryResponse;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static dev.quiver.it.client.TestSeekdbJsSdk.assertSteps;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The default embedding function (all-MiniLM-L6-v2, offline) with a real Quiver: documents without vectors are embedded on the client. */
class TestDefaultEmbeddingOverTcp
{
    @Test
    void testDocumentsWithoutVectorsAreEmbeddedAndTheFunctionIsRecordedAsTheSdksRecordIt()
            throws SQLException
    {
        DefaultEmbeddingFunction function = DefaultEmbeddingFunction.instance();
        try (TestingServer server = TestingServer.start();
                SeekdbClient client = ClientFixtures.client(server)) {
            Collection collection = client.createCollection("embedded", CollectionConfiguration.builder().embeddingFunction(function).build());
            assertThat(collection.dimension()).isEqualTo(384);
            assertThat(collection.distance()).isEqualTo(Distance.COSINE);
            List<String> documents = List.of("Quiver speaks the MySQL protocol.", "Cats sleep most of the day.");
            collection.add(List.of("d1", "d2"), null, documents, List.of(Map.of("topic", "db"), Map.of("topic", "pets")));

            GetResponse got = collection.get(List.of("d1", "d2"));
            List<float[]> expected = function.embed(documents);
            for (int index = 0; index < 2; index++) {
                float[] stored = got.embeddings().get(got.ids().indexOf("d" + (index + 1)));
                assertThat(stored).containsExactly(expected.get(index), within(1e-6f));
            }
            assertThat(settings(server, "embedded")).contains(
                    "\"embeddingFunction\": {\"name\": \"default-embed\", \"properties\": {\"model_name\": \"Xenova/all-MiniLM-L6-v2\"}}");

            Collection reopened = client.getCollection("embedded");
            assertThat(reopened.embeddingFunction()).contains(function);
            reopened.upsert("d2", null, "Dogs bark at the mail carrier.", null);
            float[] changed = reopened.get("d2").embeddings().getFirst();
            assertThat(changed).containsExactly(function.embed(List.of("Dogs bark at the mail carrier.")).getFirst(), within(1e-6f));

            // the JS SDK restores the recorded function by name from its registry
            assertSteps(SeekdbJsSdk.run(server, "read-default-embed", "embedded"), """
                    {"name":"embedding-function","value":["default-embed",{"model_name":"Xenova/all-MiniLM-L6-v2"}]}
                    {"name":"describe","value":{"dimension":384,"distance":"cosine","name":"embedded"}}
                    {"name":"get","value":[["d1","Quiver speaks the MySQL protocol.",{"topic":"db"}],["d2","Dogs bark at the mail carrier.",{"topic":"pets"}]]}
                    {"name":"add-document-only","error":{"errno":null,"sqlState":null,"message":"the all-MiniLM-L6-v2 model is not available offline"}}
                    """);
        }
    }

    @Test
    void testQueryTextsAreEmbeddedWithTheSameModel()
    {
        try (TestingServer server = TestingServer.start();
                SeekdbClient client = ClientFixtures.client(server)) {
            client.createCollection("texts", CollectionConfiguration.builder().embeddingFunction(DefaultEmbeddingFunction.instance()).build());
            Collection collection = client.getCollection("texts", DefaultEmbeddingFunction.instance());
            collection.add(List.of("db", "pets", "food"), null,
                    List.of("Databases store rows and answer SQL queries.", "Cats and dogs are popular pets.", "Pasta is cooked in boiling water."), null);
            QueryResponse result = collection.queryTexts(List.of("Which animal should I adopt?", "How do I make spaghetti?"), 1);
            assertThat(result.ids()).isEqualTo(List.of(List.of("pets"), List.of("food")));
        }
    }

    private static String settings(TestingServer server, String name)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(server.mariadbUrl(""), "root", "");
                PreparedStatement statement = connection.prepareStatement("SELECT settings FROM sdk_collections WHERE collection_name = ?")) {
            statement.setString(1, name);
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                return result.getString(1);
            }
        }
    }
}
