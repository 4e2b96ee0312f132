package dev.quiver.sql.execution;

import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.tree.ColumnSpec;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Statement;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What CREATE TABLE says that the storage catalog cannot hold yet: expression defaults ({@code DEFAULT
 * (replace(uuid(), '-', ''))}, {@code DEFAULT CURRENT_TIMESTAMP}), {@code ON UPDATE CURRENT_TIMESTAMP}, and column
 * and table comments. They are kept durable as ordinary rows of {@code mysql.quiver_table_extras} (one row per
 * table, written at CREATE TABLE, deleted at DROP TABLE) and cached in memory; without a {@code mysql} database
 * (in-process tests) they live in memory only. Move them into the storage catalog once it can hold them.
 */
final class TableExtras
{
    record Extras(Map<String, Expression> expressionDefaults, Map<String, String> defaultTexts, List<String> onUpdateColumns, Map<String, String> comments, Optional<String> tableComment) {}

    static final String SYSTEM_DATABASE = "mysql";
    static final String SYSTEM_TABLE = "quiver_table_extras";

    private final dev.quiver.storage.StorageEngine storage;
    private final dev.quiver.sql.parser.SqlParser parser = new dev.quiver.sql.parser.SqlParser("8.0.36");
    private final Map<String, Optional<Extras>> tables = new ConcurrentHashMap<>();

    TableExtras(dev.quiver.storage.StorageEngine storage)
    {
        this.storage = java.util.Objects.requireNonNull(storage, "storage is null");
    }

    void register(String database, Statement.CreateTable create)
    {
        Map<String, Expression> defaults = new java.util.LinkedHashMap<>();
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        List<String> onUpdate = new ArrayList<>();
        Map<String, String> comments = new java.util.LinkedHashMap<>();
        for (ColumnSpec each : create.columns()) {
            if (each.defaultIsExpression()) {
                defaults.put(fold(each.name()), each.defaultValue().orElseThrow());
                texts.put(fold(each.name()), each.defaultText().orElse(""));
            }
            if (each.onUpdateCurrentTimestamp()) {
                onUpdate.add(each.name());
            }
            each.comment().ifPresent(comment -> comments.put(fold(each.name()), comment));
        }
        Extras extras = new Extras(Map.copyOf(defaults), Map.copyOf(texts), List.copyOf(onUpdate), Map.copyOf(comments), create.comment());
        boolean empty = defaults.isEmpty() && onUpdate.isEmpty() && comments.isEmpty() && create.comment().isEmpty();
        persist(database, create.table().name(), empty ? Optional.empty() : Optional.of(extras));
        tables.put(key(database, create.table().name()), empty ? Optional.empty() : Optional.of(extras));
    }

    void forget(String database, String table)
    {
        persist(database, table, Optional.empty());
        tables.put(key(database, table), Optional.empty());
    }

    /** RENAME TABLE: the extras follow the table to its new name. */
    void rename(String database, String table, String newDatabase, String newTable)
    {
        Optional<Extras> current = of(database, table);
        if (current.isEmpty()) {
            tables.put(key(newDatabase, newTable), Optional.empty());
            return;
        }
        persist(newDatabase, newTable, current);
        tables.put(key(newDatabase, newTable), current);
        forget(database, table);
    }

    /** ALTER TABLE: replaces the extras of a table (empty when nothing is left). */
    void replace(String database, String table, Optional<Extras> extras)
    {
        Optional<Extras> kept = extras.filter(each -> !each.expressionDefaults().isEmpty() || !each.onUpdateColumns().isEmpty()
                || !each.comments().isEmpty() || each.tableComment().isPresent());
        persist(database, table, kept);
        tables.put(key(database, table), kept);
    }

    Optional<Extras> of(String database, String table)
    {
        return tables.computeIfAbsent(key(database, table), ignored -> load(database, table));
    }

