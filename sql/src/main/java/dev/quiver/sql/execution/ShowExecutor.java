package dev.quiver.sql.execution;

import dev.quiver.sql.Session;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.LikeMatcher;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.session.Warning;
import dev.quiver.sql.tree.ShowFilter;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.VariableScope;
import dev.quiver.sql.variable.CharacterSets;
import dev.quiver.sql.variable.SystemVariable;
import dev.quiver.sql.variable.SystemVariables;
import dev.quiver.storage.StorageEngine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/** SHOW VARIABLES, STATUS, DATABASES, ENGINES, COLLATION, CHARACTER SET, WARNINGS and ERRORS. */
final class ShowExecutor
{
    static final String INFORMATION_SCHEMA = "information_schema";

    private final StorageEngine storage;
    private final AccessControl accessControl;
    private final SystemVariableAccess variables;
    private final ServerStatus status;

    ShowExecutor(StorageEngine storage, AccessControl accessControl, SystemVariableAccess variables, ServerStatus status)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.variables = requireNonNull(variables, "variables is null");
        this.status = requireNonNull(status, "status is null");
    }

    QueryResult show(Statement.Show show, ExecutionContext context)
    {
        return switch (show.target()) {
            case VARIABLES -> filtered(List.of(Results.text("Variable_name", 64, false), Results.text("Value", 1024, true)), variableRows(show.scope(), context.session()), show.filter(), context);
            case STATUS -> filtered(List.of(Results.text("Variable_name", 64, false), Results.text("Value", 1024, true)), statusRows(show.scope(), context.session()), show.filter(), context);
            case DATABASES -> databases(show.filter(), context);
            case ENGINES -> Results.rows(
                    List.of(Results.text("Engine", 64, false), Results.text("Support", 8, false), Results.text("Comment", 80, false),
                            Results.text("Transactions", 3, true), Results.text("XA", 3, true), Results.text("Savepoints", 3, true)),
                    List.<Object[]>of(new Object[] {"InnoDB", "DEFAULT", "Supports transactions, row-level locking, and foreign keys", "YES", "YES", "YES"}));
            case COLLATION -> filtered(
                    List.of(Results.text("Collation", 64, false), Results.text("Charset", 64, false), Results.bigint("Id", false),
                            Results.text("Default", 3, false), Results.text("Compiled", 3, false), Results.unsignedInt("Sortlen", 10),
                            Results.text("Pad_attribute", 9, false)),
                    CharacterSets.collations().stream()
                            .map(each -> new Object[] {each.name(), each.characterSet(), (long) each.id(), each.isDefault() ? "Yes" : "", "Yes", 1L, each.padAttribute()})
                            .toList(),
                    show.filter(), context);
            case CHARACTER_SET -> filtered(
                    List.of(Results.text("Charset", 64, false), Results.text("Description", 2048, false), Results.text("Default collation", 64, false),
                            Results.unsignedInt("Maxlen", 10)),
                    CharacterSets.characterSets().stream()
                            .map(each -> new Object[] {each.name(), each.description(), each.defaultCollation(), (long) each.maxLength()})
                            .toList(),
                    show.filter(), context);
        };
    }

    QueryResult warnings(Statement.ShowWarnings show, Session session)
    {
        List<Warning> warnings = session.warnings().stream()
                .filter(each -> !show.errorsOnly() || each.level() == Warning.Level.Error)
                .toList();
        if (show.countOnly()) {
            String name = show.errorsOnly() ? "@@session.error_count" : "@@session.warning_count";
            return Results.rows(List.of(Results.bigint(name, false)), List.<Object[]>of(new Object[] {(long) warnings.size()}));
        }
        long offset = show.offset().orElse(0);
        long limit = show.limit().orElse(Long.MAX_VALUE);
        List<Object[]> rows = warnings.stream()
                .skip(offset)
                .limit(limit)
                .map(each -> new Object[] {each.level().name(), (long) each.code(), each.message()})
                .toList();
        return Results.rows(List.of(Results.text("Level", 7, false), Results.unsignedInt("Code", 4), Results.text("Message", 512, false)), rows);
    }

    private QueryResult databases(Optional<ShowFilter> filter, ExecutionContext context)
    {
        TreeSet<String> names = new TreeSet<>(storage.listDatabases());
        names.add(INFORMATION_SCHEMA);
        List<Object[]> rows = new ArrayList<>();
        for (String each : names) {
            if (accessControl.canSeeDatabase(context.session().identity(), each)) {
                rows.add(new Object[] {each});
            }
        }
        String name = filter.filter(ShowFilter.Like.class::isInstance)
                .map(like -> "Database (" + ((ShowFilter.Like) like).pattern() + ")")
                .orElse("Database");
        return filtered(List.of(Results.text(name, 64, false)), rows, filter, context, "Database");
    }

    private List<Object[]> variableRows(VariableScope scope, Session session)
    {
        List<Object[]> rows = new ArrayList<>();
        for (SystemVariable each : variables.catalog().all()) {
            if (scope == VariableScope.GLOBAL && !each.scope().hasGlobal()) {
                continue;
            }
            VariableScope readScope = scope == VariableScope.GLOBAL ? VariableScope.GLOBAL : VariableScope.DEFAULT;
            rows.add(new Object[] {each.name(), SystemVariables.display(each, variables.read(session, readScope, each.name()))});
        }
        return rows;
    }

    private List<Object[]> statusRows(VariableScope scope, Session session)
    {
        List<Object[]> rows = new ArrayList<>();
        Map<String, String> counters = status.snapshot();
        if (scope != VariableScope.GLOBAL) {
            // SESSION (the default): this connection's own counters
            counters.put(ServerStatus.ROWS_EXAMINED, Long.toString(session.rowsExamined()));
        }
        for (Map.Entry<String, String> each : counters.entrySet()) {
            rows.add(new Object[] {each.getKey(), each.getValue()});
        }
        return rows;
    }

    static QueryResult filtered(List<ResultColumn> columns, List<Object[]> rows, Optional<ShowFilter> filter, ExecutionContext context)
    {
        return filtered(columns, rows, filter, context, columns.get(0).name());
    }

    /** LIKE filters the first column case-insensitively; WHERE sees every column by name. */
    static QueryResult filtered(List<ResultColumn> columns, List<Object[]> rows, Optional<ShowFilter> filter, ExecutionContext context, String firstColumnName)
    {
        if (filter.isEmpty()) {
            return Results.rows(columns, rows);
        }
        List<Object[]> result = new ArrayList<>();
        for (Object[] each : rows) {
            boolean keep = switch (filter.get()) {
                case ShowFilter.Like like -> LikeMatcher.matches((String) each[0], like.pattern(), '\\', false);
                case ShowFilter.Where where -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(firstColumnName, each[0]);
                    for (int i = 1; i < columns.size(); i++) {
                        row.put(columns.get(i).name(), each[i]);
                    }
                    yield ExpressionEvaluator.isTrue(where.condition(), context.withRow(row));
                }
            };
            if (keep) {
                result.add(each);
            }
        }
        return Results.rows(columns, result);
    }
}
