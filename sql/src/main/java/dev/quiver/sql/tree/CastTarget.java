package dev.quiver.sql.tree;

import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * The target of {@code CAST(x AS ...)} / {@code CONVERT(x, ...)}.
 *
 * @param length character/byte length for CHAR(n)/BINARY(n), precision for DECIMAL(p, s)
 */
public record CastTarget(Kind kind, OptionalInt length, OptionalInt scale)
{
    public enum Kind
    {
        SIGNED, UNSIGNED, DECIMAL, DOUBLE, FLOAT, CHAR, BINARY, DATE, DATETIME, TIME, JSON
    }

    public CastTarget
    {
        requireNonNull(kind, "kind is null");
        requireNonNull(length, "length is null");
        requireNonNull(scale, "scale is null");
    }

    public static CastTarget of(Kind kind)
    {
        return new CastTarget(kind, OptionalInt.empty(), OptionalInt.empty());
    }
}
