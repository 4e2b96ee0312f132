package dev.quiver.sql.execution;

import dev.quiver.sql.tree.Expression;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.table.RowCursor;
import dev.quiver.storage.table.ScanRequest;
import dev.quiver.storage.table.SortKey;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

import static java.util.Objects.requireNonNull;

/**
 * The default access path: a storage scan with the conjuncts {@link FilterPushdown} can express pushed as a
 * filter (so the engine can use an index), ORDER BY pushed as sort keys when every key is a column of the table,
 * and OFFSET/LIMIT pushed too when the filter is exact; otherwise the scan stops after OFFSET+LIMIT matching rows.
 * Every row is re-checked with the evaluator.
 */
final class TableScan
        implements AccessPath
{
    private final Request request;

    TableScan(Request request)
    {
        this.request = requireNonNull(request, "request is null");
    }

    @Override
    public Optional<String> key()
    {
        return Optional.empty();
    }

    @Override
    public Result read(ExecutionContext context)
    {
        TableScope tableScope = new TableScope(request.source().database(), request.source().definition(),
                request.source().aliased() ? Optional.of(request.source().label()) : Optional.empty(), "where clause");
        Optional<Expression> where = request.conjuncts().stream().reduce((left, right) -> new Expression.Logical(Expression.LogicalOperator.AND, left, right));
        FilterPushdown.Pushed pushed;
        try {
            pushed = FilterPushdown.push(where, request.source().definition(), tableScope, context);
        }
        catch (dev.quiver.common.QuiverException ex) {
            // a conjunct naming a column through a form the table scope does not know (an outer alias): evaluate it instead
            pushed = new FilterPushdown.Pushed(dev.quiver.storage.filter.Filter.ALL, request.conjuncts().isEmpty());
        }
        List<SortKey> sortKeys = sortKeys();
        boolean orderPushed = request.finalShape() && sortKeys.size() == request.order().size();
        long limit = request.limit().orElse(Long.MAX_VALUE);
        long offset = request.offset();
        ScanRequest scan = new ScanRequest(pushed.filter(), List.of(), orderPushed ? sortKeys : List.of(), 0, OptionalLong.empty());
        boolean offsetApplied = false;
        if (pushed.exact() && orderPushed) {
            scan = new ScanRequest(pushed.filter(), List.of(), sortKeys, offset, request.limit());
            offsetApplied = true;
        }
        Predicate<Row> matches = request.matches(context);
        List<Row> rows = new ArrayList<>();
        long examined = 0;
        long wanted = offsetApplied ? limit : saturatedSum(offset, limit);
        try (RowCursor cursor = request.table().scan(scan)) {
            while (cursor.hasNext() && (!orderPushed || rows.size() < wanted)) {
                Row row = cursor.next();
                examined++;
                if (request.conjuncts().isEmpty() || matches.test(row)) {
                    rows.add(row);
                }
            }
        }
        return new Result(rows, orderPushed, offsetApplied, Optional.empty(), examined);
    }

    /** The number of matching rows from the engine's count, when the conjuncts push down exactly. */
    static OptionalLong exactCount(Request request, ExecutionContext context)
    {
        TableScope tableScope = new TableScope(request.source().database(), request.source().definition(),
                request.source().aliased() ? Optional.of(request.source().label()) : Optional.empty(), "where clause");
        Optional<Expression> where = request.conjuncts().stream().reduce((left, right) -> new Expression.Logical(Expression.LogicalOperator.AND, left, right));
        FilterPushdown.Pushed pushed = FilterPushdown.push(where, request.source().definition(), tableScope, context);
        return pushed.exact() ? OptionalLong.of(request.table().count(pushed.filter())) : OptionalLong.empty();
    }

    private static long saturatedSum(long a, long b)
    {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** ORDER BY keys that are plain columns of the table, as sort keys; fewer than the keys when some are not. */
    private List<SortKey> sortKeys()
    {
        List<SortKey> keys = new ArrayList<>();
        for (OrderKey each : request.order()) {
            if (!(each.expression() instanceof Expression.ColumnReference reference) || !request.scope().isLocal(reference)) {
                return List.of();
            }
            RelationScope.Resolved resolved = request.scope().resolve(reference);
            if (resolved.source() != request.sourceIndex()) {
                return List.of();
            }
            keys.add(new SortKey(request.source().definition().columns().get(resolved.column()).name(), each.ascending()));
        }
        return keys;
    }
}
