package dev.quiver.sql;

import dev.quiver.sql.security.Identity;

import static java.util.Objects.requireNonNull;

/**
 * What the connection layer knows when it opens a session.
 *
 * @param clientFoundRows CLIENT_FOUND_ROWS: affected rows count matched rather than changed rows
 * @param multiStatements CLIENT_MULTI_STATEMENTS: a COM_QUERY may hold several statements
 */
public record SessionContext(long connectionId, Identity identity, boolean clientFoundRows, boolean multiStatements)
{
    public SessionContext
    {
        requireNonNull(identity, "identity is null");
    }
}