    private Optional<dev.quiver.storage.Table> systemTable(boolean create)
    {
        if (!storage.databaseExists(SYSTEM_DATABASE)) {
            return Optional.empty();
        }
        if (!storage.tableExists(SYSTEM_DATABASE, SYSTEM_TABLE)) {
            if (!create) {
                return Optional.empty();
            }
            dev.quiver.storage.catalog.ColumnType key = dev.quiver.storage.catalog.ColumnType.BinaryType.varbinary(256);
            try {
                storage.createTable(SYSTEM_DATABASE, new TableDefinition(SYSTEM_TABLE, List.of(
                        dev.quiver.storage.catalog.ColumnDefinition.notNull("db", key),
                        dev.quiver.storage.catalog.ColumnDefinition.notNull("tbl", key),
                        dev.quiver.storage.catalog.ColumnDefinition.nullable("extras", dev.quiver.storage.catalog.ColumnType.StringType.longText())),
                        List.of(dev.quiver.storage.catalog.IndexDefinition.primaryKey("db", "tbl"))));
            }
            catch (dev.quiver.common.QuiverException ex) {
                if (ex.errorCode() != dev.quiver.common.ErrorCode.ER_TABLE_EXISTS_ERROR) {
                    throw ex;
                }
            }
        }
        return Optional.of(storage.table(SYSTEM_DATABASE, SYSTEM_TABLE));
    }

    private static List<Value> keyOf(String database, String table)
    {
        return List.of(Value.of(database.getBytes(java.nio.charset.StandardCharsets.UTF_8)), Value.of(table.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private void persist(String database, String table, Optional<Extras> extras)
    {
        if (database.equals(SYSTEM_DATABASE) && table.equals(SYSTEM_TABLE)) {
            return;
        }
        Optional<dev.quiver.storage.Table> system = systemTable(extras.isPresent());
        if (system.isEmpty()) {
            return;
        }
        List<Value> key = keyOf(database, table);
        if (extras.isEmpty()) {
            system.get().delete(dev.quiver.storage.filter.Filter.and(dev.quiver.storage.filter.Filter.equal("db", key.get(0)),
                    dev.quiver.storage.filter.Filter.equal("tbl", key.get(1))));
            return;
        }
        system.get().write(new dev.quiver.storage.table.WriteRequest(List.of("db", "tbl", "extras"),
                List.of(List.of(key.get(0), key.get(1), Value.of(serialize(extras.get())))), dev.quiver.storage.table.ConflictPolicy.REPLACE));
    }

    private Optional<Extras> load(String database, String table)
    {
        Optional<dev.quiver.storage.Table> system = systemTable(false);
        if (system.isEmpty() || !system.get().definition().indexes().get(0).kind().isUnique()) {
            return Optional.empty();
        }
        List<Optional<dev.quiver.storage.row.Row>> found = system.get().get(List.of(keyOf(database, table)));
        return found.get(0).map(row -> deserialize(((Value.StringValue) row.get(2)).value()));
    }

    /** One line per item, tab-separated, tabs/newlines/backslashes escaped: {@code T comment}, {@code C name default-text on-update comment}. */
    private static String serialize(Extras extras)
    {
        StringBuilder text = new StringBuilder();
        extras.tableComment().ifPresent(comment -> text.append("T\t").append(escape(comment)).append('\n'));
        java.util.Set<String> columns = new java.util.LinkedHashSet<>();
        columns.addAll(extras.defaultTexts().keySet());
        extras.onUpdateColumns().forEach(each -> columns.add(fold(each)));
        columns.addAll(extras.comments().keySet());
        for (String column : columns) {
            text.append("C\t").append(escape(column))
                    .append('\t').append(extras.defaultTexts().containsKey(column) ? "D" + escape(extras.defaultTexts().get(column)) : "")
                    .append('\t').append(extras.onUpdateColumns().stream().anyMatch(each -> fold(each).equals(column)) ? "1" : "0")
                    .append('\t').append(extras.comments().containsKey(column) ? "M" + escape(extras.comments().get(column)) : "")
                    .append('\n');
        }
        return text.toString();
    }

    private Extras deserialize(String text)
    {
        Map<String, Expression> defaults = new java.util.LinkedHashMap<>();
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        List<String> onUpdate = new ArrayList<>();
        Map<String, String> comments = new java.util.LinkedHashMap<>();
        Optional<String> tableComment = Optional.empty();
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", -1);
            if (parts[0].equals("T") && parts.length == 2) {
                tableComment = Optional.of(unescape(parts[1]));
            }
            else if (parts[0].equals("C") && parts.length == 5) {
                String column = unescape(parts[1]);
                if (parts[2].startsWith("D")) {
                    String defaultText = unescape(parts[2].substring(1));
                    texts.put(column, defaultText);
                    defaults.put(column, defaultText.equals("CURRENT_TIMESTAMP") ? new Expression.FunctionCall("now", List.of()) : parseExpression(defaultText));
                }
                if (parts[3].equals("1")) {
                    onUpdate.add(column);
                }
                if (parts[4].startsWith("M")) {
                    comments.put(column, unescape(parts[4].substring(1)));
                }
            }
        }
        return new Extras(Map.copyOf(defaults), Map.copyOf(texts), List.copyOf(onUpdate), Map.copyOf(comments), tableComment);
    }

    private Expression parseExpression(String text)
    {
        Statement statement = parser.parseSingle("SELECT " + text).statement();
        if (statement instanceof Statement.Query query && query.items().size() == 1) {
            return query.items().get(0).expression();
        }
        throw new IllegalStateException("stored default expression does not parse: " + text);
    }

    private static String escape(String text)
    {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String text)
    {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                result.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            }
            else {
                result.append(c);
            }
        }
        return result.toString();
    }

