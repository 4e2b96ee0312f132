package dev.quiver.sql.security;

import dev.quiver.sql.tree.Expression;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table columns an expression reads, for the SELECT privilege MySQL requires on them (the WHERE and SET of UPDATE,
 * the WHERE of DELETE, the update part of ON DUPLICATE KEY UPDATE). It walks any expression record generically, so new
 * expression kinds are covered without changes here. {@code VALUES(c)} counts as reading {@code c} (MySQL resolves its
 * argument as a column of the table under SELECT); row-alias references ({@code new.c}) do not, as MySQL 8 resolves
 * them against the already checked insert columns.
 */
public final class ColumnsRead
{
    private ColumnsRead()
    {
    }

    /**
     * Column names in first-read order, without duplicates (case-insensitive).
     *
     * @param ignoredQualifiers qualifiers whose columns are not table columns (the row alias), compared case-insensitively
     */
    public static List<String> of(Collection<? extends Expression> expressions, Set<String> ignoredQualifiers)
    {
        Map<String, String> result = new LinkedHashMap<>();
        Set<String> ignored = new java.util.HashSet<>();
        ignoredQualifiers.forEach(each -> ignored.add(each.toLowerCase(Locale.ROOT)));
        for (Expression each : expressions) {
            walk(each, ignored, result);
        }
        return new ArrayList<>(result.values());
    }

    public static List<String> of(Collection<? extends Expression> expressions)
    {
        return of(expressions, Set.of());
    }

    private static void walk(Object node, Set<String> ignored, Map<String, String> result)
    {
        switch (node) {
            case null -> {
            }
            case Expression.ColumnReference reference -> {
                List<String> parts = reference.parts();
                String name = reference.name();
                boolean qualifiedByIgnored = parts.size() >= 2 && !parts.get(parts.size() - 2).equals(Expression.INSERT_VALUES)
                        && ignored.contains(parts.get(parts.size() - 2).toLowerCase(Locale.ROOT));
                if (!name.equals("*") && !qualifiedByIgnored) {
                    result.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                }
            }
            case dev.quiver.sql.tree.Statement ignoredStatement -> {
                // a subquery's columns belong to its own tables, checked when it is analysed
            }
            case Optional<?> optional -> optional.ifPresent(value -> walk(value, ignored, result));
            case Collection<?> collection -> collection.forEach(value -> walk(value, ignored, result));
            case Record record -> {
                for (RecordComponent component : record.getClass().getRecordComponents()) {
                    try {
                        java.lang.reflect.Method accessor = component.getAccessor();
                        accessor.trySetAccessible();
                        walk(accessor.invoke(record), ignored, result);
                    }
                    catch (ReflectiveOperationException ex) {
                        throw new IllegalStateException("cannot read " + component, ex);
                    }
                }
            }
            default -> {
            }
        }
    }
}
