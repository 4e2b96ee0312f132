package dev.quiver.sql.expression;

import dev.quiver.sql.type.SqlType;
import dev.quiver.sql.type.SqlType.Kind;

import java.util.List;

/** MySQL's rules for the type of an expression that merges several (IF, CASE, COALESCE) and for text lengths. */
public final class TypeDerivation
{
    private TypeDerivation()
    {
    }

    /**
     * The aggregated type of result branches (UNION columns, CASE, IF, IFNULL, COALESCE); NULL branches do not count.
     * JSON with JSON (or NULL) stays JSON; JSON with anything else is text (MySQL 8's merge rules make it VARCHAR, and
     * its length a LONGTEXT's). MariaDB has no JSON type (its JSON is LONGTEXT), so there every such result is text.
     */
    public static SqlType common(List<SqlType> types)
    {
        List<SqlType> typed = types.stream().filter(each -> each.kind() != Kind.NULL).toList();
        boolean nullable = types.stream().anyMatch(SqlType::nullable);
        if (typed.isEmpty()) {
            return SqlType.nullType();
        }
        if (typed.stream().anyMatch(each -> each.kind() == Kind.JSON)) {
            if (typed.stream().allMatch(each -> each.kind() == Kind.JSON)) {
                return SqlType.json(nullable);
            }
            return typed.stream().anyMatch(each -> each.kind() == Kind.VARBINARY)
                    ? SqlType.varbinary(SqlType.LONGTEXT_CHARACTERS * 4, nullable)
                    : SqlType.varchar(SqlType.LONGTEXT_CHARACTERS, nullable);
        }
        if (typed.stream().allMatch(each -> each.kind() == typed.get(0).kind()) && typed.get(0).kind() != Kind.DECIMAL) {
            SqlType first = typed.get(0);
            long length = typed.stream().mapToLong(SqlType::length).max().orElse(0);
            int scale = typed.stream().mapToInt(SqlType::scale).max().orElse(0);
            boolean unsigned = typed.stream().allMatch(SqlType::unsigned);
            return new SqlType(first.kind(), length, scale, nullable, unsigned);
        }
        if (typed.stream().anyMatch(each -> each.kind().isString() || each.kind().isTemporal())) {
            long length = typed.stream().mapToLong(TypeDerivation::textLength).max().orElse(0);
            if (typed.stream().anyMatch(each -> each.kind() == Kind.VARBINARY)) {
                return SqlType.varbinary(length, nullable);
            }
            return SqlType.varchar(length, nullable);
        }
        if (typed.stream().anyMatch(each -> each.kind() == Kind.DOUBLE)) {
            return SqlType.doubleType(nullable);
        }
        int scale = typed.stream().mapToInt(TypeDerivation::decimalScale).max().orElse(0);
        int integerDigits = typed.stream().mapToInt(each -> decimalPrecision(each) - decimalScale(each)).max().orElse(1);
        return SqlType.decimal(Math.min(65, integerDigits + scale), scale, nullable);
    }

    /** The characters needed to print a value of this type. */
    public static long textLength(SqlType type)
    {
        return switch (type.kind()) {
            case DECIMAL -> type.precision() + 2L;
            default -> type.length();
        };
    }

    public static int decimalPrecision(SqlType type)
    {
        return switch (type.kind()) {
            case BIGINT -> (int) Math.max(1, type.length());
            case DECIMAL -> type.precision();
            default -> 65;
        };
    }

    public static int decimalScale(SqlType type)
    {
        return type.kind() == Kind.DECIMAL ? type.scale() : 0;
    }
}
