package dev.quiver.sql.execution;

import dev.quiver.sql.expression.SearchFunctions;
import dev.quiver.sql.tree.Expression;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.TextSearchRequest;

import java.util.ArrayList;
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

    private TextSearchPath(Request request, Expression.FunctionCall call, TextSearchRequest text)
    {
        this.request = requireNonNull(request, "request is null");
        this.call = requireNonNull(call, "call is null");
        this.text = requireNonNull(text, "text is null");
    }

    /** The MATCH that drives this access; its score is published by {@link #read}. */
    Expression.FunctionCall call()
    {
        return call;
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
                request.offset(), request.finalShape());
        FilterPushdown.Pushed pushed = SearchCalls.pushed(rest, context);
        TextSearchRequest search = new TextSearchRequest(text.columns(), text.query(), text.mode(), pushed.filter(),
                SearchCalls.residual(rest, pushed, context), OptionalInt.empty(), List.of());
        SearchResult result = request.table().textSearch(search);
        Map<Row, Object> scores = SearchCalls.scores(result);
        scope.publish(call, request.sourceIndex(), row -> scores.getOrDefault(row, 0.0));
        List<Row> rows = new ArrayList<>(result.rows().size());
        for (ScoredRow each : result.rows()) {
            rows.add(each.row());
        }
        return new Result(rows, request.order().isEmpty(), false, Optional.empty(), result.rowsExamined());
    }
}
