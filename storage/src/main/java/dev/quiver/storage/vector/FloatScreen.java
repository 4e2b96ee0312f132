package dev.quiver.storage.vector;

import dev.quiver.storage.search.VectorMetric;
import org.apache.lucene.util.VectorUtil;

import static java.util.Objects.requireNonNull;

/**
 * A cheap lower bound of a distance, so that an exact scan can rank thousands of vectors with Lucene's float kernels
 * ({@link VectorUtil}, Panama SIMD where the JVM has it) and compute seekdb's exact distance
 * ({@link VectorMetric#distance}, in doubles) only for the few that may rank among the results.
 *
 * <p>The bound rests on the classical rounding error of a floating-point sum, whatever the order of its additions (so
 * also for the lane-wise sums of a SIMD kernel): with unit roundoff {@code u = 2^-24} and {@code n} terms,
 * {@code |fl(sum x_i) - sum x_i| <= gamma_n * sum |x_i|} where {@code gamma_n = n u / (1 - n u)}. For the squared L2
 * distance the terms are non-negative, so the error is relative to the result; for a dot product it is at most
 * {@code gamma_n * |a| |b|} (Cauchy-Schwarz), which needs the stored vector's norm (a second kernel pass) for the inner
 * product and is at most {@code gamma_n} on the cosine. The margin used is four times these bounds plus an absolute
 * term for subnormal products, which also covers the double computation's own rounding (about {@code n * 2^-53}).
 * When a float result is not finite or its norms are too small to bound (overflow, underflow, a zero vector), no bound
 * is given and the caller computes the distance exactly.
 */
public final class FloatScreen
{
    /** Norms below this (squared) are too close to float's subnormal range to bound relative errors. */
    private static final double TINY = 0x1p-100;

    private final VectorMetric metric;
    private final float[] query;
    /** Four times gamma_(n+2): the relative margin. */
    private final double relative;
    /** An absolute margin for products that fall into float's subnormal range (each off by at most 2^-149). */
    private final double absolute;
    /** The query's squared norm, in doubles. */
    private final double queryNormSquared;

    private FloatScreen(VectorMetric metric, float[] query)
    {
        this.metric = requireNonNull(metric, "metric is null");
        this.query = requireNonNull(query, "query is null");
        int n = query.length + 2;
        this.relative = 4.0 * n * 0x1p-24 / (1 - n * 0x1p-24);
        this.absolute = 4.0 * n * 0x1p-140;
        double norm = 0;
        for (float value : query) {
            norm += (double) value * value;
        }
        this.queryNormSquared = norm;
    }

    /** A screen for distances to {@code query} (not copied: do not change it) in {@code metric}. */
    public static FloatScreen of(VectorMetric metric, float[] query)
    {
        return new FloatScreen(metric, query);
    }

    /**
     * A value at most {@code metric.distance(query, stored)} and within a few float roundings of it, or NaN when the
     * float kernels cannot bound this pair (then compute the distance exactly). {@code stored} has the query's length.
     */
    public double lowerBound(float[] stored)
    {
        return switch (metric) {
            case L2 -> {
                float square = squareDistance(query, stored);
                if (!Float.isFinite(square)) {
                    yield Double.NaN;
                }
                yield Math.sqrt(Math.max(0, square * (1 - relative) - absolute));
            }
            case INNER_PRODUCT -> {
                float dot = dotProduct(query, stored);
                float normSquared = dotProduct(stored, stored);
                if (!Float.isFinite(dot) || !Float.isFinite(normSquared)) {
                    yield Double.NaN;
                }
                double norms = Math.sqrt(queryNormSquared * (normSquared * (1 + relative) + absolute));
                yield -dot - relative * norms - absolute;
            }
            case COSINE -> {
                if (queryNormSquared < TINY) {
                    yield Double.NaN;
                }
                float dot = dotProduct(query, stored);
                float normSquared = dotProduct(stored, stored);
                if (!Float.isFinite(dot) || !Float.isFinite(normSquared) || normSquared < TINY) {
                    yield Double.NaN;
                }
                // |cos| <= 1: the dot product's error over the norms, and the norm's, are each at most gamma_n absolute
                yield 1 - dot / Math.sqrt(queryNormSquared * normSquared) - 2 * relative;
            }
        };
    }

    /**
     * For {@link VectorMetric#L2}: a value at most the query's distance to a stored vector whose Lucene EUCLIDEAN score
     * ({@code 1 / (1 + squareDistance)} in floats, what an HNSW walk of an unquantized field collects) is {@code score},
     * without reading the vector; NaN when the score bounds nothing. The float square distance is off by the relative
     * margin at most (its terms are non-negative), and {@code 1 + d} and the division each by one rounding, taken
     * four times over here.
     */
    public double lowerBoundFromEuclideanScore(float score)
    {
        if (metric != VectorMetric.L2 || !(score > 0) || !Float.isFinite(score)) {
            return Double.NaN;
        }
        double rounding = 4 * 0x1p-24;
        double onePlusSquare = (1 - rounding) / ((1 + rounding) * (double) score);
        double square = Math.max(0, onePlusSquare - 1);
        return Math.sqrt(Math.max(0, square * (1 - relative) - absolute));
    }

    // Lucene's kernels return a non-finite result as it is, and assert that it is finite when assertions are on (as in
    // tests): either way the pair gets no bound. Checking the stored vector's magnitude first would cost a scalar pass,
    // more than the kernel.

    private static float squareDistance(float[] a, float[] b)
    {
        try {
            return VectorUtil.squareDistance(a, b);
        }
        catch (AssertionError overflow) {
            return Float.NaN;
        }
    }

    private static float dotProduct(float[] a, float[] b)
    {
        try {
            return VectorUtil.dotProduct(a, b);
        }
        catch (AssertionError overflow) {
            return Float.NaN;
        }
    }
}
