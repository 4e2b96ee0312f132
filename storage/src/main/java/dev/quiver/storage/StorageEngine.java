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

    @Override
    void close();
}
