package dev.quiver.storage.search;

/**
 * How a vector search may run. {@link #APPROXIMATE} (SQL's {@code APPROXIMATE}/{@code APPROX}) lets the engine use
 * a VECTOR index on the column whose distance is the request's metric; the engine may still run it exactly when the
 * filter is selective enough that exact is faster and surer, or when no such index exists. {@link #EXACT} always
 * computes the distance of every row that passes the filter.
 */
public enum SearchStrategy
{
    APPROXIMATE, EXACT
}
