package dev.quiver.sql.expression;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.type.SqlType;
import dev.quiver.storage.search.VectorMetric;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * seekdb's vector distance functions over VECTOR values and vector text ({@code '[1,2,3]'}): {@code l2_distance}
 * (Euclidean), {@code l2_squared}, {@code cosine_distance} ({@code 1 - cos}), {@code inner_product} (the dot
 * product), {@code negative_inner_product} and {@code vector_distance(a, b[, metric])} (metric {@code l2},
 * {@code cosine}, {@code inner_product}/{@code ip}, as an index's {@code distance=} option; default l2). Each
 * returns DOUBLE, NULL when an argument is NULL, and fails with seekdb's "different vector dimensions" on a
 * dimension mismatch. The math is {@link VectorMetric}'s (float32 elements, double sums), so a distance computed
 * here equals the score an index search returns.
 */
public enum VectorFunctions
{
    L2_DISTANCE("l2_distance", 2, 2),
    L2_SQUARED("l2_squared", 2, 2),
    COSINE_DISTANCE("cosine_distance", 2, 2),
    INNER_PRODUCT("inner_product", 2, 2),
    NEGATIVE_INNER_PRODUCT("negative_inner_product", 2, 2),
    VECTOR_DISTANCE("vector_distance", 2, 3);

    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private final String functionName;
    private final int minimumArguments;
    private final int maximumArguments;

    VectorFunctions(String functionName, int minimumArguments, int maximumArguments)
    {
        this.functionName = functionName;
        this.minimumArguments = minimumArguments;
        this.maximumArguments = maximumArguments;
    }

    public String functionName()
    {
        return functionName;
    }

    public static Optional<VectorFunctions> find(String name)
    {
        String lower = name.toLowerCase(Locale.ROOT);
        for (VectorFunctions each : values()) {
            if (each.functionName.equals(lower)) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }

    /** ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT unless the argument count fits. */
    public void checkArity(String name, int count)
    {
        if (count < minimumArguments || count > maximumArguments) {
            throw new QuiverException(ErrorCode.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT, name);
        }
    }

    public SqlType returnType(List<SqlType> arguments)
    {
        return SqlType.doubleType(true);
    }

    /**
     * The storage metric whose top-k order is this function's ascending order ({@code ascending} true) or
     * descending order; empty when the order is the farthest first (no index can serve it).
     */
    public Optional<VectorMetric> searchMetric(boolean ascending, Optional<String> metricArgument)
    {
        VectorMetric metric = switch (this) {
            case L2_DISTANCE, L2_SQUARED -> VectorMetric.L2;
            case COSINE_DISTANCE -> VectorMetric.COSINE;
            case INNER_PRODUCT, NEGATIVE_INNER_PRODUCT -> VectorMetric.INNER_PRODUCT;
            case VECTOR_DISTANCE -> metricArgument.map(VectorFunctions::metric).orElse(VectorMetric.L2);
        };
        boolean similarity = this == INNER_PRODUCT;
        return ascending != similarity ? Optional.of(metric) : Optional.empty();
    }

    /** This function's value given the distance a search of {@code metric} scored (smaller is closer). */
    public double fromSearchScore(double score)
    {
        return switch (this) {
            case L2_SQUARED -> score * score;
            case INNER_PRODUCT -> -score;
            default -> score;
        };
    }

    /** The metric named by {@code vector_distance}'s third argument. */
    public static VectorMetric metric(String name)
    {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "l2", "euclidean" -> VectorMetric.L2;
            case "cosine" -> VectorMetric.COSINE;
            case "inner_product", "ip", "dot" -> VectorMetric.INNER_PRODUCT;
            default -> throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "vector_distance");
        };
    }

    /** Evaluates the function on evaluated arguments (vector text or NULL, and the metric name). */
    public Object invoke(List<Object> arguments)
    {
        if (arguments.get(0) == null || arguments.get(1) == null || (arguments.size() > 2 && arguments.get(2) == null)) {
            return null;
        }
        float[] left = parse(arguments.get(0), functionName);
        float[] right = parse(arguments.get(1), functionName);
        if (left.length != right.length) {
            throw new QuiverException(ErrorCode.ER_VECTOR_DIFFERENT_DIMENSIONS, left.length, right.length);
        }
        double result = switch (this) {
            case L2_DISTANCE -> VectorMetric.L2.distance(left, right);
            case L2_SQUARED -> {
                double distance = VectorMetric.L2.distance(left, right);
                yield distance * distance;
            }
            case COSINE_DISTANCE -> VectorMetric.COSINE.distance(left, right);
            case INNER_PRODUCT -> -VectorMetric.INNER_PRODUCT.distance(left, right);
            case NEGATIVE_INNER_PRODUCT -> VectorMetric.INNER_PRODUCT.distance(left, right);
            case VECTOR_DISTANCE -> {
                VectorMetric metric = arguments.size() > 2 ? metric(Values.text(arguments.get(2))) : VectorMetric.L2;
                yield metric == VectorMetric.INNER_PRODUCT ? -metric.distance(left, right) : metric.distance(left, right);
            }
        };
        // cosine of a zero vector is undefined: NULL, as seekdb answers
        return Double.isNaN(result) ? null : result;
    }

    /** seekdb's vector text ({@code [1, 2.5, -3e2]}, JSON numbers, finite float32 elements) as float32 elements. */
    public static float[] parse(Object value, String function)
    {
        String text = Values.text(value).strip();
        if (text.length() < 2 || text.charAt(0) != '[' || text.charAt(text.length() - 1) != ']') {
            throw invalid(function, "expected '[' ... ']'");
        }
        String body = text.substring(1, text.length() - 1).strip();
        if (body.isEmpty()) {
            throw invalid(function, "a vector needs at least one element");
        }
        String[] parts = body.split(",", -1);
        float[] elements = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].strip();
            if (!JSON_NUMBER.matcher(part).matches()) {
                throw invalid(function, "bad element '" + part + "'");
            }
            elements[i] = Float.parseFloat(part);
            if (!Float.isFinite(elements[i])) {
                throw invalid(function, "elements must be finite");
            }
        }
        return elements;
    }

    private static QuiverException invalid(String function, String detail)
    {
        return new QuiverException(ErrorCode.ER_INVALID_VECTOR_TEXT, function, detail);
    }
}
