package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.Casts;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.ExpressionTypes;
import dev.quiver.sql.expression.TypeDerivation;
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

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static java.util.Objects.requireNonNull;

/**
 * Runs SELECTs that read tables, UNIONs and subqueries. {@link SelectPlanner} binds a query into a {@link SelectPlan}
 * (access, join, filter, group/aggregate, having, sort, project, distinct, limit); {@link #addAccessRule} registers
 * another way to read a table that the plan's access stage tries before a scan: the vector, full-text and hybrid
 * searches ({@link VectorSearchPath}, {@link TextSearchPath}, {@link HybridSearchPath}) are registered this way.
 */
final class SelectExecutor
{
    private final SelectPlanner planner;
    private final List<AccessPath.Rule> accessRules = new CopyOnWriteArrayList<>();

    SelectExecutor(StorageEngine storage, AccessControl accessControl, TableExtras extras)
    {
        requireNonNull(storage, "storage is null");
        requireNonNull(accessControl, "accessControl is null");
        this.planner = new SelectPlanner(storage, accessControl, new InformationSchema(storage, accessControl, extras));
    }

    /** Registers an access path rule, tried (in registration order) for every table before a plain scan. */
    void addAccessRule(AccessPath.Rule rule)
    {
        accessRules.add(requireNonNull(rule, "rule is null"));
    }

    /** A query bound to its tables: the plan, whose {@link SelectPlan#columns()} are the result's. */
    SelectPlan plan(Statement.TableQuery query, ExecutionContext context)
    {
        return plan(query, context, null);
    }

    /** The access path each table of a plan would be read by (EXPLAIN); nothing is read. */
    List<AccessPath> accessPaths(SelectPlan plan, ExecutionContext context)
    {
        return plan.choose(context, accessRules);
    }

    /** The rows of a single-table plan's table that UPDATE or DELETE touch (WHERE, ORDER BY, LIMIT applied). */
    List<dev.quiver.storage.row.Row> tableRows(SelectPlan plan, ExecutionContext context)
    {
        return plan.tableRows(context, accessRules);
    }

    /** A query bound inside an enclosing query's scope ({@code outer}, null at the top), as a subquery is. */
    SelectPlan plan(Statement.TableQuery query, ExecutionContext context, RelationScope outer)
    {
        return planner.plan(query, context, outer, subqueries);
    }

    QueryResult execute(Statement.TableQuery query, ExecutionContext context)
    {
        SelectPlan plan = plan(query, context);
        List<Object[]> rows = rows(plan, context);
        context.session().setFoundRows(rows.size());
        return new RowsResult(plan.columns(), RowCursor.of(rows));
    }

    QueryResult execute(Statement.Union union, ExecutionContext context)
    {
        Output output = union(union, context, null);
        context.session().setFoundRows(output.rows().size());
        return new RowsResult(output.columns(), RowCursor.of(output.rows()));
    }

    /** The result columns of a table query or UNION without running it (prepared statements). */
    List<ResultColumn> columns(Statement statement, ExecutionContext context)
    {
        return switch (statement) {
            case Statement.TableQuery query -> plan(query, context).columns();
            default -> List.of();
        };
    }

    /** The result rows of a bound query, each value coerced to its column's type. */
    List<Object[]> rows(SelectPlan plan, ExecutionContext context)
    {
        return plan.run(context, accessRules);
    }

    /** A query's result: its columns, their types and the rows. */
    private record Output(List<ResultColumn> columns, List<SqlType> types, List<Object[]> rows) {}

