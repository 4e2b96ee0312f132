package dev.quiver.sql.security;

import static java.util.Objects.requireNonNull;

/**
 * Who runs a statement: the login user and client host (USER()) and the matched account (CURRENT_USER()).
 */
public record Identity(String user, String clientHost, String accountHost)
{
    public Identity
    {
        requireNonNull(user, "user is null");
        requireNonNull(clientHost, "clientHost is null");
        requireNonNull(accountHost, "accountHost is null");
    }
}
