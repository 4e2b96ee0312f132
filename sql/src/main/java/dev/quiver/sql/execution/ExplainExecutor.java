package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.type.SqlType;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static java.util.Objects.requireNonNull;

/**
 * {@code EXPLAIN SELECT} and {@code EXPLAIN} of a UNION in MySQL's traditional layout ({@code id, select_type, table,
 * partitions, type, possible_keys, key, key_len, ref, rows, filtered, Extra}): one row per table access, naming the
 * index it uses. Joins, subqueries and UNION parts are laid out by {@link PlanExplain}; this class gives the line of a
 * lone table of the top-level query.
 * {@code type} is MySQL's ({@code const} for a full primary or unique key match, {@code ref} for a secondary key
 * equality, {@code range}, {@code fulltext} for MATCH, {@code ALL} for a scan) plus {@code vector} for an approximate
 * search through a VECTOR index and {@code hybrid} for DBMS_HYBRID_SEARCH. {@code rows} is the table's row count for
 * scans, the search window (LIMIT + OFFSET) for vector searches and for full-text searches asked for that many rows
 * only ({@code Using fulltext top-k}), and an estimate for key lookups ({@link PlanExplain#estimate}). {@code Using
 * index} says a search returns only primary key columns that nothing else tests (served without reading stored rows).
 */
final class ExplainExecutor
{
    private final SelectExecutor selects;

    ExplainExecutor(SelectExecutor selects)
    {
        this.selects = requireNonNull(selects, "selects is null");
    }

    private record Line(String table, String type, String possibleKeys, String key, Long keyLength, String ref, Long rows, String extra) {}

