package dev.quiver.sql.user;

import dev.quiver.common.PasswordHash;
import dev.quiver.sql.security.Privilege;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.ScanRequest;
import dev.quiver.storage.table.WriteRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * The grant tables of the {@code mysql} database, ordinary tables of the storage engine (so they are durable and
 * crash-safe like any other): {@code user} (account, plugin, password hashes, global privileges), {@code db},
 * {@code tables_priv} and {@code columns_priv}. Names are VARBINARY so they compare byte for byte (MySQL's user and
 * database names are case-sensitive); privilege sets are stored as comma-separated names. Each row change is one
 * storage statement; {@link AccountRedoLog} makes the several changes of one account statement atomic.
 */
final class GrantTables
{
    static final String DATABASE = "mysql";
    static final String USER = "user";
    static final String DB = "db";
    static final String TABLES = "tables_priv";
    static final String COLUMNS = "columns_priv";

    /** A password no response can match: hashes of the wrong length for both plugins. */
    private static final PasswordHash UNUSABLE = new PasswordHash(new byte[1], new byte[1]);

    private final StorageEngine storage;

    GrantTables(StorageEngine storage)
    {
        this.storage = requireNonNull(storage, "storage is null");
    }

    boolean exist()
    {
        return storage.databaseExists(DATABASE) && storage.tableExists(DATABASE, USER);
    }

    /** Creates whichever grant tables (and the {@link AccountRedoLog} table) are missing, and the {@code mysql} database. */
    void create()
    {
        if (!storage.databaseExists(DATABASE)) {
            storage.createDatabase(DATABASE);
        }
        createTable(USER, List.of(name("Host", 255), name("User", 96), text("plugin", 64), text("authentication_string", 200), text("Privileges", 255)),
                "Host", "User");
        createTable(DB, List.of(name("Host", 255), name("Db", 192), name("User", 96), text("Privileges", 255)), "Host", "Db", "User");
        createTable(TABLES, List.of(name("Host", 255), name("Db", 192), name("User", 96), name("Table_name", 192), text("Table_priv", 255)),
                "Host", "Db", "User", "Table_name");
        createTable(COLUMNS, List.of(name("Host", 255), name("Db", 192), name("User", 96), name("Table_name", 192), name("Column_name", 192),
                text("Column_priv", 64)), "Host", "Db", "User", "Table_name", "Column_name");
        createTable(AccountRedoLog.TABLE, List.of(ColumnDefinition.notNull("id", ColumnType.IntegerType.signed(ColumnType.IntegerWidth.BIGINT)),
                ColumnDefinition.notNull("changes", AccountRedoLog.changesType())), "id");
    }

    private void createTable(String table, List<ColumnDefinition> columns, String... key)
    {
        if (!storage.tableExists(DATABASE, table)) {
            storage.createTable(DATABASE, new TableDefinition(table, columns, List.of(IndexDefinition.primaryKey(key))));
        }
    }

    private static ColumnDefinition name(String name, int length)
    {
        return ColumnDefinition.notNull(name, ColumnType.BinaryType.varbinary(length));
    }

    private static ColumnDefinition text(String name, int length)
    {
        return ColumnDefinition.notNull(name, ColumnType.StringType.varchar(length));
    }

