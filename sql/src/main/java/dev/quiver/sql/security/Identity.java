package dev.quiver.sql.security;

import static java.util.Objects.requireNonNull;

/**
 * Who runs a statement: the login user and client host (USER()) and the matched account (CURRENT_USER()). The two user
 * names differ only for an anonymous account ({@code ''@host}): MySQL then checks every statement, and names the user
 * in its errors, as the anonymous user, while USER() keeps the name the client gave.
 */
public record Identity(String user, String clientHost, String accountUser, String accountHost)
{
    public Identity
    {
        requireNonNull(user, "user is null");
        requireNonNull(clientHost, "clientHost is null");
        requireNonNull(accountUser, "accountUser is null");
        requireNonNull(accountHost, "accountHost is null");
    }

    /** A session of a named account: the login name is the account's user. */
    public Identity(String user, String clientHost, String accountHost)
    {
        this(user, clientHost, user, accountHost);
    }
}
