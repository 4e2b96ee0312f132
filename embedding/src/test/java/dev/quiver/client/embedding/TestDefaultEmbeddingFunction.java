package dev.quiver.client.embedding;

import dev.quiver.client.EmbeddingFunctionProvider;
import dev.quiver.client.ValidationException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The default embedding function against golden vectors committed in
 * {@code all-minilm-l6-v2-golden.tsv} (sentence, tab, 384 comma-separated floats), with a tolerance for
 * ONNX Runtime's floating-point differences between CPUs.
 */
class TestDefaultEmbeddingFunction
{
    static final String GOLDEN = "all-minilm-l6-v2-golden.tsv";
    private static final float TOLERANCE = 2e-4f;

    @Test
    void testMatchesGoldenVectors()
    {
        List<String> sentences = new ArrayList<>();
        List<float[]> expected = new ArrayList<>();
        for (String line : goldenLines()) {
            String[] parts = line.split("\t", 2);
            sentences.add(parts[0]);
            expected.add(parse(parts[1]));
        }
        assertThat(sentences).hasSizeGreaterThanOrEqualTo(3);
        List<float[]> actual = DefaultEmbeddingFunction.instance().embed(sentences);
        assertThat(actual).hasSameSizeAs(expected);
        for (int index = 0; index < actual.size(); index++) {
            assertThat(actual.get(index)).as("vector of %s", sentences.get(index)).hasSize(384);
            for (int component = 0; component < 384; component++) {
                assertThat(actual.get(index)[component]).as("component %d of %s", component, sentences.get(index))
                        .isCloseTo(expected.get(index)[component], within(TOLERANCE));
            }
        }
    }

    @Test
    void testVectorsAreUnitLengthAndSimilarMeaningsAreClose()
    {
        List<float[]> vectors = DefaultEmbeddingFunction.instance().embed(List.of(
                "A man is eating food.", "A man is eating a piece of bread.", "A man is riding a horse.", "The stock market fell sharply today."));
        for (float[] each : vectors) {
            assertThat(Math.sqrt(dot(each, each))).isCloseTo(1.0, within(1e-5));
        }
        assertThat(dot(vectors.get(0), vectors.get(1))).isGreaterThan(dot(vectors.get(0), vectors.get(2)));
        assertThat(dot(vectors.get(0), vectors.get(2))).isGreaterThan(dot(vectors.get(0), vectors.get(3)));
        // the same text in one batch or alone gives the same vector
        float[] alone = DefaultEmbeddingFunction.instance().embed(List.of("A man is riding a horse.")).getFirst();
        assertThat(alone).containsExactly(vectors.get(2), within(1e-6f));
    }

    @Test
    void testRecordsItselfAsTheSeekdbSdksDo()
    {
        DefaultEmbeddingFunction function = DefaultEmbeddingFunction.instance();
        assertThat(function.name()).isEqualTo("default-embed");
        assertThat(function.dimension()).isEqualTo(384);
        assertThat(function.properties()).isEqualTo(Map.of("model_name", "Xenova/all-MiniLM-L6-v2"));
        assertThat(function.embed(List.of())).isEmpty();
    }

    @Test
    void testBlankTextsAreRejected()
    {
        assertThatThrownBy(() -> DefaultEmbeddingFunction.instance().embed(Arrays.asList("fine", " ")))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Cannot embed a blank text at index 1");
        assertThatThrownBy(() -> DefaultEmbeddingFunction.instance().embed(Arrays.asList((String) null)))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Cannot embed a missing text at index 0");
    }

    @Test
    void testProviderIsFoundByServiceLoader()
    {
        List<EmbeddingFunctionProvider> providers = ServiceLoader.load(EmbeddingFunctionProvider.class).stream().map(ServiceLoader.Provider::get).toList();
        assertThat(providers).extracting(EmbeddingFunctionProvider::name).contains("default-embed");
        EmbeddingFunctionProvider provider = providers.stream().filter(each -> each.name().equals("default-embed")).findFirst().orElseThrow();
        assertThat(provider.create(Map.of("model_name", "Xenova/all-MiniLM-L6-v2"))).isSameAs(DefaultEmbeddingFunction.instance());
    }

    static List<String> goldenLines()
    {
        try (InputStream stream = TestDefaultEmbeddingFunction.class.getResourceAsStream(GOLDEN)) {
            if (stream == null) {
                throw new AssertionError("missing resource " + GOLDEN);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static float[] parse(String values)
    {
        String[] parts = values.split(",");
        float[] result = new float[parts.length];
        for (int index = 0; index < parts.length; index++) {
            result[index] = Float.parseFloat(parts[index]);
        }
        return result;
    }

    private static double dot(float[] left, float[] right)
    {
        double sum = 0;
        for (int index = 0; index < left.length; index++) {
            sum += (double) left[index] * right[index];
        }
        return sum;
    }
}
