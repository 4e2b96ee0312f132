package dev.quiver.it.client;

import dev.quiver.client.Collection;
import dev.quiver.client.CollectionConfiguration;
import dev.quiver.client.Distance;
import dev.quiver.client.SeekdbClient;
import dev.quiver.client.model.GetResponse;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.quiver.it.client.TestSeekdbJsSdk.assertSteps;
import static org.assertj.core.api.Assertions.assertThat;

/** A collection written by the Java client is read by the seekdb JS SDK, and the reverse: same catalog, tables and encodings. */
class TestCrossSdk
{
    @Test
    void testJavaWritesJavaScriptReads()
    {
        try (TestingServer server = TestingServer.start();
                SeekdbClient client = ClientFixtures.client(server)) {
            Collection collection = client.createCollection("from_java", CollectionConfiguration.builder().dimension(3).distance(Distance.L2).build());
            collection.upsert(List.of("j1", "j2"), List.of(new float[] {1, 0, 0}, new float[] {0.25f, 1e-7f, -1.5f}), Arrays.asList("from java", null),
                    Arrays.asList(Map.of("source", "java", "n", 1), Map.of("tags", List.of("a", "b"), "nested", Map.of("x", true))));
            collection.upsert("j1", null, null, Map.of("source", "java", "n", 2.5));

            assertSteps(SeekdbJsSdk.run(server, "read-java", "from_java"), """
                    {"name":"describe","value":{"dimension":3,"distance":"l2","name":"from_java"}}
                    {"name":"count","value":2}
                    {"name":"get","value":[["j1","from java",{"n":2.5,"source":"java"},[1,0,0]],["j2",null,{"nested":{"x":true},"tags":["a","b"]},[0.25,0,-1.5]]]}
                    {"name":"upsert","value":null}
                    """);
            assertThat(collection.get("j1").documents()).containsExactly("touched by javascript");
            assertThat(collection.get("j2").embeddings().getFirst()).containsExactly(0.25f, 1e-7f, -1.5f);
        }
    }

    @Test
    void testJavaScriptWritesJavaReads()
    {
        try (TestingServer server = TestingServer.start();
                SeekdbClient client = ClientFixtures.client(server)) {
            assertSteps(SeekdbJsSdk.run(server, "write-for-java", "from_js"), """
                    {"name":"add","value":null}
                    {"name":"upsert","value":null}
                    """);
            assertThat(client.listCollections()).extracting(Collection::name).containsExactly("from_js");
            Collection collection = client.getCollection("from_js");
            assertThat(collection.dimension()).isEqualTo(3);
            assertThat(collection.distance()).isEqualTo(Distance.COSINE);
            assertThat(collection.count()).isEqualTo(3);
            GetResponse got = collection.get(List.of("js1", "js2", "js3"));
            int js1 = got.ids().indexOf("js1");
            int js2 = got.ids().indexOf("js2");
            int js3 = got.ids().indexOf("js3");
            assertThat(got.documents().get(js1)).isEqualTo("from javascript");
            assertThat(got.metadatas().get(js1)).isEqualTo(Map.of("source", "js", "n", 1.5));
            assertThat(got.embeddings().get(js1)).containsExactly(1, 0, 0);
            assertThat(got.documents().get(js2)).isNull();
            assertThat(got.metadatas().get(js2)).isNull();
            assertThat(got.embeddings().get(js2)).containsExactly(0, 0.5f, 0.5f);
            assertThat(got.metadatas().get(js3)).isEqualTo(Map.of("source", "js", "tags", List.of("a", "b")));

            collection.upsert("js2", null, "document from java", null);
            assertThat(collection.get("js2").documents()).containsExactly("document from java");
        }
    }
}
