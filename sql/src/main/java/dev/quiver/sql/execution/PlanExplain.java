package dev.quiver.sql.execution;

import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ExpressionWalker;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Statement;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import static java.util.Objects.requireNonNull;

/**
 * The rows of {@code EXPLAIN} for a whole statement, in MySQL 8's traditional layout: one row per table of a join in
 * plan order (the FROM order, which is the order the plan joins in), then one block per subquery ({@code SUBQUERY},
 * or {@code DEPENDENT SUBQUERY} when it reads the enclosing query), and for a UNION one block per part
 * ({@code PRIMARY}, then {@code UNION}) plus a {@code UNION RESULT} row when the union de-duplicates or sorts. Each
 * SELECT gets its own {@code id} in order of appearance.
 *
 * <p>Per table: {@code const} for a primary or unique key fixed by constants, {@code eq_ref} for the inner table of an
 * equality join that fixes a whole primary or unique key, {@code ref} for a key whose first column is fixed,
 * {@code range}, else {@code ALL}. Extra names {@code Using where} when conditions are checked on the table's rows
 * beyond the key, {@code Using join buffer (hash join)} when the plan joins the table by hashing an ON equality,
 * {@code Using join buffer (Block Nested Loop)} when it loops over the buffered rows, and on the first table
 * {@code Using temporary} (GROUP BY, DISTINCT) and {@code Using filesort} (ORDER BY). Quiver's join executes an
 * {@code eq_ref}/{@code ref} step by hashing the inner table's rows on the key columns rather than by index lookups.
 *
 * <p>{@code rows} is an estimate, as MySQL's is, and EXPLAIN reads no matching rows to compute it: 1 for
 * {@code const} and {@code eq_ref}; for {@code ALL} the table's row count N (the engine's count, as the storage keeps
 * no statistics); for {@code ref} N x 10% and for {@code range} N / 3, at least 1 (MySQL's own selectivity guesses for
 * an equality and an inequality without statistics, COND_FILTER_EQUALITY and COND_FILTER_INEQUALITY).
 * {@code filtered} is always 100.00. MySQL 8 would turn IN/EXISTS subqueries into semijoins; Quiver runs them as
 * subqueries and shows them so. MariaDB differs in details (a UNION RESULT row for UNION ALL too, "flat, BNL join");
 * this follows MySQL 8.
 */
final class PlanExplain
{
    private static final double EQUALITY_SELECTIVITY = 0.1;
    private static final double INEQUALITY_SELECTIVITY = 1.0 / 3;

    /** One table access as EXPLAIN shows it ({@code table} null for a SELECT without tables). */
    record Access(String table, String type, String possibleKeys, String key, Long keyLength, String ref, Long rows, String extra) {}

    private final SelectExecutor selects;
    /** The top-level single-table line, which knows the searches (vector, full text, hybrid), or null. */
    private final BiFunction<Statement.TableQuery, ExecutionContext, Access> singleTable;
    private final List<Object[]> rows = new ArrayList<>();
    private long nextId = 1;

    PlanExplain(SelectExecutor selects, BiFunction<Statement.TableQuery, ExecutionContext, Access> singleTable)
    {
        this.selects = requireNonNull(selects, "selects is null");
        this.singleTable = requireNonNull(singleTable, "singleTable is null");
    }

    /** The EXPLAIN rows of a top-level statement (a SELECT with or without tables, or a UNION). */
    List<Object[]> explain(Statement statement, ExecutionContext context)
    {
        switch (statement) {
            case Statement.Union union -> union(union, context, null, false);
            default -> select(statement, context, null, "SIMPLE");
        }
        return rows;
    }

