package dev.quiver.storage;

import java.util.List;

/**
 * The storage SPI: the durable catalog of databases and tables, and the rows in them. Implementations:
 * {@link dev.quiver.storage.memory.InMemoryStorageEngine} (the reference, used by tests of the layers above)
 * and the Lucene engine. Every implementation passes the shared contract suite.
 *
 * <p>Database names are matched case-sensitively, as MySQL does on Linux ({@code lower_case_table_names=0}).
 * Failures a client can see are {@link dev.quiver.common.QuiverException}s with MySQL's numbers.
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

    @Override
    void close();
}
