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
 * and table comments. Kept in memory, per table, by this server process: after a restart a table created with
 * them keeps its columns and rows but loses these extras (an omitted column then takes NULL), until the storage
 * catalog can store them.
 */
final class TableExtras
{
    record Extras(Map<String, Expression> expressionDefaults, Map<String, String> defaultTexts, List<String> onUpdateColumns, Map<String, String> comments, Optional<String> tableComment) {}

    private final Map<String, Extras> tables = new ConcurrentHashMap<>();

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
        tables.put(key(database, create.table().name()), new Extras(Map.copyOf(defaults), Map.copyOf(texts), List.copyOf(onUpdate), Map.copyOf(comments), create.comment()));
    }

    void forget(String database, String table)
    {
        tables.remove(key(database, table));
    }

    Optional<Extras> of(String database, String table)
    {
        return Optional.ofNullable(tables.get(key(database, table)));
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
