package dev.quiver.sql.parser;

import dev.quiver.sql.expression.SearchFunctions;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Statement;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.operators.relational.FullTextSearch;
import net.sf.jsqlparser.schema.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * seekdb's search syntax on top of JSqlParser: {@code ORDER BY <distance> [ASC|DESC] APPROXIMATE|APPROX LIMIT ...}
 * (JSqlParser does not know the word: it is blanked out before parsing and the ORDER BY item is wrapped in
 * {@link SearchFunctions#APPROXIMATE} afterwards), {@code MATCH (cols) AGAINST (q [mode])} as a
 * {@link SearchFunctions#MATCH} call, and the {@code DBMS_HYBRID_SEARCH.*} package functions.
 */
final class SearchSyntax
{
    private SearchSyntax()
    {
    }

    /**
     * The text with an ORDER BY's trailing APPROXIMATE/APPROX blanked out, whether there was one, and whether it was
     * inside parentheses (a subquery's).
     */
    record Approximate(String text, boolean present, boolean nested)
    {
        Approximate(String text, boolean present)
        {
            this(text, present, false);
        }
    }

    static Approximate stripApproximate(String cleaned)
    {
        List<Token> tokens = SqlLexer.tokenize(cleaned);
        boolean orderBy = false;
        int depth = 0;
        int orderDepth = -1;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            }
            else if (token.isSymbol(")")) {
                depth--;
            }
            else if (token.isWord("ORDER") && tokens.get(i + 1).isWord("BY")) {
                orderBy = true;
                orderDepth = depth;
            }
            else if (orderBy && depth == orderDepth && i > 0 && (token.isWord("APPROXIMATE") || token.isWord("APPROX"))
                    && !tokens.get(i - 1).isWord("BY") && !tokens.get(i - 1).isSymbol(",")
                    && (tokens.get(i + 1).isWord("LIMIT") || tokens.get(i + 1).type() == Token.TokenType.END)) {
                StringBuilder result = new StringBuilder(cleaned);
                for (int j = token.start(); j < token.end(); j++) {
                    result.setCharAt(j, ' ');
                }
                return new Approximate(result.toString(), true, depth > 0);
            }
        }
        return new Approximate(cleaned, false);
    }

    /**
     * Marks an approximate query by wrapping its LIMIT in the APPROXIMATE marker (the ORDER BY item stays as written,
     * so aliases and positions resolve as usual); EXPLAIN's query likewise.
     */
    static Statement markApproximate(Statement statement, Approximate approximate)
    {
        if (!approximate.present()) {
            return statement;
        }
        if (approximate.nested()) {
            return new Statement.Unsupported("APPROXIMATE in a subquery");
        }
        if (statement instanceof Statement.Explain explain) {
            return new Statement.Explain(markApproximate(explain.statement(), approximate));
        }
        if (!(statement instanceof Statement.TableQuery query) || query.order().size() != 1) {
            return new Statement.Unsupported("APPROXIMATE outside a SELECT ordered by one vector distance");
        }
        if (query.limit().isEmpty()) {
            return new Statement.Unsupported("APPROXIMATE without LIMIT");
        }
        Expression marked = new Expression.FunctionCall(SearchFunctions.APPROXIMATE, List.of(query.limit().get()));
        return new Statement.TableQuery(query.from(), query.items(), query.where(), query.groupBy(), query.having(), query.distinct(), query.order(),
                java.util.Optional.of(marked), query.offset());
    }

    /**
     * {@code CALL name[.name] [( )]}: seekdb's built-in procedures take no arguments here; anything else is a
     * syntax error at the first token that does not fit.
     */
    static Statement call(String original, List<Token> tokens)
    {
        int i = 1;
        List<String> name = new ArrayList<>();
        while (true) {
            Token part = tokens.get(i);
            if (!part.isIdentifier()) {
                throw ParseErrors.at(original, part.start());
            }
            name.add(part.value());
            i++;
            if (!tokens.get(i).isSymbol(".")) {
                break;
            }
            i++;
        }
        if (tokens.get(i).isSymbol("(")) {
            i++;
            if (!tokens.get(i).isSymbol(")")) {
                return new Statement.Unsupported("CALL with arguments");
            }
            i++;
        }
        if (tokens.get(i).type() != Token.TokenType.END) {
            throw ParseErrors.at(original, tokens.get(i).start());
        }
        return new Statement.Call(name);
    }

    static Expression match(FullTextSearch match, ExpressionBuilder builder)
    {
        List<Expression> arguments = new ArrayList<>();
        for (Column each : match.getMatchColumns()) {
            arguments.add(builder.build(each));
        }
        arguments.add(builder.build(match.getAgainstValue()));
        String modifier = match.getSearchModifier() == null ? "" : match.getSearchModifier().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        String mode = switch (modifier) {
            case "", "IN NATURAL LANGUAGE MODE" -> SearchFunctions.NATURAL_LANGUAGE_MODE;
            case "IN BOOLEAN MODE" -> SearchFunctions.BOOLEAN_MODE;
            default -> throw ExpressionBuilder.notSupported("MATCH ... AGAINST " + modifier);
        };
        arguments.add(new Expression.StringLiteral(mode));
        return new Expression.FunctionCall(SearchFunctions.MATCH, arguments);
    }

    static boolean isPackageFunction(List<String> multipartName)
    {
        return multipartName.size() == 2 && StringLiterals.identifier(multipartName.get(0)).equalsIgnoreCase("dbms_hybrid_search");
    }

    static Expression packageFunction(Function function, ExpressionBuilder builder)
    {
        String name = ("dbms_hybrid_search." + StringLiterals.identifier(function.getMultipartName().get(1))).toLowerCase(Locale.ROOT);
        if (!SearchFunctions.handles(name)) {
            throw ExpressionBuilder.notSupported("the function " + function.getName());
        }
        List<Expression> arguments = function.getParameters() == null ? List.of() : builder.buildAll(function.getParameters());
        return new Expression.FunctionCall(name, arguments);
    }
}
