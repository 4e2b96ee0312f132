package dev.quiver.storage;

import dev.quiver.storage.catalog.TableDefinition;

import java.util.List;

/**
 * The storage SPI: the durable catalog of databases and tables, and the rows in them. Implementations:
 * {@link dev.quiver.storage.memory.InMemoryStorageEngine} (the reference, used by tests of the layers above)
 * and the durable engine. Every implementation passes the shared contract suite
 * ({@code AbstractStorageEngineTest} in this module's test-jar).
 *
 * <p>Database and table names are matched case-sensitively, as MySQL does on Linux
 * ({@code lower_case_table_names=0}); column and index names case-insensitively. Failures a client can see are
 * {@link dev.quiver.common.QuiverException}s with MySQL's numbers. Every catalog change is durable when it
 * returns. Users and grants are kept by the SQL layer as ordinary tables (in a system database such as
 * {@code mysql}), so they are durable the same way.
 */
public interface StorageEngine
        extends AutoCloseable
{
    /** Creates a database; {@code ER_DB_CREATE_EXISTS} when it exists. Durable when it returns. */
    void createDatabase(String name);

    /** Drops a database and every table in it; {@code ER_DB_DROP_EXISTS} when it does not exist. */
    void dropDatabase(String name);

    boolean databaseExists(String name);

    /** Every database, sorted by name. */
    List<String> listDatabases();

    /**
     * Creates a table; {@code ER_BAD_DB_ERROR} (1049) when the database does not exist, {@code ER_TABLE_EXISTS_ERROR}
     * (1050) when the table does.
     */
    void createTable(String database, TableDefinition definition);

    /** Drops a table and its rows; {@code ER_BAD_TABLE_ERROR} (1051) when it does not exist. */
    void dropTable(String database, String table);

    boolean tableExists(String database, String table);

    /** The tables of a database, sorted by name; {@code ER_BAD_DB_ERROR} when it does not exist. */
    List<String> listTables(String database);

    /** A handle on a table; {@code ER_NO_SUCH_TABLE} (1146) when it does not exist. */
    Table table(String database, String table);

    /**
     * RENAME TABLE: moves a table (rows, indexes) to a new name, possibly in another database. {@code ER_NO_SUCH_TABLE}
     * (1146) when the source is missing, {@code ER_BAD_DB_ERROR} (1049) when the target database is missing,
     * {@code ER_TABLE_EXISTS_ERROR} (1050) when the target exists. Durable when it returns. Handles on the table
     * follow it to its new name.
     */
    void renameTable(String database, String table, String newDatabase, String newTable);

    /**
     * ALTER TABLE / CREATE INDEX / DROP INDEX: replaces the definition and rewrites every row through {@code mapper}
     * (old row -> new row of the new definition), rebuilding every index. Coercion errors or unique violations of the
     * rewritten rows fail the whole change with MySQL's error (1062 naming the key, 1265/1366/1406/1048 as for
     * writes) and nothing changes. Writers of the table wait while it runs; readers see the old table until it is
     * done. Durable and crash-atomic: after a crash the table is either wholly old or wholly new. auto_increment
     * continues. {@code newDefinition} keeps the table's name. 1146 when the table is missing.
     */
    void alterTable(String database, String table, TableDefinition newDefinition, java.util.function.UnaryOperator<dev.quiver.storage.row.Row> mapper);

    @Override
    void close();
}
