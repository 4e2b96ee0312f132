package dev.quiver.wire.spi;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What COM_STMT_PREPARE answers: the number of {@code ?} parameters and the result columns (empty when the
 * statement returns no rows or its columns are only known at execution). {@code handle} is the
 * handler's own prepared form; the wire layer keeps it with the statement id and passes it back on execute.
 */
public record PreparedStatementInfo(String sql, int parameterCount, List<ColumnDescriptor> columns, Object handle)
{
    public PreparedStatementInfo
    {
        requireNonNull(sql, "sql is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }
}
