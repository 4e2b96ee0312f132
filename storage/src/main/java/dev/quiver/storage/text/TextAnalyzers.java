package dev.quiver.storage.text;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.ngram.NGramTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The analyzers of seekdb's FULLTEXT parsers, chosen by an index's {@code parser} option ({@code WITH PARSER x};
 * {@code PARSER_PROPERTIES=(k=v)} arrive as {@code parser_properties.k}). Every analyzer lowercases, so matching is
 * case-insensitive.
 * <ul>
 * <li>{@code space} (the default when no parser is named, as in seekdb): split on whitespace only.</li>
 * <li>{@code beng} (basic English): Lucene's standard tokenizer (Unicode word boundaries; punctuation separates
 * words; each CJK ideograph is a word of its own), no stop words.</li>
 * <li>{@code ngram}: every run of {@code ngram_token_size} (1..10, default 2) consecutive characters within a
 * whitespace-free stretch, as MySQL's ngram parser ({@code "ab cd"} gives {@code ab}, {@code cd}).</li>
 * <li>{@code ngram2}: every gram of {@code min_ngram_size}..{@code max_ngram_size} characters (defaults 2 and 3).</li>
 * <li>{@code ik}: seekdb's IK is a dictionary-based Chinese segmenter; we have no dictionary segmenter (Lucene's
 * smartcn is not published for this Lucene version), so {@code ik} is the standard tokenizer for Latin, Cyrillic
 * and other spaced scripts plus overlapping bigrams of CJK characters (Lucene's CJK bigram filter, full-width forms
 * folded): {@code 全文索引} gives {@code 全文 文索 索引}. A query for a word the segmenter would keep whole
 * ({@code 索引}) finds it; recall is that of bigrams, precision slightly lower than a dictionary's.</li>
 * </ul>
 * Any other parser name is {@code ER_NOT_SUPPORTED_YET} when the index is created.
 */
public final class TextAnalyzers
{
    public static final String PARSER = "parser";
    public static final String PROPERTY_PREFIX = "parser_properties.";
    public static final String DEFAULT_PARSER = "space";
    /** Positions between the values of the columns of a multi-column index, so a phrase never spans two columns. */
    public static final int COLUMN_POSITION_GAP = 100;

    private static final Map<Spec, Analyzer> ANALYZERS = new ConcurrentHashMap<>();

    private TextAnalyzers() {}

    /** The analysis an index's options ask for: its parser and the parser's numeric properties. */
    public record Spec(String parser, int minGram, int maxGram)
    {
        public boolean ngrams()
        {
            return parser.equals("ngram") || parser.equals("ngram2");
        }
    }

    /** Refuses a definition with a FULLTEXT index whose parser or properties this engine cannot honour. */
    public static void validate(TableDefinition definition)
    {
        for (IndexDefinition index : definition.indexes()) {
            if (index.kind() == IndexDefinition.Kind.FULLTEXT) {
                spec(index);
            }
        }
    }

    /** The analysis of a FULLTEXT index; {@code ER_NOT_SUPPORTED_YET} for an unknown parser. */
    public static Spec spec(IndexDefinition index)
    {
        Map<String, String> options = index.options();
        String parser = options.getOrDefault(PARSER, DEFAULT_PARSER).toLowerCase(Locale.ROOT);
        return switch (parser) {
            case "space", "beng", "ik" -> new Spec(parser, 0, 0);
            case "ngram" -> {
                int size = property(options, "ngram_token_size", 2, 1, 10);
                yield new Spec(parser, size, size);
            }
            case "ngram2" -> {
                int min = property(options, "min_ngram_size", 2, 1, 10);
                int max = property(options, "max_ngram_size", Math.max(3, min), 1, 10);
                if (max < min) {
                    throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "max_ngram_size");
                }
                yield new Spec(parser, min, max);
            }
            default -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "FULLTEXT parser " + parser);
        };
    }

    /** The (shared, thread-safe) analyzer of a FULLTEXT index. */
    public static Analyzer analyzer(IndexDefinition index)
    {
        return analyzer(spec(index));
    }

    public static Analyzer analyzer(Spec spec)
    {
        return ANALYZERS.computeIfAbsent(spec, TextAnalyzers::create);
    }

    private static int property(Map<String, String> options, String name, int fallback, int min, int max)
    {
        String text = options.get(PROPERTY_PREFIX + name);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        }
        catch (NumberFormatException ignored) {
            // reported below
        }
        throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, name);
    }

    private static Analyzer create(Spec spec)
    {
        return new Analyzer()
        {
            @Override
            protected TokenStreamComponents createComponents(String fieldName)
            {
                return switch (spec.parser()) {
                    case "space" -> {
                        Tokenizer tokenizer = new WhitespaceTokenizer();
                        yield new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
                    }
                    case "beng" -> {
                        Tokenizer tokenizer = new StandardTokenizer();
                        yield new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
                    }
                    case "ik" -> {
                        Tokenizer tokenizer = new StandardTokenizer();
                        TokenStream stream = new CJKBigramFilter(new LowerCaseFilter(new CJKWidthFilter(tokenizer)));
                        yield new TokenStreamComponents(tokenizer, stream);
                    }
                    default -> {
                        Tokenizer tokenizer = new NGramTokenizer(spec.minGram(), spec.maxGram())
                        {
                            @Override
                            protected boolean isTokenChar(int chr)
                            {
                                return !Character.isWhitespace(chr);
                            }
                        };
                        yield new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
                    }
                };
            }

            @Override
            protected TokenStream normalize(String fieldName, TokenStream in)
            {
                TokenStream stream = spec.parser().equals("ik") ? new CJKWidthFilter(in) : in;
                return new LowerCaseFilter(stream);
            }
        };
    }
}
