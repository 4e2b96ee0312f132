package dev.quiver.sql.parser;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.parser.StatementSplitter.StatementText;
import dev.quiver.sql.tree.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * The parser front step: splits a query text into statements, neutralises comments (keeping MySQL executable
 * comments), recognises the keyword statements JSqlParser lacks, parses the rest with JSqlParser and converts
 * it into Quiver's immutable {@link Statement} tree. Parsed statements are cached by their text. Thread-safe.
 */
public final class SqlParser
{
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");
    private static final long CACHE_SIZE = 10_000;

    private final StatementSplitter splitter;
    private final Cache<String, ParsedStatement> cache = Caffeine.newBuilder().maximumSize(CACHE_SIZE).build();

    /** @param serverVersion the server version ({@code 8.0.36-seekdb-...}), for versioned executable comments */
    public SqlParser(String serverVersion)
    {
        this.splitter = new StatementSplitter(versionNumber(requireNonNull(serverVersion, "serverVersion is null")));
    }

    static int versionNumber(String serverVersion)
    {
        Matcher matcher = VERSION.matcher(serverVersion);
        if (!matcher.find()) {
            return 80036;
        }
        return Integer.parseInt(matcher.group(1)) * 10000 + Integer.parseInt(matcher.group(2)) * 100 + Integer.parseInt(matcher.group(3));
    }

    /** The statements of a COM_QUERY text, not yet parsed; parse each with {@link #parse(StatementText)}. */
    public List<StatementText> split(String sql)
    {
        return splitter.split(sql);
    }

    /**
     * Parses the text as exactly one statement (COM_STMT_PREPARE, or COM_QUERY without multi-statements): a second
     * statement is a syntax error at its start.
     */
    public ParsedStatement parseSingle(String sql)
    {
        List<StatementText> statements = split(sql);
        if (statements.size() > 1) {
            int secondStart = sql.indexOf(statements.get(1).original(), sql.indexOf(';'));
            throw ParseErrors.at(sql, Math.max(0, secondStart));
        }
        return parse(statements.get(0));
    }

    /** Parses one statement: ER_EMPTY_QUERY when blank, ER_PARSE_ERROR with MySQL's text when malformed. */
    public ParsedStatement parse(StatementText text)
    {
        requireNonNull(text, "text is null");
        if (text.isBlank()) {
            throw new QuiverException(ErrorCode.ER_EMPTY_QUERY);
        }
        ParsedStatement cached = cache.getIfPresent(text.original());
        if (cached != null) {
            return cached;
        }
        ParsedStatement result = new ParsedStatement(text.original(), build(text.original(), text.cleaned()), FrontParser.countParameters(text.cleaned()));
        cache.put(text.original(), result);
        return result;
    }

    private static Statement build(String original, String cleaned)
    {
        Optional<Statement> front = FrontParser.tryParse(original, cleaned);
        if (front.isPresent()) {
            return front.get();
        }
        SearchSyntax.Approximate approximate = SearchSyntax.stripApproximate(cleaned);
        JSqlParserRewrites.Rewritten rewritten = JSqlParserRewrites.rewrite(approximate.text());
        net.sf.jsqlparser.statement.Statement statement = JSqlParsing.parse(rewritten.text(), original);
        Statement built = switch (statement) {
            case PlainSelect select -> QueryBuilder.build(select, original, rewritten.text(), new ExpressionBuilder(rewritten.userVariables()));
            // EXPLAIN ANALYZE runs the query and prints a tree in MySQL 8: not the traditional table
            case net.sf.jsqlparser.statement.ExplainStatement explain when explain.getOptions() != null && !explain.getOptions().isEmpty() ->
                    new Statement.Unsupported("EXPLAIN ANALYZE");
            case net.sf.jsqlparser.statement.ExplainStatement explain when explain.getStatement() instanceof PlainSelect select ->
                    new Statement.Explain(QueryBuilder.build(select, original, rewritten.text(), new ExpressionBuilder(rewritten.userVariables())));
            case net.sf.jsqlparser.statement.ExplainStatement explain when explain.getStatement() instanceof net.sf.jsqlparser.statement.select.SetOperationList union ->
                    new Statement.Explain(QueryBuilder.union(union, original, rewritten.text(), new ExpressionBuilder(rewritten.userVariables())));
            case net.sf.jsqlparser.statement.select.SetOperationList union -> QueryBuilder.union(union, original, rewritten.text(), new ExpressionBuilder(rewritten.userVariables()));
            case Select ignored -> new Statement.Unsupported("parenthesized queries");
            case net.sf.jsqlparser.statement.insert.Insert insert -> new DmlBuilder(new ExpressionBuilder(rewritten.userVariables()), original, rewritten.text()).insert(insert);
            case net.sf.jsqlparser.statement.upsert.Upsert upsert -> new DmlBuilder(new ExpressionBuilder(rewritten.userVariables()), original, rewritten.text()).upsert(upsert);
            case net.sf.jsqlparser.statement.update.Update update -> new DmlBuilder(new ExpressionBuilder(rewritten.userVariables()), original, rewritten.text()).update(update);
            case net.sf.jsqlparser.statement.delete.Delete delete -> new DmlBuilder(new ExpressionBuilder(rewritten.userVariables()), original, rewritten.text()).delete(delete);
            default -> new Statement.Unsupported(FrontParser.kind(cleaned));
        };
        return SearchSyntax.markApproximate(built, approximate);
    }
}
