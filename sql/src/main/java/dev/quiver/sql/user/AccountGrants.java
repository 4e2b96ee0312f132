package dev.quiver.sql.user;

import dev.quiver.sql.security.Privilege;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * What one account was granted, level by level: global, per database (the name may be a {@code %}/{@code _} pattern),
 * per table and per column (column names compare case-insensitively). Immutable; {@link #with} and {@link #without}
 * return changed copies.
 */
public final class AccountGrants
{
    public static final AccountGrants NONE = new AccountGrants(EnumSet.noneOf(Privilege.class), Map.of(), Map.of(), Map.of());

    private final EnumSet<Privilege> global;
    private final Map<String, EnumSet<Privilege>> databases;
    private final Map<GrantLevel.Table, EnumSet<Privilege>> tables;
    private final Map<GrantLevel.Table, Map<String, EnumSet<Privilege>>> columns;

    AccountGrants(Set<Privilege> global, Map<String, EnumSet<Privilege>> databases, Map<GrantLevel.Table, EnumSet<Privilege>> tables,
            Map<GrantLevel.Table, Map<String, EnumSet<Privilege>>> columns)
    {
        this.global = copy(requireNonNull(global, "global is null"));
        this.databases = new TreeMap<>();
        requireNonNull(databases, "databases is null").forEach((key, value) -> {
            if (!value.isEmpty()) {
                this.databases.put(key, copy(value));
            }
        });
        this.tables = new LinkedHashMap<>();
        requireNonNull(tables, "tables is null").forEach((key, value) -> {
            if (!value.isEmpty()) {
                this.tables.put(key, copy(value));
            }
        });
        this.columns = new LinkedHashMap<>();
        requireNonNull(columns, "columns is null").forEach((key, value) -> {
            Map<String, EnumSet<Privilege>> byColumn = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            value.forEach((column, privileges) -> {
                if (!privileges.isEmpty()) {
                    byColumn.put(column, copy(privileges));
                }
            });
            if (!byColumn.isEmpty()) {
                this.columns.put(key, byColumn);
            }
        });
    }

    private static EnumSet<Privilege> copy(Set<Privilege> privileges)
    {
        EnumSet<Privilege> result = EnumSet.noneOf(Privilege.class);
        result.addAll(privileges);
        return result;
    }

    public EnumSet<Privilege> global()
    {
        return copy(global);
    }

    public Map<String, EnumSet<Privilege>> databases()
    {
        return Collections.unmodifiableMap(databases);
    }

    public Map<GrantLevel.Table, EnumSet<Privilege>> tables()
    {
        return Collections.unmodifiableMap(tables);
    }

    public Map<GrantLevel.Table, Map<String, EnumSet<Privilege>>> columns()
    {
        return Collections.unmodifiableMap(columns);
    }

    /** The privileges held at exactly this level (not inherited). */
    public EnumSet<Privilege> at(GrantLevel level)
    {
        return switch (level) {
            case GrantLevel.Global ignored -> copy(global);
            case GrantLevel.Database database -> copy(databases.getOrDefault(database.database(), EnumSet.noneOf(Privilege.class)));
            case GrantLevel.Table table -> copy(tables.getOrDefault(table, EnumSet.noneOf(Privilege.class)));
        };
    }

    /** The column grants of one table (column name to privileges). */
    public Map<String, EnumSet<Privilege>> columnsOf(GrantLevel.Table table)
    {
        return Collections.unmodifiableMap(columns.getOrDefault(table, Map.of()));
    }

    /** The database-level privileges that apply to {@code database}: its exact entry, else the most specific matching pattern. */
    public EnumSet<Privilege> forDatabase(String database)
    {
        EnumSet<Privilege> exact = databases.get(database);
        if (exact != null) {
            return copy(exact);
        }
        String best = null;
        for (String pattern : databases.keySet()) {
            if (isPattern(pattern) && HostPattern.wildcardMatch(pattern, database)
                    && (best == null || HostPattern.specificity(pattern) > HostPattern.specificity(best))) {
                best = pattern;
            }
        }
        return best == null ? EnumSet.noneOf(Privilege.class) : copy(databases.get(best));
    }

    private static boolean isPattern(String database)
    {
        return database.indexOf('%') >= 0 || database.indexOf('_') >= 0;
    }

    /** Global, database and table privileges together: what a statement has on a table before column grants. */
    public EnumSet<Privilege> forTable(String database, String table)
    {
        EnumSet<Privilege> result = copy(global);
        result.addAll(forDatabase(database));
        result.addAll(tables.getOrDefault(new GrantLevel.Table(database, table), EnumSet.noneOf(Privilege.class)));
        return result;
    }

    /** The union of every column grant of a table. */
    public EnumSet<Privilege> anyColumn(String database, String table)
    {
        EnumSet<Privilege> result = EnumSet.noneOf(Privilege.class);
        columns.getOrDefault(new GrantLevel.Table(database, table), Map.of()).values().forEach(result::addAll);
        return result;
    }

    public EnumSet<Privilege> forColumn(String database, String table, String column)
    {
        return copy(columns.getOrDefault(new GrantLevel.Table(database, table), Map.of()).getOrDefault(column, EnumSet.noneOf(Privilege.class)));
    }

    /** True when anything at all is granted on the database or on one of its tables (USE, SHOW DATABASES). */
    public boolean anyIn(String database)
    {
        if (!global.isEmpty() && !(global.size() == 1 && global.contains(Privilege.GRANT_OPTION))) {
            return true;
        }
        if (!forDatabase(database).isEmpty()) {
            return true;
        }
        return tables.keySet().stream().anyMatch(each -> each.database().equals(database))
                || columns.keySet().stream().anyMatch(each -> each.database().equals(database));
    }

    /** True when anything is granted on the table or its columns at any level. */
    public boolean anyOn(String database, String table)
    {
        EnumSet<Privilege> privileges = forTable(database, table);
        privileges.remove(Privilege.GRANT_OPTION);
        return !privileges.isEmpty() || !anyColumn(database, table).isEmpty();
    }

    /** Adds privileges at a level; column privileges when {@code columns} is not empty. */
    public AccountGrants with(GrantLevel level, Set<Privilege> privileges, Map<String, Set<Privilege>> columnPrivileges)
    {
        return change(level, privileges, columnPrivileges, true);
    }

    public AccountGrants without(GrantLevel level, Set<Privilege> privileges, Map<String, Set<Privilege>> columnPrivileges)
    {
        return change(level, privileges, columnPrivileges, false);
    }

    /** Everything removed: REVOKE ALL PRIVILEGES, GRANT OPTION FROM u. */
    public AccountGrants cleared()
    {
        return NONE;
    }

    private AccountGrants change(GrantLevel level, Set<Privilege> privileges, Map<String, Set<Privilege>> columnPrivileges, boolean add)
    {
        EnumSet<Privilege> newGlobal = copy(global);
        Map<String, EnumSet<Privilege>> newDatabases = new TreeMap<>(databases);
        Map<GrantLevel.Table, EnumSet<Privilege>> newTables = new LinkedHashMap<>(tables);
        Map<GrantLevel.Table, Map<String, EnumSet<Privilege>>> newColumns = new LinkedHashMap<>(columns);
        switch (level) {
            case GrantLevel.Global ignored -> apply(newGlobal, privileges, add);
            case GrantLevel.Database database -> {
                EnumSet<Privilege> current = copy(newDatabases.getOrDefault(database.database(), EnumSet.noneOf(Privilege.class)));
                apply(current, privileges, add);
                newDatabases.put(database.database(), current);
            }
            case GrantLevel.Table table -> {
                EnumSet<Privilege> current = copy(newTables.getOrDefault(table, EnumSet.noneOf(Privilege.class)));
                apply(current, privileges, add);
                newTables.put(table, current);
                Map<String, EnumSet<Privilege>> byColumn = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                byColumn.putAll(newColumns.getOrDefault(table, Map.of()));
                if (!add) {
                    // revoking a table-level privilege also revokes it from every column (as MySQL's REVOKE does)
                    byColumn.replaceAll((column, held) -> {
                        EnumSet<Privilege> left = copy(held);
                        left.removeAll(privileges);
                        return left;
                    });
                }
                columnPrivileges.forEach((column, wanted) -> {
                    EnumSet<Privilege> current2 = copy(byColumn.getOrDefault(column, EnumSet.noneOf(Privilege.class)));
                    apply(current2, wanted, add);
                    byColumn.put(column, current2);
                });
                newColumns.put(table, byColumn);
            }
        }
        return new AccountGrants(newGlobal, newDatabases, newTables, newColumns);
    }

    private static void apply(EnumSet<Privilege> target, Set<Privilege> privileges, boolean add)
    {
        if (add) {
            target.addAll(privileges);
        }
        else {
            target.removeAll(privileges);
        }
    }

    @Override
    public boolean equals(Object other)
    {
        return other instanceof AccountGrants that && global.equals(that.global) && databases.equals(that.databases)
                && tables.equals(that.tables) && columns.equals(that.columns);
    }

    @Override
    public int hashCode()
    {
        return global.hashCode() * 31 + databases.hashCode();
    }
}
