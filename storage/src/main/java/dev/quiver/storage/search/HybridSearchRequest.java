package dev.quiver.storage.search;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A hybrid search: the vector search and the text search run on their own (each with its own filter and size), and
 * their results are fused by reciprocal rank: a row's score is the sum over the lists it appears in of
 * {@code 1 / (rankConstant + rank)} (rank from 1), larger first, at most {@code size} rows, each projected to
 * {@code projection} (empty: every column). Either side may be absent (then the other's order is kept, scored the
 * same way). The default rank constant is 60, as in Elasticsearch and seekdb.
 */
public record HybridSearchRequest(
        Optional<VectorSearchRequest> vector,
        Optional<TextSearchRequest> text,
        int rankConstant,
        int size,
        List<String> projection)
{
    public static final int DEFAULT_RANK_CONSTANT = 60;

    public HybridSearchRequest
    {
        requireNonNull(vector, "vector is null");
        requireNonNull(text, "text is null");
        projection = List.copyOf(requireNonNull(projection, "projection is null"));
        if (vector.isEmpty() && text.isEmpty()) {
            throw new IllegalArgumentException("neither a vector nor a text search");
        }
        if (rankConstant < 1 || size < 0) {
            throw new IllegalArgumentException("rankConstant < 1 or negative size");
        }
    }
}
