package dev.quiver.storage.text;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.search.TextMode;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.util.BytesRef;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Parses the text of {@code AGAINST (...)} into a {@link TextQuery} with the index's analyzer.
 * <ul>
 * <li>{@link TextMode#NATURAL_LANGUAGE}: the whole text is analysed; a row matches when it contains any of the
 * distinct terms.</li>
 * <li>{@link TextMode#BOOLEAN}, MySQL's syntax: {@code +word} must be present, {@code -word} must be absent, a bare
 * word is optional (with no {@code +} clause at least one optional clause must match), {@code "a phrase"} matches
 * the words in sequence, {@code word*} matches every term that starts with {@code word}, {@code ( ... )} groups
 * (with the same rules inside, and an operator before the group). A word the analyzer splits into several tokens
 * (ngram grams, CJK bigrams, {@code well-known} under {@code beng}) is a phrase of them, as MySQL's ngram parser
 * does. For the ngram parsers a prefix at least as long as the gram size is a phrase of its grams (the wildcard is
 * ignored), a shorter one matches the grams it starts, as in MySQL. {@code ~}, {@code <}, {@code >} and
 * {@code @distance} are {@code ER_NOT_SUPPORTED_YET}.</li>
 * </ul>
 * Prefixes expand to the terms the table holds now ({@link Vocabulary}); a query of more than
 * {@value #MAX_TERMS} terms after expansion is {@code ER_NOT_SUPPORTED_YET}.
 */
public final class TextQueryParser
{
    public static final int MAX_TERMS = 1000;

    /** The terms present in live rows of the index, for prefix expansion. */
    public interface Vocabulary
    {
        /** Distinct terms starting with {@code prefix}, in {@link BytesRef} (UTF-8 byte) order, at most {@code max + 1}. */
        List<String> withPrefix(String prefix, int max);
    }

    private final Analyzer analyzer;
    private final TextAnalyzers.Spec spec;
    private final Vocabulary vocabulary;
    private final String text;
    private int at;
    private int leafTerms;

    private TextQueryParser(Analyzer analyzer, TextAnalyzers.Spec spec, Vocabulary vocabulary, String text)
    {
        this.analyzer = requireNonNull(analyzer, "analyzer is null");
        this.spec = requireNonNull(spec, "spec is null");
        this.vocabulary = requireNonNull(vocabulary, "vocabulary is null");
        this.text = requireNonNull(text, "text is null");
    }

    public static TextQuery parse(String text, TextMode mode, TextAnalyzers.Spec spec, Vocabulary vocabulary)
    {
        TextQueryParser parser = new TextQueryParser(TextAnalyzers.analyzer(spec), spec, vocabulary, text);
        if (mode == TextMode.NATURAL_LANGUAGE) {
            AnalyzedText.Tokens tokens = AnalyzedText.tokens(parser.analyzer, text);
            TextQuery.Bool query = TextQuery.Bool.anyOf(tokens.terms());
            parser.count(query.clauses().size());
            return query;
        }
        return parser.group(false);
    }

    private TextQuery.Bool group(boolean nested)
    {
        List<TextQuery.Clause> clauses = new ArrayList<>();
        while (true) {
            skipSpaces();
            if (at >= text.length()) {
                break;
            }
            char c = text.charAt(at);
            if (c == ')') {
                at++;
                if (nested) {
                    break;
                }
                continue;
            }
            TextQuery.Occur occur = TextQuery.Occur.SHOULD;
            while (at < text.length() && "+-~<>".indexOf(text.charAt(at)) >= 0) {
                char operator = text.charAt(at++);
                occur = switch (operator) {
                    case '+' -> TextQuery.Occur.MUST;
                    case '-' -> TextQuery.Occur.MUST_NOT;
                    default -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "the full-text boolean operator '" + operator + "'");
                };
            }
            if (at >= text.length()) {
                break;
            }
            c = text.charAt(at);
            TextQuery query;
            if (c == '(') {
                at++;
                TextQuery.Bool inner = group(true);
                query = inner.clauses().isEmpty() ? null : inner;
            }
            else if (c == '"') {
                int end = text.indexOf('"', at + 1);
                String phrase = text.substring(at + 1, end < 0 ? text.length() : end);
                at = end < 0 ? text.length() : end + 1;
                query = sequence(AnalyzedText.tokens(analyzer, phrase));
                skipSpaces();
                if (at < text.length() && text.charAt(at) == '@') {
                    throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "the full-text proximity operator '@'");
                }
            }
            else {
                int start = at;
                while (at < text.length() && !Character.isWhitespace(text.charAt(at)) && "()\"".indexOf(text.charAt(at)) < 0) {
                    at++;
                }
                String word = text.substring(start, at);
                query = word.endsWith("*") ? prefix(word.replaceAll("\\*+$", "")) : sequence(AnalyzedText.tokens(analyzer, word));
            }
            if (query != null) {
                clauses.add(new TextQuery.Clause(occur, query));
            }
        }
        return new TextQuery.Bool(clauses);
    }

    /** A term, a phrase of several tokens, or nothing. */
    private TextQuery sequence(AnalyzedText.Tokens tokens)
    {
        if (tokens.isEmpty()) {
            return null;
        }
        count(tokens.terms().size());
        if (tokens.terms().size() == 1) {
            return new TextQuery.Term(tokens.terms().get(0));
        }
        return new TextQuery.Phrase(tokens.terms(), tokens.positions());
    }

    private TextQuery prefix(String word)
    {
        if (word.isEmpty()) {
            return null;
        }
        String normalized = analyzer.normalize("text", word).utf8ToString();
        AnalyzedText.Tokens tokens = AnalyzedText.tokens(analyzer, word);
        boolean expand = spec.ngrams()
                ? normalized.codePointCount(0, normalized.length()) < spec.maxGram() && normalized.codePoints().noneMatch(Character::isWhitespace)
                : tokens.terms().size() == 1;
        if (!expand) {
            return sequence(tokens);
        }
        String stem = spec.ngrams() ? normalized : tokens.terms().get(0);
        List<String> terms = vocabulary.withPrefix(stem, MAX_TERMS);
        count(terms.size());
        return TextQuery.Bool.anyOf(terms);
    }

    private void count(int terms)
    {
        leafTerms += terms;
        if (leafTerms > MAX_TERMS) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "a full-text query of more than " + MAX_TERMS + " terms");
        }
    }

    private void skipSpaces()
    {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    /** True when {@code term} starts with {@code prefix} (for vocabularies). */
    public static boolean startsWith(BytesRef term, BytesRef prefix)
    {
        return term.length >= prefix.length
                && java.util.Arrays.equals(term.bytes, term.offset, term.offset + prefix.length, prefix.bytes, prefix.offset, prefix.offset + prefix.length);
    }
}
