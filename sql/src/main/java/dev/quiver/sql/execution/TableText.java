package dev.quiver.sql.execution;

import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Value;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The texts of DESCRIBE and SHOW CREATE TABLE: MySQL 8's type names, defaults, extras, and a CREATE TABLE that re-creates the table. */
final class TableText
{
    private TableText()
    {
    }

    /** MySQL 8 type text: {@code int}, {@code int unsigned}, {@code varchar(10)}, {@code vector(3)}. */
    static String typeText(ColumnType type)
    {
        return type.describe();
    }

    static String valueText(Value value)
    {
        return switch (value) {
            case Value.BytesValue bytes -> "0x" + java.util.HexFormat.of().formatHex(bytes.value());
            default -> value.toSqlText();
        };
    }

    static String expressionDefaultText(TableDefinition definition, ColumnDefinition column, Optional<TableExtras.Extras> extras)
    {
        return extras.map(each -> each.expressionDefaults().get(column.name().toLowerCase(Locale.ROOT)))
                .map(expression -> expression instanceof dev.quiver.sql.tree.Expression.FunctionCall call && call.name().equals("now") && call.arguments().isEmpty()
                        ? "CURRENT_TIMESTAMP"
                        : "(" + textOf(extras.get(), column) + ")")
                .orElse(null);
    }

    private static String textOf(TableExtras.Extras extras, ColumnDefinition column)
    {
        return extras.defaultTexts().getOrDefault(column.name().toLowerCase(Locale.ROOT), "");
    }

    static String extraText(ColumnDefinition column, Optional<TableExtras.Extras> extras)
    {
        List<String> parts = new ArrayList<>();
        if (column.autoIncrement()) {
            parts.add("auto_increment");
        }
        boolean generated = extras.map(each -> each.expressionDefaults().containsKey(column.name().toLowerCase(Locale.ROOT))).orElse(false);
        if (generated) {
            parts.add("DEFAULT_GENERATED");
        }
        if (extras.map(each -> each.onUpdateColumns().stream().anyMatch(name -> name.equalsIgnoreCase(column.name()))).orElse(false)) {
            parts.add("on update CURRENT_TIMESTAMP");
        }
        return String.join(" ", parts);
    }

    static String createTable(TableDefinition definition, Optional<TableExtras.Extras> extras)
    {
        List<String> lines = new ArrayList<>();
        for (ColumnDefinition column : definition.columns()) {
            StringBuilder line = new StringBuilder("  ").append(quote(column.name())).append(' ').append(typeText(column.type()));
            if (!column.nullable()) {
                line.append(" NOT NULL");
            }
            else if (column.type() instanceof ColumnType.TemporalType temporal && temporal.kind() == ColumnType.TemporalKind.TIMESTAMP) {
                // MySQL 8 spells out NULL for a nullable TIMESTAMP
                line.append(" NULL");
            }
            String expression = expressionDefaultText(definition, column, extras);
            if (expression != null) {
                line.append(" DEFAULT ").append(expression);
            }
            else if (column.defaultValue().isPresent() && !column.defaultValue().get().isNull()) {
                line.append(" DEFAULT ").append(literal(column.defaultValue().get()));
            }
            else if (column.nullable() && !column.autoIncrement()) {
                line.append(" DEFAULT NULL");
            }
            if (extras.map(each -> each.onUpdateColumns().stream().anyMatch(name -> name.equalsIgnoreCase(column.name()))).orElse(false)) {
                line.append(" ON UPDATE CURRENT_TIMESTAMP");
            }
            if (column.autoIncrement()) {
                line.append(" AUTO_INCREMENT");
            }
            Optional<String> comment = extras.map(each -> each.comments().get(column.name().toLowerCase(Locale.ROOT)));
            comment.ifPresent(text -> line.append(" COMMENT ").append(string(text)));
            lines.add(line.toString());
        }
        for (IndexDefinition index : definition.indexes()) {
            String columns = index.columns().stream().map(TableText::quote).collect(Collectors.joining(","));
            String line = switch (index.kind()) {
                case PRIMARY -> "  PRIMARY KEY (" + columns + ")";
                case UNIQUE -> "  UNIQUE KEY " + quote(index.name()) + " (" + columns + ")";
                case INDEX -> "  KEY " + quote(index.name()) + " (" + columns + ")";
                case FULLTEXT -> "  FULLTEXT KEY " + quote(index.name()) + " (" + columns + ")" + fulltextOptions(index.options());
                case VECTOR -> "  VECTOR KEY " + quote(index.name()) + " (" + columns + ")" + vectorOptions(index.options());
            };
            lines.add(line);
        }
        StringBuilder text = new StringBuilder("CREATE TABLE ").append(quote(definition.name())).append(" (\n");
        text.append(String.join(",\n", lines));
        text.append("\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci");
        extras.flatMap(TableExtras.Extras::tableComment).ifPresent(comment -> text.append(" COMMENT=").append(string(comment)));
        return text.toString();
    }

    private static String fulltextOptions(Map<String, String> options)
    {
        StringBuilder text = new StringBuilder();
        if (options.containsKey("parser")) {
            text.append(" WITH PARSER ").append(options.get("parser"));
        }
        List<String> properties = new ArrayList<>();
        options.forEach((key, value) -> {
            if (key.startsWith("parser_properties.")) {
                properties.add(key.substring("parser_properties.".length()) + "=" + value);
            }
        });
        if (!properties.isEmpty()) {
            text.append(" PARSER_PROPERTIES=(").append(String.join(", ", properties)).append(')');
        }
        return text.toString();
    }

    private static String vectorOptions(Map<String, String> options)
    {
        List<String> parts = new ArrayList<>();
        for (String key : List.of("distance", "type", "lib")) {
            if (options.containsKey(key)) {
                parts.add(key + "=" + options.get(key));
            }
        }
        options.forEach((key, value) -> {
            if (!List.of("distance", "type", "lib", "comment").contains(key)) {
                parts.add(key + "=" + value);
            }
        });
        return parts.isEmpty() ? "" : " WITH (" + String.join(", ", parts) + ")";
    }

    private static String literal(Value value)
    {
        if (value instanceof Value.BytesValue) {
            return valueText(value);
        }
        return string(value.toSqlText());
    }

    static String quote(String identifier)
    {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static String string(String text)
    {
        return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
