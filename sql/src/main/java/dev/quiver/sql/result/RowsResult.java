package dev.quiver.sql.result;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A result set. The cursor streams; the consumer must close it. Row values are {@code null}, {@link Long},
 * {@link java.math.BigInteger} (unsigned BIGINT), {@link Double}, {@link Float}, {@link java.math.BigDecimal},
 * {@link String}, {@code byte[]}, {@link java.time.LocalDate}, {@link java.time.LocalDateTime} or
 * {@link java.time.Duration}, matching the column's {@link MySqlType}.
 */
public record RowsResult(List<ResultColumn> columns, RowCursor rows)
        implements QueryResult
{
    public RowsResult
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(rows, "rows is null");
    }
}
