package dev.quiver.sql.tree;

import static java.util.Objects.requireNonNull;

/** The {@code LIKE 'pattern'} or {@code WHERE expr} tail of a SHOW statement. */
public sealed interface ShowFilter
{
    record Like(String pattern)
            implements ShowFilter
    {
        public Like
        {
            requireNonNull(pattern, "pattern is null");
        }
    }

    record Where(Expression condition)
            implements ShowFilter
    {
        public Where
        {
            requireNonNull(condition, "condition is null");
        }
    }
}
