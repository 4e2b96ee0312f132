package dev.quiver.sql.user;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable snapshot of every account and grant, as loaded from the grant tables: what logins match and what
 * statements are checked against. Replaced as a whole after every change.
 */
public final class PrivilegeModel
{
    public static final PrivilegeModel EMPTY = new PrivilegeModel(List.of());

    private final Map<AccountName, Account> accounts = new TreeMap<>();
    private final List<Account> loginOrder;

    public PrivilegeModel(Collection<Account> accounts)
    {
        for (Account each : accounts) {
            this.accounts.put(each.name(), each);
        }
        List<Account> ordered = new ArrayList<>(this.accounts.values());
        ordered.sort((left, right) -> HostPattern.MOST_SPECIFIC_FIRST.compare(left.name(), right.name()));
        this.loginOrder = List.copyOf(ordered);
    }

    public Optional<Account> account(AccountName name)
    {
        return Optional.ofNullable(accounts.get(name));
    }

    /** Every account, sorted by user then host. */
    public Collection<Account> accounts()
    {
        return accounts.values();
    }

    /**
     * The account a login as {@code user} from {@code clientHost} maps to: the first, most specific host pattern
     * that matches, with named users before the anonymous user for the same host.
     */
    public Optional<Account> match(String user, String clientHost)
    {
        for (Account each : loginOrder) {
            if ((each.name().user().equals(user) || each.name().user().isEmpty()) && HostPattern.matches(each.name().host(), clientHost)) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }

    /** The grants of an account; none when the account no longer exists (dropped while its sessions stay open). */
    public AccountGrants grantsOf(AccountName name)
    {
        Account account = accounts.get(name);
        return account == null ? AccountGrants.NONE : account.grants();
    }
}
