package dev.quiver.sql.analyzer;

import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.type.SqlType;

import java.util.List;

import static java.util.Objects.requireNonNull;

/** A query after analysis: its output columns with their static types. */
public record QueryAnalysis(Statement.Query query, List<SqlType> types, List<ResultColumn> columns)
{
    public QueryAnalysis
    {
        requireNonNull(query, "query is null");
        types = List.copyOf(requireNonNull(types, "types is null"));
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
    }
}
