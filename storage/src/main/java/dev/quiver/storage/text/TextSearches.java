package dev.quiver.storage.text;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.filter.FilterEvaluator;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchAccess;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.TextSearchRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/** The engine-independent half of {@code Table.textSearch}: resolving the FULLTEXT index, and projecting the hits. */
public final class TextSearches
{
    private TextSearches() {}

    /**
     * The plan of a request: the FULLTEXT index whose columns are exactly the request's (in any order, case-insensitive,
     * as MySQL matches them), else {@code ER_FT_MATCHING_KEY_NOT_FOUND}; unknown columns are {@code ER_BAD_FIELD_ERROR}.
     */
    public static TextPlan plan(TableDefinition definition, TextSearchRequest request)
    {
        Set<String> wanted = new HashSet<>();
        for (String column : request.columns()) {
            definition.requireColumn(column);
            wanted.add(column.toLowerCase(Locale.ROOT));
        }
        List<IndexDefinition> indexes = definition.indexes();
        for (int i = 0; i < indexes.size(); i++) {
            IndexDefinition index = indexes.get(i);
            if (index.kind() != IndexDefinition.Kind.FULLTEXT || index.columns().size() != wanted.size()) {
                continue;
            }
            Set<String> columns = new HashSet<>();
            index.columns().forEach(column -> columns.add(column.toLowerCase(Locale.ROOT)));
            if (columns.equals(wanted)) {
                FilterEvaluator evaluator = new FilterEvaluator(definition, request.filter());
                boolean acceptsAll = request.filter() == Filter.ALL && request.residual() == TextSearchRequest.NO_RESIDUAL;
                int[] projection = request.projection().isEmpty() ? null : definition.columnPositions(request.projection());
                return new TextPlan(index, i, definition.columnPositions(index.columns()), TextAnalyzers.spec(index), request.query(),
                        request.mode(), request.filter(), row -> evaluator.matches(row) && request.residual().test(row), acceptsAll,
                        request.limit(), projection);
            }
        }
        throw new QuiverException(ErrorCode.ER_FT_MATCHING_KEY_NOT_FOUND);
    }

    /** Runs the plan through {@code search} (a store's text search, which returns the rows projected). */
    public static SearchResult run(TableDefinition definition, TextSearchRequest request, Function<TextPlan, TextHits> search)
    {
        TextPlan plan = plan(definition, request);
        if (plan.limit().isPresent() && plan.limit().getAsInt() == 0) {
            return new SearchResult(List.of(), SearchAccess.FULLTEXT_INDEX, 0);
        }
        TextHits hits = search.apply(plan);
        List<ScoredRow> rows = new ArrayList<>(hits.hits().size());
        for (TextHits.Hit hit : hits.hits()) {
            rows.add(new ScoredRow(hit.row(), hit.score()));
        }
        return new SearchResult(rows, SearchAccess.FULLTEXT_INDEX, hits.examined());
    }
}
