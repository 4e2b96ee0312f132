package dev.quiver.storage;

import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.HybridSearchRequest;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.RowCursor;
import dev.quiver.storage.table.ScanRequest;
import dev.quiver.storage.table.UpdateResult;
import dev.quiver.storage.table.WriteRequest;
import dev.quiver.storage.table.WriteResult;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static java.util.Objects.requireNonNull;

/**
 * A {@link Table} that hands every call to another: tests override the calls they record or replace (the default
 * methods too, so that a replaced call is not bypassed by the delegate's own defaults).
 */
public abstract class ForwardingTable
        implements Table
{
    protected final Table table;

    protected ForwardingTable(Table table)
    {
        this.table = requireNonNull(table, "table is null");
    }

    @Override
    public String databaseName()
    {
        return table.databaseName();
    }

    @Override
    public TableDefinition definition()
    {
        return table.definition();
    }

    @Override
    public WriteResult write(WriteRequest request)
    {
        return table.write(request);
    }

    @Override
    public List<Optional<Row>> get(List<List<Value>> primaryKeys)
    {
        return table.get(primaryKeys);
    }

    @Override
    public RowCursor scan(ScanRequest request)
    {
        return table.scan(request);
    }

    @Override
    public long count(Filter filter)
    {
        return table.count(filter);
    }

    @Override
    public UpdateResult update(ScanRequest selection, UnaryOperator<Row> updater)
    {
        return table.update(selection, updater);
    }

    @Override
    public long delete(ScanRequest selection)
    {
        return table.delete(selection);
    }

    @Override
    public UpdateResult update(Filter filter, UnaryOperator<Row> updater)
    {
        return table.update(filter, updater);
    }

    @Override
    public long delete(Filter filter)
    {
        return table.delete(filter);
    }

    @Override
    public void truncate()
    {
        table.truncate();
    }

    @Override
    public SearchResult vectorSearch(VectorSearchRequest request)
    {
        return table.vectorSearch(request);
    }

    @Override
    public void refreshIndexes()
    {
        table.refreshIndexes();
    }

    @Override
    public SearchResult textSearch(TextSearchRequest request)
    {
        return table.textSearch(request);
    }

    @Override
    public SearchResult hybridSearch(HybridSearchRequest request)
    {
        return table.hybridSearch(request);
    }
}
