package dev.quiver.sql.user;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.Session;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.UpdateCountResult;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.security.Privilege;
import dev.quiver.sql.user.AccountStatement.GrantTarget;
import dev.quiver.sql.user.AccountStatement.PrivilegeSpecification;
import dev.quiver.sql.user.AccountStatement.UserReference;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * GRANT and REVOKE: resolves the level and the privilege list (ALL, column lists), validates them as MySQL 8 does
 * (1221/1144 for a privilege the level cannot hold, 1146 and 1054 for a missing table or column, 1410 for an unknown
 * account, 1141/1147 for revoking what was never granted), checks that the caller holds GRANT OPTION and the
 * privileges it hands on, then stores the changed grants of every account.
 */
final class GrantStatements
{
    private final UserStore store;
    private final StorageEngine storage;
    private final AccessControl accessControl;

    GrantStatements(UserStore store, StorageEngine storage, AccessControl accessControl)
    {
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.store = requireNonNull(store, "store is null");
        this.storage = requireNonNull(storage, "storage is null");
    }

    /** A resolved privilege list: the level's privileges and the per-column ones. */
    private record Resolved(GrantLevel level, EnumSet<Privilege> privileges, Map<String, Set<Privilege>> columns)
    {
    }

    QueryResult grant(AccountStatement.Grant grant, Session session)
    {
        return store.edit(editor -> {
            PrivilegeModel model = editor.model();
            Resolved resolved = resolve(grant.privileges(), grant.target(), session, true);
            if (grant.withGrantOption()) {
                resolved.privileges().add(Privilege.GRANT_OPTION);
            }
            accessControl.checkCanGrant(session.identity(), resolved.level(), resolved.privileges(), resolved.columns());
            List<Account> accounts = new ArrayList<>();
            for (UserReference each : grant.users()) {
                AccountName name = AccountStatementExecutor.resolve(each, session);
                accounts.add(model.account(name).orElseThrow(() -> new QuiverException(ErrorCode.ER_CANT_CREATE_USER_WITH_GRANT)));
            }
            for (Account each : accounts) {
                editor.saveGrants(each, each.withGrants(each.grants().with(resolved.level(), resolved.privileges(), resolved.columns())));
            }
            return UpdateCountResult.EMPTY;
        });
    }

    QueryResult revoke(AccountStatement.Revoke revoke, Session session)
    {
        return store.edit(editor -> {
            PrivilegeModel model = editor.model();
            if (revoke.target().isEmpty()) {
                accessControl.checkCanAdministerAccounts(session.identity(), "CREATE USER");
                List<Account> accounts = accounts(model, revoke.users(), session);
                for (Account each : accounts) {
                    editor.saveGrants(each, each.withGrants(AccountGrants.NONE));
                }
                return UpdateCountResult.EMPTY;
            }
            Resolved resolved = resolve(revoke.privileges(), revoke.target().get(), session, false);
            accessControl.checkCanGrant(session.identity(), resolved.level(), resolved.privileges(), resolved.columns());
            List<Account> accounts = accounts(model, revoke.users(), session);
            for (Account each : accounts) {
                AccountName name = each.name();
                switch (resolved.level()) {
                    case GrantLevel.Global ignored -> {
                    }
                    case GrantLevel.Database database -> {
                        if (!each.grants().databases().containsKey(database.database())) {
                            throw new QuiverException(ErrorCode.ER_NONEXISTING_GRANT, name.user(), name.host());
                        }
                    }
                    case GrantLevel.Table table -> {
                        if (!each.grants().tables().containsKey(table) && !each.grants().columns().containsKey(table)) {
                            throw new QuiverException(ErrorCode.ER_NONEXISTING_TABLE_GRANT, name.user(), name.host(), table.table());
                        }
                    }
                }
            }
            for (Account each : accounts) {
                editor.saveGrants(each, each.withGrants(each.grants().without(resolved.level(), resolved.privileges(), resolved.columns())));
            }
            return UpdateCountResult.EMPTY;
        });
    }

    private static List<Account> accounts(PrivilegeModel model, List<UserReference> users, Session session)
    {
        List<Account> result = new ArrayList<>();
        for (UserReference each : users) {
            AccountName name = AccountStatementExecutor.resolve(each, session);
            result.add(model.account(name).orElseThrow(() -> new QuiverException(ErrorCode.ER_NONEXISTING_GRANT, name.user(), name.host())));
        }
        return result;
    }

    private Resolved resolve(List<PrivilegeSpecification> specifications, GrantTarget target, Session session, boolean granting)
    {
        GrantLevel level = level(target, session);
        EnumSet<Privilege> all = level instanceof GrantLevel.Global ? Privilege.allGlobal() : Privilege.allBelowGlobal();
        EnumSet<Privilege> privileges = EnumSet.noneOf(Privilege.class);
        Map<String, Set<Privilege>> columns = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Optional<TableDefinition> definition = Optional.empty();
        if (level instanceof GrantLevel.Table table && granting) {
            boolean exists = storage.databaseExists(table.database()) && storage.tableExists(table.database(), table.table());
            // MySQL grants on a table that does not exist yet only when CREATE is among the privileges
            boolean create = specifications.stream().anyMatch(each -> each.privilege().isEmpty() || each.privilege().get() == Privilege.CREATE);
            if (!exists && !create) {
                throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, table.database(), table.table());
            }
            if (exists) {
                definition = Optional.of(storage.table(table.database(), table.table()).definition());
            }
        }
        for (PrivilegeSpecification each : specifications) {
            EnumSet<Privilege> named = each.privilege().map(EnumSet::of).orElse(EnumSet.copyOf(all));
            if (each.columns().isEmpty()) {
                for (Privilege privilege : named) {
                    if (!privilege.belowGlobal() && !(level instanceof GrantLevel.Global)) {
                        throw level instanceof GrantLevel.Table
                                ? new QuiverException(ErrorCode.ER_ILLEGAL_GRANT_FOR_TABLE)
                                : new QuiverException(ErrorCode.ER_WRONG_USAGE, "DB GRANT", "GLOBAL PRIVILEGES");
                    }
                }
                privileges.addAll(named);
                continue;
            }
            if (!(level instanceof GrantLevel.Table)) {
                throw new QuiverException(ErrorCode.ER_ILLEGAL_GRANT_FOR_TABLE);
            }
            if (each.privilege().isEmpty()) {
                named = EnumSet.of(Privilege.SELECT, Privilege.INSERT, Privilege.UPDATE);
            }
            for (Privilege privilege : named) {
                if (!privilege.column()) {
                    throw new QuiverException(ErrorCode.ER_ILLEGAL_GRANT_FOR_TABLE);
                }
            }
            for (String column : each.columns()) {
                String name = column;
                if (definition.isPresent()) {
                    TableDefinition table = definition.get();
                    int index = table.columnIndex(column).orElseThrow(() -> new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, column, table.name()));
                    name = table.columns().get(index).name();
                }
                columns.computeIfAbsent(name, ignored -> EnumSet.noneOf(Privilege.class)).addAll(named);
            }
        }
        return new Resolved(level, privileges, columns);
    }

    private static GrantLevel level(GrantTarget target, Session session)
    {
        if (target.global()) {
            return new GrantLevel.Global();
        }
        String database = target.database().orElseGet(() -> {
            if (session.database() == null) {
                throw new QuiverException(ErrorCode.ER_NO_DB_ERROR);
            }
            return session.database();
        });
        if (target.table().equals("*")) {
            return new GrantLevel.Database(database);
        }
        return new GrantLevel.Table(database, target.table());
    }
}
