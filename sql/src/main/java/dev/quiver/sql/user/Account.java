package dev.quiver.sql.user;

import dev.quiver.common.PasswordHash;

import static java.util.Objects.requireNonNull;

/**
 * One account as stored: its name, authentication plugin, password hashes and grants.
 */
public record Account(AccountName name, String plugin, PasswordHash password, AccountGrants grants)
{
    public static final String CACHING_SHA2_PASSWORD = "caching_sha2_password";
    public static final String MYSQL_NATIVE_PASSWORD = "mysql_native_password";

    public Account
    {
        requireNonNull(name, "name is null");
        requireNonNull(plugin, "plugin is null");
        requireNonNull(password, "password is null");
        requireNonNull(grants, "grants is null");
    }

    public Account withGrants(AccountGrants newGrants)
    {
        return new Account(name, plugin, password, newGrants);
    }

    public Account withName(AccountName newName)
    {
        return new Account(newName, plugin, password, grants);
    }
}
