package dev.quiver.sql.tree;

import dev.quiver.storage.catalog.ColumnType;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One column of CREATE TABLE as written: type, explicit nullability, default (a constant expression, or
 * {@code CURRENT_TIMESTAMP}, or a parenthesised expression evaluated per insert), key attributes and comment.
 */
public record ColumnSpec(
        String name,
        ColumnType type,
        Optional<Boolean> nullable,
        Optional<Expression> defaultValue,
        Optional<String> defaultText,
        boolean defaultIsExpression,
        boolean onUpdateCurrentTimestamp,
        boolean autoIncrement,
        boolean primaryKey,
        boolean unique,
        Optional<String> comment)
{
    public ColumnSpec
    {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(nullable, "nullable is null");
        requireNonNull(defaultValue, "defaultValue is null");
        requireNonNull(defaultText, "defaultText is null");
        requireNonNull(comment, "comment is null");
    }
}
