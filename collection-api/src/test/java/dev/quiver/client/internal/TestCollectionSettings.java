package dev.quiver.client.internal;

import dev.quiver.client.ClientException;
import dev.quiver.client.CollectionConfiguration;
import dev.quiver.client.Distance;
import dev.quiver.client.EmbeddingFunction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCollectionSettings
{
    @Test
    void testWritesTheSdkSettings()
    {
        // seekdb-js.md §3.1, the settings written by JS SDK 1.4.0
        assertThat(CollectionSettings.toJson(3, Distance.L2, CollectionConfiguration.Hnsw.DEFAULTS, Optional.empty()))
                .isEqualTo("{\"schema\":{\"fulltextIndex\":{\"analyzer\":\"ik\",\"properties\":{}},\"vectorIndex\":{\"hnsw\":{\"dimension\":3,\"distance\":\"l2\"}}},\"version\":\"v2\"}");
        assertThat(CollectionSettings.toJson(3, Distance.COSINE, CollectionConfiguration.Hnsw.DEFAULTS, Optional.of(toyFunction())))
                .isEqualTo("{\"schema\":{\"fulltextIndex\":{\"analyzer\":\"ik\",\"properties\":{}},\"vectorIndex\":{\"hnsw\":{\"dimension\":3,\"distance\":\"cosine\"},"
                        + "\"embeddingFunction\":{\"name\":\"toy3\",\"properties\":{\"flavour\":\"toy\"}}}},\"version\":\"v2\"}");
        assertThat(CollectionSettings.toJson(8, Distance.INNER_PRODUCT, new CollectionConfiguration.Hnsw(OptionalInt.of(32), OptionalInt.empty(), OptionalInt.of(100)), Optional.empty()))
                .contains("\"hnsw\":{\"dimension\":8,\"distance\":\"inner_product\",\"m\":32,\"ef_search\":100}");
    }

    @Test
    void testReadsSdkAndLegacySettings()
    {
        assertThat(CollectionSettings.parse("c", "{\"schema\":{\"fulltextIndex\":{\"analyzer\":\"ngram\",\"properties\":{\"ngram_token_size\":2}},"
                + "\"vectorIndex\":{\"hnsw\":{\"dimension\":3,\"distance\":\"inner_product\"}}},\"version\":\"v2\"}"))
                .isEqualTo(new CollectionSettings(3, Distance.INNER_PRODUCT, Optional.empty()));
        assertThat(CollectionSettings.parse("c", "{\"schema\":{\"vectorIndex\":{\"hnsw\":{\"dimension\":384,\"distance\":\"cosine\"},"
                + "\"embeddingFunction\":{\"name\":\"default-embed\",\"properties\":{\"model_name\":\"Xenova/all-MiniLM-L6-v2\"}}}},\"version\":\"v2\"}"))
                .isEqualTo(new CollectionSettings(384, Distance.COSINE, Optional.of("default-embed"), Map.of("model_name", "Xenova/all-MiniLM-L6-v2")));
        assertThat(CollectionSettings.parse("c", "{\"configuration\":{\"hnsw\":{\"dimension\":4,\"distance\":\"l2\"}},\"embeddingFunction\":{\"name\":\"e\",\"properties\":{}}}"))
                .isEqualTo(new CollectionSettings(4, Distance.L2, Optional.of("e")));
        assertThat(CollectionSettings.parse("c", "{\"configuration\":{\"dimension\":5}}"))
                .isEqualTo(new CollectionSettings(5, Distance.COSINE, Optional.empty()));
    }

    @Test
    void testRoundTrip()
    {
        for (Distance distance : Distance.values()) {
            String json = CollectionSettings.toJson(7, distance, CollectionConfiguration.Hnsw.DEFAULTS, Optional.of(toyFunction()));
            assertThat(CollectionSettings.parse("c", json)).isEqualTo(new CollectionSettings(7, distance, Optional.of("toy3"), toyFunction().properties()));
        }
    }

    @Test
    void testRejectsUnusableSettings()
    {
        assertThatThrownBy(() -> CollectionSettings.parse("c", null)).isInstanceOf(ClientException.class).hasMessageContaining("no settings");
        assertThatThrownBy(() -> CollectionSettings.parse("c", "{oops")).isInstanceOf(ClientException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> CollectionSettings.parse("c", "{\"schema\":{}}")).isInstanceOf(ClientException.class).hasMessageContaining("no vector dimension");
        assertThatThrownBy(() -> CollectionSettings.parse("c", "{\"configuration\":{\"dimension\":3,\"distance\":\"ip\"}}")).hasMessageContaining("Unknown distance 'ip'");
    }

    static EmbeddingFunction toyFunction()
    {
        return new EmbeddingFunction()
        {
            @Override
            public String name()
            {
                return "toy3";
            }

            @Override
            public int dimension()
            {
                return 3;
            }

            @Override
            public List<float[]> embed(List<String> texts)
            {
                return texts.stream().map(text -> new float[] {text.length(), 1, 1}).toList();
            }

            @Override
            public Map<String, Object> properties()
            {
                return Map.of("flavour", "toy");
            }
        };
    }
}