    private void union(Statement.Union union, ExecutionContext context, RelationScope outer, boolean dependent)
    {
        int width = -1;
        for (Statement part : union.parts()) {
            int columns = switch (part) {
                case Statement.TableQuery table -> selects.plan(table, context, outer).columns().size();
                case Statement.Query query -> query.items().size();
                default -> throw new QuiverException(dev.quiver.common.ErrorCode.ER_NOT_SUPPORTED_YET, "EXPLAIN " + part.kind());
            };
            if (width >= 0 && columns != width) {
                throw new QuiverException(dev.quiver.common.ErrorCode.ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT);
            }
            width = columns;
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < union.parts().size(); i++) {
            String type = i == 0
                    ? (outer == null ? "PRIMARY" : dependent ? "DEPENDENT SUBQUERY" : "SUBQUERY")
                    : (dependent ? "DEPENDENT UNION" : "UNION");
            ids.add(select(union.parts().get(i), context, outer, type));
        }
        boolean distinct = union.all().stream().anyMatch(all -> !all);
        if (distinct || !union.order().isEmpty()) {
            String table = "<union" + String.join(",", ids.stream().map(String::valueOf).toList()) + ">";
            String extra = "Using temporary" + (union.order().isEmpty() ? "" : "; Using filesort");
            add(null, "UNION RESULT", new Access(table, "ALL", null, null, null, null, null, extra));
        }
    }

    /** Adds the rows of one SELECT (its tables, then its subqueries); returns its id. */
    private long select(Statement statement, ExecutionContext context, RelationScope outer, String selectType)
    {
        long id = nextId++;
        switch (statement) {
            case Statement.TableQuery query -> {
                SelectPlan plan = selects.plan(query, context, outer);
                List<Expression.Subquery> subqueries = subqueries(plan);
                String type = selectType.equals("SIMPLE") && !subqueries.isEmpty() ? "PRIMARY" : selectType;
                if (outer == null && plan.sources().size() == 1) {
                    Access access = singleTable.apply(query, context);
                    if (!plan.groupBy().isEmpty() || query.distinct()) {
                        access = new Access(access.table(), access.type(), access.possibleKeys(), access.key(), access.keyLength(), access.ref(), access.rows(),
                                access.extra() == null ? "Using temporary" : "Using temporary; " + access.extra());
                    }
                    add(id, type, access);
                }
                else {
                    List<AccessPath> paths = selects.accessPaths(plan, context);
                    for (int i = 0; i < plan.sources().size(); i++) {
                        Access search = search(plan, i, paths.get(i), context);
                        add(id, type, search != null ? search : access(plan, i, context));
                    }
                }
                for (Expression.Subquery each : subqueries) {
                    subquery(each, plan.scope(), context);
                }
            }
            case Statement.Query ignored -> add(id, selectType, new Access(null, null, null, null, null, null, null, "No tables used"));
            default -> throw new QuiverException(dev.quiver.common.ErrorCode.ER_NOT_SUPPORTED_YET, "EXPLAIN " + statement.kind());
        }
        return id;
    }

    private void subquery(Expression.Subquery subquery, RelationScope outer, ExecutionContext context)
    {
        long before = outer.innerReads();
        switch (subquery.query()) {
            case Statement.TableQuery table -> selects.plan(table, context, outer);
            case Statement.Union union -> {
                for (Statement part : union.parts()) {
                    if (part instanceof Statement.TableQuery table) {
                        selects.plan(table, context, outer);
                    }
                }
            }
            default -> {
            }
        }
        boolean dependent = outer.innerReads() != before;
        if (subquery.query() instanceof Statement.Union union) {
            union(union, context, outer, dependent);
        }
        else {
            select(subquery.query(), context, outer, dependent ? "DEPENDENT SUBQUERY" : "SUBQUERY");
        }
    }

    /** The subqueries of a SELECT in order of appearance: select list, ON, WHERE, HAVING, ORDER BY. */
    private static List<Expression.Subquery> subqueries(SelectPlan plan)
    {
        List<Expression> roots = new ArrayList<>(plan.items());
        for (SelectPlan.JoinStep step : plan.joins()) {
            roots.addAll(step.on());
        }
        plan.query().where().ifPresent(roots::add);
        plan.having().ifPresent(roots::add);
        plan.order().forEach(each -> roots.add(each.expression()));
        List<Expression.Subquery> result = new ArrayList<>();
        for (Expression root : roots) {
            ExpressionWalker.visit(root, true, each -> {
                if (each instanceof Expression.Subquery subquery && result.stream().noneMatch(seen -> seen == subquery)) {
                    result.add(subquery);
                }
            });
        }
        return result;
    }