    Optional<Expression> expressionDefault(String database, String table, String column)
    {
        return of(database, table).map(extras -> extras.expressionDefaults().get(fold(column)));
    }

    Optional<String> comment(String database, String table, String column)
    {
        return of(database, table).map(extras -> extras.comments().get(fold(column)));
    }

    /** Appends the omitted columns that have expression defaults, evaluated per row. */
    void addExpressionDefaults(String database, TableDefinition definition, List<String> columns, List<List<Value>> rows, ExecutionContext context)
    {
        Optional<Extras> extras = of(database, definition.name());
        if (extras.isEmpty() || extras.get().expressionDefaults().isEmpty()) {
            return;
        }
        for (Map.Entry<String, Expression> each : extras.get().expressionDefaults().entrySet()) {
            if (columns.stream().anyMatch(column -> fold(column).equals(each.getKey()))) {
                continue;
            }
            int index = definition.columnIndex(each.getKey()).orElse(-1);
            if (index < 0) {
                continue;
            }
            columns.add(definition.columns().get(index).name());
            for (int i = 0; i < rows.size(); i++) {
                List<Value> row = new ArrayList<>(rows.get(i));
                row.add(TableValues.toValue(ExpressionEvaluator.evaluate(each.getValue(), context)));
                rows.set(i, row);
            }
        }
    }

    /** ON UPDATE CURRENT_TIMESTAMP: a changed row whose such column was not changed explicitly gets the statement time. */
    Row onUpdate(String database, TableDefinition definition, Row before, Row after, ExecutionContext context)
    {
        Optional<Extras> extras = of(database, definition.name());
        if (extras.isEmpty() || extras.get().onUpdateColumns().isEmpty() || before.equals(after)) {
            return after;
        }
        Row result = after;
        for (String column : extras.get().onUpdateColumns()) {
            int index = definition.columnIndex(column).orElse(-1);
            if (index >= 0 && before.get(index).equals(after.get(index))) {
                result = result.with(index, new Value.DateTimeValue(context.statementTime()));
            }
        }
        return result;
    }

    private static String key(String database, String table)
    {
        return database + "\u0000" + table;
    }

    private static String fold(String name)
    {
        return name.toLowerCase(Locale.ROOT);
    }
}
