package dev.quiver.sql.user;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.PasswordHash;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.Session;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.result.UpdateCountResult;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.security.Identity;
import dev.quiver.sql.session.Warning;
import dev.quiver.sql.type.SqlType;
import dev.quiver.sql.user.AccountStatement.UserReference;
import dev.quiver.sql.user.AccountStatement.UserSpecification;
import dev.quiver.storage.StorageEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * Runs the account statements against the {@link UserStore}, checking the caller's privileges first (CREATE USER for
 * account administration, GRANT OPTION plus the granted privileges for GRANT and REVOKE) and answering with MySQL 8's
 * errors and notes. A statement naming several accounts changes none of them when one fails, as MySQL 8 does.
 */
public final class AccountStatementExecutor
{
    private final UserStore store;
    private final StorageEngine storage;
    private final GrantStatements grants;
    private final AccessControl accessControl;

    public AccountStatementExecutor(UserStore store, StorageEngine storage, AccessControl accessControl)
    {
        this.store = requireNonNull(store, "store is null");
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.grants = new GrantStatements(store, storage, accessControl);
    }

    public QueryResult execute(AccountStatement statement, Session session)
    {
        return switch (statement) {
            case AccountStatement.CreateUser create -> createUser(create, session);
            case AccountStatement.AlterUser alter -> alterUser(alter, session);
            case AccountStatement.DropUser drop -> dropUser(drop, session);
            case AccountStatement.RenameUser rename -> renameUser(rename, session);
            case AccountStatement.SetPassword set -> setPassword(set, session);
            case AccountStatement.Grant grant -> grants.grant(grant, session);
            case AccountStatement.Revoke revoke -> grants.revoke(revoke, session);
            case AccountStatement.ShowGrants show -> showGrants(show, session);
            case AccountStatement.FlushPrivileges ignored -> {
                accessControl.checkCanAdministerAccounts(session.identity(), "RELOAD");
                store.edit(editor -> null);
                yield UpdateCountResult.EMPTY;
            }
        };
    }

    /** The account the session authenticated as (CURRENT_USER()). */
    static AccountName currentAccount(Session session)
    {
        Identity identity = session.identity();
        return new AccountName(identity.accountUser(), identity.accountHost());
    }

    static AccountName resolve(UserReference reference, Session session)
    {
        return reference.name().orElseGet(() -> currentAccount(session));
    }

    private void requireCreateUser(PrivilegeModel model, Session session)
    {
        accessControl.checkCanAdministerAccounts(session.identity(), "CREATE USER");
    }

    private QueryResult createUser(AccountStatement.CreateUser create, Session session)
    {
        return store.edit(editor -> {
            PrivilegeModel model = editor.model();
            requireCreateUser(model, session);
            List<Account> created = new ArrayList<>();
            List<AccountName> failed = new ArrayList<>();
            List<Warning> notes = new ArrayList<>();
            for (UserSpecification each : create.users()) {
                AccountName name = resolve(each.user(), session);
                if (model.account(name).isPresent() || created.stream().anyMatch(account -> account.name().equals(name))) {
                    if (create.ifNotExists()) {
                        notes.add(Warning.of(Warning.Level.Note, ErrorCode.ER_USER_ALREADY_EXISTS, name.quoted()));
                        continue;
                    }
                    failed.add(name);
                    continue;
                }
                created.add(new Account(name, plugin(each.plugin()), PasswordHash.of(each.password().orElse("")), AccountGrants.NONE));
            }
            if (!failed.isEmpty()) {
                throw failure(create.kind(), failed);
            }
            created.forEach(editor::create);
            notes.forEach(session::addWarning);
            return UpdateCountResult.EMPTY;
        });
    }

    private QueryResult alterUser(AccountStatement.AlterUser alter, Session session)
    {
        return store.edit(editor -> {
            PrivilegeModel model = editor.model();
            boolean onlySelf = alter.users().stream().allMatch(each -> resolve(each.user(), session).equals(currentAccount(session)));
            if (!onlySelf) {
                requireCreateUser(model, session);
            }
            List<Account> changed = new ArrayList<>();
            List<AccountName> failed = new ArrayList<>();
            List<Warning> notes = new ArrayList<>();
            for (UserSpecification each : alter.users()) {
                AccountName name = resolve(each.user(), session);
                Optional<Account> account = model.account(name);
                if (account.isEmpty()) {
                    if (alter.ifExists()) {
                        notes.add(Warning.of(Warning.Level.Note, ErrorCode.ER_USER_DOES_NOT_EXIST, name.quoted()));
                    }
                    else {
                        failed.add(name);
                    }
                    continue;
                }
                Account current = account.get();
                String plugin = each.plugin().isPresent() ? plugin(each.plugin()) : current.plugin();
                PasswordHash password = each.password().map(PasswordHash::of).orElse(each.plugin().isPresent() ? PasswordHash.EMPTY : current.password());
                changed.add(new Account(name, plugin, password, current.grants()));
            }
            if (!failed.isEmpty()) {
                throw failure(alter.kind(), failed);
            }
            changed.forEach(editor::saveAccount);
            notes.forEach(session::addWarning);
            return UpdateCountResult.EMPTY;
        });
    }

