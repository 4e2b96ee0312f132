package dev.quiver.storage.table;

import dev.quiver.storage.search.HybridSearchRequest;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.text.HybridFusion;
import dev.quiver.storage.text.TextSearches;
import dev.quiver.storage.vector.ExactVectorSearch;
import dev.quiver.storage.vector.VectorQuery;

import static java.util.Objects.requireNonNull;

/**
 * The search entry points (text, vector, hybrid) and the index refresh: searches run through the store's indexes
 * as reads; vector search falls back to an exact search over the filter's candidates.
 */
final class TableSearches
{
    private final TableState state;
    private final TableReads reads;
    /** Text-search plans' table-dependent parts, kept while the table's definition is the same object. */
    private final TextSearches.Plans textPlans = new TextSearches.Plans();

    TableSearches(TableState state, TableReads reads)
    {
        this.state = state;
        this.reads = reads;
    }

    SearchResult textSearch(TextSearchRequest request)
    {
        requireNonNull(request, "request is null");
        return state.read(() -> textPlans.run(state.definition, request, state.store::textSearch));
    }

    SearchResult hybridSearch(HybridSearchRequest request)
    {
        requireNonNull(request, "request is null");
        return HybridFusion.search(state.table, request);
    }

    void refreshIndexes()
    {
        state.read(() -> null);
        state.sink.refreshIndexes();
    }

    SearchResult vectorSearch(VectorSearchRequest request)
    {
        requireNonNull(request, "request is null");
        return state.read(() -> {
            VectorQuery query = VectorQuery.of(state.definition, request);
            SearchResult found = state.store.searchVectors(query);
            if (found != null) {
                return found;
            }
            found = ExactVectorSearch.search(query, reads.candidates(request.filter()));
            if (request.projection().isEmpty()) {
                return found;
            }
            int[] projection = state.definition.columnPositions(request.projection());
            return new SearchResult(found.rows().stream().map(row -> new ScoredRow(row.row().project(projection), row.score())).toList(),
                    found.access(), found.rowsExamined());
        });
    }
}
