package dev.quiver.storage.text;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.SmallFloat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One row's text for one FULLTEXT index, analysed: its tokens with their positions (the indexed columns one after
 * another, {@link TextAnalyzers#COLUMN_POSITION_GAP} positions apart), as Lucene would index them. The reference
 * engine scores these directly; the durable engine indexes exactly these tokens ({@link #tokenStream}) and scores
 * rows changed since its last refresh from them, so both engines see the same terms, frequencies and lengths.
 */
public final class AnalyzedText
{
    private static final AnalyzedText EMPTY = new AnalyzedText(new String[0], new int[0], 0);

    private final String[] terms;
    private final int[] positions;
    private final int normLength;
    private final Map<String, int[]> postings = new HashMap<>();

    private AnalyzedText(String[] terms, int[] positions, int normLength)
    {
        this.terms = terms;
        this.positions = positions;
        this.normLength = normLength;
        Map<String, List<Integer>> collected = new HashMap<>();
        for (int i = 0; i < terms.length; i++) {
            collected.computeIfAbsent(terms[i], term -> new ArrayList<>()).add(positions[i]);
        }
        collected.forEach((term, list) -> postings.put(term, list.stream().mapToInt(Integer::intValue).sorted().toArray()));
    }

    /** Analyses the values (nulls skipped) of an index's columns in column order. */
    public static AnalyzedText analyze(Analyzer analyzer, List<String> values)
    {
        List<String> terms = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        int position = -1;
        int overlaps = 0;
        boolean first = true;
        for (String value : values) {
            if (value == null) {
                continue;
            }
            if (!first) {
                position += TextAnalyzers.COLUMN_POSITION_GAP;
            }
            first = false;
            try (TokenStream stream = analyzer.tokenStream("text", value)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    int step = increment.getPositionIncrement();
                    if (step == 0) {
                        overlaps++;
                    }
                    position += (terms.isEmpty() && step == 0) ? 1 : step;
                    terms.add(term.toString());
                    positions.add(position);
                }
                stream.end();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (terms.isEmpty()) {
            return EMPTY;
        }
        return new AnalyzedText(terms.toArray(String[]::new), positions.stream().mapToInt(Integer::intValue).toArray(), terms.size() - overlaps);
    }

    /** Tokens of a query text, in order, with their positions relative to the first. */
    public record Tokens(List<String> terms, int[] positions)
    {
        public boolean isEmpty()
        {
            return terms.isEmpty();
        }
    }

    /** The tokens of a piece of query text (one value), positions rebased to start at 0. */
    public static Tokens tokens(Analyzer analyzer, String text)
    {
        // the positions as analyze(analyzer, List.of(text)) gives them, without building the per-term postings
        List<String> terms = new ArrayList<>();
        int[] positions = new int[8];
        int position = -1;
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int step = increment.getPositionIncrement();
                position += (terms.isEmpty() && step == 0) ? 1 : step;
                if (terms.size() == positions.length) {
                    positions = Arrays.copyOf(positions, positions.length * 2);
                }
                positions[terms.size()] = position;
                terms.add(term.toString());
            }
            stream.end();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] rebased = new int[terms.size()];
        for (int i = 0; i < rebased.length; i++) {
            rebased[i] = positions[i] - positions[0];
        }
        return new Tokens(List.copyOf(terms), rebased);
    }

    /** Number of tokens (what the index's total term frequency counts). */
    public int tokenCount()
    {
        return terms.length;
    }

    /** The length BM25 normalises by: tokens not stacked on the previous position. */
    public int normLength()
    {
        return normLength;
    }

    /** The one-byte length norm Lucene stores for this length. */
    public long norm()
    {
        return SmallFloat.intToByte4(normLength);
    }

    public Set<String> distinctTerms()
    {
        return postings.keySet();
    }

    public int freq(String term)
    {
        int[] at = postings.get(term);
        return at == null ? 0 : at.length;
    }

    /** How many positions start the phrase ({@code terms} at {@code offsets} from the start), as Lucene counts. */
    public int phraseFreq(List<String> phraseTerms, int[] offsets)
    {
        int[] starts = postings.get(phraseTerms.get(0));
        if (starts == null) {
            return 0;
        }
        int count = 0;
        for (int start : starts) {
            int base = start - offsets[0];
            boolean all = true;
            for (int i = 1; i < phraseTerms.size() && all; i++) {
                int[] at = postings.get(phraseTerms.get(i));
                all = at != null && Arrays.binarySearch(at, base + offsets[i]) >= 0;
            }
            if (all) {
                count++;
            }
        }
        return count;
    }

    /** Replays the tokens for the index writer (positions as analysed; no offsets). */
    public TokenStream tokenStream()
    {
        return new TokenStream()
        {
            private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
            private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
            private int next;

            @Override
            public boolean incrementToken()
            {
                if (next >= terms.length) {
                    return false;
                }
                clearAttributes();
                term.setEmpty().append(terms[next]);
                increment.setPositionIncrement(next == 0 ? positions[0] + 1 : positions[next] - positions[next - 1]);
                next++;
                return true;
            }

            @Override
            public void reset()
                    throws IOException
            {
                super.reset();
                next = 0;
            }
        };
    }
}
