package dev.quiver.storage.catalog;

import dev.quiver.storage.row.Value;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One column: name, type, nullability, default and auto_increment. The default, when present, is already a value
 * of the column's stored kind (the SQL layer evaluates constant default expressions); {@code NULL} as an explicit
 * default is {@code Optional.of(Value.NULL)}. A column without a default that is nullable defaults to NULL; one
 * that is NOT NULL has no default ({@code ER_NO_DEFAULT_FOR_FIELD} when omitted).
 */
public record ColumnDefinition(String name, ColumnType type, boolean nullable, Optional<Value> defaultValue, boolean autoIncrement)
{
    public ColumnDefinition
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(defaultValue, "defaultValue is null");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("empty column name");
        }
        if (autoIncrement && !(type instanceof ColumnType.IntegerType)) {
            throw new IllegalArgumentException("auto_increment needs an integer column: " + name);
        }
    }

    /** A nullable column without an explicit default. */
    public static ColumnDefinition nullable(String name, ColumnType type)
    {
        return new ColumnDefinition(name, type, true, Optional.empty(), false);
    }

    /** A NOT NULL column without a default. */
    public static ColumnDefinition notNull(String name, ColumnType type)
    {
        return new ColumnDefinition(name, type, false, Optional.empty(), false);
    }

    public ColumnDefinition withDefault(Value value)
    {
        return new ColumnDefinition(name, type, nullable, Optional.of(value), autoIncrement);
    }

    public ColumnDefinition withAutoIncrement()
    {
        return new ColumnDefinition(name, type, false, defaultValue, true);
    }
}