    private void add(Long id, String selectType, Access access)
    {
        rows.add(new Object[] {id, selectType, access.table(), null, access.type(), access.possibleKeys(), access.key(),
                access.keyLength() == null ? null : access.keyLength().toString(), access.ref(), access.rows(),
                access.table() == null || access.table().startsWith("<union") ? null : new BigDecimal("100.00"),
                access.extra()});
    }

    /**
     * A table of a join or subquery read through a search index: {@code vector} (an approximate search through the
     * VECTOR index, rows the LIMIT+OFFSET window), {@code fulltext} (MATCH through the FULLTEXT index; with
     * {@code Using fulltext top-k} and rows the LIMIT+OFFSET window when the search is asked for that many rows only)
     * or {@code hybrid}; null for any other access (an exact top-k is a scan, shown by {@link #access}). {@code Using
     * index} (MySQL's covering index) says the search returns only primary key columns and no other condition tests its
     * rows, so the engine can answer from its key doc values without reading stored rows.
     */
    private Access search(SelectPlan plan, int index, AccessPath path, ExecutionContext context)
    {
        if (path.key().isEmpty()) {
            return null;
        }
        String label = plan.sources().get(index).label();
        String key = path.key().get();
        List<String> extra = new ArrayList<>();
        if (index == 0 && (!plan.groupBy().isEmpty() || plan.query().distinct())) {
            extra.add("Using temporary");
        }
        Access access;
        switch (path) {
            case VectorSearchPath vector -> {
                if (!plan.accessConjuncts().get(index).isEmpty()) {
                    extra.add("Using where");
                }
                extra.add("Using vector index (approximate " + vector.metric().optionName() + " top-k)");
                if (vector.keyOnly()) {
                    extra.add("Using index");
                }
                long limit = plan.query().limit().map(each -> StatementExecutor.limitValue(each, context)).orElse(Long.MAX_VALUE);
                long offset = plan.query().offset().map(each -> StatementExecutor.limitValue(each, context)).orElse(0L);
                access = new Access(label, "vector", key, key, null, "const", limit == Long.MAX_VALUE ? null : limit + offset, null);
            }
            case TextSearchPath text -> {
                extra.add("Using where");
                if (text.limit().isPresent()) {
                    extra.add("Using fulltext top-k");
                }
                if (text.keyOnly()) {
                    extra.add("Using index");
                }
                access = new Access(label, "fulltext", key, key, 0L, "const", text.limit().isPresent() ? (long) text.limit().getAsInt() : 1L, null);
            }
            case HybridSearchPath ignored -> {
                extra.add("Using hybrid search (reciprocal rank fusion)");
                access = new Access(label, "hybrid", key, key, null, "const", null, null);
            }
            default -> {
                return null;
            }
        }
        if (index > 0) {
            extra.add(plan.hashes(plan.joins().get(index - 1), context) ? "Using join buffer (hash join)" : "Using join buffer (Block Nested Loop)");
        }
        if (index == 0 && !plan.order().isEmpty() && !(path instanceof VectorSearchPath) && !(path instanceof TextSearchPath text && text.ordersRows())) {
            extra.add("Using filesort");
        }
        return new Access(access.table(), access.type(), access.possibleKeys(), access.key(), access.keyLength(), access.ref(), access.rows(), String.join("; ", extra));
    }

