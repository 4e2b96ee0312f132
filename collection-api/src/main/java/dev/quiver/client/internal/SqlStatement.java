package dev.quiver.client.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * SQL text with {@code ?} placeholders and the values bound to them, in order. Values are
 * {@code null}, {@link String}, {@link Boolean}, {@link Long}, {@link Double} or
 * {@link java.math.BigDecimal}; {@link JdbcExecutor} binds each with the matching JDBC setter.
 *
 * @param sql the text
 * @param parameters the bound values (may contain nulls)
 */
public record SqlStatement(String sql, List<Object> parameters)
{
    public SqlStatement
    {
        requireNonNull(sql, "sql is null");
        parameters = Collections.unmodifiableList(new ArrayList<>(requireNonNull(parameters, "parameters is null")));
        long placeholders = countPlaceholders(sql);
        if (placeholders != parameters.size()) {
            throw new IllegalArgumentException("%d placeholders but %d parameters in: %s".formatted(placeholders, parameters.size(), sql));
        }
    }

    public static SqlStatement of(String sql, Object... parameters)
    {
        return new SqlStatement(sql, java.util.Arrays.asList(parameters));
    }

    /** Placeholders outside quotes and backticks (the SQL built here never has comments). */
    private static long countPlaceholders(String sql)
    {
        long result = 0;
        char quote = 0;
        for (int index = 0; index < sql.length(); index++) {
            char each = sql.charAt(index);
            if (quote != 0) {
                if (each == '\\' && quote != '`') {
                    index++;
                }
                else if (each == quote) {
                    quote = 0;
                }
            }
            else if (each == '\'' || each == '"' || each == '`') {
                quote = each;
            }
            else if (each == '?') {
                result++;
            }
        }
        return result;
    }
}