    QueryResult explain(Statement.Explain explain, ExecutionContext context)
    {
        List<Object[]> rows = switch (explain.statement()) {
            case Statement.TableQuery query -> plans(query, context);
            case Statement.Union union -> plans(union, context);
            case Statement.Query query -> plans(query, context);
            case Statement.Unsupported unsupported -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, unsupported.kind());
            default -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "EXPLAIN " + explain.statement().kind());
        };
        List<ResultColumn> columns = List.of(
                Results.bigint("id", true),
                Results.text("select_type", 20, false),
                Results.text("table", 64, true),
                Results.text("partitions", 1024, true),
                Results.text("type", 10, true),
                Results.text("possible_keys", 4096, true),
                Results.text("key", 64, true),
                Results.text("key_len", 4096, true),
                Results.text("ref", 1024, true),
                Results.bigint("rows", true),
                SqlType.decimal(5, 2, true).toColumn("filtered"),
                Results.text("Extra", 255, true));
        return Results.rows(columns, rows);
    }

    /** Joins, subqueries and UNIONs go through {@link PlanExplain}; a lone table's line knows the index searches. */
    private List<Object[]> plans(Statement statement, ExecutionContext context)
    {
        return new PlanExplain(selects, (query, queryContext) -> {
            Line line = tableQuery(query, queryContext);
            return new PlanExplain.Access(line.table(), line.type(), line.possibleKeys(), line.key(), line.keyLength(), line.ref(), line.rows(), line.extra());
        }).explain(statement, context);
    }

    private Line tableQuery(Statement.TableQuery query, ExecutionContext context)
    {
        SelectPlan plan = selects.plan(query, context);
        if (plan.sources().size() != 1) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "EXPLAIN, vector or full-text search over several tables");
        }
        RelationScope.Source source = plan.sources().get(0);
        TableDefinition definition = source.definition();
        String table = source.label();
        TableScope scope = new TableScope(source.database(), definition, source.aliased() ? Optional.of(source.label()) : Optional.empty(), "where clause");
        FilterPushdown.Pushed pushed = FilterPushdown.push(query.where(), definition, scope, context);
        long limit = query.limit().map(each -> StatementExecutor.limitValue(each, context)).orElse(Long.MAX_VALUE);
        long offset = query.offset().map(each -> StatementExecutor.limitValue(each, context)).orElse(0L);
        long window = limit == Long.MAX_VALUE ? Long.MAX_VALUE : limit + offset;
        List<String> extra = new ArrayList<>();
        boolean residual = query.where().isPresent() && !pushed.exact();
        AccessPath path = selects.accessPaths(plan, context).get(0);
        switch (path) {
            case VectorSearchPath vector -> {
                whereExtra(query, extra);
                if (path.key().isPresent()) {
                    extra.add("Using vector index (approximate " + vector.metric().optionName() + " top-k)");
                    if (vector.keyOnly()) {
                        extra.add("Using index");
                    }
                    return new Line(table, "vector", path.key().get(), path.key().get(), null, "const", window, String.join("; ", extra));
                }
                extra.add("Using exact " + vector.metric().optionName() + " top-k");
                return scanOrLookup(source, pushed, table, extra);
            }
            case HybridSearchPath ignored -> {
                String key = path.key().orElse(null);
                return new Line(table, "hybrid", key, key, null, "const", null, "Using hybrid search (reciprocal rank fusion)");
            }
            case TextSearchPath text -> {
                String key = path.key().orElse(null);
                whereExtra(query, extra);
                if (text.limit().isPresent()) {
                    extra.add("Using fulltext top-k");
                }
                if (text.keyOnly()) {
                    extra.add("Using index");
                }
                if (!query.order().isEmpty() && !text.ordersRows()) {
                    extra.add("Using filesort");
                }
                long rows = text.limit().isPresent() ? text.limit().getAsInt() : 1L;
                return new Line(table, "fulltext", key, key, 0L, "const", rows, extra.isEmpty() ? null : String.join("; ", extra));
            }
            default -> {
                if (residual) {
                    extra.add("Using where");
                }
                if (!query.order().isEmpty() && !orderPushed(plan)) {
                    extra.add("Using filesort");
                }
                return scanOrLookup(source, pushed, table, extra);
            }
        }
    }

    private static void whereExtra(Statement.TableQuery query, List<String> extra)
    {
        if (query.where().isPresent()) {
            extra.add("Using where");
        }
    }

    /** An ORDER BY of one column that leads a PRIMARY, UNIQUE or secondary key reads in key order; anything else sorts. */
    private static boolean orderPushed(SelectPlan plan)
    {
        if (plan.order().size() != 1 || !(plan.order().get(0).expression() instanceof Expression.ColumnReference reference)) {
            return false;
        }
        TableDefinition definition = plan.sources().get(0).definition();
        String column = definition.columns().get(plan.scope().resolve(reference).column()).name();
        return definition.indexes().stream()
                .anyMatch(index -> index.kind() != IndexDefinition.Kind.VECTOR && index.kind() != IndexDefinition.Kind.FULLTEXT
                        && index.columns().get(0).equalsIgnoreCase(column));
    }

    /** The key a pushed filter uses: a full primary or unique key equality, a secondary key equality, a range, or none. */
    private static Line scanOrLookup(RelationScope.Source source, FilterPushdown.Pushed pushed, String table, List<String> extra)
    {
        TableDefinition definition = source.definition();
        List<Filter> conjuncts = new ArrayList<>();
        Filter filter = pushed.filter();
        if (filter instanceof Filter.And and) {
            conjuncts.addAll(and.operands());
        }
        else if (!(filter instanceof Filter.All)) {
            conjuncts.add(filter);
        }
        Set<String> equal = new HashSet<>();
        Set<String> ranged = new HashSet<>();
        for (Filter each : conjuncts) {
            switch (each) {
                case Filter.Equal eq when eq.field().path().isEmpty() -> equal.add(eq.field().column().toLowerCase(Locale.ROOT));
                case Filter.Range range when range.field().path().isEmpty() -> ranged.add(range.field().column().toLowerCase(Locale.ROOT));
                case Filter.In in when in.field().path().isEmpty() -> ranged.add(in.field().column().toLowerCase(Locale.ROOT));
                default -> {
                }
            }
        }
        List<String> possible = new ArrayList<>();
        IndexDefinition chosen = null;
        String type = "ALL";
        for (IndexDefinition index : definition.indexes()) {
            if (index.kind() == IndexDefinition.Kind.VECTOR || index.kind() == IndexDefinition.Kind.FULLTEXT) {
                continue;
            }
            String first = index.columns().get(0).toLowerCase(Locale.ROOT);
            boolean allEqual = index.columns().stream().allMatch(column -> equal.contains(column.toLowerCase(Locale.ROOT)));
            String candidate;
            if (index.kind().isUnique() && allEqual) {
                candidate = "const";
            }
            else if (equal.contains(first)) {
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
        String extraText = extra.isEmpty() ? null : String.join("; ", extra);
        if (chosen == null) {
            return new Line(table, "ALL", null, null, null, null, source.table().count(Filter.ALL), extraText);
        }
        long rows = PlanExplain.estimate(type, source.table().count(Filter.ALL));
        long keyLength = 0;
        int used = 0;
        for (String column : chosen.columns()) {
            if (!equal.contains(column.toLowerCase(Locale.ROOT)) && used > 0) {
                break;
            }
            ColumnDefinition definitionOf = definition.columns().get(definition.columnIndex(column).orElseThrow());
            keyLength += PlanExplain.keyLength(definitionOf);
            used++;
            if (!equal.contains(column.toLowerCase(Locale.ROOT))) {
                break;
            }
        }
        String ref = type.equals("range") ? null : java.util.stream.IntStream.range(0, used).mapToObj(i -> "const").collect(Collectors.joining(","));
        return new Line(table, type, String.join(",", possible), chosen.name(), keyLength, ref, rows, extraText);
    }

    private static int rank(String type)
    {
        return switch (type) {
            case "const" -> 0;
            case "ref" -> 1;
            case "range" -> 2;
            default -> 3;
        };
    }
}
