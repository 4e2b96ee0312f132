package dev.quiver.sql.user;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.quiver.common.PasswordHash;
import dev.quiver.sql.security.Privilege;
import dev.quiver.storage.StorageEngine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
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
    private final AccountRedoLog log;
    private final LoadingCache<String, PrivilegeModel> cache;
    private final Object changes = new Object();

    /** Opens the store; an account statement a crash interrupted is completed first ({@link AccountRedoLog}). */
    public UserStore(StorageEngine storage)
    {
        this(storage, () -> {});
    }

    /** {@code beforeWrite} runs before every grant table write (and redo log write): a crash test's fault hook. */
    public UserStore(StorageEngine storage, Runnable beforeWrite)
    {
        this.tables = new GrantTables(requireNonNull(storage, "storage is null"));
        this.log = new AccountRedoLog(storage, tables, beforeWrite);
        synchronized (changes) {
            log.recover();
        }
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
                log.commit(List.of(tables.accountRow(new Account(new AccountName("root", "%"), Account.CACHING_SHA2_PASSWORD, rootPassword, grants))));
                return true;
            }
            finally {
                cache.invalidateAll();
            }
        }
    }

    /**
     * Runs one account statement's change under the store's lock: the change validates against the snapshot and queues
     * its row changes with the {@link Editor}; when it returns they are committed all-or-nothing through the
     * {@link AccountRedoLog} (nothing is written when it throws). The snapshot is reloaded afterwards.
     */
    public <T> T edit(Function<Editor, T> change)
    {
        synchronized (changes) {
            try {
                Editor editor = new Editor(model());
                T result = change.apply(editor);
                log.commit(editor.changes);
                return result;
            }
            finally {
                cache.invalidateAll();
            }
        }
    }

    /** The current snapshot and the writes a change queues; valid only inside {@link #edit}. */
    public final class Editor
    {
        private final PrivilegeModel model;
        private final List<GrantRowChange> changes = new ArrayList<>();

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
            changes.add(tables.accountRow(account));
            changes.addAll(tables.grantChanges(account.name(), AccountGrants.NONE, account.grants()));
        }

        /** Writes an account's authentication data and global privileges. */
        public void saveAccount(Account account)
        {
            changes.add(tables.accountRow(account));
        }

        public void saveGrants(Account before, Account after)
        {
            if (!before.grants().global().equals(after.grants().global())) {
                changes.add(tables.accountRow(after));
            }
            changes.addAll(tables.grantChanges(after.name(), before.grants(), after.grants()));
        }

        public void drop(AccountName name)
        {
            changes.addAll(GrantTables.accountDeletion(name));
        }
    }
}
