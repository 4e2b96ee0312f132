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

    /** The distance between two vectors of equal length, in this metric's smaller-is-closer orientation. */
    public double distance(float[] a, float[] b)
    {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of different dimensions: " + a.length + " and " + b.length);
        }
        return switch (this) {
            case L2 -> {
                double sum = 0;
                for (int i = 0; i < a.length; i++) {
                    double d = (double) a[i] - b[i];
                    sum += d * d;
                }
                yield Math.sqrt(sum);
            }
            case COSINE -> {
                double dot = 0;
                double normA = 0;
                double normB = 0;
                for (int i = 0; i < a.length; i++) {
                    dot += (double) a[i] * b[i];
                    normA += (double) a[i] * a[i];
                    normB += (double) b[i] * b[i];
                }
                if (normA == 0 || normB == 0) {
                    yield Double.NaN;
                }
                yield 1 - dot / (Math.sqrt(normA) * Math.sqrt(normB));
            }
            case INNER_PRODUCT -> {
                double dot = 0;
                for (int i = 0; i < a.length; i++) {
                    dot += (double) a[i] * b[i];
                }
                yield -dot;
            }
        };
    }
}
