package dev.quiver.sql.execution;

import dev.quiver.sql.expression.SearchFunctions;
import dev.quiver.sql.tree.Expression;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.TextSearchRequest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * A table read through its FULLTEXT index ({@code Table.textSearch}): chosen when a {@code MATCH ... AGAINST} is a
 * top-level conjunct of the table's WHERE (or ON) conditions. The other conjuncts go into the search as a pushed
 * filter and a residual; the rows come back best BM25 score first, and the MATCH's value for each row is its score
 * (the plan reads it wherever the same MATCH appears: select list, ORDER BY, HAVING).
 *
 * <p>When the plan's final order is the search's (no ORDER BY, or ORDER BY this MATCH DESC; one table, nothing after
 * the access but projection and OFFSET/LIMIT), the search is asked for LIMIT + OFFSET rows only; and when the plan says
 * which columns it reads, for those columns and the primary key only (with only the key, an engine need not read stored
 * rows). Otherwise it returns every match, whole.
 */
final class TextSearchPath
        implements AccessPath
{
    /** Chooses the first top-level MATCH conjunct of the request. */
    static final Rule RULE = (request, context) -> {
        for (Expression each : request.conjuncts()) {
            if (SearchFunctions.isMatch(each)) {
                Expression.FunctionCall call = (Expression.FunctionCall) each;
                TextSearchRequest text = SearchCalls.textRequest(call, request.source().definition(), request.scope(), context);
                return Optional.of(new TextSearchPath(request, call, text));
            }
        }
        return Optional.empty();
    };

    private final Request request;
    private final Expression.FunctionCall call;
    private final TextSearchRequest text;
    /** The access returns the rows in the plan's final order: no ORDER BY, or ORDER BY this MATCH DESC. */
    private final boolean orderServed;
    private final OptionalInt limit;
    private final List<String> projection;

    private TextSearchPath(Request request, Expression.FunctionCall call, TextSearchRequest text)
    {
        this.request = requireNonNull(request, "request is null");
        this.call = requireNonNull(call, "call is null");
        this.text = requireNonNull(text, "text is null");
        this.orderServed = request.finalShape() && (request.order().isEmpty() || ordersByScore(request, call));
        long window = request.limit().isPresent() ? SearchCalls.saturatedSum(request.offset(), request.limit().getAsLong()) : Long.MAX_VALUE;
        // the search applies the filter and residual before its limit, so its top LIMIT + OFFSET are the plan's
        this.limit = orderServed && window <= Integer.MAX_VALUE ? OptionalInt.of((int) window) : OptionalInt.empty();
        this.projection = SearchCalls.projection(request, orderServed, Optional.of(call.toString()));
    }

    /** ORDER BY exactly this MATCH, descending: the search's own order (best score first, ties by row). */
    private static boolean ordersByScore(Request request, Expression.FunctionCall call)
    {
        return request.order().size() == 1 && !request.order().get(0).ascending()
                && SearchCalls.orderItem(request.order().get(0)) instanceof Expression.FunctionCall ordered && ordered.toString().equals(call.toString());
    }

    /** The MATCH that drives this access; its score is published by {@link #read}. */
    Expression.FunctionCall call()
    {
        return call;
    }

    /** True when the rows come back in the plan's final order (the plan does not sort them). */
    boolean ordersRows()
    {
        return orderServed;
    }

    /** How many rows the search is asked for (LIMIT + OFFSET, when nothing after the access needs more); empty: all matches. */
    OptionalInt limit()
    {
        return limit;
    }

    /** The columns the search returns (the rest read as NULL, the plan does not read them); empty: whole rows. */
    List<String> projection()
    {
        return projection;
    }

    /** True when the search returns only primary key columns and nothing but the MATCH selects its rows. */
    boolean keyOnly()
    {
        return request.conjuncts().size() == 1 && SearchCalls.keyOnly(request.source().definition(), projection);
    }

    /** The FULLTEXT index the search reads (MySQL's {@code key} with type {@code fulltext}). */
    @Override
    public Optional<String> key()
    {
        return SearchCalls.fulltextIndex(request.source().definition(), text.columns()).map(IndexDefinition::name);
    }

    @Override
    public Result read(ExecutionContext context)
    {
        RelationScope scope = request.scope();
        // the residual sees only rows this MATCH found: it holds for them until their scores are known
        scope.publish(call, request.sourceIndex(), row -> 1.0);
        // the other conjuncts filter what the MATCH finds (with none, the search need not read rows to test them)
        List<Expression> others = new ArrayList<>(request.conjuncts());
        others.remove(call);
        Request rest = new Request(request.source(), request.sourceIndex(), scope, others, request.order(), request.approximate(), request.limit(),
                request.offset(), request.finalShape(), request.reads());
        FilterPushdown.Pushed pushed = SearchCalls.pushed(rest, context);
        TextSearchRequest search = new TextSearchRequest(text.columns(), text.query(), text.mode(), pushed.filter(),
                SearchCalls.residual(rest, pushed, context), limit, projection);
        SearchResult result = request.table().textSearch(search);
        List<Row> rows = SearchCalls.widen(result.rows(), projection, request.source().definition());
        Map<Row, Object> scores = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            scores.put(rows.get(i), result.rows().get(i).score());
        }
        scope.publish(call, request.sourceIndex(), row -> scores.getOrDefault(row, 0.0));
        return new Result(rows, request.order().isEmpty() || orderServed, false, Optional.empty(), result.rowsExamined());
    }
}