    /** The access of table {@code index} of a plan: its key from its own constants and the join's equalities. */
    private static Access access(SelectPlan plan, int index, ExecutionContext context)
    {
        RelationScope.Source source = plan.sources().get(index);
        TableDefinition definition = source.definition();
        List<Expression> conjuncts = plan.accessConjuncts().get(index);
        TableScope tableScope = new TableScope(source.database(), definition, source.aliased() ? Optional.of(source.label()) : Optional.empty(), "where clause");
        FilterPushdown.Pushed pushed;
        try {
            pushed = FilterPushdown.push(conjuncts.stream().reduce((left, right) -> new Expression.Logical(Expression.LogicalOperator.AND, left, right)),
                    definition, tableScope, context);
        }
        catch (QuiverException ex) {
            pushed = new FilterPushdown.Pushed(Filter.ALL, conjuncts.isEmpty());
        }
        Map<String, String> fixed = new LinkedHashMap<>();
        List<String> ranged = new ArrayList<>();
        constants(pushed.filter(), fixed, ranged);
        Map<String, String> joined = new LinkedHashMap<>();
        for (Expression each : conjuncts) {
            outerEquality(plan, index, each).ifPresent(entry -> joined.putIfAbsent(entry.getKey(), entry.getValue()));
        }
        List<Expression> joinConditions = new ArrayList<>();
        SelectPlan.JoinStep step = null;
        if (index > 0) {
            step = plan.joins().get(index - 1);
            joinConditions.addAll(step.on());
            joinConditions.addAll(step.after());
            for (Expression each : joinConditions) {
                joinEquality(plan, index, each).ifPresent(entry -> joined.putIfAbsent(entry.getKey(), entry.getValue()));
            }
        }
        KeyChoice choice = KeyChoice.of(definition, fixed, joined, ranged);
        long tableRows = source.table().count(Filter.ALL);
        Long estimate = estimate(choice.type(), tableRows);

        List<String> extra = new ArrayList<>();
        if (index == 0) {
            if (!plan.groupBy().isEmpty() || plan.query().distinct()) {
                extra.add("Using temporary");
            }
        }
        boolean keyAnswersAll = choice.chosen() != null && pushed.exact() && choice.usedConstants() == fixed.size() && ranged.isEmpty()
                && choice.type().matches("const|eq_ref|ref");
        boolean checked = !conjuncts.isEmpty() && !keyAnswersAll;
        long joinKeyConditions = choice.usedJoinColumns();
        if (joinConditions.size() > joinKeyConditions) {
            checked = true;
        }
        if (checked) {
            extra.add("Using where");
        }
        if (index > 0 && choice.usedJoinColumns() == 0 && !choice.type().equals("const")) {
            extra.add(plan.hashes(step, context) ? "Using join buffer (hash join)" : "Using join buffer (Block Nested Loop)");
        }
        if (index == 0 && !plan.order().isEmpty()) {
            extra.add("Using filesort");
        }
        String extraText = extra.isEmpty() ? null : String.join("; ", extra);
        if (choice.chosen() == null) {
            return new Access(source.label(), "ALL", null, null, null, null, tableRows, extraText);
        }
        return new Access(source.label(), choice.type(), String.join(",", choice.possible()), choice.chosen().name(), choice.keyLength(),
                choice.ref(), estimate, extraText);
    }

    /** MySQL-like row estimates without statistics; see the class comment. */
    static Long estimate(String type, long tableRows)
    {
        return switch (type) {
            case "const", "eq_ref" -> 1L;
            case "ref" -> Math.max(1L, (long) Math.ceil(tableRows * EQUALITY_SELECTIVITY));
            case "range" -> Math.max(1L, (long) Math.ceil(tableRows * INEQUALITY_SELECTIVITY));
            default -> tableRows;
        };
    }

