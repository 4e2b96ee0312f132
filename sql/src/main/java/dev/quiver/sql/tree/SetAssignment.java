package dev.quiver.sql.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** One element of a {@code SET a = 1, @b = 2, NAMES utf8mb4} list. */
public sealed interface SetAssignment
{
    /** {@code [GLOBAL|SESSION] name = value}; an empty value means {@code DEFAULT}. */
    record SystemVariable(VariableScope scope, String name, Optional<Expression> value)
            implements SetAssignment
    {
        public SystemVariable
        {
            requireNonNull(scope, "scope is null");
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    record UserVariable(String name, Expression value)
            implements SetAssignment
    {
        public UserVariable
        {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
        }
    }

    /** {@code NAMES cs [COLLATE c]}; an empty character set means {@code NAMES DEFAULT}. */
    record Names(Optional<String> characterSet, Optional<String> collation)
            implements SetAssignment
    {
        public Names
        {
            requireNonNull(characterSet, "characterSet is null");
            requireNonNull(collation, "collation is null");
        }
    }

    /** {@code CHARACTER SET cs} / {@code CHARSET cs}; empty means DEFAULT. */
    record CharacterSet(Optional<String> characterSet)
            implements SetAssignment
    {
        public CharacterSet
        {
            requireNonNull(characterSet, "characterSet is null");
        }
    }
}
