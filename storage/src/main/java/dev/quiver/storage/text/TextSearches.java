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
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

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
        return plan(definition, request, resolve(definition, request));
    }

    private static TextPlan plan(TableDefinition definition, TextSearchRequest request, Resolved resolved)
    {
        Predicate<Row> accept;
        if (request.filter() == Filter.ALL) {
            accept = request.residual();
        }
        else {
            FilterEvaluator evaluator = new FilterEvaluator(definition, request.filter());
            Predicate<Row> residual = request.residual();
            accept = row -> evaluator.matches(row) && residual.test(row);
        }
        boolean acceptsAll = request.filter() == Filter.ALL && request.residual() == TextSearchRequest.NO_RESIDUAL;
        return new TextPlan(resolved.index(), resolved.indexPosition(), resolved.columnPositions(), resolved.spec(), request.query(),
                request.mode(), request.filter(), accept, acceptsAll, request.limit(), resolved.projection());
    }

    /** The parts of a plan that depend on the table and the request's columns and projection only. */
    private record Resolved(IndexDefinition index, int indexPosition, int[] columnPositions, TextAnalyzers.Spec spec, int[] projection) {}

    private static Resolved resolve(TableDefinition definition, TextSearchRequest request)
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
                int[] projection = request.projection().isEmpty() ? null : definition.columnPositions(request.projection());
                return new Resolved(index, i, definition.columnPositions(index.columns()), TextAnalyzers.spec(index), projection);
            }
        }
        throw new QuiverException(ErrorCode.ER_FT_MATCHING_KEY_NOT_FOUND);
    }

    /**
     * One table's text-search plans, with their table-dependent parts (the FULLTEXT index resolved from the request's
     * columns, its analysis, the projection's positions) kept per (columns, projection) for as long as the table's
     * definition is the same object: a new definition (ALTER TABLE, an index added, dropped or re-parsed, RENAME) starts
     * afresh. Failures (unknown columns, no matching index) are not kept. Thread-safe.
     */
    public static final class Plans
    {
        private static final int MAX_ENTRIES = 256;

        private record Key(List<String> columns, List<String> projection) {}

        private record Entries(TableDefinition definition, Map<Key, Resolved> resolved) {}

        private volatile Entries entries = new Entries(null, Map.of());

        /** The plan of a request against {@code definition}, as {@link TextSearches#plan} makes it. */
        public TextPlan plan(TableDefinition definition, TextSearchRequest request)
        {
            Entries current = entries;
            if (current.definition() != definition) {
                current = new Entries(definition, new ConcurrentHashMap<>());
                entries = current;
            }
            Key key = new Key(request.columns(), request.projection());
            Resolved resolved = current.resolved().get(key);
            if (resolved == null) {
                resolved = resolve(definition, request);
                if (current.resolved().size() >= MAX_ENTRIES) {
                    current.resolved().clear();
                }
                current.resolved().put(key, resolved);
            }
            return TextSearches.plan(definition, request, resolved);
        }

        /** Runs a request against {@code definition} through {@code search}, as {@link TextSearches#run} does. */
        public SearchResult run(TableDefinition definition, TextSearchRequest request, Function<TextPlan, TextHits> search)
        {
            return TextSearches.run(plan(definition, request), search);
        }
    }

    /** Runs the plan through {@code search} (a store's text search, which returns the rows projected). */
    public static SearchResult run(TableDefinition definition, TextSearchRequest request, Function<TextPlan, TextHits> search)
    {
        return run(plan(definition, request), search);
    }

    private static SearchResult run(TextPlan plan, Function<TextPlan, TextHits> search)
    {
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
