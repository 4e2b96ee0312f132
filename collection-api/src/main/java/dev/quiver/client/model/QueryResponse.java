package dev.quiver.client.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Results of {@code query} (one inner list per query vector, nearest first) or of
 * {@code hybridSearch} (a single inner list, best first). {@link #distances()} holds the metric value
 * (for inner product the raw similarity; for hybrid search the server's score). A field that was not
 * included is a list of empty lists.
 *
 * @param ids the ids per query
 * @param distances the distances (or scores) per query
 * @param documents the documents per query, if included
 * @param metadatas the metadata objects per query, if included
 * @param embeddings the vectors per query, if included
 * @param included the optional fields that were selected
 */
public record QueryResponse(
        List<List<String>> ids,
        List<List<Double>> distances,
        List<List<String>> documents,
        List<List<Map<String, Object>>> metadatas,
        List<List<float[]>> embeddings,
        Set<Include> included)
{
    public QueryResponse
    {
        ids = Copies.nested(ids, "ids");
        distances = Copies.nested(distances, "distances");
        documents = Copies.nested(documents, "documents");
        metadatas = Copies.nested(metadatas, "metadatas");
        embeddings = Copies.nestedVectors(embeddings, "embeddings");
        included = Copies.include(included);
    }
}
