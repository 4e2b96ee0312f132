package dev.quiver.sql.user;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.quiver.common.PasswordHash;
import dev.quiver.sql.security.Privilege;
import dev.quiver.storage.StorageEngine;

import java.util.EnumSet;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Accounts and grants: stored durably in the {@code mysql} grant tables ({@link GrantTables}), read through one
 * Caffeine-cached {@link PrivilegeModel} snapshot that every change invalidates, so a GRANT or REVOKE is seen by the
 * next statement of every session. Changes are serialized; reads never wait for them.
 */
public final class UserStore
{
    private static final String SNAPSHOT = "accounts";

    private final GrantTables tables;
    private final LoadingCache<String, PrivilegeModel> cache;
    private final Object changes = new Object();

    public UserStore(StorageEngine storage)
    {
        this.tables = new GrantTables(requireNonNull(storage, "storage is null"));
        this.cache = Caffeine.newBuilder().maximumSize(1).build(ignored -> new PrivilegeModel(tables.load()));
    }

    /** The current accounts and grants. */
    public PrivilegeModel model()
    {
        return cache.get(SNAPSHOT);
    }

    /**
     * First start on a data directory without grant tables (a new one, or one from before accounts moved into the
     * catalog): creates the tables and {@code root@%} with every privilege and GRANT OPTION and the given password.
     * Returns true when it did; later starts leave everything as stored.
     */
    public boolean bootstrap(PasswordHash rootPassword)
    {
        requireNonNull(rootPassword, "rootPassword is null");
        synchronized (changes) {
            try {
                if (tables.exist() && !model().accounts().isEmpty()) {
                    return false;
                }
                tables.create();
                EnumSet<Privilege> all = EnumSet.allOf(Privilege.class);
                AccountGrants grants = AccountGrants.NONE.with(new GrantLevel.Global(), all, java.util.Map.of());
                tables.saveAccount(new Account(new AccountName("root", "%"), Account.CACHING_SHA2_PASSWORD, rootPassword, grants));
                return true;
            }
            finally {
                cache.invalidateAll();
            }
        }
    }

    /** Runs one account statement's change under the store's lock; the snapshot is reloaded afterwards. */
    public <T> T edit(Function<Editor, T> change)
    {
        synchronized (changes) {
            try {
                return change.apply(new Editor(model()));
            }
            finally {
                cache.invalidateAll();
            }
        }
    }

    /** The current snapshot and the writes a change may make; valid only inside {@link #edit}. */
    public final class Editor
    {
        private final PrivilegeModel model;

        private Editor(PrivilegeModel model)
        {
            this.model = model;
        }

        public PrivilegeModel model()
        {
            return model;
        }

        public void create(Account account)
        {
            tables.create();
            tables.saveAccount(account);
            tables.saveGrants(account.name(), AccountGrants.NONE, account.grants());
        }

        /** Writes an account's authentication data and global privileges. */
        public void saveAccount(Account account)
        {
            tables.saveAccount(account);
        }

        public void saveGrants(Account before, Account after)
        {
            if (!before.grants().global().equals(after.grants().global())) {
                tables.saveAccount(after);
            }
            tables.saveGrants(after.name(), before.grants(), after.grants());
        }

        public void drop(AccountName name)
        {
            tables.deleteAccount(name);
        }
    }
}
