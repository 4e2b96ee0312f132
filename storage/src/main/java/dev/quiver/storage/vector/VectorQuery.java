package dev.quiver.storage.vector;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.FilterEvaluator;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A {@link VectorSearchRequest} checked against a table definition, as a store runs it: the column's position, the
 * VECTOR index the search may use (one on the column whose distance is the request's metric, when the strategy is
 * APPROXIMATE), and the filter as an evaluator. Rows must pass both {@link #matchesFilter} and
 * {@link #matchesResidual}; the filter may be pushed into an index as a superset, the evaluator has the last word.
 */
public final class VectorQuery
{
    private final TableDefinition definition;
    private final VectorSearchRequest request;
    private final int column;
    private final float[] vector;
    private final Optional<IndexDefinition> index;
    private final Optional<VectorIndexOptions> options;
    private final FilterEvaluator filter;

    private VectorQuery(TableDefinition definition, VectorSearchRequest request, int column, float[] vector, Optional<IndexDefinition> index,
            Optional<VectorIndexOptions> options)
    {
        this.definition = definition;
        this.request = request;
        this.column = column;
        this.vector = vector;
        this.index = index;
        this.options = options;
        this.filter = new FilterEvaluator(definition, request.filter());
    }

    /**
     * Checks the request: {@code ER_BAD_FIELD_ERROR} for an unknown column, {@code ER_WRONG_ARGUMENTS} for a column
     * that is not a VECTOR, {@code ER_VECTOR_DIMENSION_MISMATCH} for a query of another dimension.
     */
    public static VectorQuery of(TableDefinition definition, VectorSearchRequest request)
    {
        requireNonNull(definition, "definition is null");
        requireNonNull(request, "request is null");
        int column = definition.requireColumn(request.column());
        if (!(definition.columns().get(column).type() instanceof ColumnType.VectorType type)) {
            throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, request.metric().optionName() + " distance on column '"
                    + definition.columns().get(column).name() + "', which is not a VECTOR");
        }
        float[] query = request.query();
        if (query.length != type.dimensions()) {
            throw new QuiverException(ErrorCode.ER_VECTOR_DIMENSION_MISMATCH, definition.columns().get(column).name(), type.dimensions(), query.length);
        }
        for (float value : query) {
            if (!Float.isFinite(value)) {
                throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "a vector search (the query vector has a non-finite value)");
            }
        }
        if (request.strategy() == SearchStrategy.APPROXIMATE) {
            String name = definition.columns().get(column).name();
            for (IndexDefinition each : definition.indexes()) {
                if (each.kind() == IndexDefinition.Kind.VECTOR && each.columns().get(0).equalsIgnoreCase(name)) {
                    VectorIndexOptions options = VectorIndexOptions.of(each);
                    if (options.metric() == request.metric()) {
                        return new VectorQuery(definition, request, column, query, Optional.of(each), Optional.of(options));
                    }
                }
            }
        }
        return new VectorQuery(definition, request, column, query, Optional.empty(), Optional.empty());
    }

    public TableDefinition definition()
    {
        return definition;
    }

    public VectorSearchRequest request()
    {
        return request;
    }

    /** Position of the VECTOR column. */
    public int column()
    {
        return column;
    }

    public VectorMetric metric()
    {
        return request.metric();
    }

    public int k()
    {
        return request.k();
    }

    /** The query vector (not a copy: do not change it). */
    public float[] vector()
    {
        return vector;
    }

    /** The VECTOR index an approximate search may use; empty for an exact search or when there is none. */
    public Optional<IndexDefinition> index()
    {
        return index;
    }

    public Optional<VectorIndexOptions> options()
    {
        return options;
    }

    /**
     * How many candidates the graph search collects: {@code ef_search} (the request's, else the index's), at least
     * {@code k}, and for the quantized types at least {@code k * refine_k} (over-collect before rescoring).
     */
    public int candidates()
    {
        VectorIndexOptions indexOptions = options.orElseThrow();
        int ef = request.efSearch().orElse(indexOptions.efSearch());
        int wanted = Math.max(ef, request.k());
        if (indexOptions.type().quantized()) {
            wanted = (int) Math.max(wanted, Math.min(Integer.MAX_VALUE / 2, Math.ceil(request.k() * indexOptions.refineK())));
        }
        return Math.max(1, wanted);
    }

    public boolean matchesFilter(Row row)
    {
        return filter.matches(row);
    }

    public boolean matchesResidual(Row row)
    {
        return request.residual().test(row);
    }

    /** The row's distance to the query, or NaN when it has no vector or no distance (a zero vector under cosine). */
    public double distance(Row row)
    {
        if (!(row.get(column) instanceof dev.quiver.storage.row.Value.VectorValue value)) {
            return Double.NaN;
        }
        return distance(value.value());
    }

    /** The distance of a stored vector of the right dimension to the query (NaN when undefined). */
    public double distance(float[] stored)
    {
        return request.metric().distance(vector, stored);
    }
}
