package dev.quiver.sql;

import dev.quiver.sql.parser.ParsedStatement;
import dev.quiver.sql.result.ResultColumn;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A statement prepared once (COM_STMT_PREPARE) and executed many times with bound parameters.
 *
 * @param columns the result columns when known without executing, else empty
 */
public record PreparedQuery(String sql, int parameterCount, List<ResultColumn> columns, ParsedStatement statement)
{
    public PreparedQuery
    {
        requireNonNull(sql, "sql is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        requireNonNull(statement, "statement is null");
    }
}