    /** Every account with its grants; grants of accounts that no longer exist are ignored. */
    List<Account> load()
    {
        if (!exist()) {
            return List.of();
        }
        Map<AccountName, Account> accounts = new LinkedHashMap<>();
        Map<AccountName, EnumSet<Privilege>> global = new HashMap<>();
        for (Row row : rows(USER)) {
            AccountName name = new AccountName(bytes(row, 1), bytes(row, 0));
            PasswordHash password;
            try {
                password = PasswordHash.parse(string(row, 3));
            }
            catch (IllegalArgumentException ex) {
                // a hand-edited row that is not a stored hash: the account exists, but no password matches it
                password = UNUSABLE;
            }
            accounts.put(name, new Account(name, string(row, 2), password, AccountGrants.NONE));
            global.put(name, Privilege.decode(string(row, 4)));
        }
        Map<AccountName, Map<String, EnumSet<Privilege>>> databases = new HashMap<>();
        for (Row row : rows(DB)) {
            AccountName name = new AccountName(bytes(row, 2), bytes(row, 0));
            databases.computeIfAbsent(name, ignored -> new TreeMap<>()).put(bytes(row, 1), Privilege.decode(string(row, 3)));
        }
        Map<AccountName, Map<GrantLevel.Table, EnumSet<Privilege>>> tables = new HashMap<>();
        for (Row row : rows(TABLES)) {
            AccountName name = new AccountName(bytes(row, 2), bytes(row, 0));
            tables.computeIfAbsent(name, ignored -> new LinkedHashMap<>()).put(new GrantLevel.Table(bytes(row, 1), bytes(row, 3)), Privilege.decode(string(row, 4)));
        }
        Map<AccountName, Map<GrantLevel.Table, Map<String, EnumSet<Privilege>>>> columns = new HashMap<>();
        for (Row row : rows(COLUMNS)) {
            AccountName name = new AccountName(bytes(row, 2), bytes(row, 0));
            columns.computeIfAbsent(name, ignored -> new LinkedHashMap<>())
                    .computeIfAbsent(new GrantLevel.Table(bytes(row, 1), bytes(row, 3)), ignored -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                    .put(bytes(row, 4), Privilege.decode(string(row, 5)));
        }
        List<Account> result = new ArrayList<>();
        for (Account each : accounts.values()) {
            AccountName name = each.name();
            result.add(each.withGrants(new AccountGrants(global.get(name), databases.getOrDefault(name, Map.of()), tables.getOrDefault(name, Map.of()),
                    columns.getOrDefault(name, Map.of()))));
        }
        return result;
    }

    private List<Row> rows(String table)
    {
        if (!storage.tableExists(DATABASE, table)) {
            return List.of();
        }
        return storage.table(DATABASE, table).scan(ScanRequest.all()).toList();
    }

    /** The account row (new or changed authentication or global privileges). */
    GrantRowChange accountRow(Account account)
    {
        List<Value> row = List.of(bin(account.name().host()), bin(account.name().user()), Value.of(account.plugin()), Value.of(account.password().toString()),
                Value.of(Privilege.encode(account.grants().global())));
        return new GrantRowChange.Put(USER, List.of("Host", "User", "plugin", "authentication_string", "Privileges"), row);
    }

    /** The row changes of the levels whose privileges differ between {@code before} and {@code after}. */
    List<GrantRowChange> grantChanges(AccountName name, AccountGrants before, AccountGrants after)
    {
        List<GrantRowChange> changes = new ArrayList<>();
        Set<String> databases = new java.util.TreeSet<>(before.databases().keySet());
        databases.addAll(after.databases().keySet());
        for (String each : databases) {
            EnumSet<Privilege> old = before.at(new GrantLevel.Database(each));
            EnumSet<Privilege> now = after.at(new GrantLevel.Database(each));
            if (!old.equals(now)) {
                changes.add(rowChange(DB, List.of("Host", "Db", "User"), List.of(bin(name.host()), bin(each), bin(name.user())), "Privileges", now));
            }
        }
        Set<GrantLevel.Table> tables = new java.util.LinkedHashSet<>(before.tables().keySet());
        tables.addAll(after.tables().keySet());
        tables.addAll(before.columns().keySet());
        tables.addAll(after.columns().keySet());
        for (GrantLevel.Table each : tables) {
            EnumSet<Privilege> old = before.at(each);
            EnumSet<Privilege> now = after.at(each);
            if (!old.equals(now)) {
                changes.add(rowChange(TABLES, List.of("Host", "Db", "User", "Table_name"),
                        List.of(bin(name.host()), bin(each.database()), bin(name.user()), bin(each.table())), "Table_priv", now));
            }
            Map<String, EnumSet<Privilege>> oldColumns = before.columnsOf(each);
            Map<String, EnumSet<Privilege>> newColumns = after.columnsOf(each);
            Set<String> columnNames = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            columnNames.addAll(oldColumns.keySet());
            columnNames.addAll(newColumns.keySet());
            for (String column : columnNames) {
                EnumSet<Privilege> oldPrivileges = oldColumns.getOrDefault(column, EnumSet.noneOf(Privilege.class));
                EnumSet<Privilege> newPrivileges = newColumns.getOrDefault(column, EnumSet.noneOf(Privilege.class));
                if (!Objects.equals(oldPrivileges, newPrivileges)) {
                    String stored = newColumns.containsKey(column) ? spelling(newColumns, column) : spelling(oldColumns, column);
                    changes.add(rowChange(COLUMNS, List.of("Host", "Db", "User", "Table_name", "Column_name"),
                            List.of(bin(name.host()), bin(each.database()), bin(name.user()), bin(each.table()), bin(stored)), "Column_priv", newPrivileges));
                }
            }
        }
        return changes;
    }

    private static String spelling(Map<String, EnumSet<Privilege>> columns, String column)
    {
        return columns.keySet().stream().filter(each -> each.equalsIgnoreCase(column)).findFirst().orElse(column);
    }

    /** Replaces the row with the privileges, or deletes it when none are left. */
    private static GrantRowChange rowChange(String tableName, List<String> keyColumns, List<Value> key, String privilegeColumn, Set<Privilege> privileges)
    {
        if (privileges.isEmpty()) {
            return new GrantRowChange.Delete(tableName, keyColumns, key);
        }
        List<String> columns = new ArrayList<>(keyColumns);
        columns.add(privilegeColumn);
        List<Value> row = new ArrayList<>(key);
        row.add(Value.of(Privilege.encode(privileges)));
        return new GrantRowChange.Put(tableName, columns, row);
    }

    /** The deletes that remove an account and every grant row it has (its grants first, the account row last). */
    static List<GrantRowChange> accountDeletion(AccountName name)
    {
        List<GrantRowChange> changes = new ArrayList<>();
        for (String each : List.of(COLUMNS, TABLES, DB, USER)) {
            changes.add(new GrantRowChange.Delete(each, List.of("Host", "User"), List.of(bin(name.host()), bin(name.user()))));
        }
        return changes;
    }

    /**
     * Applies one change as one storage statement (a REPLACE of one row, or a DELETE of the rows whose columns equal the
     * values). Both are idempotent: applying a change again leaves the table as applying it once did.
     */
    void apply(GrantRowChange change)
    {
        Table table = storage.table(DATABASE, change.table());
        switch (change) {
            case GrantRowChange.Put put -> table.write(new WriteRequest(put.columns(), List.of(put.values()), ConflictPolicy.REPLACE));
            case GrantRowChange.Delete delete -> table.delete(keyFilter(delete.columns(), delete.values()));
        }
    }

    private static Filter keyFilter(List<String> columns, List<Value> values)
    {
        Filter[] parts = new Filter[columns.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = Filter.equal(columns.get(i), values.get(i));
        }
        return Filter.and(parts);
    }

    static Value bin(String text)
    {
        return Value.of(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String bytes(Row row, int index)
    {
        return switch (row.get(index)) {
            case Value.BytesValue value -> new String(value.value(), StandardCharsets.UTF_8);
            case Value other -> other.toSqlText();
        };
    }

    private static String string(Row row, int index)
    {
        return row.get(index).toSqlText();
    }
}
