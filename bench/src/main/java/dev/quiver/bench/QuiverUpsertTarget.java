package dev.quiver.bench;

import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.lucene.LuceneStorageEngine;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Quiver's storage engine with the table the seekdb SDK creates for a collection, written the way the SQL layer
 * writes an {@code INSERT ... ON DUPLICATE KEY UPDATE} batch: one statement per batch, durable on return.
 */
final class QuiverUpsertTarget
        implements UpsertTarget
{
    static final String DATABASE = "bench";
    static final String TABLE = "c$v2$bench";
    private static final List<String> COLUMNS = List.of("_id", "document", "embedding", "metadata");
    private static final ConflictPolicy ON_DUPLICATE_KEY_UPDATE = ConflictPolicy.update((existing, proposed) -> proposed);

    private final StorageEngine engine;
    private final Table table;

    private QuiverUpsertTarget(StorageEngine engine, Table table)
    {
        this.engine = engine;
        this.table = table;
    }

    /** Opens (creating when missing) the engine in {@code directory} and the collection table. */
    static QuiverUpsertTarget open(Path directory, int dimensions)
    {
        StorageEngine engine = LuceneStorageEngine.open(directory);
        if (!engine.databaseExists(DATABASE)) {
            engine.createDatabase(DATABASE);
        }
        if (!engine.tableExists(DATABASE, TABLE)) {
            engine.createTable(DATABASE, definition(dimensions));
        }
        return new QuiverUpsertTarget(engine, engine.table(DATABASE, TABLE));
    }

    static TableDefinition definition(int dimensions)
    {
        return new TableDefinition(TABLE, List.of(
                ColumnDefinition.notNull("_id", ColumnType.BinaryType.varbinary(512)),
                ColumnDefinition.nullable("document", ColumnType.StringType.string()),
                ColumnDefinition.nullable("embedding", new ColumnType.VectorType(dimensions)),
                ColumnDefinition.nullable("metadata", new ColumnType.JsonType())),
                List.of(IndexDefinition.primaryKey("_id")));
    }

    StorageEngine engine()
    {
        return engine;
    }

    @Override
    public String name()
    {
        return "Quiver";
    }

    @Override
    public void upsert(List<CollectionRow> batch)
    {
        List<List<Value>> rows = new ArrayList<>(batch.size());
        for (CollectionRow each : batch) {
            rows.add(List.of(Value.of(each.id()), Value.of(each.document()), Value.of(each.embedding()), Value.of(each.metadata())));
        }
        table.write(new WriteRequest(COLUMNS, rows, ON_DUPLICATE_KEY_UPDATE));
    }

    @Override
    public void close()
    {
        engine.close();
    }
}
