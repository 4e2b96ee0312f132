package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.Session;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.memory.InMemoryStorageEngine;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code information_schema} tables SCHEMATA, TABLES, COLUMNS, STATISTICS and KEY_COLUMN_USAGE (MySQL 8's most
 * used columns), as a snapshot of the catalog taken per query, filtered by what the user may see. The snapshot is
 * an in-memory engine's table, so a SELECT over it runs exactly like one over a stored table.
 */
final class InformationSchema
{
    private static final ColumnType NAME = ColumnType.StringType.varchar(64);
    private static final ColumnType TEXT = ColumnType.StringType.varchar(2048);
    private static final ColumnType NUMBER = ColumnType.IntegerType.unsigned(ColumnType.IntegerWidth.BIGINT);

    private final StorageEngine storage;
    private final AccessControl accessControl;
    private final TableExtras extras;

    InformationSchema(StorageEngine storage, AccessControl accessControl, TableExtras extras)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.extras = requireNonNull(extras, "extras is null");
    }

    /** A snapshot of the named view; ER_NO_SUCH_TABLE for views this version does not have. */
    Table table(String name, Session session)
    {
        String upper = name.toUpperCase(Locale.ROOT);
        TableDefinition definition = switch (upper) {
            case "SCHEMATA" -> definition(upper, "CATALOG_NAME", "SCHEMA_NAME", "DEFAULT_CHARACTER_SET_NAME", "DEFAULT_COLLATION_NAME", "SQL_PATH");
            case "TABLES" -> definition(upper, "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "TABLE_TYPE", "ENGINE", "#TABLE_ROWS", "#AUTO_INCREMENT",
                    "TABLE_COLLATION", "TABLE_COMMENT");
            case "COLUMNS" -> definition(upper, "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "COLUMN_NAME", "#ORDINAL_POSITION", "*COLUMN_DEFAULT",
                    "IS_NULLABLE", "DATA_TYPE", "*COLUMN_TYPE", "COLUMN_KEY", "EXTRA", "*COLUMN_COMMENT", "#CHARACTER_MAXIMUM_LENGTH",
                    "#CHARACTER_OCTET_LENGTH", "#NUMERIC_PRECISION", "#NUMERIC_SCALE", "#DATETIME_PRECISION", "CHARACTER_SET_NAME", "COLLATION_NAME",
                    "PRIVILEGES", "*GENERATION_EXPRESSION", "#SRS_ID");
            case "STATISTICS" -> definition(upper, "TABLE_CATALOG", "TABLE_SCHEMA", "TABLE_NAME", "#NON_UNIQUE", "INDEX_SCHEMA", "INDEX_NAME",
                    "#SEQ_IN_INDEX", "COLUMN_NAME", "NULLABLE", "INDEX_TYPE", "COLLATION", "#CARDINALITY", "#SUB_PART", "PACKED", "COMMENT",
                    "INDEX_COMMENT", "IS_VISIBLE", "*EXPRESSION");
            case "KEY_COLUMN_USAGE" -> definition(upper, "CONSTRAINT_CATALOG", "CONSTRAINT_SCHEMA", "CONSTRAINT_NAME", "TABLE_CATALOG", "TABLE_SCHEMA",
                    "TABLE_NAME", "COLUMN_NAME", "#ORDINAL_POSITION");
            default -> throw new QuiverException(ErrorCode.ER_UNKNOWN_TABLE, name, ShowExecutor.INFORMATION_SCHEMA);
        };
        List<List<Value>> rows = rows(upper, session);
        InMemoryStorageEngine snapshot = new InMemoryStorageEngine();
        snapshot.createDatabase(ShowExecutor.INFORMATION_SCHEMA);
        snapshot.createTable(ShowExecutor.INFORMATION_SCHEMA, definition);
        Table table = snapshot.table(ShowExecutor.INFORMATION_SCHEMA, upper);
        if (!rows.isEmpty()) {
            table.write(new WriteRequest(definition.columns().stream().map(ColumnDefinition::name).toList(), rows, ConflictPolicy.ERROR));
        }
        return table;
    }

    /** Column names; {@code #} marks a number, {@code *} long text, both nullable. */
    private static TableDefinition definition(String name, String... columns)
    {
        List<ColumnDefinition> result = new ArrayList<>();
        for (String each : columns) {
            if (each.startsWith("#")) {
                result.add(ColumnDefinition.nullable(each.substring(1), NUMBER));
            }
            else if (each.startsWith("*")) {
                result.add(ColumnDefinition.nullable(each.substring(1), TEXT));
            }
            else {
                result.add(ColumnDefinition.nullable(each, NAME));
            }
        }
        return new TableDefinition(name, result, List.of());
    }

    private List<String> databases(Session session)
    {
        List<String> result = new ArrayList<>();
        for (String each : storage.listDatabases()) {
            if (accessControl.canSeeDatabase(session.identity(), each)) {
                result.add(each);
            }
        }
        return result;
    }

    private List<List<Value>> rows(String view, Session session)
    {
        List<List<Value>> rows = new ArrayList<>();
        if (view.equals("SCHEMATA")) {
            rows.add(values("def", ShowExecutor.INFORMATION_SCHEMA, "utf8mb3", "utf8mb3_general_ci", null));
            for (String database : databases(session)) {
                rows.add(values("def", database, "utf8mb4", "utf8mb4_general_ci", null));
            }
            return rows;
        }
        for (String database : databases(session)) {
            for (String name : storage.listTables(database)) {
                if (!accessControl.canSeeTable(session.identity(), database, name)) {
                    continue;
                }
                Table table;
                try {
                    table = storage.table(database, name);
                }
                catch (QuiverException ex) {
                    continue;
                }
                TableDefinition definition = table.definition();
                Optional<TableExtras.Extras> tableExtras = extras.of(database, name);
                switch (view) {
                    case "TABLES" -> rows.add(values("def", database, name, "BASE TABLE", "InnoDB", table.count(Filter.ALL), null,
                            "utf8mb4_general_ci", tableExtras.flatMap(TableExtras.Extras::tableComment).orElse("")));
                    case "COLUMNS" -> {
                        for (int i = 0; i < definition.columns().size(); i++) {
                            ColumnDefinition column = definition.columns().get(i);
                            String privileges = accessControl.columnPrivileges(session.identity(), database, name, column.name());
                            if (privileges.isEmpty()) {
                                continue;
                            }
                            String expression = TableText.expressionDefaultText(definition, column, tableExtras);
                            String defaultText = expression != null
                                    ? expression
                                    : column.defaultValue().filter(value -> !value.isNull()).map(TableText::valueText).orElse(null);
                            String type = TableText.typeText(column.type());
                            int paren = type.indexOf('(');
                            String dataType = (paren < 0 ? type : type.substring(0, paren)).replace(" unsigned", "");
                            rows.add(values("def", database, name, column.name(), (long) (i + 1), defaultText, column.nullable() ? "YES" : "NO",
                                    dataType, type, TableShowExecutor.keyOf(definition, column), TableText.extraText(column, tableExtras),
                                    tableExtras.map(each -> each.comments().getOrDefault(column.name().toLowerCase(Locale.ROOT), "")).orElse(""),
                                    characterLength(column.type(), 1), characterLength(column.type(), 4), numericPrecision(column.type()), numericScale(column.type()),
                                    column.type() instanceof ColumnType.TemporalType temporal && temporal.kind() != ColumnType.TemporalKind.DATE ? (Object) (long) temporal.fractionalDigits() : null,
                                    isText(column.type()) ? "utf8mb4" : null, isText(column.type()) ? "utf8mb4_general_ci" : null, privileges, "", null));
                        }
                    }
                    case "STATISTICS" -> {
                        for (IndexDefinition index : definition.indexes()) {
                            for (int i = 0; i < index.columns().size(); i++) {
                                String column = index.columns().get(i);
                                boolean nullable = definition.columns().get(definition.columnIndex(column).getAsInt()).nullable();
                                String type = index.kind() == IndexDefinition.Kind.VECTOR ? "VECTOR" : index.kind() == IndexDefinition.Kind.FULLTEXT ? "FULLTEXT" : "BTREE";
                                boolean ordered = type.equals("BTREE");
                                rows.add(values("def", database, name, index.kind().isUnique() ? 0L : 1L, database, index.name(), (long) (i + 1), column,
                                        nullable ? "YES" : "", type, ordered ? "A" : null, null, null, null, "", "", "YES", null));
                            }
                        }
                    }
                    case "KEY_COLUMN_USAGE" -> {
                        for (IndexDefinition index : definition.indexes()) {
                            if (index.kind().isUnique()) {
                                for (int i = 0; i < index.columns().size(); i++) {
                                    rows.add(values("def", database, index.name(), "def", database, name, index.columns().get(i), (long) (i + 1)));
                                }
                            }
                        }
                    }
                    default -> throw new IllegalStateException(view);
                }
            }
        }
        return rows;
    }

    private static boolean isText(ColumnType type)
    {
        return type instanceof ColumnType.StringType;
    }

    /** CHARACTER_MAXIMUM_LENGTH (characters) or, with 4 bytes per character, CHARACTER_OCTET_LENGTH; NULL for other types. */
    private static Object characterLength(ColumnType type, int bytesPerCharacter)
    {
        return switch (type) {
            case ColumnType.StringType text -> text.maxLength() * bytesPerCharacter;
            case ColumnType.BinaryType binary -> binary.maxLength();
            default -> null;
        };
    }

    /** MySQL's NUMERIC_PRECISION: digits of an integer type, 12 and 22 for FLOAT and DOUBLE, a DECIMAL's precision. */
    private static Object numericPrecision(ColumnType type)
    {
        return switch (type) {
            case ColumnType.IntegerType integer -> (long) switch (integer.width()) {
                case TINYINT -> 3;
                case SMALLINT -> 5;
                case MEDIUMINT -> 7;
                case INT -> 10;
                case BIGINT -> integer.unsigned() ? 20 : 19;
            };
            case ColumnType.BooleanType ignored -> 3L;
            case ColumnType.FloatType ignored -> 12L;
            case ColumnType.DoubleType ignored -> 22L;
            case ColumnType.DecimalType decimal -> (long) decimal.precision();
            default -> null;
        };
    }

    private static Object numericScale(ColumnType type)
    {
        return switch (type) {
            case ColumnType.IntegerType ignored -> 0L;
            case ColumnType.BooleanType ignored -> 0L;
            case ColumnType.DecimalType decimal -> (long) decimal.scale();
            default -> null;
        };
    }

    private static List<Value> values(Object... values)
    {
        List<Value> result = new ArrayList<>(values.length);
        for (Object each : values) {
            result.add(TableValues.toValue(each));
        }
        return result;
    }
}