    /** The columns a pushed filter fixes to constants ({@code fixed}) or bounds ({@code ranged}). */
    private static void constants(Filter filter, Map<String, String> fixed, List<String> ranged)
    {
        List<Filter> conjuncts = filter instanceof Filter.And and ? and.operands() : filter instanceof Filter.All ? List.of() : List.of(filter);
        for (Filter each : conjuncts) {
            switch (each) {
                case Filter.Equal eq when eq.field().path().isEmpty() -> fixed.putIfAbsent(eq.field().column().toLowerCase(Locale.ROOT), "const");
                case Filter.Range range when range.field().path().isEmpty() -> ranged.add(range.field().column().toLowerCase(Locale.ROOT));
                case Filter.In in when in.field().path().isEmpty() -> ranged.add(in.field().column().toLowerCase(Locale.ROOT));
                default -> {
                }
            }
        }
    }

    /** {@code this.column = <earlier tables>}: the column of table {@code index} and MySQL's ref text for the other side. */
    private static Optional<Map.Entry<String, String>> joinEquality(SelectPlan plan, int index, Expression condition)
    {
        if (!(condition instanceof Expression.Comparison comparison) || comparison.operator() != Expression.ComparisonOperator.EQUAL) {
            return Optional.empty();
        }
        RelationScope scope = plan.scope();
        for (int side = 0; side < 2; side++) {
            Expression mine = side == 0 ? comparison.left() : comparison.right();
            Expression other = side == 0 ? comparison.right() : comparison.left();
            if (!(mine instanceof Expression.ColumnReference reference) || !scope.isLocal(reference)) {
                continue;
            }
            RelationScope.Resolved resolved = scope.resolve(reference);
            if (resolved.source() != index) {
                continue;
            }
            boolean[] valid = {true};
            ExpressionWalker.visit(other, true, each -> {
                if (each instanceof Expression.ColumnReference column && scope.isLocal(column) && scope.resolve(column).source() >= index) {
                    valid[0] = false;
                }
                valid[0] &= !(each instanceof Expression.Subquery);
            });
            if (!valid[0]) {
                continue;
            }
            String column = plan.sources().get(index).definition().columns().get(resolved.column()).name().toLowerCase(Locale.ROOT);
            String ref = "func";
            if (other instanceof Expression.ColumnReference otherColumn && scope.isLocal(otherColumn)) {
                RelationScope.Resolved at = scope.resolve(otherColumn);
                RelationScope.Source source = plan.sources().get(at.source());
                ref = source.database() + "." + source.label() + "." + source.definition().columns().get(at.column()).name();
            }
            return Optional.of(Map.entry(column, ref));
        }
        return Optional.empty();
    }

    /**
     * {@code this.column = <enclosing query's columns>} in a dependent subquery: the column and the outer column's
     * name (qualified by this table's database, as the enclosing query's tables are usually there), else "func".
     */
    private static Optional<Map.Entry<String, String>> outerEquality(SelectPlan plan, int index, Expression condition)
    {
        if (!(condition instanceof Expression.Comparison comparison) || comparison.operator() != Expression.ComparisonOperator.EQUAL) {
            return Optional.empty();
        }
        RelationScope scope = plan.scope();
        for (int side = 0; side < 2; side++) {
            Expression mine = side == 0 ? comparison.left() : comparison.right();
            Expression other = side == 0 ? comparison.right() : comparison.left();
            if (!(mine instanceof Expression.ColumnReference reference) || !scope.isLocal(reference) || scope.resolve(reference).source() != index) {
                continue;
            }
            boolean[] local = {false};
            boolean[] outer = {false};
            ExpressionWalker.visit(other, true, each -> {
                if (each instanceof Expression.ColumnReference column) {
                    if (scope.isLocal(column)) {
                        local[0] = true;
                    }
                    else {
                        outer[0] = true;
                    }
                }
                local[0] |= each instanceof Expression.Subquery;
            });
            if (local[0] || !outer[0]) {
                continue;
            }
            RelationScope.Source source = plan.sources().get(index);
            String column = source.definition().columns().get(scope.resolve(reference).column()).name().toLowerCase(Locale.ROOT);
            String ref = other instanceof Expression.ColumnReference outerColumn && outerColumn.parts().size() == 2
                    ? source.database() + "." + String.join(".", outerColumn.parts())
                    : "func";
            return Optional.of(Map.entry(column, ref));
        }
        return Optional.empty();
    }

