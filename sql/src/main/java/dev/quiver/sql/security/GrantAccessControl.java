package dev.quiver.sql.security;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.user.AccountGrants;
import dev.quiver.sql.user.AccountName;
import dev.quiver.sql.user.GrantLevel;
import dev.quiver.sql.user.PrivilegeModel;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * MySQL's privilege checks against the grant tables' current snapshot (read afresh for every check, so a GRANT or
 * REVOKE applies to the next statement of every session): global, database, table and column privileges, denied with
 * MySQL 8's errors: 1142 naming the missing privileges and the bare table, 1143 naming the column, 1044 for a
 * database, 1227 for an administrative privilege. The user in a message is the account's user, the host the client's.
 */
public final class GrantAccessControl
        implements AccessControl
{
    private static final String INFORMATION_SCHEMA = "information_schema";
    private static final String MYSQL = "mysql";

    private final Supplier<PrivilegeModel> model;

    public GrantAccessControl(Supplier<PrivilegeModel> model)
    {
        this.model = requireNonNull(model, "model is null");
    }

    private AccountGrants grants(Identity identity)
    {
        return model.get().grantsOf(new AccountName(identity.accountUser(), identity.accountHost()));
    }

    private static boolean isInformationSchema(String database)
    {
        return database.toLowerCase(Locale.ROOT).equals(INFORMATION_SCHEMA);
    }

    @Override
    public void checkCanAccessDatabase(Identity identity, String database)
    {
        if (isInformationSchema(database) || grants(identity).anyIn(database)) {
            return;
        }
        throw databaseDenied(identity, database);
    }

    @Override
    public void checkCanCreateDatabase(Identity identity, String database)
    {
        checkDatabasePrivilege(identity, database, Privilege.CREATE);
    }

    @Override
    public void checkCanDropDatabase(Identity identity, String database)
    {
        checkDatabasePrivilege(identity, database, Privilege.DROP);
    }

    private void checkDatabasePrivilege(Identity identity, String database, Privilege privilege)
    {
        AccountGrants grants = grants(identity);
        if (grants.global().contains(privilege) || grants.forDatabase(database).contains(privilege)) {
            return;
        }
        throw databaseDenied(identity, database);
    }

    private static QuiverException databaseDenied(Identity identity, String database)
    {
        return new QuiverException(ErrorCode.ER_DBACCESS_DENIED_ERROR, identity.accountUser(), identity.clientHost(), database);
    }

    @Override
    public void checkCanSetGlobalVariable(Identity identity, String variable)
    {
        if (!grants(identity).global().containsAll(Privilege.allGlobal())) {
            throw new QuiverException(ErrorCode.ER_SPECIFIC_ACCESS_DENIED_ERROR, "SUPER or SYSTEM_VARIABLES_ADMIN");
        }
    }

    @Override
    public void checkCanKillConnection(Identity identity, Identity owner)
    {
        if (identity.accountUser().equals(owner.accountUser()) || grants(identity).global().containsAll(Privilege.allGlobal())) {
            return;
        }
        throw new QuiverException(ErrorCode.ER_SPECIFIC_ACCESS_DENIED_ERROR, "SUPER or CONNECTION_ADMIN");
    }

    @Override
    public boolean canSeeDatabase(Identity identity, String database)
    {
        return isInformationSchema(database) || grants(identity).anyIn(database);
    }

    @Override
    public boolean canSeeTable(Identity identity, String database, String table)
    {
        return isInformationSchema(database) || grants(identity).anyOn(database, table);
    }

    @Override
    public void checkCanShowTable(Identity identity, String database, String table)
    {
        if (!canSeeTable(identity, database, table)) {
            throw tableDenied(identity, EnumSet.of(Privilege.SELECT), table);
        }
    }

    @Override
    public void checkCanShowCreateTable(Identity identity, String database, String table)
    {
        if (isInformationSchema(database)) {
            return;
        }
        EnumSet<Privilege> onTable = grants(identity).forTable(database, table);
        onTable.remove(Privilege.GRANT_OPTION);
        if (onTable.isEmpty()) {
            // sql_parse.cc: check_some_access passing on column grants is not enough, the table itself needs one
            throw new QuiverException(ErrorCode.ER_TABLEACCESS_DENIED_ERROR, "SHOW", identity.accountUser(), identity.clientHost(), table);
        }
    }

    /**
     * SELECT, INSERT and UPDATE held on the column or above it; REFERENCES, which Quiver's privileges do not name, is
     * written when the table-level privileges include everything ALL grants (as they would hold REFERENCES in MySQL).
     */
    @Override
    public String columnPrivileges(Identity identity, String database, String table, String column)
    {
        if (isInformationSchema(database)) {
            return ALL_COLUMN_PRIVILEGES;
        }
        AccountGrants grants = grants(identity);
        EnumSet<Privilege> onTable = grants.forTable(database, table);
        EnumSet<Privilege> held = EnumSet.copyOf(onTable);
        held.addAll(grants.forColumn(database, table, column));
        java.util.StringJoiner result = new java.util.StringJoiner(",");
        for (Privilege each : List.of(Privilege.SELECT, Privilege.INSERT, Privilege.UPDATE)) {
            if (held.contains(each)) {
                result.add(each.sqlName().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (onTable.containsAll(Privilege.allBelowGlobal())) {
            result.add("references");
        }
        return result.toString();
    }

    @Override
    public void checkTablePrivileges(Identity identity, String database, String table, Set<Privilege> wanted)
    {
        if (wanted.isEmpty() || isInformationSchema(database)) {
            return;
        }
        AccountGrants grants = grants(identity);
        EnumSet<Privilege> missing = EnumSet.copyOf(wanted);
        missing.removeAll(grants.forTable(database, table));
        if (missing.isEmpty()) {
            return;
        }
        // privileges held on some column pass here; the column checks decide (MySQL's check_grant)
        missing.removeAll(grants.anyColumn(database, table));
        if (!missing.isEmpty()) {
            throw tableDenied(identity, missing, table);
        }
    }

    private static QuiverException tableDenied(Identity identity, Set<Privilege> missing, String table)
    {
        return new QuiverException(ErrorCode.ER_TABLEACCESS_DENIED_ERROR, Privilege.describeDenied(missing), identity.accountUser(), identity.clientHost(), table);
    }

    /**
     * Column resolution: each column needs the privilege on the table (or above) or on itself, else 1143 naming the
     * first one lacking it. With no columns (SELECT COUNT(*)), the privilege on the table or any of its columns does.
     */
    private void checkColumns(Identity identity, String database, String table, Privilege privilege, List<String> columns)
    {
        if (isInformationSchema(database)) {
            return;
        }
        AccountGrants grants = grants(identity);
        if (grants.forTable(database, table).contains(privilege)) {
            return;
        }
        if (columns.isEmpty() && !grants.anyColumn(database, table).contains(privilege)) {
            throw tableDenied(identity, EnumSet.of(privilege), table);
        }
        for (String each : columns) {
            if (!grants.forColumn(database, table, each).contains(privilege)) {
                throw new QuiverException(ErrorCode.ER_COLUMNACCESS_DENIED_ERROR, privilege.sqlName(), identity.accountUser(), identity.clientHost(), each, table);
            }
        }
    }

    private void checkTable(Identity identity, String database, String table, Privilege privilege)
    {
        checkTablePrivileges(identity, database, table, EnumSet.of(privilege));
        if (!grants(identity).forTable(database, table).contains(privilege) && !isInformationSchema(database)) {
            throw tableDenied(identity, EnumSet.of(privilege), table);
        }
    }

    @Override
    public void checkCanCreateTable(Identity identity, String database, String table)
    {
        checkTable(identity, database, table, Privilege.CREATE);
    }

    @Override
    public void checkCanDropTable(Identity identity, String database, String table)
    {
        checkTable(identity, database, table, Privilege.DROP);
    }

    @Override
    public void checkCanAlterTable(Identity identity, String database, String table)
    {
        checkTable(identity, database, table, Privilege.ALTER);
    }

    @Override
    public void checkCanCreateIndex(Identity identity, String database, String table)
    {
        checkTable(identity, database, table, Privilege.INDEX);
    }

    @Override
    public void checkCanInsert(Identity identity, String database, String table, List<String> columns)
    {
        checkColumns(identity, database, table, Privilege.INSERT, columns);
    }

    @Override
    public void checkCanUpdate(Identity identity, String database, String table, List<String> columns)
    {
        checkColumns(identity, database, table, Privilege.UPDATE, columns);
    }

    @Override
    public void checkCanDelete(Identity identity, String database, String table)
    {
        checkTable(identity, database, table, Privilege.DELETE);
    }

    @Override
    public void checkCanSelect(Identity identity, String database, String table, List<String> columns)
    {
        checkColumns(identity, database, table, Privilege.SELECT, columns);
    }

    @Override
    public void checkCanAdministerAccounts(Identity identity, String privilege)
    {
        if (!grants(identity).global().contains(Privilege.CREATE_USER)) {
            throw new QuiverException(ErrorCode.ER_SPECIFIC_ACCESS_DENIED_ERROR, privilege);
        }
    }

    @Override
    public void checkCanManageOtherAccount(Identity identity, boolean change)
    {
        AccountGrants grants = grants(identity);
        Privilege needed = change ? Privilege.UPDATE : Privilege.SELECT;
        if ((change && grants.global().contains(Privilege.CREATE_USER)) || grants.forDatabase(MYSQL).contains(needed) || grants.global().contains(needed)) {
            return;
        }
        throw databaseDenied(identity, MYSQL);
    }

    @Override
    public void checkCanGrant(Identity identity, GrantLevel level, Set<Privilege> privileges, Map<String, Set<Privilege>> columns)
    {
        AccountGrants own = grants(identity);
        EnumSet<Privilege> wanted = EnumSet.noneOf(Privilege.class);
        wanted.addAll(privileges);
        columns.values().forEach(wanted::addAll);
        wanted.add(Privilege.GRANT_OPTION);
        EnumSet<Privilege> held = switch (level) {
            case GrantLevel.Global ignored -> own.global();
            case GrantLevel.Database database -> {
                EnumSet<Privilege> result = own.global();
                result.addAll(own.forDatabase(database.database()));
                yield result;
            }
            case GrantLevel.Table table -> own.forTable(table.database(), table.table());
        };
        EnumSet<Privilege> missing = EnumSet.copyOf(wanted);
        missing.removeAll(held);
        if (level instanceof GrantLevel.Table table) {
            // a column privilege may be handed on by whoever holds it on those columns
            missing.removeIf(privilege -> privilege.column() && !privileges.contains(privilege)
                    && columns.entrySet().stream().allMatch(entry -> !entry.getValue().contains(privilege)
                            || own.forColumn(table.database(), table.table(), entry.getKey()).contains(privilege)));
        }
        if (missing.isEmpty()) {
            return;
        }
        throw switch (level) {
            case GrantLevel.Global ignored -> new QuiverException(ErrorCode.ER_ACCESS_DENIED_ERROR, identity.accountUser(), identity.clientHost(), "YES");
            case GrantLevel.Database database -> databaseDenied(identity, database.database());
            case GrantLevel.Table table -> tableDenied(identity, missing, table.table());
        };
    }

    @Override
    public void checkAllColumns(Identity identity, String database, String table, Privilege privilege, List<String> columns)
    {
        if (isInformationSchema(database)) {
            return;
        }
        AccountGrants grants = grants(identity);
        if (grants.forTable(database, table).contains(privilege)) {
            return;
        }
        for (String each : columns) {
            if (!grants.forColumn(database, table, each).contains(privilege)) {
                throw tableDenied(identity, EnumSet.of(privilege), table);
            }
        }
    }
}
