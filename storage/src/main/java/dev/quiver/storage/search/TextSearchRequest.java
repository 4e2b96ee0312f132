package dev.quiver.storage.search;

import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * {@code MATCH(columns) AGAINST(query mode)}: the rows matching the text query through the FULLTEXT index over exactly
 * {@code columns} (MySQL's rule; none is {@code ER_FT_MATCHING_KEY_NOT_FOUND}), analysed with that index's parser,
 * restricted to {@code filter} and {@code residual}, best BM25 score first, at most {@code limit} (empty: all of them),
 * each projected to {@code projection} (empty: every column) with its score. Rows written by an acknowledged statement
 * are found at once.
 */
public record TextSearchRequest(
        List<String> columns,
        String query,
        TextMode mode,
        Filter filter,
        Predicate<Row> residual,
        OptionalInt limit,
        List<String> projection)
{
    public TextSearchRequest
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(query, "query is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(filter, "filter is null");
        requireNonNull(residual, "residual is null");
        requireNonNull(limit, "limit is null");
        projection = List.copyOf(requireNonNull(projection, "projection is null"));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no columns");
        }
    }

    /**
     * The residual that accepts every row. An engine seeing it (and {@code Filter.ALL}) knows every row the text query
     * matches is accepted, so it need not read rows to test them; any other predicate is tested on each row.
     */
    public static final Predicate<Row> NO_RESIDUAL = row -> true;

    public static TextSearchRequest of(String column, String query, TextMode mode)
    {
        return new TextSearchRequest(List.of(column), query, mode, Filter.ALL, NO_RESIDUAL, OptionalInt.empty(), List.of());
    }

    public TextSearchRequest withFilter(Filter newFilter)
    {
        return new TextSearchRequest(columns, query, mode, newFilter, residual, limit, projection);
    }

    public TextSearchRequest withLimit(int newLimit)
    {
        return new TextSearchRequest(columns, query, mode, filter, residual, OptionalInt.of(newLimit), projection);
    }
}
