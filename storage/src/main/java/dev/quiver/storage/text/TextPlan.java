package dev.quiver.storage.text;

import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.TextMode;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * A text search resolved against a table: the FULLTEXT index (its position among the table's indexes, which names
 * its field in a durable index), the positions of its columns, its analysis, the query, the filter an engine may
 * push into its index ({@code pushdown}, a superset condition) and the exact condition every returned row must pass
 * ({@code accept}: the filter and the residual; {@code acceptsAll} when it is known to accept every row, so an engine
 * need not read rows to test it), the limit, and the projection of the returned rows ({@code projection}: column
 * positions, null for whole rows).
 */
public record TextPlan(
        IndexDefinition index,
        int indexPosition,
        int[] columnPositions,
        TextAnalyzers.Spec spec,
        String query,
        TextMode mode,
        Filter pushdown,
        Predicate<Row> accept,
        boolean acceptsAll,
        OptionalInt limit,
        int[] projection)
{
    public TextPlan
    {
        requireNonNull(index, "index is null");
        columnPositions = columnPositions.clone();
        requireNonNull(spec, "spec is null");
        requireNonNull(query, "query is null");
        requireNonNull(mode, "mode is null");
        requireNonNull(pushdown, "pushdown is null");
        requireNonNull(accept, "accept is null");
        requireNonNull(limit, "limit is null");
        projection = projection == null ? null : projection.clone();
    }

    /** The row as returned: projected, or whole. */
    public Row project(Row row)
    {
        return projection == null ? row : row.project(projection);
    }

    /** The name of the index field of the FULLTEXT index at {@code indexPosition} in a durable index. */
    public static String field(int indexPosition)
    {
        return "_ft" + indexPosition;
    }

    public String field()
    {
        return field(indexPosition);
    }

    public AnalyzedText analyze(Row row)
    {
        return analyze(row, columnPositions, spec);
    }

    /** The text of a row's indexed columns (string values; other values and NULL contribute nothing), analysed. */
    public static AnalyzedText analyze(Row row, int[] columnPositions, TextAnalyzers.Spec spec)
    {
        List<String> values = new ArrayList<>(columnPositions.length);
        for (int position : columnPositions) {
            values.add(row.get(position) instanceof Value.StringValue text ? text.value() : null);
        }
        return AnalyzedText.analyze(TextAnalyzers.analyzer(spec), values);
    }

    public int limitOrMax()
    {
        return limit.orElse(Integer.MAX_VALUE);
    }
}
