package dev.quiver.storage.search;

/** The access path a search actually took, for EXPLAIN and for tests that must prove the index ran. */
public enum SearchAccess
{
    /** The HNSW graph of a VECTOR index (plus exact scoring of rows not yet in it). */
    VECTOR_INDEX,
    /** Every row passing the filter was scored exactly. */
    EXACT_SCAN,
    /** The inverted index of a FULLTEXT index. */
    FULLTEXT_INDEX,
    /** Both a vector and a full-text search, fused by reciprocal rank. */
    HYBRID
}
