package dev.quiver.sql.tree;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** What a SELECT reads from: one table, or joins of them (a comma join is an inner join without ON). */
public sealed interface FromItem
{
    /** A table as written, with its alias ({@code FROM t AS x}). */
    record TableReference(TableName table, Optional<String> alias)
            implements FromItem
    {
        public TableReference
        {
            requireNonNull(table, "table is null");
            requireNonNull(alias, "alias is null");
        }

        /** The name its columns are qualified with: the alias, else the table name. */
        public String label()
        {
            return alias.orElse(table.name());
        }
    }

    enum JoinKind
    {
        INNER, LEFT
    }

    /**
     * {@code left [INNER|LEFT] JOIN right ON condition | USING (columns)}; a RIGHT JOIN is built as a LEFT JOIN with
     * the sides swapped.
     */
    record Join(JoinKind kind, FromItem left, FromItem right, Optional<Expression> on, List<String> using)
            implements FromItem
    {
        public Join
        {
            requireNonNull(kind, "kind is null");
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            requireNonNull(on, "on is null");
            using = List.copyOf(requireNonNull(using, "using is null"));
        }
    }
}
