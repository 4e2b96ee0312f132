package dev.quiver.storage.text;

import dev.quiver.storage.row.Row;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The reference text search: analyses every row, computes the statistics over all of them and scores each row with
 * {@link TextScoring}. Exact by construction, linear in the table; the in-memory engine uses it, and the durable
 * engine's results are tested against it.
 */
public final class ReferenceTextSearch
{
    private ReferenceTextSearch() {}

    public static TextHits search(Iterable<Map.Entry<Long, Row>> rows, TextPlan plan)
    {
        List<Long> rowIds = new ArrayList<>();
        List<Row> rowValues = new ArrayList<>();
        List<AnalyzedText> texts = new ArrayList<>();
        Map<String, Long> docFreqs = new HashMap<>();
        TreeSet<BytesRef> vocabulary = new TreeSet<>();
        long docCount = 0;
        long sumTotalTermFreq = 0;
        for (Map.Entry<Long, Row> entry : rows) {
            AnalyzedText text = plan.analyze(entry.getValue());
            rowIds.add(entry.getKey());
            rowValues.add(entry.getValue());
            texts.add(text);
            if (text.tokenCount() > 0) {
                docCount++;
                sumTotalTermFreq += text.tokenCount();
            }
            for (String term : text.distinctTerms()) {
                docFreqs.merge(term, 1L, Long::sum);
                vocabulary.add(new BytesRef(term));
            }
        }
        TextQuery query = TextQueryParser.parse(plan.query(), plan.mode(), plan.spec(), (prefix, max) -> {
            List<String> terms = new ArrayList<>();
            BytesRef start = new BytesRef(prefix);
            for (BytesRef term : vocabulary.tailSet(start, true)) {
                if (!TextQueryParser.startsWith(term, start) || terms.size() > max) {
                    break;
                }
                terms.add(term.utf8ToString());
            }
            return terms;
        });
        TextScoring scoring = new TextScoring(plan.field(), docCount, sumTotalTermFreq, term -> docFreqs.getOrDefault(term, 0L));
        List<TextHits.Hit> hits = new ArrayList<>();
        long examined = 0;
        for (int i = 0; i < texts.size(); i++) {
            float score = scoring.score(query, texts.get(i));
            if (Float.isNaN(score)) {
                continue;
            }
            examined++;
            if (plan.accept().test(rowValues.get(i))) {
                hits.add(new TextHits.Hit(rowIds.get(i), rowValues.get(i), score));
            }
        }
        hits.sort(TextHits.ORDER);
        List<TextHits.Hit> best = new ArrayList<>();
        for (TextHits.Hit hit : hits.subList(0, Math.min(hits.size(), plan.limitOrMax()))) {
            best.add(new TextHits.Hit(hit.rowId(), plan.project(hit.row()), hit.score()));
        }
        return new TextHits(best, examined);
    }
}