    private Output output(Statement statement, ExecutionContext context, RelationScope outer)
    {
        return switch (statement) {
            case Statement.TableQuery query -> {
                SelectPlan plan = plan(query, context, outer);
                yield new Output(plan.columns(), plan.types(), plan.run(context, accessRules));
            }
            case Statement.Query query -> constant(query, context);
            case Statement.Union union -> union(union, context, outer);
            default -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "this kind of subquery");
        };
    }

    private static Output constant(Statement.Query query, ExecutionContext context)
    {
        List<SqlType> types = new ArrayList<>();
        List<ResultColumn> columns = new ArrayList<>();
        for (Statement.SelectItem each : query.items()) {
            SqlType type = ExpressionTypes.typeOf(each.expression(), context);
            types.add(type);
            columns.add(type.toColumn(each.name()));
        }
        boolean selected = query.where().map(where -> ExpressionEvaluator.isTrue(where, context)).orElse(true);
        long limit = query.limit().map(each -> StatementExecutor.limitValue(each, context)).orElse(Long.MAX_VALUE);
        long offset = query.offset().map(each -> StatementExecutor.limitValue(each, context)).orElse(0L);
        List<Object[]> rows = new ArrayList<>();
        if (selected && limit > 0 && offset == 0) {
            Object[] row = new Object[types.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = Casts.coerce(ExpressionEvaluator.evaluate(query.items().get(i).expression(), context), types.get(i), context::addWarning);
            }
            rows.add(row);
        }
        return new Output(columns, types, rows);
    }

    /**
     * UNION [ALL]: every part must have as many columns as the first (1222); the column names are the first part's and
     * each column's type is the parts' common type; a UNION DISTINCT removes duplicates from everything before it.
     */
    private Output union(Statement.Union union, ExecutionContext context, RelationScope outer)
    {
        List<Output> parts = new ArrayList<>();
        for (Statement each : union.parts()) {
            Output part = output(each, context, outer);
            if (!parts.isEmpty() && part.columns().size() != parts.get(0).columns().size()) {
                throw new QuiverException(ErrorCode.ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT);
            }
            parts.add(part);
        }
        int width = parts.get(0).columns().size();
        List<SqlType> types = new ArrayList<>();
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            List<SqlType> each = new ArrayList<>();
            for (Output part : parts) {
                each.add(part.types().get(i));
            }
            SqlType type = TypeDerivation.common(each);
            types.add(type);
            columns.add(type.toColumn(parts.get(0).columns().get(i).name()));
        }
        List<Object[]> rows = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            for (Object[] row : parts.get(p).rows()) {
                Object[] coerced = new Object[width];
                for (int i = 0; i < width; i++) {
                    coerced[i] = Casts.coerce(row[i], types.get(i), context::addWarning);
                }
                rows.add(coerced);
            }
            if (p > 0 && !union.all().get(p - 1)) {
                Set<List<Object>> seen = new HashSet<>();
                rows.removeIf(row -> !seen.add(GroupKeys.of(row)));
            }
        }
        if (!union.order().isEmpty()) {
            List<Integer> positions = new ArrayList<>();
            for (Statement.OrderItem each : union.order()) {
                positions.add(unionOrderPosition(each.expression(), columns));
            }
            Comparator<Object[]> comparator = (left, right) -> {
                for (int i = 0; i < positions.size(); i++) {
                    int result = SelectPlan.compareNullsFirst(left[positions.get(i)], right[positions.get(i)], context);
                    if (result != 0) {
                        return union.order().get(i).ascending() ? result : -result;
                    }
                }
                return 0;
            };
            rows.sort(comparator);
        }
        long limit = union.limit().map(each -> StatementExecutor.limitValue(each, context)).orElse(Long.MAX_VALUE);
        long offset = union.offset().map(each -> StatementExecutor.limitValue(each, context)).orElse(0L);
        List<Object[]> limited = new ArrayList<>();
        for (long i = offset; i < rows.size() && limited.size() < limit; i++) {
            limited.add(rows.get((int) i));
        }
        return new Output(columns, types, limited);
    }

    private static int unionOrderPosition(Expression expression, List<ResultColumn> columns)
    {
        if (expression instanceof Expression.IntegerLiteral literal) {
            long position = literal.value().longValue();
            if (position < 1 || position > columns.size()) {
                throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, String.valueOf(position), "order clause");
            }
            return (int) position - 1;
        }
        if (expression instanceof Expression.ColumnReference reference && reference.parts().size() == 1) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(reference.name())) {
                    return i;
                }
            }
        }
        String text = expression instanceof Expression.ColumnReference reference ? String.join(".", reference.parts()) : String.valueOf(expression);
        throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, text, "order clause");
    }

    /** Scalar, EXISTS and IN subqueries; an uncorrelated one runs once per statement. */
    private final RelationScope.SubqueryRunner subqueries = new RelationScope.SubqueryRunner()
    {
        @Override
        public Object run(Expression.Subquery subquery, RelationScope outer, ExecutionContext context)
        {
            Object cached = outer.cachedSubquery(subquery);
            List<Object[]> rows;
            if (cached != null) {
                @SuppressWarnings("unchecked")
                List<Object[]> list = (List<Object[]>) cached;
                rows = list;
            }
            else {
                rows = outer.runSubquery(subquery, () -> {
                    Output output = output(subquery.query(), context, outer);
                    int expected = subquery.kind() == Expression.SubqueryKind.EXISTS ? output.columns().size() : 1;
                    if (output.columns().size() != expected) {
                        throw new QuiverException(ErrorCode.ER_OPERAND_COLUMNS, 1);
                    }
                    return output.rows();
                });
            }
            return switch (subquery.kind()) {
                case SCALAR -> {
                    if (rows.size() > 1) {
                        throw new QuiverException(ErrorCode.ER_SUBQUERY_NO_1_ROW);
                    }
                    yield rows.isEmpty() ? null : rows.get(0)[0];
                }
                case EXISTS -> Values.truth(rows.isEmpty() == subquery.negated());
                case IN -> in(ExpressionEvaluator.evaluate(subquery.value().orElseThrow(), context.withScope(outer)), rows, subquery.negated(), context);
            };
        }

        @Override
        public SqlType type(Expression.Subquery subquery, RelationScope outer, ExecutionContext context)
        {
            Statement query = subquery.query();
            List<SqlType> types = switch (query) {
                case Statement.TableQuery table -> plan(table, context, outer).types();
                default -> output(query, context, outer).types();
            };
            if (types.size() != 1) {
                throw new QuiverException(ErrorCode.ER_OPERAND_COLUMNS, 1);
            }
            return types.get(0);
        }
    };

    private static Object in(Object value, List<Object[]> rows, boolean negated, ExecutionContext context)
    {
        if (value == null) {
            return rows.isEmpty() ? Values.truth(negated) : null;
        }
        boolean sawNull = false;
        for (Object[] row : rows) {
            Integer result = Values.compare(value, row[0], context::addWarning);
            if (result == null) {
                sawNull = true;
            }
            else if (result == 0) {
                return Values.truth(!negated);
            }
        }
        return sawNull ? null : Values.truth(negated);
    }
}
