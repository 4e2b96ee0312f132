package dev.quiver.storage.search;

import dev.quiver.storage.row.Row;

import static java.util.Objects.requireNonNull;

/**
 * A row a search returned, projected as the request asked, with its score: the distance (smaller is closer, in the
 * orientation of {@link VectorMetric}) for a vector search, the BM25 relevance (larger is better) for a text search,
 * the fused reciprocal-rank score (larger is better) for a hybrid search.
 */
public record ScoredRow(Row row, double score)
{
    public ScoredRow
    {
        requireNonNull(row, "row is null");
    }
}
