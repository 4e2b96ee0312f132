package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.result.UpdateCountResult;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.session.Warning;
import dev.quiver.sql.tree.ColumnSpec;
import dev.quiver.sql.tree.ShowFilter;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.TableName;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.row.ValueCoercion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** CREATE TABLE, DROP TABLE, TRUNCATE, CREATE INDEX and the table SHOW statements (SHOW TABLES, COLUMNS, CREATE TABLE, INDEX). */
final class DdlExecutor
{
    private static final int MAXIMUM_IDENTIFIER_LENGTH = 64;

    private final StorageEngine storage;
    private final AccessControl accessControl;
    private final TableExtras extras;

    DdlExecutor(StorageEngine storage, AccessControl accessControl, TableExtras extras)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.extras = requireNonNull(extras, "extras is null");
    }

    QueryResult createTable(Statement.CreateTable create, ExecutionContext context)
    {
        String database = TableValues.database(create.table(), context.session());
        String name = create.table().name();
        if (name.length() > MAXIMUM_IDENTIFIER_LENGTH) {
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
            columns.add(column(name, each, context));
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

    private static ColumnDefinition column(String table, ColumnSpec spec, ExecutionContext context)
    {
        if (spec.name().length() > MAXIMUM_IDENTIFIER_LENGTH) {
            throw new QuiverException(ErrorCode.ER_TOO_LONG_IDENT, spec.name());
        }
        if (spec.autoIncrement() && !(spec.type() instanceof ColumnType.IntegerType)) {
            throw new QuiverException(ErrorCode.ER_WRONG_FIELD_SPEC, spec.name());
        }
        boolean nullable = spec.nullable().orElse(true) && !spec.primaryKey();
        ColumnDefinition column = new ColumnDefinition(spec.name(), spec.type(), nullable, Optional.empty(), spec.autoIncrement());
        if (spec.defaultValue().isPresent() && !spec.defaultIsExpression()) {
            boolean blob = spec.type() instanceof ColumnType.JsonType
                    || (spec.type() instanceof ColumnType.StringType text && text.kind() != ColumnType.StringKind.STRING && !text.lengthInCharacters())
                    || (spec.type() instanceof ColumnType.BinaryType binary && binary.kind() != ColumnType.BinaryKind.BINARY && binary.kind() != ColumnType.BinaryKind.VARBINARY);
            if (blob && !(spec.defaultValue().get() instanceof dev.quiver.sql.tree.Expression.NullLiteral)) {
                // MySQL 8 takes expression defaults only for these
                throw new QuiverException(ErrorCode.ER_BLOB_CANT_HAVE_DEFAULT, spec.name());
            }
            if (spec.autoIncrement()) {
                throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, spec.name());
            }
            Value value = TableValues.toValue(ExpressionEvaluator.evaluate(spec.defaultValue().get(), context));
            if (value.isNull()) {
                if (!nullable) {
                    throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, spec.name());
                }
                return column.withDefault(Value.NULL);
            }
            try {
                return column.withDefault(ValueCoercion.coerce(table, column, value, 1));
            }
            catch (QuiverException ex) {
                throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, spec.name());
            }
        }
        if (spec.defaultIsExpression() && spec.defaultText().orElse("").equals("CURRENT_TIMESTAMP")
                && !(spec.type() instanceof ColumnType.TemporalType temporal && temporal.kind() != ColumnType.TemporalKind.DATE)) {
            throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, spec.name());
        }
        return column;
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

    /**
     * CREATE INDEX on an existing table: one crash-atomic {@link StorageEngine#alterTable} with the identity mapper.
     * Values breaking a new unique index answer 1062 naming the key as MySQL 8 does, and nothing changes.
     */
    QueryResult createIndex(Statement.CreateIndex create, ExecutionContext context)
    {
        String database = TableValues.database(create.table(), context.session());
        accessControl.checkCanCreateIndex(context.session().identity(), database, create.table().name());
        TableDefinition old = storage.table(database, create.table().name()).definition();
        List<IndexDefinition> indexes = new ArrayList<>(old.indexes());
        indexes.add(create.index());
        TableDefinition definition = validated(new TableDefinition(old.name(), old.columns(), indexes));
        alter(database, old.name(), definition, row -> row);
        return UpdateCountResult.EMPTY;
    }

    /** DROP INDEX name ON t; 1091 when the table has no such key. {@code `PRIMARY`} drops the primary key. */
    QueryResult dropIndex(Statement.DropIndex drop, ExecutionContext context)
    {
        String database = TableValues.database(drop.table(), context.session());
        accessControl.checkCanCreateIndex(context.session().identity(), database, drop.table().name());
        TableDefinition old = storage.table(database, drop.table().name()).definition();
        List<IndexDefinition> indexes = new ArrayList<>(old.indexes());
        if (!indexes.removeIf(each -> each.name().equalsIgnoreCase(drop.name()))) {
            throw new QuiverException(ErrorCode.ER_CANT_DROP_FIELD_OR_KEY, drop.name());
        }
        alter(database, old.name(), new TableDefinition(old.name(), old.columns(), indexes), row -> row);
        return UpdateCountResult.EMPTY;
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
            accessControl.checkCanDropTable(context.session().identity(), database, from.name());
            accessControl.checkCanCreateTable(context.session().identity(), newDatabase, to.name());
            if (to.name().length() > MAXIMUM_IDENTIFIER_LENGTH) {
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

    private void alter(String database, String table, TableDefinition definition, java.util.function.UnaryOperator<dev.quiver.storage.row.Row> mapper)
    {
        try {
            storage.alterTable(database, table, definition, mapper);
        }
        catch (QuiverException ex) {
            throw WriteExecutor.mysqlDuplicate(ex, table);
        }
    }

    private static TableDefinition validated(TableDefinition definition)
    {
        for (IndexDefinition index : definition.indexes()) {
            if (index.kind() == IndexDefinition.Kind.VECTOR) {
                ColumnDefinition column = definition.columns().get(definition.columnIndex(index.columns().get(0)).getAsInt());
                if (index.columns().size() != 1 || !(column.type() instanceof ColumnType.VectorType)) {
                    throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "VECTOR INDEX " + index.name() + " (it needs one VECTOR column)");
                }
            }
        }
        return definition;
    }

    QueryResult showTables(Statement.ShowTables show, ExecutionContext context)
    {
        String database = show.database().orElseGet(() -> {
            if (context.session().database() == null) {
                throw new QuiverException(ErrorCode.ER_NO_DB_ERROR);
            }
            return context.session().database();
        });
        accessControl.checkCanAccessDatabase(context.session().identity(), database);
        List<String> tables = database.equalsIgnoreCase(ShowExecutor.INFORMATION_SCHEMA)
                ? List.of("COLUMNS", "KEY_COLUMN_USAGE", "SCHEMATA", "STATISTICS", "TABLES")
                : listTables(database);
        String name = "Tables_in_" + database;
        if (show.filter().orElse(null) instanceof ShowFilter.Like like) {
            name += " (" + like.pattern() + ")";
        }
        List<ResultColumn> columns = new ArrayList<>();
        columns.add(Results.text(name, 64, false));
        if (show.full()) {
            columns.add(Results.text("Table_type", 64, false));
        }
        List<Object[]> rows = new ArrayList<>();
        for (String each : tables) {
            rows.add(show.full() ? new Object[] {each, "BASE TABLE"} : new Object[] {each});
        }
        if (show.filter().orElse(null) instanceof ShowFilter.Like like) {
            List<Object[]> matched = rows.stream().filter(each -> dev.quiver.sql.expression.LikeMatcher.matches((String) each[0], like.pattern(), '\\', true)).toList();
            return Results.rows(columns, matched);
        }
        return ShowExecutor.filtered(columns, rows, show.filter(), context, name);
    }

    private List<String> listTables(String database)
    {
        if (!storage.databaseExists(database)) {
            throw new QuiverException(ErrorCode.ER_BAD_DB_ERROR, database);
        }
        return storage.listTables(database);
    }

    QueryResult showTable(Statement.ShowTable show, ExecutionContext context)
    {
        String database = TableValues.database(show.table(), context.session());
        Table table = storage.table(database, show.table().name());
        TableDefinition definition = table.definition();
        accessControl.checkCanSelect(context.session().identity(), database, definition.name(), definition.columns().stream().map(ColumnDefinition::name).toList());
        return switch (show.target()) {
            case COLUMNS -> columns(database, definition, show, context);
            case CREATE_TABLE -> Results.rows(List.of(Results.text("Table", 64, false), Results.text("Create Table", 1024, false)),
                    List.<Object[]>of(new Object[] {definition.name(), TableText.createTable(definition, extras.of(database, definition.name()))}));
            case INDEX -> indexes(definition, show, context);
        };
    }

    private QueryResult columns(String database, TableDefinition definition, Statement.ShowTable show, ExecutionContext context)
    {
        List<ResultColumn> columns = new ArrayList<>();
        columns.add(Results.text("Field", 64, false));
        columns.add(Results.text("Type", 256, false));
        if (show.full()) {
            columns.add(Results.text("Collation", 64, true));
        }
        columns.add(Results.text("Null", 3, false));
        columns.add(Results.text("Key", 3, false));
        columns.add(Results.text("Default", 256, true));
        columns.add(Results.text("Extra", 256, false));
        if (show.full()) {
            columns.add(Results.text("Privileges", 80, false));
            columns.add(Results.text("Comment", 1024, false));
        }
        Optional<TableExtras.Extras> tableExtras = extras.of(database, definition.name());
        List<Object[]> rows = new ArrayList<>();
        for (ColumnDefinition column : definition.columns()) {
            List<Object> row = new ArrayList<>();
            row.add(column.name());
            row.add(TableText.typeText(column.type()));
            if (show.full()) {
                row.add(column.type() instanceof ColumnType.StringType ? "utf8mb4_general_ci" : null);
            }
            row.add(column.nullable() ? "YES" : "NO");
            row.add(keyOf(definition, column));
            String expression = tableExtras.map(each -> each.expressionDefaults().get(column.name().toLowerCase(java.util.Locale.ROOT)) == null ? null : "").orElse(null);
            String defaultText = expression != null
                    ? TableText.expressionDefaultText(definition, column, tableExtras)
                    : column.defaultValue().filter(value -> !value.isNull()).map(TableText::valueText).orElse(null);
            row.add(defaultText);
            row.add(TableText.extraText(column, tableExtras));
            if (show.full()) {
                row.add("select,insert,update,references");
                row.add(tableExtras.map(each -> each.comments().getOrDefault(column.name().toLowerCase(java.util.Locale.ROOT), "")).orElse(""));
            }
            rows.add(row.toArray());
        }
        if (show.filter().orElse(null) instanceof ShowFilter.Like like) {
            return Results.rows(columns, rows.stream().filter(each -> dev.quiver.sql.expression.LikeMatcher.matches((String) each[0], like.pattern(), '\\', false)).toList());
        }
        return ShowExecutor.filtered(columns, rows, show.filter(), context);
    }

    static String keyOf(TableDefinition definition, ColumnDefinition column)
    {
        String result = "";
        for (IndexDefinition index : definition.indexes()) {
            boolean first = index.columns().get(0).equalsIgnoreCase(column.name());
            if (index.kind() == IndexDefinition.Kind.PRIMARY && index.columns().stream().anyMatch(each -> each.equalsIgnoreCase(column.name()))) {
                return "PRI";
            }
            if (first && index.kind() == IndexDefinition.Kind.UNIQUE && index.columns().size() == 1 && !column.nullable() && result.isEmpty()) {
                result = "UNI";
            }
            else if (first && index.kind() == IndexDefinition.Kind.UNIQUE && index.columns().size() == 1 && result.isEmpty()) {
                result = "UNI";
            }
            else if (first && result.isEmpty()) {
                result = "MUL";
            }
        }
        return result;
    }

    private QueryResult indexes(TableDefinition definition, Statement.ShowTable show, ExecutionContext context)
    {
        List<ResultColumn> columns = List.of(
                Results.text("Table", 64, false), Results.bigint("Non_unique", false), Results.text("Key_name", 64, false),
                Results.unsignedInt("Seq_in_index", 10), Results.text("Column_name", 64, true), Results.text("Collation", 1, true),
                Results.bigint("Cardinality", true), Results.bigint("Sub_part", true), Results.text("Packed", 10, true), Results.text("Null", 3, false),
                Results.text("Index_type", 16, false), Results.text("Comment", 8, false), Results.text("Index_comment", 2048, false),
                Results.text("Visible", 3, false), Results.text("Expression", 64, true));
        List<Object[]> rows = new ArrayList<>();
        for (IndexDefinition index : definition.indexes()) {
            for (int i = 0; i < index.columns().size(); i++) {
                ColumnDefinition column = definition.columns().get(definition.columnIndex(index.columns().get(i)).getAsInt());
                String type = switch (index.kind()) {
                    case VECTOR -> "VECTOR";
                    case FULLTEXT -> "FULLTEXT";
                    default -> "BTREE";
                };
                boolean ordered = index.kind() != IndexDefinition.Kind.VECTOR && index.kind() != IndexDefinition.Kind.FULLTEXT;
                rows.add(new Object[] {definition.name(), index.kind().isUnique() ? 0L : 1L, index.name(), (long) (i + 1), column.name(),
                        ordered ? "A" : null, null, null, null, column.nullable() ? "YES" : "", type, "", index.options().getOrDefault("comment", ""), "YES", null});
            }
        }
        return ShowExecutor.filtered(columns, rows, show.filter(), context);
    }
}
