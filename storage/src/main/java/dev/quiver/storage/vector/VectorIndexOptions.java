package dev.quiver.storage.vector;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.search.VectorMetric;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The options of a VECTOR index, as seekdb names them: {@code distance} (l2, cosine, inner_product; required),
 * {@code type} (hnsw, hnsw_sq, hnsw_bq; default hnsw), {@code m} (5..128, default 16), {@code ef_construction}
 * (5..1000, default 200, above m), {@code ef_search} (1..1000, default 64), {@code refine_k} (1..1000, default 4: the
 * over-collect factor of the quantized types, whose candidates are rescored at full precision), {@code lib} (vsag
 * only, accepted and ignored), {@code extra_info_max_size} and {@code comment} (accepted and ignored). Anything else
 * is {@code ER_NOT_SUPPORTED_YET}; a number out of range is {@code ER_WRONG_ARGUMENTS}.
 */
public record VectorIndexOptions(VectorMetric metric, Type type, int m, int efConstruction, int efSearch, double refineK)
{
    /** The most dimensions a VECTOR index takes (seekdb's HNSW limit; the column type itself allows more). */
    public static final int MAX_INDEXED_DIMENSIONS = 4096;
    public static final int DEFAULT_M = 16;
    public static final int DEFAULT_EF_CONSTRUCTION = 200;
    public static final int DEFAULT_EF_SEARCH = 64;
    public static final double DEFAULT_REFINE_K = 4;

    private static final Set<String> IGNORED = Set.of("lib", "extra_info_max_size", "comment");

    /** seekdb's HNSW index types. */
    public enum Type
    {
        /** Full-precision vectors in the graph. */
        HNSW,
        /** Scalar-quantized (7-bit) vectors in the graph, full precision kept for rescoring. */
        HNSW_SQ,
        /** Binary-quantized (1-bit) vectors in the graph, full precision kept for rescoring. */
        HNSW_BQ;

        public boolean quantized()
        {
            return this != HNSW;
        }
    }

    public VectorIndexOptions
    {
        requireNonNull(metric, "metric is null");
        requireNonNull(type, "type is null");
    }

    /** The options of a VECTOR index definition, validated. */
    public static VectorIndexOptions of(IndexDefinition index)
    {
        requireNonNull(index, "index is null");
        // every vector search asks (a definition and its options are immutable): parsed once per distinct definition;
        // the definition asked last is recognised by identity (hashing a definition hashes its options map)
        Parsed last = lastParsed;
        if (last != null && last.index() == index) {
            return last.options();
        }
        VectorIndexOptions parsed = PARSED.get(index);
        if (parsed == null) {
            parsed = parse(index);
            if (PARSED.size() >= 1024) {
                PARSED.clear();
            }
            PARSED.put(index, parsed);
        }
        lastParsed = new Parsed(index, parsed);
        return parsed;
    }

    private record Parsed(IndexDefinition index, VectorIndexOptions options) {}

    private static final java.util.concurrent.ConcurrentHashMap<IndexDefinition, VectorIndexOptions> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile Parsed lastParsed;

    private static VectorIndexOptions parse(IndexDefinition index)
    {
        if (index.kind() != IndexDefinition.Kind.VECTOR) {
            throw new IllegalArgumentException("not a VECTOR index: " + index.name());
        }
        Map<String, String> options = index.options();
        for (String key : options.keySet()) {
            if (!IGNORED.contains(key) && !Set.of("distance", "type", "m", "ef_construction", "ef_search", "refine_k").contains(key)) {
                throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "vector index option '" + key + "'");
            }
        }
        String distance = options.get("distance");
        if (distance == null) {
            throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "VECTOR INDEX " + index.name() + " (distance is required)");
        }
        VectorMetric metric = VectorMetric.fromOption(distance);
        Type type = type(options.getOrDefault("type", "hnsw"));
        String lib = options.get("lib");
        if (lib != null && !lib.equalsIgnoreCase("vsag")) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "vector index lib '" + lib + "'");
        }
        int m = integer(options, "m", DEFAULT_M, 5, 128);
        int efConstruction = integer(options, "ef_construction", DEFAULT_EF_CONSTRUCTION, 5, 1000);
        if (efConstruction <= m) {
            throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "VECTOR INDEX " + index.name() + " (ef_construction must be greater than m)");
        }
        int efSearch = integer(options, "ef_search", DEFAULT_EF_SEARCH, 1, 1000);
        double refineK = DEFAULT_REFINE_K;
        String refine = options.get("refine_k");
        if (refine != null) {
            try {
                refineK = Double.parseDouble(refine);
            }
            catch (NumberFormatException e) {
                refineK = Double.NaN;
            }
            if (!(refineK >= 1 && refineK <= 1000)) {
                throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "refine_k (from 1 to 1000)");
            }
        }
        return new VectorIndexOptions(metric, type, m, efConstruction, efSearch, refineK);
    }

    /**
     * Checks every VECTOR index of a definition: one VECTOR column of at most {@value #MAX_INDEXED_DIMENSIONS}
     * dimensions ({@code ER_WRONG_ARGUMENTS} / {@code ER_NOT_SUPPORTED_YET}) and valid options.
     */
    public static void validate(List<ColumnDefinition> columns, List<IndexDefinition> indexes)
    {
        for (IndexDefinition index : indexes) {
            if (index.kind() != IndexDefinition.Kind.VECTOR) {
                continue;
            }
            ColumnType type = columns.stream().filter(column -> column.name().equalsIgnoreCase(index.columns().get(0)))
                    .findFirst().orElseThrow().type();
            if (index.columns().size() != 1 || !(type instanceof ColumnType.VectorType vector)) {
                throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "VECTOR INDEX " + index.name() + " (it needs one VECTOR column)");
            }
            if (vector.dimensions() > MAX_INDEXED_DIMENSIONS) {
                throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "a vector index on more than " + MAX_INDEXED_DIMENSIONS + " dimensions");
            }
            of(index);
        }
    }

    private static Type type(String name)
    {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "hnsw" -> Type.HNSW;
            case "hnsw_sq" -> Type.HNSW_SQ;
            case "hnsw_bq" -> Type.HNSW_BQ;
            default -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "vector index type '" + name + "'");
        };
    }

    private static int integer(Map<String, String> options, String key, int defaultValue, int min, int max)
    {
        String text = options.get(key);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        }
        catch (NumberFormatException e) {
            // reported below
        }
        throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, key + " (from " + min + " to " + max + ")");
    }
}
