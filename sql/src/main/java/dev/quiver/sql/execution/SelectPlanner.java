package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ExpressionTypes;
import dev.quiver.sql.expression.ExpressionWalker;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.FromItem;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.VariableScope;
import dev.quiver.sql.type.SqlType;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Binds a {@link Statement.TableQuery} into a {@link SelectPlan}: resolves the tables and every name (1054 naming
 * the clause, 1052, 1066), expands {@code *}, types the select list, resolves ORDER BY aliases and positions, finds
 * the aggregates (1111 where they may not be), checks only_full_group_by (1055, 1140) and splits WHERE and ON into
 * the conjuncts each table's access applies, the ones each join step applies, and the rest.
 */
final class SelectPlanner
{
    private final StorageEngine storage;
    private final AccessControl accessControl;
    private final InformationSchema informationSchema;

    SelectPlanner(StorageEngine storage, AccessControl accessControl, InformationSchema informationSchema)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.informationSchema = requireNonNull(informationSchema, "informationSchema is null");
    }

    private record JoinSpec(int right, FromItem.JoinKind kind, Optional<Expression> on, List<String> using) {}

    SelectPlan plan(Statement.TableQuery query, ExecutionContext context, RelationScope outer, RelationScope.SubqueryRunner subqueries)
    {
        List<FromItem.TableReference> references = new ArrayList<>();
        List<JoinSpec> joinSpecs = new ArrayList<>();
        flatten(query.from(), references, joinSpecs);
        Set<Integer> nullable = new HashSet<>();
        for (JoinSpec each : joinSpecs) {
            if (each.kind() == FromItem.JoinKind.LEFT) {
                nullable.add(each.right());
            }
        }
        List<RelationScope.Source> sources = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < references.size(); i++) {
            FromItem.TableReference reference = references.get(i);
            String database = TableValues.database(reference.table(), context.session());
            Table table = database.equalsIgnoreCase(ShowExecutor.INFORMATION_SCHEMA)
                    ? informationSchema.table(reference.table().name(), context.session())
                    : storage.table(database, reference.table().name());
            if (!labels.add(reference.label())) {
                throw new QuiverException(ErrorCode.ER_NONUNIQ_TABLE, reference.label());
            }
            sources.add(new RelationScope.Source(database, table, table.definition(), reference.label(), reference.alias().isPresent(), nullable.contains(i)));
        }
        // USING (c): the join condition left.c = right.c, and an unqualified c is no longer ambiguous
        Set<String> coalesced = new HashSet<>();
        List<SelectPlan.JoinStep> steps = new ArrayList<>();
        for (JoinSpec each : joinSpecs) {
            Optional<Expression> on = each.on();
            for (String column : each.using()) {
                int left = -1;
                for (int i = 0; i < each.right() && left < 0; i++) {
                    if (sources.get(i).definition().columnIndex(column).isPresent()) {
                        left = i;
                    }
                }
                if (left < 0 || sources.get(each.right()).definition().columnIndex(column).isEmpty()) {
                    throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, column, "from clause");
                }
                Expression equal = new Expression.Comparison(Expression.ComparisonOperator.EQUAL,
                        new Expression.ColumnReference(List.of(sources.get(left).label(), column)),
                        new Expression.ColumnReference(List.of(sources.get(each.right()).label(), column)));
                on = Optional.of(on.<Expression>map(previous -> new Expression.Logical(Expression.LogicalOperator.AND, previous, equal)).orElse(equal));
                coalesced.add(column.toLowerCase(Locale.ROOT));
            }
            steps.add(new SelectPlan.JoinStep(each.right(), each.kind(), on.map(SelectPlanner::conjuncts).orElse(List.of()), List.of()));
        }
        RelationScope scope = new RelationScope(sources, coalesced, outer, "field list");
        scope.setSubqueryRunner(subqueries);
        ExecutionContext fieldContext = context.withScope(scope);

        // the select list, * expanded
        List<Expression> items = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<SqlType> types = new ArrayList<>();
        List<ResultColumn> columns = new ArrayList<>();
        Map<Integer, List<String>> read = new LinkedHashMap<>();
        for (Statement.SelectItem item : query.items()) {
            Expression expression = item.expression();
            if (expression instanceof Expression.ColumnReference reference && reference.name().equals("*")) {
                boolean any = false;
                for (int i = 0; i < sources.size(); i++) {
                    RelationScope.Source source = sources.get(i);
                    if (reference.parts().size() == 2 && !reference.parts().get(0).equals(source.label())) {
                        continue;
                    }
                    any = true;
                    for (ColumnDefinition column : source.definition().columns()) {
                        if (reference.parts().size() == 1 && i > 0 && coalesced.contains(column.name().toLowerCase(Locale.ROOT)) && firstWith(sources, column.name()) < i) {
                            continue;
                        }
                        Expression each = new Expression.ColumnReference(List.of(source.label(), column.name()));
                        items.add(each);
                        names.add(column.name());
                        SqlType type = TableValues.sqlType(column);
                        types.add(source.nullable() ? type.withNullable(true) : type);
                        columns.add(TableValues.resultColumn(source.database(), source.label(), source.definition(), column, column.name()));
                        read.computeIfAbsent(i, ignored -> new ArrayList<>()).add(column.name());
                    }
                }
                if (!any) {
                    throw new QuiverException(ErrorCode.ER_BAD_TABLE_ERROR, reference.parts().get(0));
                }
                continue;
            }
            SqlType type = ExpressionTypes.typeOf(expression, fieldContext);
            items.add(expression);
            names.add(item.name());
            types.add(type);
            if (expression instanceof Expression.ColumnReference reference && scope.isLocal(reference)) {
                RelationScope.Resolved resolved = scope.resolve(reference);
                RelationScope.Source source = sources.get(resolved.source());
                ColumnDefinition column = source.definition().columns().get(resolved.column());
                // an unaliased column is named as written, without its qualifier or backquotes
                boolean asWritten = item.name().replace("`", "").equals(String.join(".", reference.parts()));
                columns.add(TableValues.resultColumn(source.database(), source.label(), source.definition(), column, asWritten ? reference.name() : item.name()));
            }
            else {
                columns.add(type.toColumn(item.name()));
            }
            collectRead(expression, scope, sources, read);
        }

        // WHERE: no aggregates
        List<Expression> whereConjuncts = query.where().map(SelectPlanner::conjuncts).orElse(List.of());
        ExecutionContext whereContext = context.withScope(scope.withClause("where clause"));
        for (Expression each : whereConjuncts) {
            if (ExpressionWalker.containsAggregate(each)) {
                throw new QuiverException(ErrorCode.ER_INVALID_GROUP_FUNC_USE);
            }
            ExpressionTypes.typeOf(each, whereContext);
            collectRead(each, scope, sources, read);
        }
        ExecutionContext onContext = context.withScope(scope.withClause("on clause"));
        for (SelectPlan.JoinStep step : steps) {
            for (Expression each : step.on()) {
                if (ExpressionWalker.containsAggregate(each)) {
                    throw new QuiverException(ErrorCode.ER_INVALID_GROUP_FUNC_USE);
                }
                ExpressionTypes.typeOf(each, onContext);
                collectRead(each, scope, sources, read);
            }
        }

        // GROUP BY: positions and select aliases allowed
        List<Expression> groupBy = new ArrayList<>();
        ExecutionContext groupContext = context.withScope(scope.withClause("group statement"));
        for (Expression each : query.groupBy()) {
            Expression resolved = resolveItemReference(each, query, items, names, scope, "group statement");
            if (ExpressionWalker.containsAggregate(resolved)) {
                throw new QuiverException(ErrorCode.ER_WRONG_GROUP_FIELD, String.valueOf(each));
            }
            ExpressionTypes.typeOf(resolved, groupContext);
            groupBy.add(resolved);
        }

        // HAVING: select aliases first, then columns
        Optional<Expression> having = query.having().map(each -> substituteAliases(each, query, scope));
        // ORDER BY: positions and aliases name select items
        List<AccessPath.OrderKey> order = new ArrayList<>();
        for (Statement.OrderItem each : query.order()) {
            order.add(new AccessPath.OrderKey(resolveOrder(each.expression(), query, items, scope), each.ascending()));
        }

        List<Expression.Aggregate> aggregates = new ArrayList<>();
        for (Expression each : items) {
            addAggregates(each, aggregates);
        }
        having.ifPresent(each -> addAggregates(each, aggregates));
        for (AccessPath.OrderKey each : order) {
            addAggregates(each.expression(), aggregates);
        }
        boolean aggregated = !groupBy.isEmpty() || !aggregates.isEmpty();
        if (having.isPresent() && !aggregated) {
            // HAVING without grouping filters like WHERE but sees select aliases (MySQL allows it)
            aggregated = false;
        }
        Map<Expression.Aggregate, Integer> slots = new HashMap<>();
        for (int i = 0; i < aggregates.size(); i++) {
            slots.put(aggregates.get(i), i);
        }
        scope.setAggregateSlots(aggregated ? slots : Map.of());
        ExecutionContext havingContext = context.withScope(scope.withClause("having clause"));
        having.ifPresent(each -> {
            ExpressionTypes.typeOf(each, havingContext);
            collectRead(each, scope, sources, read);
        });
        ExecutionContext orderContext = context.withScope(scope.withClause("order clause"));
        for (AccessPath.OrderKey each : order) {
            ExpressionTypes.typeOf(each.expression(), orderContext);
            collectRead(each.expression(), scope, sources, read);
        }
        if (aggregated && onlyFullGroupBy(context)) {
            checkFullGroupBy(items, groupBy, scope, sources, query.groupBy().isEmpty());
        }
        for (int i = 0; i < sources.size(); i++) {
            RelationScope.Source source = sources.get(i);
            accessControl.checkCanSelect(context.session().identity(), source.database(), source.definition().name(), read.getOrDefault(i, List.of()));
        }

        // split WHERE: one table's conjuncts go to its access (not for the inner side of a LEFT JOIN), a join's to the
        // step that has all its tables, the rest (subqueries, constants) after the joins
        List<List<Expression>> access = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            access.add(new ArrayList<>());
        }
        List<List<Expression>> after = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            after.add(new ArrayList<>());
        }
        List<Expression> residual = new ArrayList<>();
        for (Expression each : whereConjuncts) {
            Set<Integer> used = sourcesOf(each, scope);
            if (used.isEmpty() || ExpressionWalker.containsSubquery(each) || hasSideEffects(each)) {
                residual.add(each);
            }
            else if (used.size() == 1 && !sources.get(used.iterator().next()).nullable()) {
                access.get(used.iterator().next()).add(each);
            }
            else {
                int last = used.stream().mapToInt(Integer::intValue).max().orElseThrow();
                if (last == 0) {
                    residual.add(each);
                }
                else {
                    after.get(last - 1).add(each);
                }
            }
        }
        List<SelectPlan.JoinStep> planned = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            SelectPlan.JoinStep step = steps.get(i);
            List<Expression> on = new ArrayList<>();
            for (Expression each : step.on()) {
                Set<Integer> used = sourcesOf(each, scope);
                if (used.equals(Set.of(step.right())) && !ExpressionWalker.containsSubquery(each) && !hasSideEffects(each)) {
                    access.get(step.right()).add(each);
                }
                else {
                    on.add(each);
                }
            }
            planned.add(new SelectPlan.JoinStep(step.right(), step.kind(), on, after.get(i)));
        }
        // HAVING filters after the access like a remaining WHERE, so the access may not stop at LIMIT rows before it
        boolean finalShape = sources.size() == 1 && !aggregated && !query.distinct() && residual.isEmpty() && having.isEmpty();
        return new SelectPlan(query, scope, sources, access, planned, residual, items, types, columns, groupBy, aggregates,
                aggregated, having, order, finalShape);
    }

    private static int firstWith(List<RelationScope.Source> sources, String column)
    {
        for (int i = 0; i < sources.size(); i++) {
            if (sources.get(i).definition().columnIndex(column).isPresent()) {
                return i;
            }
        }
        return -1;
    }

    private static void flatten(FromItem item, List<FromItem.TableReference> tables, List<JoinSpec> joins)
    {
        switch (item) {
            case FromItem.TableReference table -> tables.add(table);
            case FromItem.Join join -> {
                flatten(join.left(), tables, joins);
                if (!(join.right() instanceof FromItem.TableReference right)) {
                    throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "RIGHT JOIN after another join");
                }
                tables.add(right);
                joins.add(new JoinSpec(tables.size() - 1, join.kind(), join.on(), join.using()));
            }
        }
    }

    static List<Expression> conjuncts(Expression expression)
    {
        List<Expression> result = new ArrayList<>();
        addConjuncts(expression, result);
        return result;
    }

    private static void addConjuncts(Expression expression, List<Expression> result)
    {
        if (expression instanceof Expression.Logical logical && logical.operator() == Expression.LogicalOperator.AND) {
            addConjuncts(logical.left(), result);
            addConjuncts(logical.right(), result);
            return;
        }
        result.add(expression);
    }

    static boolean hasSideEffects(Expression expression)
    {
        boolean[] found = {false};
        ExpressionWalker.visit(expression, true, each -> found[0] |= each instanceof Expression.UserVariableAssignment
                || (each instanceof Expression.FunctionCall call && (call.name().equalsIgnoreCase("last_insert_id") || call.name().equalsIgnoreCase("rand"))));
        return found[0];
    }

    /** The tables of this query an expression reads (columns of enclosing queries are constants here). */
    private static Set<Integer> sourcesOf(Expression expression, RelationScope scope)
    {
        Set<Integer> result = new HashSet<>();
        ExpressionWalker.visit(expression, true, each -> {
            if (each instanceof Expression.ColumnReference reference && scope.isLocal(reference)) {
                result.add(scope.resolve(reference).source());
            }
        });
        return result;
    }

    private static void collectRead(Expression expression, RelationScope scope, List<RelationScope.Source> sources, Map<Integer, List<String>> read)
    {
        ExpressionWalker.visit(expression, true, each -> {
            if (each instanceof Expression.ColumnReference reference && scope.isLocal(reference)) {
                RelationScope.Resolved resolved = scope.resolve(reference);
                read.computeIfAbsent(resolved.source(), ignored -> new ArrayList<>())
                        .add(sources.get(resolved.source()).definition().columns().get(resolved.column()).name());
            }
        });
    }

    private static void addAggregates(Expression expression, List<Expression.Aggregate> aggregates)
    {
        if (ExpressionWalker.nestedAggregate(expression).isPresent()) {
            throw new QuiverException(ErrorCode.ER_INVALID_GROUP_FUNC_USE);
        }
        for (Expression.Aggregate each : ExpressionWalker.aggregates(expression)) {
            if (!aggregates.contains(each)) {
                aggregates.add(each);
            }
        }
    }

    /** GROUP BY 2 and GROUP BY alias name a select item; a name that is a column stays the column. */
    private static Expression resolveItemReference(Expression expression, Statement.TableQuery query, List<Expression> items, List<String> names, RelationScope scope, String clause)
    {
        if (expression instanceof Expression.IntegerLiteral literal) {
            long position = literal.value().longValue();
            if (position < 1 || position > items.size()) {
                throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, String.valueOf(position), clause);
            }
            return items.get((int) position - 1);
        }
        if (expression instanceof Expression.ColumnReference reference && reference.parts().size() == 1 && !isColumn(reference, scope)) {
            for (Statement.SelectItem each : query.items()) {
                if (each.name().equalsIgnoreCase(reference.name()) && !(each.expression() instanceof Expression.ColumnReference column && column.name().equals("*"))) {
                    return each.expression();
                }
            }
        }
        return expression;
    }

    private static boolean isColumn(Expression.ColumnReference reference, RelationScope scope)
    {
        try {
            return scope.isLocal(reference);
        }
        catch (QuiverException ex) {
            return true;
        }
    }

    /** In HAVING a select alias wins over a column of the same name. */
    private static Expression substituteAliases(Expression expression, Statement.TableQuery query, RelationScope scope)
    {
        return ExpressionWalker.rewrite(expression, each -> {
            if (each instanceof Expression.ColumnReference reference && reference.parts().size() == 1) {
                for (Statement.SelectItem item : query.items()) {
                    boolean sameColumn = item.expression() instanceof Expression.ColumnReference column && column.name().equalsIgnoreCase(reference.name());
                    if (!sameColumn && item.name().equalsIgnoreCase(reference.name())) {
                        return item.expression();
                    }
                }
            }
            return each;
        });
    }

    /** ORDER BY 2 and ORDER BY alias name a select item. */
    private static Expression resolveOrder(Expression expression, Statement.TableQuery query, List<Expression> items, RelationScope scope)
    {
        if (expression instanceof Expression.IntegerLiteral literal) {
            long position = literal.value().longValue();
            if (position < 1 || position > items.size()) {
                throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, String.valueOf(position), "order clause");
            }
            return items.get((int) position - 1);
        }
        if (expression instanceof Expression.ColumnReference reference && reference.parts().size() == 1) {
            for (Statement.SelectItem item : query.items()) {
                boolean isColumn = item.expression() instanceof Expression.ColumnReference column && column.name().equalsIgnoreCase(reference.name());
                if (!isColumn && item.name().equalsIgnoreCase(reference.name())) {
                    return item.expression();
                }
            }
        }
        return expression;
    }

    private static boolean onlyFullGroupBy(ExecutionContext context)
    {
        Object mode = context.systemVariable(VariableScope.SESSION, "sql_mode");
        return mode instanceof String text && List.of(text.toUpperCase(Locale.ROOT).split(",")).contains("ONLY_FULL_GROUP_BY");
    }

    /**
     * only_full_group_by: a select item outside aggregates may read only grouped expressions, columns of a grouped
     * table's primary key's table (functional dependency), or columns of enclosing queries.
     */
    private static void checkFullGroupBy(List<Expression> items, List<Expression> groupBy, RelationScope scope, List<RelationScope.Source> sources, boolean noGroupBy)
    {
        Set<RelationScope.Resolved> grouped = new HashSet<>();
        for (Expression each : groupBy) {
            if (each instanceof Expression.ColumnReference reference && scope.isLocal(reference)) {
                grouped.add(scope.resolve(reference));
            }
        }
        Set<Integer> dependent = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            TableDefinition definition = sources.get(i).definition();
            for (IndexDefinition index : definition.indexes()) {
                if (index.kind() != IndexDefinition.Kind.PRIMARY && index.kind() != IndexDefinition.Kind.UNIQUE) {
                    continue;
                }
                boolean all = !index.columns().isEmpty();
                for (String column : index.columns()) {
                    int position = definition.columnIndex(column).orElse(-1);
                    boolean notNull = position >= 0 && !definition.columns().get(position).nullable();
                    all &= notNull && grouped.contains(new RelationScope.Resolved(i, position));
                }
                if (all) {
                    dependent.add(i);
                }
            }
        }
        for (int i = 0; i < items.size(); i++) {
            Expression item = items.get(i);
            if (groupBy.contains(item)) {
                continue;
            }
            for (Expression.ColumnReference reference : ExpressionWalker.columnsOutsideAggregates(item)) {
                if (!scope.isLocal(reference)) {
                    continue;
                }
                RelationScope.Resolved resolved = scope.resolve(reference);
                if (grouped.contains(resolved) || dependent.contains(resolved.source()) || groupBy.contains(reference)) {
                    continue;
                }
                RelationScope.Source source = sources.get(resolved.source());
                String name = source.database() + "." + source.label() + "." + source.definition().columns().get(resolved.column()).name();
                if (noGroupBy) {
                    throw new QuiverException(ErrorCode.ER_MIX_OF_GROUP_FUNC_AND_FIELDS, i + 1, name);
                }
                throw new QuiverException(ErrorCode.ER_WRONG_FIELD_WITH_GROUP, i + 1, name);
            }
        }
    }
}
