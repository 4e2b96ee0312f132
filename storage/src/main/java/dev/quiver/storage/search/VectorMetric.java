package dev.quiver.storage.search;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;

import java.util.Locale;

/**
 * The distances of seekdb, each oriented so that smaller is closer (the order a top-k search returns):
 * {@link #L2} is Euclidean distance (not squared), {@link #COSINE} is {@code 1 - cos(a, b)}, {@link #INNER_PRODUCT}
 * is the negative dot product ({@code negative_inner_product}; SQL's {@code inner_product(a, b)} is its negation).
 * The names are the {@code distance=} option of a VECTOR index.
 */
public enum VectorMetric
{
    L2("l2"), COSINE("cosine"), INNER_PRODUCT("inner_product");

    private final String optionName;

    VectorMetric(String optionName)
    {
        this.optionName = optionName;
    }

    /** The name used in {@code WITH (distance=...)}. */
    public String optionName()
    {
        return optionName;
    }

    /** The metric named by an index's {@code distance} option, case-insensitively. */
    public static VectorMetric fromOption(String name)
    {
        String lower = name.toLowerCase(Locale.ROOT);
        for (VectorMetric metric : values()) {
            if (metric.optionName.equals(lower)) {
                return metric;
            }
        }
        throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "vector distance '" + name + "'");
    }

    /**
     * The distance between two vectors of equal length, in this metric's smaller-is-closer orientation, computed in
     * doubles from the floats. Every sum runs in four interleaved lanes (element i into lane i mod 4, the lanes then
     * added as {@code (l0 + l1) + (l2 + l3)}): a fixed order, so the same bits on every machine and in every caller
     * (searches, scans, SQL's distance functions), with four independent additions in flight instead of one chain
     * ({@link LaneSums}; with the Vector API one 256-bit vector of doubles).
     */
    public double distance(float[] a, float[] b)
    {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different dimensions: " + a.length + " and " + b.length);
        }
        return switch (this) {
            case L2 -> Math.sqrt(squareDistance(a, b));
            case COSINE -> {
                double dot = dot(a, b);
                double normA = dot(a, a);
                double normB = dot(b, b);
                if (normA == 0 || normB == 0) {
                    yield Double.NaN;
                }
                yield 1 - dot / (Math.sqrt(normA) * Math.sqrt(normB));
            }
            case INNER_PRODUCT -> -dot(a, b);
        };
    }

    private static double squareDistance(float[] a, float[] b)
    {
        return LaneSums.INSTANCE.squareDistance(a, b);
    }

    private static double dot(float[] a, float[] b)
    {
        return LaneSums.INSTANCE.dot(a, b);
    }
}
