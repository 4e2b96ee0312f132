package dev.quiver.sql.parser;

import dev.quiver.sql.tree.Statement;

import static java.util.Objects.requireNonNull;

/**
 * One parsed statement: immutable, cached by its text and shared between sessions.
 *
 * @param sql the statement text as the client sent it (without the separating semicolon)
 * @param parameterCount the number of {@code ?} placeholders
 */
public record ParsedStatement(String sql, Statement statement, int parameterCount)
{
    public ParsedStatement
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(statement, "statement is null");
    }
}
