package dev.quiver.sql.tree;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** A table name as written: {@code t} or {@code db.t}; the session's database fills in a missing one. */
public record TableName(Optional<String> database, String name)
{
    public TableName
    {
        requireNonNull(database, "database is null");
        requireNonNull(name, "name is null");
    }
}
