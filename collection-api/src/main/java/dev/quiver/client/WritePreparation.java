package dev.quiver.client;

import dev.quiver.client.internal.Column;
import dev.quiver.client.internal.JsonCodec;
import dev.quiver.client.internal.VectorCodec;
import dev.quiver.client.internal.WriteRow;
import dev.quiver.client.model.Documents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Validates the items of a write and encodes them into rows, before any SQL is sent: ids present,
 * unique and at most 512 bytes; list lengths equal to the number of ids; vectors of the collection's
 * dimension with finite values; metadata JSON-encodable; documents without embeddings embedded by the
 * embedding function, or rejected where a vector is required.
 */
final class WritePreparation
{
    /** The widest id the {@code _id VARBINARY(512)} column holds. */
    static final int MAXIMUM_ID_BYTES = 512;

    /**
     * Encoded rows and the columns given.
     *
     * @param rows the rows, in input order
     * @param columns the value columns to write
     */
    record PreparedWrite(List<WriteRow> rows, Set<Column> columns)
    {
        PreparedWrite
        {
            rows = List.copyOf(rows);
            columns = Set.copyOf(columns);
        }

        List<String> ids()
        {
            return rows.stream().map(WriteRow::id).toList();
        }
    }

    private final int dimension;
    private final Optional<EmbeddingFunction> embeddingFunction;

    WritePreparation(int dimension, Optional<EmbeddingFunction> embeddingFunction)
    {
        this.dimension = dimension;
        this.embeddingFunction = requireNonNull(embeddingFunction, "embeddingFunction is null");
    }

    /** {@code add}: every row needs a vector, given or embedded from its document. */
    PreparedWrite forAdd(Documents items)
    {
        checkShape(items);
        if (items.embeddings().isEmpty()) {
            if (items.documents().isEmpty()) {
                throw new ValidationException("Either embeddings or documents must be provided");
            }
            if (embeddingFunction.isEmpty()) {
                throw new ValidationException("Documents provided but no embeddings and no embedding function");
            }
            items = items.withEmbeddings(embed(items.documents().get()));
        }
        return encode(items, EnumSet.allOf(Column.class));
    }

    /**
     * {@code upsert} and {@code update}: only the given fields are written. Documents without
     * embeddings are embedded when there is an embedding function; otherwise only the document
     * changes and the stored vector is kept (as in the seekdb SDKs).
     */
    PreparedWrite forPartialWrite(Documents items)
    {
        checkShape(items);
        if (items.embeddings().isEmpty() && items.documents().isEmpty() && items.metadatas().isEmpty()) {
            throw new ValidationException("At least one of embeddings, documents or metadatas must be provided");
        }
        if (items.embeddings().isEmpty() && items.documents().isPresent() && embeddingFunction.isPresent()) {
            items = items.withEmbeddings(embed(items.documents().get()));
        }
        Set<Column> columns = EnumSet.noneOf(Column.class);
        items.documents().ifPresent(ignored -> columns.add(Column.DOCUMENT));
        items.metadatas().ifPresent(ignored -> columns.add(Column.METADATA));
        items.embeddings().ifPresent(ignored -> columns.add(Column.EMBEDDING));
        return encode(items, columns);
    }

    /** Checks one query vector. */
    String encodeQueryVector(float[] vector, int index)
    {
        checkVector(vector, index);
        return VectorCodec.encode(vector);
    }

    /** Embeds texts with the embedding function, checking its output. */
    List<float[]> embed(List<String> texts)
    {
        EmbeddingFunction function = embeddingFunction.orElseThrow(() -> new ValidationException("No embedding function to embed texts with"));
        for (int index = 0; index < texts.size(); index++) {
            if (texts.get(index) == null) {
                throw new ValidationException("Cannot embed a null document at index %d".formatted(index));
            }
        }
        List<float[]> result = function.embed(texts);
        if (result == null || result.size() != texts.size()) {
            throw new ValidationException("Embedding function '%s' returned %s vectors for %d texts".formatted(
                    function.name(), result == null ? "no" : String.valueOf(result.size()), texts.size()));
        }
        for (int index = 0; index < result.size(); index++) {
            checkVector(result.get(index), index);
        }
        return result;
    }

    private void checkShape(Documents items)
    {
        List<String> ids = items.ids();
        if (ids.isEmpty()) {
            throw new ValidationException("ids must not be empty");
        }
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < ids.size(); index++) {
            String id = ids.get(index);
            if (id == null || id.isEmpty()) {
                throw new ValidationException("Missing id at index %d".formatted(index));
            }
            if (id.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_ID_BYTES) {
                throw new ValidationException("Id at index %d is longer than %d bytes".formatted(index, MAXIMUM_ID_BYTES));
            }
            if (!seen.add(id)) {
                throw new ValidationException("Duplicate id '%s' at index %d".formatted(id, index));
            }
        }
        items.embeddings().ifPresent(list -> checkLength("embeddings", list.size(), ids.size()));
        items.documents().ifPresent(list -> checkLength("documents", list.size(), ids.size()));
        items.metadatas().ifPresent(list -> checkLength("metadatas", list.size(), ids.size()));
        items.embeddings().ifPresent(list -> {
            for (int index = 0; index < list.size(); index++) {
                checkVector(list.get(index), index);
            }
        });
    }

    private static void checkLength(String field, int length, int idCount)
    {
        if (length != idCount) {
            throw new ValidationException("%s has %d items but ids has %d".formatted(field, length, idCount));
        }
    }

    private void checkVector(float[] vector, int index)
    {
        if (vector == null) {
            throw new ValidationException("Missing embedding at index %d".formatted(index));
        }
        if (vector.length != dimension) {
            throw new ValidationException("Dimension mismatch at index %d. Expected %d, got %d".formatted(index, dimension, vector.length));
        }
        for (float each : vector) {
            if (!Float.isFinite(each)) {
                throw new ValidationException("Vector contains invalid value: %s at index %d".formatted(each, index));
            }
        }
    }

    private static PreparedWrite encode(Documents items, Set<Column> columns)
    {
        List<WriteRow> rows = new ArrayList<>(items.ids().size());
        for (int index = 0; index < items.ids().size(); index++) {
            int position = index;
            String document = items.documents().map(list -> list.get(position)).orElse(null);
            Map<String, Object> metadata = items.metadatas().map(list -> list.get(position)).orElse(null);
            float[] embedding = items.embeddings().map(list -> list.get(position)).orElse(null);
            rows.add(new WriteRow(
                    items.ids().get(index),
                    document,
                    metadata == null ? null : encodeMetadata(metadata, index),
                    embedding == null ? null : VectorCodec.encode(embedding)));
        }
        return new PreparedWrite(rows, columns);
    }

    private static String encodeMetadata(Map<String, Object> metadata, int index)
    {
        try {
            return JsonCodec.write(metadata);
        }
        catch (ValidationException ex) {
            throw new ValidationException("Metadata at index %d: %s".formatted(index, ex.getMessage()));
        }
    }
}
