package dev.quiver.storage.lucene;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.format.LogRecord;
import dev.quiver.storage.recovery.CatalogSnapshot;
import dev.quiver.storage.wal.WalRecord;
import dev.quiver.storage.wal.WriteAheadLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Recovery of the {@link LuceneStorageEngine} at open: reads the catalog snapshot, opens each table's last Lucene
 * commit, replays the log from the oldest commit's position (catalog records only after the snapshot's; per table,
 * only what its commit does not cover), then checkpoints.
 */
final class EngineRecovery
{
    private final Path root;
    private final EngineCatalog catalog;
    private final WriteAheadLog wal;
    private final Checkpoints checkpoints;
    /** The log position the catalog snapshot covers. */
    private long snapshotLsn;

    EngineRecovery(Path root, EngineCatalog catalog, WriteAheadLog wal, Checkpoints checkpoints)
    {
        this.root = root;
        this.catalog = catalog;
        this.wal = wal;
        this.checkpoints = checkpoints;
    }

    /** Runs once, at open, before the applier and the scheduler start. */
    void recover()
    {
        CatalogSnapshot snapshot = CatalogSnapshot.read(root).orElse(CatalogSnapshot.empty());
        catalog.restoreNextTableId(snapshot.nextTableId());
        snapshot.databases().forEach(name -> catalog.databases().put(name, new ConcurrentSkipListMap<>()));
        // a table index may be behind the snapshot (its last statements had not reached the index writer at the
        // checkpoint, which then kept the log from there): replay from the oldest index, catalog records only after
        // the snapshot
        long from = snapshot.coveredLsn();
        for (CatalogSnapshot.TableEntry entry : snapshot.tables()) {
            DurableTable table = catalog.openTable(entry.tableId(), entry.database(), entry.definition());
            from = Math.min(from, table.store.committedLsn());
        }
        snapshotLsn = snapshot.coveredLsn();
        wal.replay(from + 1, this::replay);
        // an ALTER TABLE that crashed before logging its switch left a built index nobody names: the checkpoint below
        // deletes it with the directories of dropped and altered tables, once the new snapshot no longer names them
        // (deleting earlier could remove an index a replay after another crash still needs)
        catalog.tablesById().values().forEach(table -> table.refreshIfNeeded(true));
        checkpoints.recovered(snapshot.coveredLsn(), from == snapshot.coveredLsn());
        checkpoints.checkpoint();
        // the checkpoint skips its clean-up when there was nothing to replay (a crash after it wrote the snapshot);
        // the snapshot on disk then names exactly the tables open now, so the rest can go
        catalog.deleteOrphanTableDirectories();
    }

    /** Applies one log record that the snapshot or a table's commit does not cover yet. */
    private void replay(WalRecord record)
    {
        LogRecord decoded = LogRecord.decode(record);
        if (record.lsn() <= snapshotLsn && !(decoded instanceof LogRecord.Rows)) {
            // the catalog snapshot already holds it
            return;
        }
        switch (decoded) {
            case LogRecord.CreateDatabase create -> catalog.databases().putIfAbsent(create.name(), new ConcurrentSkipListMap<>());
            case LogRecord.DropDatabase drop -> {
                Map<String, DurableTable> tables = catalog.databases().remove(drop.name());
                if (tables != null) {
                    tables.values().forEach(table -> {
                        catalog.tablesById().remove(table.id);
                        table.store.discard();
                    });
                }
            }
            case LogRecord.CreateTable create -> {
                if (!catalog.tablesById().containsKey(create.tableId())) {
                    catalog.openTable(create.tableId(), create.database(), create.definition());
                }
            }
            case LogRecord.DropTable drop -> {
                DurableTable table = catalog.tablesById().remove(drop.tableId());
                if (table != null) {
                    catalog.databases().get(table.database).remove(table.table.definition().name());
                    table.store.discard();
                }
            }
            case LogRecord.Rows rows -> {
                DurableTable table = catalog.tablesById().get(rows.tableId());
                if (table == null && record.lsn() <= snapshotLsn) {
                    // dropped or altered before the snapshot
                    return;
                }
                if (table == null) {
                    throw new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, "log record " + record.lsn() + " names unknown table " + rows.tableId());
                }
                if (record.lsn() <= table.appliedLsn) {
                    return;
                }
                try {
                    table.store.applyNow(record.lsn(), rows.changes());
                }
                catch (IOException e) {
                    throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "replaying into table index " + table.id + ": " + e.getMessage());
                }
                table.table.replay(rows.changes(), rows.autoIncrement());
                table.noteRowIds(rows.changes());
                table.autoIncrement = rows.autoIncrement();
            }
            case LogRecord.AlterTable alter -> {
                DurableTable old = catalog.tablesById().remove(alter.oldTableId());
                if (old == null) {
                    throw new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, "log record " + record.lsn() + " alters unknown table " + alter.oldTableId());
                }
                old.store.discard();
                if (!Files.isDirectory(catalog.tablePath(alter.newTableId()))) {
                    throw new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, "log record " + record.lsn() + " switches to missing table index " + alter.newTableId());
                }
                DurableTable altered = catalog.openTable(alter.newTableId(), old.database, alter.definition());
                if (altered.store.committedLsn() == 0) {
                    throw new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, "log record " + record.lsn() + " switches to uncommitted table index " + alter.newTableId());
                }
                if (alter.autoIncrement() > altered.autoIncrement) {
                    altered.autoIncrement = alter.autoIncrement();
                    altered.table.restoreCounters(altered.nextRowId.get(), alter.autoIncrement());
                }
            }
            case LogRecord.RenameTable rename -> {
                DurableTable table = catalog.tablesById().get(rename.tableId());
                if (table == null) {
                    throw new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, "log record " + record.lsn() + " renames unknown table " + rename.tableId());
                }
                catalog.moveTable(table, rename.database(), rename.name());
            }
            case LogRecord.Checkpoint ignored -> {}
        }
    }
}
