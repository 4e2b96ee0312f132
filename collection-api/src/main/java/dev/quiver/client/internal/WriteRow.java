package dev.quiver.client.internal;

import static java.util.Objects.requireNonNull;

/**
 * One row to write, already encoded: metadata as JSON text, the embedding as vector text. A null
 * field is SQL NULL when its column is written, and ignored when it is not.
 *
 * @param id the row id
 * @param document the document text
 * @param metadataJson the metadata JSON text
 * @param embeddingText the vector text, e.g. {@code [1,0,0]}
 */
public record WriteRow(String id, String document, String metadataJson, String embeddingText)
{
    public WriteRow
    {
        requireNonNull(id, "id is null");
    }

    Object value(Column column)
    {
        return switch (column) {
            case DOCUMENT -> document;
            case METADATA -> metadataJson;
            case EMBEDDING -> embeddingText;
        };
    }
}
