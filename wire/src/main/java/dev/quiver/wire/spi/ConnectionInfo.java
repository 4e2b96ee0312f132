package dev.quiver.wire.spi;

import static java.util.Objects.requireNonNull;

/**
 * The authenticated connection, as the handler sees it.
 *
 * @param connectionId the id sent in the handshake (CONNECTION_ID())
 * @param user the user name the client logged in with (USER(); a {@code user@tenant} login name is already mapped to
 *        {@code user})
 * @param host the client's host as MySQL reports it in USER() ({@code 127.0.0.1}, {@code localhost}, ...)
 * @param accountUser the user part of the matched account (CURRENT_USER()): {@code user}, or empty for an anonymous
 *        account, whose sessions are checked as the anonymous user whatever name they gave
 * @param accountHost the host part of the matched account (CURRENT_USER()), e.g. {@code %}
 * @param clientFoundRows CLIENT_FOUND_ROWS was negotiated: affected rows count matched, not changed, rows
 * @param multiStatements CLIENT_MULTI_STATEMENTS is in effect
 * @param interactive the client set CLIENT_INTERACTIVE: its idle timeout is {@code interactive_timeout}
 */
public record ConnectionInfo(
        long connectionId,
        String user,
        String host,
        String accountUser,
        String accountHost,
        boolean clientFoundRows,
        boolean multiStatements,
        boolean interactive)
{
    public ConnectionInfo
    {
        requireNonNull(user, "user is null");
        requireNonNull(host, "host is null");
        requireNonNull(accountUser, "accountUser is null");
        requireNonNull(accountHost, "accountHost is null");
    }
}
