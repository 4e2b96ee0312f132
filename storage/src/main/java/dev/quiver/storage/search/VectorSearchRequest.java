package dev.quiver.storage.search;

import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * The {@code k} rows nearest to {@code query} in VECTOR column {@code column} under {@code metric}, among the rows
 * matching {@code filter} (pushed into the search, as a pre-filter) and then {@code residual} (a predicate the
 * engine cannot index, e.g. SQL's REGEXP; the engine keeps searching until {@code k} rows pass it or none are left).
 * Rows whose vector is NULL never match. Results come nearest first, each projected to {@code projection} (empty:
 * every column) with its distance as the score. {@code efSearch} overrides the index's {@code ef_search} (the
 * session's {@code ob_hnsw_ef_search}); it is raised to at least {@code k}.
 */
public record VectorSearchRequest(
        String column,
        float[] query,
        VectorMetric metric,
        int k,
        Filter filter,
        Predicate<Row> residual,
        SearchStrategy strategy,
        OptionalInt efSearch,
        List<String> projection)
{
    /**
     * The residual of a search without one (the same object as {@link TextSearchRequest#NO_RESIDUAL}): an engine may
     * then accept candidates without reading their rows.
     */
    public static final Predicate<Row> NO_RESIDUAL = TextSearchRequest.NO_RESIDUAL;

    public VectorSearchRequest
    {
        requireNonNull(column, "column is null");
        query = requireNonNull(query, "query is null").clone();
        requireNonNull(metric, "metric is null");
        requireNonNull(filter, "filter is null");
        requireNonNull(residual, "residual is null");
        requireNonNull(strategy, "strategy is null");
        requireNonNull(efSearch, "efSearch is null");
        projection = List.copyOf(requireNonNull(projection, "projection is null"));
        if (k < 0) {
            throw new IllegalArgumentException("negative k");
        }
    }

    /** An unfiltered search of every column. */
    public static VectorSearchRequest of(String column, float[] query, VectorMetric metric, int k, SearchStrategy strategy)
    {
        return new VectorSearchRequest(column, query, metric, k, Filter.ALL, NO_RESIDUAL, strategy, OptionalInt.empty(), List.of());
    }

    public VectorSearchRequest withFilter(Filter newFilter)
    {
        return new VectorSearchRequest(column, query, metric, k, newFilter, residual, strategy, efSearch, projection);
    }

    public VectorSearchRequest withEfSearch(int ef)
    {
        return new VectorSearchRequest(column, query, metric, k, filter, residual, strategy, OptionalInt.of(ef), projection);
    }

    @Override
    public float[] query()
    {
        return query.clone();
    }
}