    private QueryResult dropUser(AccountStatement.DropUser drop, Session session)
    {
        return store.edit(editor -> {
            PrivilegeModel model = editor.model();
            requireCreateUser(model, session);
            List<AccountName> dropped = new ArrayList<>();
            List<AccountName> failed = new ArrayList<>();
            List<Warning> notes = new ArrayList<>();
            for (UserReference each : drop.users()) {
                AccountName name = resolve(each, session);
                if (model.account(name).isEmpty() || dropped.contains(name)) {
                    if (drop.ifExists()) {
                        notes.add(Warning.of(Warning.Level.Note, ErrorCode.ER_USER_DOES_NOT_EXIST, name.quoted()));
                    }
                    else {
                        failed.add(name);
                    }
                    continue;
                }
                dropped.add(name);
            }
            if (!failed.isEmpty()) {
                throw failure(drop.kind(), failed);
            }
            dropped.forEach(editor::drop);
            notes.forEach(session::addWarning);
            return UpdateCountResult.EMPTY;
        });
    }

    private QueryResult renameUser(AccountStatement.RenameUser rename, Session session)
    {
        return store.edit(editor -> {
            PrivilegeModel model = editor.model();
            requireCreateUser(model, session);
            java.util.Map<AccountName, Account> accounts = new java.util.TreeMap<>();
            model.accounts().forEach(each -> accounts.put(each.name(), each));
            List<AccountName> failed = new ArrayList<>();
            List<AccountName[]> moves = new ArrayList<>();
            for (int i = 0; i < rename.from().size(); i++) {
                AccountName from = resolve(rename.from().get(i), session);
                AccountName to = resolve(rename.to().get(i), session);
                if (!accounts.containsKey(from) || accounts.containsKey(to)) {
                    failed.add(from);
                    continue;
                }
                accounts.put(to, accounts.remove(from).withName(to));
                moves.add(new AccountName[] {from, to});
            }
            if (!failed.isEmpty()) {
                throw failure(rename.kind(), failed);
            }
            for (AccountName[] move : moves) {
                Account moved = editor.model().account(move[0]).orElseGet(() -> accounts.get(move[1]));
                editor.create(moved.withName(move[1]));
                editor.drop(move[0]);
            }
            return UpdateCountResult.EMPTY;
        });
    }

    private QueryResult setPassword(AccountStatement.SetPassword set, Session session)
    {
        return store.edit(editor -> {
            PrivilegeModel model = editor.model();
            AccountName name = resolve(set.user(), session);
            if (!name.equals(currentAccount(session))) {
                accessControl.checkCanManageOtherAccount(session.identity(), true);
            }
            Account account = model.account(name).orElseThrow(() -> new QuiverException(ErrorCode.ER_PASSWORD_NO_MATCH));
            editor.saveAccount(new Account(name, account.plugin(), PasswordHash.of(set.password()), account.grants()));
            return UpdateCountResult.EMPTY;
        });
    }

    private QueryResult showGrants(AccountStatement.ShowGrants show, Session session)
    {
        PrivilegeModel model = store.model();
        AccountName name = resolve(show.user(), session);
        if (!name.equals(currentAccount(session))) {
            accessControl.checkCanManageOtherAccount(session.identity(), false);
        }
        Account account = model.account(name)
                .orElseThrow(() -> new QuiverException(ErrorCode.ER_NONEXISTING_GRANT, name.user(), name.host()));
        List<Object[]> rows = new ArrayList<>();
        for (String each : ShowGrantsText.lines(account)) {
            rows.add(new Object[] {each});
        }
        return new RowsResult(List.of(SqlType.varchar(1024, false).toColumn("Grants for " + name.plain())), RowCursor.of(rows));
    }

    private static String plugin(Optional<String> plugin)
    {
        String name = plugin.orElse(Account.CACHING_SHA2_PASSWORD);
        if (!name.equals(Account.CACHING_SHA2_PASSWORD) && !name.equals(Account.MYSQL_NATIVE_PASSWORD)) {
            throw new QuiverException(ErrorCode.ER_PLUGIN_IS_NOT_LOADED, name);
        }
        return name;
    }

    static QuiverException failure(String kind, List<AccountName> failed)
    {
        return new QuiverException(ErrorCode.ER_CANNOT_USER, kind, failed.stream().map(AccountName::quoted).collect(Collectors.joining(",")));
    }
}
