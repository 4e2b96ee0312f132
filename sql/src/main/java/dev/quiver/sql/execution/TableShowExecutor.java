package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.tree.ShowFilter;
import dev.quiver.sql.tree.Statement;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The statements that describe tables: SHOW [FULL] TABLES, SHOW TABLE STATUS, SHOW [FULL] COLUMNS (and DESCRIBE),
 * SHOW CREATE TABLE and SHOW INDEX, in MySQL 8's column layouts and showing a user only what it may see.
 */
final class TableShowExecutor
{
    private final StorageEngine storage;
    private final AccessControl accessControl;
    private final TableExtras extras;

    TableShowExecutor(StorageEngine storage, AccessControl accessControl, TableExtras extras)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.extras = requireNonNull(extras, "extras is null");
    }

    /** The database a SHOW ... [FROM db] names, else the session's; 1046 when there is neither. */
    private static String namedOrCurrentDatabase(Optional<String> named, ExecutionContext context)
    {
        return named.orElseGet(() -> {
            if (context.session().database() == null) {
                throw new QuiverException(ErrorCode.ER_NO_DB_ERROR);
            }
            return context.session().database();
        });
    }

    /**
     * SHOW TABLE STATUS in MySQL 8's column layout. Rows is an exact count (the engine has no statistics yet);
     * the sizes it cannot report are 0 and Auto_increment is NULL, as information_schema.TABLES shows them.
     */
    QueryResult showTableStatus(Statement.ShowTableStatus show, ExecutionContext context)
    {
        String database = namedOrCurrentDatabase(show.database(), context);
        accessControl.checkCanAccessDatabase(context.session().identity(), database);
        List<ResultColumn> columns = List.of(
                Results.text("Name", 64, false), Results.text("Engine", 64, true), Results.bigint("Version", true),
                Results.text("Row_format", 10, true), Results.bigint("Rows", true), Results.bigint("Avg_row_length", true),
                Results.bigint("Data_length", true), Results.bigint("Max_data_length", true), Results.bigint("Index_length", true),
                Results.bigint("Data_free", true), Results.bigint("Auto_increment", true), Results.text("Create_time", 19, true),
                Results.text("Update_time", 19, true), Results.text("Check_time", 19, true), Results.text("Collation", 64, true),
                Results.bigint("Checksum", true), Results.text("Create_options", 256, true), Results.text("Comment", 2048, true));
        List<Object[]> rows = new ArrayList<>();
        for (String name : visibleTables(database, context)) {
            Table table = storage.table(database, name);
            String comment = extras.of(database, name).flatMap(TableExtras.Extras::tableComment).orElse("");
            rows.add(new Object[] {name, "InnoDB", 10L, "Dynamic", table.count(dev.quiver.storage.filter.Filter.ALL), 0L, 0L, 0L, 0L, 0L,
                    null, null, null, null, "utf8mb4_general_ci", null, "", comment});
        }
        if (show.filter().orElse(null) instanceof ShowFilter.Like like) {
            return Results.rows(columns, rows.stream()
                    .filter(each -> dev.quiver.sql.expression.LikeMatcher.matches((String) each[0], like.pattern(), '\\', true))
                    .toList());
        }
        return ShowExecutor.filtered(columns, rows, show.filter(), context, "Name");
    }

    QueryResult showTables(Statement.ShowTables show, ExecutionContext context)
    {
        String database = namedOrCurrentDatabase(show.database(), context);
        accessControl.checkCanAccessDatabase(context.session().identity(), database);
        List<String> tables = database.equalsIgnoreCase(ShowExecutor.INFORMATION_SCHEMA)
                ? List.of("COLUMNS", "KEY_COLUMN_USAGE", "SCHEMATA", "STATISTICS", "TABLES")
                : visibleTables(database, context);
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

    /** The tables of a database the session may see (any privilege on the table or one of its columns). */
    private List<String> visibleTables(String database, ExecutionContext context)
    {
        return listTables(database).stream().filter(each -> accessControl.canSeeTable(context.session().identity(), database, each)).toList();
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
        if (show.target() == Statement.ShowTableTarget.CREATE_TABLE) {
            accessControl.checkCanShowCreateTable(context.session().identity(), database, definition.name());
        }
        else {
            accessControl.checkCanShowTable(context.session().identity(), database, definition.name());
        }
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
            // MySQL 8 lists only the columns the user holds a column privilege on (all of them with table privileges)
            String privileges = accessControl.columnPrivileges(context.session().identity(), database, definition.name(), column.name());
            if (privileges.isEmpty()) {
                continue;
            }
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
                row.add(privileges);
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
