package dev.quiver.client.embedding;

import dev.quiver.client.EmbeddingFunction;
import dev.quiver.client.EmbeddingFunctionProvider;

import java.util.Map;

/**
 * Restores {@code default-embed}, recorded by this client or by the seekdb SDKs, as
 * {@link DefaultEmbeddingFunction} (registered in {@code META-INF/services}). The recorded
 * {@code model_name} is not checked: every seekdb SDK records all-MiniLM-L6-v2 for this name.
 */
public final class DefaultEmbeddingFunctionProvider
        implements EmbeddingFunctionProvider
{
    @Override
    public String name()
    {
        return DefaultEmbeddingFunction.NAME;
    }

    @Override
    public EmbeddingFunction create(Map<String, Object> properties)
    {
        return DefaultEmbeddingFunction.instance();
    }
}
