package dev.quiver.storage.vector;

import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchAccess;
import dev.quiver.storage.search.SearchResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exact top-k: every row that passes the filter and has a vector is scored, nearest first (ties by row id), and the
 * residual is applied in that order until {@code k} rows pass. Rows whose vector is NULL, or whose distance is
 * undefined (a zero vector under cosine), never match. Rows are ranked by a float lower bound ({@link FloatScreen})
 * and only those that may rank among the results get their exact distance ({@link NearestFirst}), so the rows and
 * distances are the ones that scoring every row in doubles gives. {@code rowsExamined} counts the vectors scored.
 */
public final class ExactVectorSearch
{
    private ExactVectorSearch() {}

    public static SearchResult search(VectorQuery query, Iterable<Map.Entry<Long, Row>> rows)
    {
        NearestFirst<Row> scored = new NearestFirst<>(query::distance);
        FloatScreen screen = FloatScreen.of(query.metric(), query.vector());
        long examined = 0;
        if (query.k() > 0) {
            for (Map.Entry<Long, Row> entry : rows) {
                Row row = entry.getValue();
                if (!(row.get(query.column()) instanceof Value.VectorValue vector) || !query.matchesFilter(row)) {
                    continue;
                }
                examined++;
                double bound = screen.lowerBound(vector.value());
                if (!Double.isNaN(bound)) {
                    scored.addBound(row, entry.getKey(), bound);
                    continue;
                }
                double distance = query.distance(row);
                if (!Double.isNaN(distance)) {
                    scored.addExact(row, entry.getKey(), distance);
                }
            }
        }
        return new SearchResult(firstPassing(query, scored), SearchAccess.EXACT_SCAN, examined);
    }

    /** The first {@code k} candidates, nearest first, that pass the residual. */
    public static List<ScoredRow> firstPassing(VectorQuery query, NearestFirst<Row> scored)
    {
        List<ScoredRow> result = new ArrayList<>(Math.min(query.k(), scored.size()));
        while (result.size() < query.k()) {
            NearestFirst.Entry<Row> candidate = scored.poll();
            if (candidate == null) {
                break;
            }
            if (query.matchesResidual(candidate.item())) {
                result.add(new ScoredRow(candidate.item(), candidate.distance()));
            }
        }
        return result;
    }
}
