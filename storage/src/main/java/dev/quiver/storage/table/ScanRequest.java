package dev.quiver.storage.table;

import dev.quiver.storage.filter.Filter;

import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A scan: rows matching {@code filter}, ordered by {@code order} (unordered rows come in primary-key order when
 * the engine can, otherwise in an unspecified but stable order), skipping {@code offset}, at most {@code limit},
 * each projected to {@code projection} (empty means every column, in table order).
 */
public record ScanRequest(Filter filter, List<String> projection, List<SortKey> order, long offset, OptionalLong limit)
{
    public ScanRequest
    {
        requireNonNull(filter, "filter is null");
        projection = List.copyOf(requireNonNull(projection, "projection is null"));
        order = List.copyOf(requireNonNull(order, "order is null"));
        requireNonNull(limit, "limit is null");
        if (offset < 0 || (limit.isPresent() && limit.getAsLong() < 0)) {
            throw new IllegalArgumentException("negative offset or limit");
        }
    }

    public static ScanRequest all()
    {
        return new ScanRequest(Filter.ALL, List.of(), List.of(), 0, OptionalLong.empty());
    }

    public static ScanRequest where(Filter filter)
    {
        return new ScanRequest(filter, List.of(), List.of(), 0, OptionalLong.empty());
    }

    public ScanRequest withProjection(String... columns)
    {
        return new ScanRequest(filter, List.of(columns), order, offset, limit);
    }

    public ScanRequest withOrder(SortKey... keys)
    {
        return new ScanRequest(filter, projection, List.of(keys), offset, limit);
    }

    public ScanRequest withLimit(long offset, long limit)
    {
        return new ScanRequest(filter, projection, order, offset, OptionalLong.of(limit));
    }
}
