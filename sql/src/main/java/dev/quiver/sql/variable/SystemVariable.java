package dev.quiver.sql.variable;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One system variable: where it lives, what it holds and its compiled default.
 *
 * @param defaultValue a {@link Long} for BOOLEAN and INTEGER, a {@link java.math.BigInteger} for the unsigned
 *         maximum, a {@link String} otherwise; null only for nullable character sets
 * @param allowedValues the values of an ENUM variable, in MySQL's order
 */
public record SystemVariable(String name, Scope scope, Kind kind, Object defaultValue, boolean readOnly, List<String> allowedValues)
{
    public enum Scope
    {
        GLOBAL, SESSION, BOTH;

        public boolean hasSession()
        {
            return this != GLOBAL;
        }

        public boolean hasGlobal()
        {
            return this != SESSION;
        }
    }

    public enum Kind
    {
        BOOLEAN, INTEGER, STRING, ENUM, SQL_MODE, CHARACTER_SET, NULLABLE_CHARACTER_SET, COLLATION, TIME_ZONE;

        public boolean isNumeric()
        {
            return this == BOOLEAN || this == INTEGER;
        }
    }

    public SystemVariable
    {
        requireNonNull(name, "name is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(kind, "kind is null");
        allowedValues = List.copyOf(requireNonNull(allowedValues, "allowedValues is null"));
    }
}
