package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.UpdateCountResult;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.session.Warning;
import dev.quiver.sql.tree.ColumnSpec;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.TableName;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The table statements' executor: CREATE TABLE, DROP TABLE, TRUNCATE and RENAME TABLE, which make, remove or move
 * whole tables, run here; ALTER TABLE and CREATE / DROP INDEX go to {@link AlterTableExecutor}, and the table SHOW
 * statements (SHOW TABLES, TABLE STATUS, COLUMNS, CREATE TABLE, INDEX) to {@link TableShowExecutor}.
 */
final class DdlExecutor
{
    private final StorageEngine storage;
    private final AccessControl accessControl;
    private final TableExtras extras;
    private final AlterTableExecutor alterTableExecutor;
    private final TableShowExecutor tableShowExecutor;

    DdlExecutor(StorageEngine storage, AccessControl accessControl, TableExtras extras)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.extras = requireNonNull(extras, "extras is null");
        this.alterTableExecutor = new AlterTableExecutor(storage, accessControl, extras);
        this.tableShowExecutor = new TableShowExecutor(storage, accessControl, extras);
    }

    QueryResult createTable(Statement.CreateTable create, ExecutionContext context)
    {
        String database = TableValues.database(create.table(), context.session());
        String name = create.table().name();
        if (name.length() > ColumnDefinitions.MAXIMUM_IDENTIFIER_LENGTH) {
            throw new QuiverException(ErrorCode.ER_TOO_LONG_IDENT, name);
        }
        if (name.isEmpty() || name.endsWith(" ")) {
            throw new QuiverException(ErrorCode.ER_WRONG_TABLE_NAME, name);
        }
        accessControl.checkCanCreateTable(context.session().identity(), database, name);
        if (!storage.databaseExists(database)) {
            throw new QuiverException(ErrorCode.ER_BAD_DB_ERROR, database);
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        for (ColumnSpec each : create.columns()) {
            columns.add(ColumnDefinitions.column(name, each, context));
        }
        TableDefinition definition = new TableDefinition(name, columns, create.indexes());
        for (IndexDefinition index : definition.indexes()) {
            if (index.kind() == IndexDefinition.Kind.VECTOR) {
                ColumnDefinition column = definition.columns().get(definition.columnIndex(index.columns().get(0)).getAsInt());
                if (index.columns().size() != 1 || !(column.type() instanceof ColumnType.VectorType)) {
                    throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "VECTOR INDEX " + index.name() + " (it needs one VECTOR column)");
                }
            }
        }
        if (storage.tableExists(database, name)) {
            if (create.ifNotExists()) {
                context.addWarning(new Warning(Warning.Level.Note, ErrorCode.ER_TABLE_EXISTS_ERROR.vendorCode(), ErrorCode.ER_TABLE_EXISTS_ERROR.format(name)));
                return UpdateCountResult.EMPTY;
            }
            throw new QuiverException(ErrorCode.ER_TABLE_EXISTS_ERROR, name);
        }
        try {
            storage.createTable(database, definition);
        }
        catch (QuiverException ex) {
            if (ex.errorCode() == ErrorCode.ER_TABLE_EXISTS_ERROR && create.ifNotExists()) {
                context.addWarning(new Warning(Warning.Level.Note, ErrorCode.ER_TABLE_EXISTS_ERROR.vendorCode(), ErrorCode.ER_TABLE_EXISTS_ERROR.format(name)));
                return UpdateCountResult.EMPTY;
            }
            throw ex;
        }
        extras.register(database, create);
        return UpdateCountResult.EMPTY;
    }

    QueryResult dropTable(Statement.DropTable drop, ExecutionContext context)
    {
        List<String> missing = new ArrayList<>();
        List<String[]> existing = new ArrayList<>();
        for (TableName each : drop.tables()) {
            String database = TableValues.database(each, context.session());
            accessControl.checkCanDropTable(context.session().identity(), database, each.name());
            if (storage.databaseExists(database) && storage.tableExists(database, each.name())) {
                existing.add(new String[] {database, each.name()});
            }
            else {
                missing.add(database + "." + each.name());
            }
        }
        if (!missing.isEmpty() && !drop.ifExists()) {
            throw new QuiverException(ErrorCode.ER_BAD_TABLE_ERROR, String.join(",", missing));
        }
        for (String each : missing) {
            context.addWarning(new Warning(Warning.Level.Note, ErrorCode.ER_BAD_TABLE_ERROR.vendorCode(), ErrorCode.ER_BAD_TABLE_ERROR.format(each)));
        }
        for (String[] each : existing) {
            storage.dropTable(each[0], each[1]);
            extras.forget(each[0], each[1]);
        }
        return UpdateCountResult.EMPTY;
    }

    QueryResult truncate(Statement.TruncateTable truncate, ExecutionContext context)
    {
        String database = TableValues.database(truncate.table(), context.session());
        accessControl.checkCanDropTable(context.session().identity(), database, truncate.table().name());
        storage.table(database, truncate.table().name()).truncate();
        return UpdateCountResult.EMPTY;
    }

    /** CREATE INDEX on an existing table ({@link AlterTableExecutor}). */
    QueryResult createIndex(Statement.CreateIndex create, ExecutionContext context)
    {
        return alterTableExecutor.createIndex(create, context);
    }

    /** DROP INDEX name ON t ({@link AlterTableExecutor}). */
    QueryResult dropIndex(Statement.DropIndex drop, ExecutionContext context)
    {
        return alterTableExecutor.dropIndex(drop, context);
    }

    /**
     * RENAME TABLE a TO b[, c TO d]: the pairs are checked in order against the tables as the earlier pairs leave them
     * (1146 missing source, 1049 missing target database, 1050 existing target), so a failing pair changes nothing.
     */
    QueryResult renameTables(Statement.RenameTables rename, ExecutionContext context)
    {
        java.util.Set<String> added = new java.util.HashSet<>();
        java.util.Set<String> removed = new java.util.HashSet<>();
        List<String[]> moves = new ArrayList<>();
        for (int i = 0; i < rename.from().size(); i++) {
            TableName from = rename.from().get(i);
            TableName to = rename.to().get(i);
            String database = TableValues.database(from, context.session());
            String newDatabase = TableValues.database(to, context.session());
            accessControl.checkCanAlterTable(context.session().identity(), database, from.name());
            accessControl.checkCanDropTable(context.session().identity(), database, from.name());
            accessControl.checkCanCreateTable(context.session().identity(), newDatabase, to.name());
            if (to.name().length() > ColumnDefinitions.MAXIMUM_IDENTIFIER_LENGTH) {
                throw new QuiverException(ErrorCode.ER_TOO_LONG_IDENT, to.name());
            }
            if (to.name().isEmpty() || to.name().endsWith(" ")) {
                throw new QuiverException(ErrorCode.ER_WRONG_TABLE_NAME, to.name());
            }
            if (!exists(database, from.name(), added, removed)) {
                throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, database, from.name());
            }
            if (!storage.databaseExists(newDatabase)) {
                throw new QuiverException(ErrorCode.ER_BAD_DB_ERROR, newDatabase);
            }
            if (exists(newDatabase, to.name(), added, removed)) {
                throw new QuiverException(ErrorCode.ER_TABLE_EXISTS_ERROR, to.name());
            }
            removed.add(database + "\0" + from.name());
            added.remove(database + "\0" + from.name());
            added.add(newDatabase + "\0" + to.name());
            removed.remove(newDatabase + "\0" + to.name());
            moves.add(new String[] {database, from.name(), newDatabase, to.name()});
        }
        for (String[] each : moves) {
            storage.renameTable(each[0], each[1], each[2], each[3]);
            extras.rename(each[0], each[1], each[2], each[3]);
        }
        return UpdateCountResult.EMPTY;
    }

    private boolean exists(String database, String table, java.util.Set<String> added, java.util.Set<String> removed)
    {
        String key = database + "\0" + table;
        if (added.contains(key)) {
            return true;
        }
        return !removed.contains(key) && storage.databaseExists(database) && storage.tableExists(database, table);
    }

    /** ALTER TABLE ({@link AlterTableExecutor}). */
    QueryResult alterTable(Statement.AlterTable alter, ExecutionContext context)
    {
        return alterTableExecutor.alterTable(alter, context);
    }

    /** SHOW TABLE STATUS ({@link TableShowExecutor}). */
    QueryResult showTableStatus(Statement.ShowTableStatus show, ExecutionContext context)
    {
        return tableShowExecutor.showTableStatus(show, context);
    }

    /** SHOW [FULL] TABLES ({@link TableShowExecutor}). */
    QueryResult showTables(Statement.ShowTables show, ExecutionContext context)
    {
        return tableShowExecutor.showTables(show, context);
    }

    /** SHOW COLUMNS, SHOW CREATE TABLE and SHOW INDEX ({@link TableShowExecutor}). */
    QueryResult showTable(Statement.ShowTable show, ExecutionContext context)
    {
        return tableShowExecutor.showTable(show, context);
    }
}
