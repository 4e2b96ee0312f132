package dev.quiver.sql.testing;

import dev.quiver.storage.ForwardingTable;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.search.VectorSearchRequest;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * A storage engine that passes every call to another and records the text and vector search requests its tables
 * receive, so a test can see what the SQL layer asked the engine for (limit, projection, residual), not only the rows.
 */
public final class RecordingStorageEngine
        implements StorageEngine
{
    private final StorageEngine delegate;
    private final List<TextSearchRequest> textSearches = new CopyOnWriteArrayList<>();
    private final List<VectorSearchRequest> vectorSearches = new CopyOnWriteArrayList<>();

    public RecordingStorageEngine(StorageEngine delegate)
    {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    /** The text searches since the last {@link #clear}, in order. */
    public List<TextSearchRequest> textSearches()
    {
        return List.copyOf(textSearches);
    }

    /** The vector searches since the last {@link #clear}, in order. */
    public List<VectorSearchRequest> vectorSearches()
    {
        return List.copyOf(vectorSearches);
    }

    public void clear()
    {
        textSearches.clear();
        vectorSearches.clear();
    }

    @Override
    public void createDatabase(String name)
    {
        delegate.createDatabase(name);
    }

    @Override
    public void dropDatabase(String name)
    {
        delegate.dropDatabase(name);
    }

    @Override
    public boolean databaseExists(String name)
    {
        return delegate.databaseExists(name);
    }

    @Override
    public List<String> listDatabases()
    {
        return delegate.listDatabases();
    }

    @Override
    public void createTable(String database, TableDefinition definition)
    {
        delegate.createTable(database, definition);
    }

    @Override
    public void dropTable(String database, String table)
    {
        delegate.dropTable(database, table);
    }

    @Override
    public boolean tableExists(String database, String table)
    {
        return delegate.tableExists(database, table);
    }

    @Override
    public List<String> listTables(String database)
    {
        return delegate.listTables(database);
    }

    @Override
    public Table table(String database, String table)
    {
        return new RecordingTable(delegate.table(database, table));
    }

    @Override
    public void renameTable(String database, String table, String newDatabase, String newTable)
    {
        delegate.renameTable(database, table, newDatabase, newTable);
    }

    @Override
    public void alterTable(String database, String table, TableDefinition newDefinition, UnaryOperator<Row> mapper)
    {
        delegate.alterTable(database, table, newDefinition, mapper);
    }

    @Override
    public void close()
    {
        delegate.close();
    }

    private final class RecordingTable
            extends ForwardingTable
    {
        RecordingTable(Table table)
        {
            super(table);
        }

        @Override
        public SearchResult vectorSearch(VectorSearchRequest request)
        {
            vectorSearches.add(request);
            return table.vectorSearch(request);
        }

        @Override
        public SearchResult textSearch(TextSearchRequest request)
        {
            textSearches.add(request);
            return table.textSearch(request);
        }
    }
}
