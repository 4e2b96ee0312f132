package dev.quiver.client.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The items of one {@code add}, {@code upsert} or {@code update}: ids and, per field, either a list
 * parallel to the ids or nothing ("field not given"). Within a given list, a null document or
 * metadata means SQL NULL; embeddings must not contain nulls. The collection validates lengths,
 * dimensions and the rest before sending any SQL.
 *
 * @param ids the item ids (non-empty, unique, at most 512 UTF-8 bytes each)
 * @param embeddings one vector per id, if given
 * @param documents one document per id, if given
 * @param metadatas one metadata object per id, if given
 */
public record Documents(List<String> ids, Optional<List<float[]>> embeddings, Optional<List<String>> documents, Optional<List<Map<String, Object>>> metadatas)
{
    public Documents
    {
        ids = Copies.list(ids, "ids");
        embeddings = requireNonNull(embeddings, "embeddings is null").map(list -> Copies.vectors(list, "embeddings"));
        documents = requireNonNull(documents, "documents is null").map(list -> Copies.list(list, "documents"));
        metadatas = requireNonNull(metadatas, "metadatas is null").map(list -> Copies.metadatas(list, "metadatas"));
    }

    /** From nullable lists, as in the signatures: a null list means the field is not given. */
    public static Documents of(List<String> ids, List<float[]> embeddings, List<String> documents, List<Map<String, Object>> metadatas)
    {
        return new Documents(ids, Optional.ofNullable(embeddings), Optional.ofNullable(documents), Optional.ofNullable(metadatas));
    }

    /** The same items with these embeddings (used when an embedding function fills them in). */
    public Documents withEmbeddings(List<float[]> newEmbeddings)
    {
        return new Documents(ids, Optional.of(newEmbeddings), documents, metadatas);
    }
}
