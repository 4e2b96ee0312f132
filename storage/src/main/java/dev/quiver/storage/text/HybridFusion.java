package dev.quiver.storage.text;

import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.format.ValueFormat;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.ValueComparison;
import dev.quiver.storage.search.HybridSearchRequest;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchAccess;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.search.VectorSearchRequest;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Table.hybridSearch}: the vector part through {@link Table#vectorSearch} and the text part through
 * {@link Table#textSearch} (each with its own filter and window: the vector request's {@code k}, the text request's
 * limit), fused by reciprocal rank: a row's score is the sum over the lists holding it of
 * {@code 1 / (rankConstant + rank)}, ranks from 1. Best first; equal scores keep the order in which the rows were
 * first seen (the vector list, then rows only the text list holds). A row is the same row in both lists when its
 * primary key is equal (without a primary key, when all its values are). The two searches are two reads, not one
 * snapshot. {@code rowsExamined} is the sum of both.
 */
public final class HybridFusion
{
    private HybridFusion() {}

    public static SearchResult search(Table table, HybridSearchRequest request)
    {
        TableDefinition definition = table.definition();
        int[] projection = request.projection().isEmpty() ? null : definition.columnPositions(request.projection());
        int[] keyPositions = definition.primaryKey().map(key -> definition.columnPositions(key.columns())).orElse(null);
        Map<Object, Fused> fused = new LinkedHashMap<>();
        long examined = 0;
        if (request.vector().isPresent()) {
            VectorSearchRequest vector = request.vector().get();
            SearchResult result = table.vectorSearch(new VectorSearchRequest(vector.column(), vector.query(), vector.metric(), vector.k(), vector.filter(),
                    vector.residual(), vector.strategy(), vector.efSearch(), List.of()));
            examined += result.rowsExamined();
            add(fused, result.rows(), keyPositions, request.rankConstant());
        }
        if (request.text().isPresent()) {
            TextSearchRequest text = request.text().get();
            SearchResult result = table.textSearch(new TextSearchRequest(text.columns(), text.query(), text.mode(), text.filter(), text.residual(),
                    text.limit(), List.of()));
            examined += result.rowsExamined();
            add(fused, result.rows(), keyPositions, request.rankConstant());
        }
        List<Fused> ordered = new ArrayList<>(fused.values());
        ordered.sort(Comparator.comparingDouble((Fused each) -> -each.score));
        List<ScoredRow> rows = new ArrayList<>();
        for (Fused each : ordered.subList(0, Math.min(ordered.size(), request.size()))) {
            rows.add(new ScoredRow(projection == null ? each.row : each.row.project(projection), each.score));
        }
        return new SearchResult(rows, SearchAccess.HYBRID, examined);
    }

    private static final class Fused
    {
        private final Row row;
        private double score;

        Fused(Row row)
        {
            this.row = row;
        }
    }

    private static void add(Map<Object, Fused> fused, List<ScoredRow> ranked, int[] keyPositions, int rankConstant)
    {
        for (int i = 0; i < ranked.size(); i++) {
            Row row = ranked.get(i).row();
            Object key = keyPositions == null ? ByteBuffer.wrap(ValueFormat.encodeRow(row)) : ValueComparison.indexKey(row, keyPositions);
            fused.computeIfAbsent(key, ignored -> new Fused(row)).score += 1.0 / (rankConstant + i + 1);
        }
    }
}
