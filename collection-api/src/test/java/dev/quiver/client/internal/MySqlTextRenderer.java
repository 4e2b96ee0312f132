package dev.quiver.client.internal;

import java.math.BigDecimal;
import java.util.Iterator;

/**
 * Renders a {@link SqlStatement} to the text a client-side prepared statement sends, with the escaping
 * of mysql2's {@code sql-escaper} (seekdb-js.md §2.4): strings single-quoted with backslash escapes,
 * numbers in JavaScript form, booleans as {@code true}/{@code false}, null as {@code NULL}. This lets
 * tests compare built statements with the SDK's wire captures verbatim.
 */
public final class MySqlTextRenderer
{
    private MySqlTextRenderer() {}

    public static String render(SqlStatement statement)
    {
        String sql = statement.sql();
        Iterator<Object> parameters = statement.parameters().iterator();
        StringBuilder result = new StringBuilder();
        char quote = 0;
        for (int index = 0; index < sql.length(); index++) {
            char each = sql.charAt(index);
            if (quote != 0) {
                result.append(each);
                if (each == '\\' && quote != '`' && index + 1 < sql.length()) {
                    result.append(sql.charAt(++index));
                }
                else if (each == quote) {
                    quote = 0;
                }
            }
            else if (each == '\'' || each == '"' || each == '`') {
                quote = each;
                result.append(each);
            }
            else if (each == '?') {
                result.append(escape(parameters.next()));
            }
            else {
                result.append(each);
            }
        }
        return result.toString();
    }

    public static String escape(Object value)
    {
        return switch (value) {
            case null -> "NULL";
            case String text -> quote(text);
            case Boolean bool -> bool.toString();
            case Long number -> number.toString();
            case Double number -> JsNumbers.format(number);
            case BigDecimal number -> number.toString();
            default -> throw new IllegalArgumentException("unexpected parameter " + value);
        };
    }

    private static String quote(String text)
    {
        StringBuilder result = new StringBuilder("'");
        for (char each : text.toCharArray()) {
            switch (each) {
                case 0 -> result.append("\\0");
                case '\b' -> result.append("\\b");
                case '\t' -> result.append("\\t");
                case '\n' -> result.append("\\n");
                case '\r' -> result.append("\\r");
                case 0x1A -> result.append("\\Z");
                case '"' -> result.append("\\\"");
                case '\'' -> result.append("\\'");
                case '\\' -> result.append("\\\\");
                default -> result.append(each);
            }
        }
        return result.append('\'').toString();
    }
}
