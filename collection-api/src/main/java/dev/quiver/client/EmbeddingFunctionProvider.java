package dev.quiver.client;

import java.util.Map;

/**
 * Makes the embedding function recorded in a collection's catalog settings under {@link #name()}, so
 * that {@link SeekdbClient#getCollection(String)} restores it as the seekdb SDKs do from their registry.
 * Providers are found with {@link java.util.ServiceLoader} (a {@code META-INF/services} entry naming the
 * implementation); the module {@code quiver-client-embedding} provides {@code default-embed}.
 */
public interface EmbeddingFunctionProvider
{
    /** The name recorded in the catalog, e.g. {@code default-embed}. */
    String name();

    /** The function for the recorded properties (the function's {@link EmbeddingFunction#properties()}). */
    EmbeddingFunction create(Map<String, Object> properties);
}
