package dev.quiver.sql.parser;

import dev.quiver.sql.parser.Token.TokenType;
import dev.quiver.sql.tree.ShowFilter;
import dev.quiver.sql.tree.TableName;

import java.util.List;
import java.util.Optional;

/** A position in a statement's tokens with the small recursive-descent helpers of the front step's parsers. */
abstract class TokenCursor
{
    final String original;
    final String cleaned;
    final List<Token> tokens;
    int position;

    TokenCursor(String original, String cleaned, List<Token> tokens, int position)
    {
        this.original = original;
        this.cleaned = cleaned;
        this.tokens = tokens;
        this.position = position;
    }

    String identifier()
    {
        Token token = next();
        if (!token.isIdentifier()) {
            throw ParseErrors.at(original, token.start());
        }
        return token.value();
    }

    /** A character set or collation name: a word, a quoted identifier or a string. */
    String name()
    {
        Token token = next();
        if (!token.isIdentifier() && token.type() != TokenType.STRING) {
            throw ParseErrors.at(original, token.start());
        }
        return token.value();
    }

    long number()
    {
        Token token = expect(TokenType.NUMBER);
        try {
            return Long.parseLong(token.text());
        }
        catch (NumberFormatException ex) {
            throw ParseErrors.at(original, token.start());
        }
    }

    Token peek()
    {
        return tokens.get(position);
    }

    Token peek(int ahead)
    {
        return tokens.get(Math.min(position + ahead, tokens.size() - 1));
    }

    Token next()
    {
        Token result = tokens.get(position);
        if (position < tokens.size() - 1) {
            position++;
        }
        return result;
    }

    boolean acceptWord(String word)
    {
        if (peek().isWord(word)) {
            next();
            return true;
        }
        return false;
    }

    boolean acceptSymbol(String symbol)
    {
        if (peek().isSymbol(symbol)) {
            next();
            return true;
        }
        return false;
    }

    void expectWord(String word)
    {
        if (!acceptWord(word)) {
            throw errorHere();
        }
    }

    void expectSymbol(String symbol)
    {
        if (!acceptSymbol(symbol)) {
            throw errorHere();
        }
    }

    Token expect(TokenType type)
    {
        if (peek().type() != type) {
            throw errorHere();
        }
        return next();
    }

    void expectEnd()
    {
        acceptSymbol(";");
        if (peek().type() != TokenType.END) {
            throw errorHere();
        }
    }

    RuntimeException errorHere()
    {
        return ParseErrors.at(original, peek().start());
    }

    TableName tableName()
    {
        String first = identifier();
        if (acceptSymbol(".")) {
            return new TableName(Optional.of(first), identifier());
        }
        return new TableName(Optional.empty(), first);
    }

    /** A SHOW statement's optional {@code LIKE 'pattern'} or {@code WHERE expression}, then the end. */
    Optional<ShowFilter> showFilter()
    {
        Optional<ShowFilter> filter = Optional.empty();
        if (acceptWord("LIKE")) {
            filter = Optional.of(new ShowFilter.Like(expect(TokenType.STRING).value()));
        }
        else if (peek().isWord("WHERE")) {
            Token where = next();
            filter = Optional.of(new ShowFilter.Where(JSqlParsing.parseExpression(cleaned, original, where.end(), cleaned.length())));
            position = tokens.size() - 1;
        }
        expectEnd();
        return filter;
    }
}
