package dev.quiver.client.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rows returned by {@code get} / {@code peek}: parallel lists, one element per row. A field that was
 * not included is an empty list (see {@link #included()}); a SQL NULL document, metadata or embedding
 * is a null element.
 *
 * @param ids the row ids
 * @param documents the documents, if included
 * @param metadatas the metadata objects, if included
 * @param embeddings the vectors, if included
 * @param included the optional fields that were selected
 */
public record GetResponse(List<String> ids, List<String> documents, List<Map<String, Object>> metadatas, List<float[]> embeddings, Set<Include> included)
{
    public GetResponse
    {
        ids = Copies.list(ids, "ids");
        documents = Copies.list(documents, "documents");
        metadatas = Copies.metadatas(metadatas, "metadatas");
        embeddings = Copies.vectors(embeddings, "embeddings");
        included = Copies.include(included);
    }

    /** The number of rows. */
    public int size()
    {
        return ids.size();
    }
}
