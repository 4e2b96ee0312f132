package dev.quiver.storage.vector;

import dev.quiver.storage.row.Row;
import dev.quiver.storage.search.ScoredRow;
import dev.quiver.storage.search.SearchAccess;
import dev.quiver.storage.search.SearchResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exact top-k: every row that passes the filter and has a vector is scored, nearest first (ties by row id), and the
 * residual is applied in that order until {@code k} rows pass. Rows whose vector is NULL, or whose distance is
 * undefined (a zero vector under cosine), never match. {@code rowsExamined} counts the distances computed.
 */
public final class ExactVectorSearch
{
    private ExactVectorSearch() {}

    public static SearchResult search(VectorQuery query, Iterable<Map.Entry<Long, Row>> rows)
    {
        List<VectorCandidate> scored = new ArrayList<>();
        long examined = 0;
        if (query.k() > 0) {
            for (Map.Entry<Long, Row> entry : rows) {
                Row row = entry.getValue();
                if (row.get(query.column()).isNull() || !query.matchesFilter(row)) {
                    continue;
                }
                double distance = query.distance(row);
                examined++;
                if (!Double.isNaN(distance)) {
                    scored.add(new VectorCandidate(entry.getKey(), row, distance));
                }
            }
        }
        return new SearchResult(firstPassing(query, scored), SearchAccess.EXACT_SCAN, examined);
    }

    /** Sorts exactly scored candidates and keeps the first {@code k} that pass the residual. */
    public static List<ScoredRow> firstPassing(VectorQuery query, List<VectorCandidate> scored)
    {
        scored.sort(VectorCandidate.NEAREST_FIRST);
        List<ScoredRow> result = new ArrayList<>(Math.min(query.k(), scored.size()));
        for (VectorCandidate candidate : scored) {
            if (result.size() >= query.k()) {
                break;
            }
            if (query.matchesResidual(candidate.row())) {
                result.add(new ScoredRow(candidate.row(), candidate.distance()));
            }
        }
        return result;
    }
}
