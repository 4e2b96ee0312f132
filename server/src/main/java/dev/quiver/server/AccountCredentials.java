package dev.quiver.server;

import dev.quiver.sql.user.UserStore;
import dev.quiver.wire.spi.CredentialStore;
import dev.quiver.wire.spi.StoredCredential;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The wire layer's credential lookup, answered from the SQL layer's accounts (the grant tables' current snapshot). */
final class AccountCredentials
        implements CredentialStore
{
    private final UserStore users;

    AccountCredentials(UserStore users)
    {
        this.users = requireNonNull(users, "users is null");
    }

    @Override
    public Optional<StoredCredential> find(String user, String clientHost)
    {
        return users.model().match(user, clientHost)
                .map(account -> new StoredCredential(account.name().user(), account.name().host(), account.plugin(), account.password()));
    }
}
