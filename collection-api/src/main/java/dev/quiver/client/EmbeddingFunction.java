package dev.quiver.client;

import java.util.List;
import java.util.Map;

/**
 * Turns documents (and query texts) into vectors on the client, as seekdb's SDKs do: the server only
 * ever receives vectors. A collection with an embedding function embeds documents given without
 * embeddings in {@code add}, {@code upsert} and {@code update}, and embeds {@code queryTexts}.
 *
 * <p>The function's {@link #name()} and {@link #properties()} are recorded in the collection's
 * {@code sdk_collections.settings} as {@code schema.vectorIndex.embeddingFunction}
 * ({@code {"name": ..., "properties": {...}}}), where the seekdb SDKs look for it.
 * Implementations must be thread-safe.
 */
public interface EmbeddingFunction
{
    /** The registry name recorded in the catalog, e.g. {@code default-embed}. */
    String name();

    /** The length of every vector this function returns. */
    int dimension();

    /** One vector of {@link #dimension()} floats per text, in order. */
    List<float[]> embed(List<String> texts);

    /** Configuration recorded next to the name (JSON-compatible values); empty by default. */
    default Map<String, Object> properties()
    {
        return Map.of();
    }
}
