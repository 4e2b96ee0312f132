package dev.quiver.client.internal;

import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The rows of one query or hybrid search, in server order, as parallel lists. Lists of fields not
 * selected are empty.
 */
public record RankedRows(List<String> ids, List<Double> distances, List<String> documents, List<Map<String, Object>> metadatas, List<float[]> embeddings)
{
    public RankedRows
    {
        requireNonNull(ids, "ids is null");
        requireNonNull(distances, "distances is null");
        requireNonNull(documents, "documents is null");
        requireNonNull(metadatas, "metadatas is null");
        requireNonNull(embeddings, "embeddings is null");
    }
}