    /** The best key of a table given the columns constants fix, the join fixes and constants bound. */
    private record KeyChoice(String type, IndexDefinition chosen, List<String> possible, Long keyLength, String ref, int usedConstants, int usedJoinColumns)
    {
        static KeyChoice of(TableDefinition definition, Map<String, String> fixed, Map<String, String> joined, List<String> ranged)
        {
            List<String> possible = new ArrayList<>();
            IndexDefinition chosen = null;
            String type = "ALL";
            for (IndexDefinition index : definition.indexes()) {
                if (index.kind() == IndexDefinition.Kind.VECTOR || index.kind() == IndexDefinition.Kind.FULLTEXT) {
                    continue;
                }
                String first = index.columns().get(0).toLowerCase(Locale.ROOT);
                boolean allFixed = index.columns().stream().allMatch(column -> fixed.containsKey(column.toLowerCase(Locale.ROOT)));
                boolean allKnown = index.columns().stream().allMatch(column -> fixed.containsKey(column.toLowerCase(Locale.ROOT)) || joined.containsKey(column.toLowerCase(Locale.ROOT)));
                String candidate;
                if (index.kind().isUnique() && allFixed) {
                    candidate = "const";
                }
                else if (index.kind().isUnique() && allKnown) {
                    candidate = "eq_ref";
                }
                else if (fixed.containsKey(first) || joined.containsKey(first)) {
                    candidate = "ref";
                }
                else if (ranged.contains(first)) {
                    candidate = "range";
                }
                else {
                    continue;
                }
                possible.add(index.name());
                if (rank(candidate) < rank(type)) {
                    type = candidate;
                    chosen = index;
                }
            }
            if (chosen == null) {
                return new KeyChoice("ALL", null, List.of(), null, null, 0, 0);
            }
            long keyLength = 0;
            List<String> refs = new ArrayList<>();
            int constants = 0;
            int joins = 0;
            for (String column : chosen.columns()) {
                String lower = column.toLowerCase(Locale.ROOT);
                ColumnDefinition definitionOf = definition.columns().get(definition.columnIndex(column).orElseThrow());
                if (type.equals("range")) {
                    keyLength += PlanExplain.keyLength(definitionOf);
                    break;
                }
                if (fixed.containsKey(lower)) {
                    refs.add("const");
                    constants++;
                }
                else if (joined.containsKey(lower)) {
                    refs.add(joined.get(lower));
                    joins++;
                }
                else {
                    break;
                }
                keyLength += PlanExplain.keyLength(definitionOf);
            }
            return new KeyChoice(type, chosen, possible, keyLength, type.equals("range") ? null : String.join(",", refs), constants, joins);
        }

        private static int rank(String type)
        {
            return switch (type) {
                case "const" -> 0;
                case "eq_ref" -> 1;
                case "ref" -> 2;
                case "range" -> 3;
                default -> 4;
            };
        }
    }

    /** MySQL's key_len of one key part: its storage bytes, +2 for a variable length, +1 when nullable. */
    static long keyLength(ColumnDefinition column)
    {
        long bytes = switch (column.type()) {
            case ColumnType.IntegerType integer -> switch (integer.width()) {
                case TINYINT -> 1;
                case SMALLINT -> 2;
                case MEDIUMINT -> 3;
                case INT -> 4;
                case BIGINT -> 8;
            };
            case ColumnType.StringType text -> (text.lengthInCharacters() ? text.maxLength() * 4L : text.maxLength()) + 2;
            case ColumnType.BinaryType binary -> binary.maxLength() + 2;
            case ColumnType.DoubleType ignored -> 8;
            case ColumnType.FloatType ignored -> 4;
            case ColumnType.DecimalType decimal -> (decimal.precision() + 1) / 2 + 1;
            case ColumnType.TemporalType ignored -> 5;
            default -> 8;
        };
        return bytes + (column.nullable() ? 1 : 0);
    }
}
