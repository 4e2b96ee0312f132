package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.Casts;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.ExpressionTypes;
import dev.quiver.sql.expression.Values;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.type.SqlType;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.table.ScanRequest;
import dev.quiver.storage.table.SortKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * Single-table SELECT: resolves the select list ({@code *} expanded), pushes the plain-column parts of WHERE and
 * ORDER BY into the engine's scan, re-checks WHERE with the evaluator, sorts what could not be pushed, applies
 * OFFSET/LIMIT and projects. {@code COUNT(*)} alone is answered by the engine's count.
 */
final class SelectExecutor
{
    private final StorageEngine storage;
    private final AccessControl accessControl;

    private final InformationSchema informationSchema;

    SelectExecutor(StorageEngine storage, AccessControl accessControl, TableExtras extras)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.informationSchema = new InformationSchema(storage, accessControl, extras);
    }

    /** A query bound to its table: the expanded select list with the types and result columns. */
    record Bound(Statement.TableQuery query, String database, Table table, TableScope scope, List<Expression> expressions, List<SqlType> types,
            List<ResultColumn> columns, boolean countOnly) {}

    Bound bind(Statement.TableQuery query, ExecutionContext context)
    {
        String database = TableValues.database(query.table(), context.session());
        Table table = database.equalsIgnoreCase(ShowExecutor.INFORMATION_SCHEMA)
                ? informationSchema.table(query.table().name(), context.session())
                : storage.table(database, query.table().name());
        TableDefinition definition = table.definition();
        TableScope scope = new TableScope(database, definition, query.alias(), "field list");
        ExecutionContext fieldContext = context.withScope(scope);
        String label = query.alias().orElse(definition.name());
        List<Expression> expressions = new ArrayList<>();
        List<SqlType> types = new ArrayList<>();
        List<ResultColumn> columns = new ArrayList<>();
        List<String> read = new ArrayList<>();
        boolean countStar = false;
        for (Statement.SelectItem item : query.items()) {
            Expression expression = item.expression();
            if (expression instanceof Expression.ColumnReference reference && reference.name().equals("*")) {
                if (reference.parts().size() == 2 && !reference.parts().get(0).equals(label)) {
                    throw new QuiverException(ErrorCode.ER_BAD_TABLE_ERROR, reference.parts().get(0));
                }
                for (ColumnDefinition column : definition.columns()) {
                    Expression.ColumnReference each = new Expression.ColumnReference(List.of(column.name()));
                    expressions.add(each);
                    types.add(TableValues.sqlType(column));
                    columns.add(TableValues.resultColumn(database, label, definition, column, column.name()));
                    read.add(column.name());
                }
                continue;
            }
            if (expression instanceof Expression.FunctionCall call && call.name().equals(Expression.COUNT_STAR)) {
                countStar = true;
                expressions.add(expression);
                types.add(SqlType.bigint(21, false));
                columns.add(SqlType.bigint(21, false).toColumn(item.name()));
                continue;
            }
            checkNoCountStar(expression);
            SqlType type = ExpressionTypes.typeOf(expression, fieldContext);
            expressions.add(expression);
            types.add(type);
            if (expression instanceof Expression.ColumnReference reference) {
                ColumnDefinition column = definition.columns().get(scope.index(reference));
                // an unaliased column is named as written, without its qualifier or backquotes
                boolean asWritten = item.name().replace("`", "").equals(String.join(".", reference.parts()));
                columns.add(TableValues.resultColumn(database, label, definition, column, asWritten ? reference.name() : item.name()));
                read.add(column.name());
            }
            else {
                columns.add(type.toColumn(item.name()));
            }
        }
        if (countStar && expressions.size() != 1) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "COUNT(*) together with other select items (aggregates are the next issue)");
        }
        query.where().ifPresent(where -> {
            checkNoCountStar(where);
            ExpressionTypes.typeOf(where, context.withScope(scope.withClause("where clause")));
        });
        for (Statement.OrderItem each : query.order()) {
            checkNoCountStar(each.expression());
            if (!(each.expression() instanceof Expression.IntegerLiteral) && aliasOf(query, each.expression()) < 0) {
                ExpressionTypes.typeOf(each.expression(), context.withScope(scope.withClause("order clause")));
            }
        }
        accessControl.checkCanSelect(context.session().identity(), database, definition.name(), read);
        return new Bound(query, database, table, scope, expressions, types, columns, countStar);
    }

    private static void checkNoCountStar(Expression expression)
    {
        if (expression instanceof Expression.FunctionCall call && call.name().equals(Expression.COUNT_STAR)) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "COUNT(*) inside an expression (aggregates are the next issue)");
        }
    }

    QueryResult execute(Statement.TableQuery query, ExecutionContext context)
    {
        Bound bound = bind(query, context);
        List<Object[]> rows = rows(bound, context);
        context.session().setFoundRows(rows.size());
        return new RowsResult(bound.columns(), RowCursor.of(rows));
    }

    /** The result rows of a bound query, each value coerced to its column's type. */
    List<Object[]> rows(Bound bound, ExecutionContext context)
    {
        Statement.TableQuery query = bound.query();
        TableScope scope = bound.scope().withClause("where clause");
        ExecutionContext rowContext = context.withScope(scope);
        long limit = query.limit().map(each -> StatementExecutor.limitValue(each, context)).orElse(Long.MAX_VALUE);
        long offset = query.offset().map(each -> StatementExecutor.limitValue(each, context)).orElse(0L);
        FilterPushdown.Pushed pushed = FilterPushdown.push(query.where(), bound.table().definition(), scope, context);
        if (bound.countOnly()) {
            long count;
            if (pushed.exact()) {
                count = bound.table().count(pushed.filter());
            }
            else {
                count = 0;
                for (Row row : bound.table().scan(ScanRequest.where(pushed.filter())).toList()) {
                    scope.setRow(row);
                    if (ExpressionEvaluator.isTrue(query.where().orElseThrow(), rowContext)) {
                        count++;
                    }
                }
            }
            return offset == 0 && limit > 0 ? List.<Object[]>of(new Object[] {count}) : List.of();
        }
        List<SortKey> sortKeys = sortKeys(query, bound);
        boolean orderPushed = sortKeys.size() == query.order().size();
        ScanRequest request = new ScanRequest(pushed.filter(), List.of(), orderPushed ? sortKeys : List.of(), 0, OptionalLong.empty());
        if (pushed.exact() && orderPushed) {
            request = new ScanRequest(pushed.filter(), List.of(), sortKeys, offset, limit == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(limit));
            offset = 0;
        }
        List<Row> matched = new ArrayList<>();
        try (dev.quiver.storage.table.RowCursor cursor = bound.table().scan(request)) {
            while (cursor.hasNext()) {
                Row row = cursor.next();
                scope.setRow(row);
                if (query.where().isEmpty() || ExpressionEvaluator.isTrue(query.where().get(), rowContext)) {
                    matched.add(row);
                }
                if (orderPushed && matched.size() >= saturatedSum(offset, limit)) {
                    break;
                }
            }
        }
        if (!orderPushed) {
            matched = sort(matched, query, bound, context);
        }
        List<Object[]> result = new ArrayList<>();
        TableScope fieldScope = bound.scope().withClause("field list");
        ExecutionContext fieldContext = context.withScope(fieldScope);
        for (long i = offset; i < matched.size() && result.size() < limit; i++) {
            Row row = matched.get((int) i);
            fieldScope.setRow(row);
            Object[] values = new Object[bound.expressions().size()];
            for (int j = 0; j < values.length; j++) {
                Expression expression = bound.expressions().get(j);
                if (expression instanceof Expression.ColumnReference reference) {
                    int index = fieldScope.index(reference);
                    values[j] = TableValues.toRuntime(row.get(index), bound.table().definition().columns().get(index).type());
                }
                else {
                    values[j] = Casts.coerce(ExpressionEvaluator.evaluate(expression, fieldContext), bound.types().get(j), context::addWarning);
                }
            }
            result.add(values);
        }
        return result;
    }

    private static long saturatedSum(long a, long b)
    {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** ORDER BY items that are plain columns of the table, pushed as sort keys; fewer than the items when some are not. */
    private static List<SortKey> sortKeys(Statement.TableQuery query, Bound bound)
    {
        List<SortKey> keys = new ArrayList<>();
        for (Statement.OrderItem each : query.order()) {
            Expression expression = resolveOrder(query, bound, each.expression());
            if (!(expression instanceof Expression.ColumnReference reference) || reference.name().equals("*")) {
                return List.of();
            }
            String column = bound.table().definition().columns().get(bound.scope().index(reference)).name();
            keys.add(new SortKey(column, each.ascending()));
        }
        return keys;
    }

    /** ORDER BY 2 and ORDER BY alias name a select item. */
    private static Expression resolveOrder(Statement.TableQuery query, Bound bound, Expression expression)
    {
        if (expression instanceof Expression.IntegerLiteral literal) {
            long position = literal.value().longValue();
            if (position < 1 || position > bound.expressions().size()) {
                throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, String.valueOf(position), "order clause");
            }
            return bound.expressions().get((int) position - 1);
        }
        int alias = aliasOf(query, expression);
        if (alias >= 0) {
            return query.items().get(alias).expression();
        }
        return expression;
    }

    private static int aliasOf(Statement.TableQuery query, Expression expression)
    {
        if (expression instanceof Expression.ColumnReference reference && reference.parts().size() == 1) {
            for (int i = 0; i < query.items().size(); i++) {
                Expression item = query.items().get(i).expression();
                boolean isColumn = item instanceof Expression.ColumnReference column && column.name().equalsIgnoreCase(reference.name());
                if (!isColumn && query.items().get(i).name().equalsIgnoreCase(reference.name())) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static List<Row> sort(List<Row> rows, Statement.TableQuery query, Bound bound, ExecutionContext context)
    {
        if (query.order().isEmpty()) {
            return rows;
        }
        TableScope scope = bound.scope().withClause("order clause");
        ExecutionContext orderContext = context.withScope(scope);
        List<Object[]> keyed = new ArrayList<>(rows.size());
        for (Row row : rows) {
            scope.setRow(row);
            Object[] keys = new Object[query.order().size() + 1];
            for (int i = 0; i < query.order().size(); i++) {
                keys[i] = ExpressionEvaluator.evaluate(resolveOrder(query, bound, query.order().get(i).expression()), orderContext);
            }
            keys[keys.length - 1] = row;
            keyed.add(keys);
        }
        Comparator<Object[]> comparator = (left, right) -> {
            for (int i = 0; i < query.order().size(); i++) {
                int result = compareNullsFirst(left[i], right[i], context);
                if (result != 0) {
                    return query.order().get(i).ascending() ? result : -result;
                }
            }
            return 0;
        };
        keyed.sort(comparator);
        return keyed.stream().map(each -> (Row) each[each.length - 1]).toList();
    }

    private static int compareNullsFirst(Object left, Object right, ExecutionContext context)
    {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        Integer result = Values.compare(left, right, context::addWarning);
        return result == null ? 0 : result;
    }
}
