package dev.quiver.client;

import static java.util.Objects.requireNonNull;

/**
 * The metric of a collection's vector index, with the seekdb SQL function that computes it.
 * {@link #INNER_PRODUCT} is a similarity: queries order by it descending and the returned
 * "distance" is the raw inner product.
 */
public enum Distance
{
    /** Euclidean distance ({@code l2_distance}), ascending. */
    L2("l2", "l2_distance", false),
    /** One minus cosine similarity ({@code cosine_distance}), ascending; seekdb's default. */
    COSINE("cosine", "cosine_distance", false),
    /** Dot product ({@code inner_product}), descending. */
    INNER_PRODUCT("inner_product", "inner_product", true);

    private final String settingName;
    private final String functionName;
    private final boolean descending;

    Distance(String settingName, String functionName, boolean descending)
    {
        this.settingName = settingName;
        this.functionName = functionName;
        this.descending = descending;
    }

    /** The name in DDL ({@code WITH(distance=l2, ...)}) and in {@code sdk_collections.settings}. */
    public String settingName()
    {
        return settingName;
    }

    /** The SQL function computing the metric, e.g. {@code l2_distance}. */
    public String functionName()
    {
        return functionName;
    }

    /** Whether nearest neighbours come first in descending order (inner product). */
    public boolean descending()
    {
        return descending;
    }

    /** The metric for a settings or DDL name such as {@code l2}, {@code cosine}, {@code inner_product} (any case). */
    public static Distance fromSettingName(String name)
    {
        requireNonNull(name, "name is null");
        for (Distance each : values()) {
            if (each.settingName.equalsIgnoreCase(name)) {
                return each;
            }
        }
        throw new ValidationException("Unknown distance '%s': expected l2, cosine or inner_product".formatted(name));
    }
}
