package dev.quiver.sql.parser;

import dev.quiver.sql.parser.Token.TokenType;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.SetAssignment;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.VariableScope;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The keyword front step: the one place that recognises, from tokens, the statements JSqlParser lacks or
 * gets wrong (transactions, SET in all its forms, SHOW, USE, KILL, CREATE/DROP DATABASE) and the statement
 * families answered with ER_NOT_SUPPORTED_YET without parsing. Anything else goes to JSqlParser.
 */
final class FrontParser
        extends TokenCursor
{
    /** Families that are not supported yet and that JSqlParser cannot parse reliably (GRANT ... TO 'u'@'%'). */
    private static final Set<String> UNSUPPORTED_FAMILIES = Set.of(
            "GRANT", "REVOKE", "FLUSH", "LOCK", "UNLOCK", "SAVEPOINT", "RELEASE", "XA", "LOAD", "HANDLER", "PREPARE",
            "EXECUTE", "DEALLOCATE", "CALL", "DO", "INSTALL", "UNINSTALL", "CHECKSUM", "REPAIR", "ANALYZE", "OPTIMIZE",
            "CHECK", "CACHE", "RESET", "PURGE", "CHANGE", "HELP", "SHUTDOWN", "RESTART", "IMPORT", "CLONE", "FORK");
    private static final Set<String> USER_STATEMENT_OBJECTS = Set.of("USER", "ROLE");

    private FrontParser(String original, String cleaned)
    {
        super(original, cleaned, SqlLexer.tokenize(cleaned), 0);
    }

    /** The statement when the front step handles it, or empty to hand it to JSqlParser. */
    static Optional<Statement> tryParse(String original, String cleaned)
    {
        return new FrontParser(original, cleaned).statement();
    }

    /** The number of {@code ?} placeholders (outside strings and comments). */
    static int countParameters(String cleaned)
    {
        int count = 0;
        for (Token each : SqlLexer.tokenize(cleaned)) {
            if (each.isSymbol("?")) {
                count++;
            }
        }
        return count;
    }

    /** The statement family for messages: {@code INSERT}, {@code CREATE TABLE}, {@code SHOW TABLES}. */
    static String kind(String cleaned)
    {
        List<Token> tokens = SqlLexer.tokenize(cleaned);
        StringBuilder result = new StringBuilder(tokens.get(0).upper());
        String first = result.toString();
        if (Set.of("CREATE", "DROP", "ALTER", "SHOW", "SET", "TRUNCATE", "FORK").contains(first)) {
            for (int i = 1; i < tokens.size() && tokens.get(i).type() == TokenType.WORD; i++) {
                String word = tokens.get(i).upper();
                result.append(' ').append(word);
                if (!Set.of("TEMPORARY", "UNIQUE", "FULLTEXT", "SPATIAL", "VECTOR", "OR", "REPLACE", "FULL", "GLOBAL", "SESSION", "DEFINER", "CREATE").contains(word)) {
                    break;
                }
            }
        }
        return result.toString();
    }

    private Optional<Statement> statement()
    {
        Token first = peek();
        if (first.type() != TokenType.WORD) {
            return Optional.empty();
        }
        String keyword = first.upper();
        if (keyword.equals("CALL")) {
            return Optional.of(SearchSyntax.call(original, tokens));
        }
        Optional<Statement> account = AccountStatementParser.tryParse(original, cleaned, tokens);
        if (account.isPresent()) {
            return account;
        }
        if (UNSUPPORTED_FAMILIES.contains(keyword)) {
            return Optional.of(new Statement.Unsupported(kind(cleaned)));
        }
        if ((keyword.equals("CREATE") || keyword.equals("DROP") || keyword.equals("ALTER")) && USER_STATEMENT_OBJECTS.contains(peek(1).upper())) {
            return Optional.of(new Statement.Unsupported(kind(cleaned)));
        }
        return switch (keyword) {
            case "BEGIN" -> Optional.of(begin());
            case "START" -> Optional.of(startTransaction());
            case "COMMIT" -> Optional.of(endTransaction(new Statement.Commit()));
            case "ROLLBACK" -> Optional.of(endTransaction(new Statement.Rollback()));
            case "SET" -> Optional.of(set());
            case "SHOW" -> Optional.of(show());
            case "USE" -> Optional.of(use());
            case "KILL" -> Optional.of(kill());
            case "CREATE" -> isDatabaseWord(peek(1)) ? Optional.of(createDatabase()) : tables(1).create();
            case "DROP" -> isDatabaseWord(peek(1)) ? Optional.of(dropDatabase()) : tables(1).drop();
            case "TRUNCATE" -> Optional.of(tables(1).truncate());
            case "ALTER" -> tables(1).alter();
            case "RENAME" -> Optional.of(tables(1).rename().orElseGet(() -> new Statement.Unsupported(kind(cleaned))));
            case "DESCRIBE", "DESC", "EXPLAIN" -> tables(1).describe();
            default -> Optional.empty();
        };
    }

    /** The table statements' front step, positioned {@code ahead} tokens from here. */
    private TableStatementParser tables(int ahead)
    {
        return new TableStatementParser(original, cleaned, tokens, Math.min(position + ahead, tokens.size() - 1));
    }

    private Statement begin()
    {
        next();
        acceptWord("WORK");
        expectEnd();
        return new Statement.StartTransaction(Optional.empty(), false);
    }

    private Statement startTransaction()
    {
        next();
        expectWord("TRANSACTION");
        Optional<Boolean> readOnly = Optional.empty();
        boolean consistentSnapshot = false;
        if (peek().type() == TokenType.END) {
            return new Statement.StartTransaction(readOnly, false);
        }
        do {
            if (acceptWord("WITH")) {
                expectWord("CONSISTENT");
                expectWord("SNAPSHOT");
                consistentSnapshot = true;
            }
            else if (acceptWord("READ")) {
                readOnly = Optional.of(readOnlyOrWrite());
            }
            else {
                throw errorHere();
            }
        }
        while (acceptSymbol(","));
        expectEnd();
        return new Statement.StartTransaction(readOnly, consistentSnapshot);
    }

    private boolean readOnlyOrWrite()
    {
        if (acceptWord("ONLY")) {
            return true;
        }
        expectWord("WRITE");
        return false;
    }

    private Statement endTransaction(Statement statement)
    {
        next();
        acceptWord("WORK");
        if (statement instanceof Statement.Rollback && peek().isWord("TO")) {
            return new Statement.Unsupported("ROLLBACK TO SAVEPOINT");
        }
        if (acceptWord("AND")) {
            if (!acceptWord("NO")) {
                expectWord("CHAIN");
                return new Statement.Unsupported(statement.kind() + " AND CHAIN");
            }
            expectWord("CHAIN");
        }
        if (acceptWord("NO")) {
            expectWord("RELEASE");
        }
        else if (acceptWord("RELEASE")) {
            return new Statement.Unsupported(statement.kind() + " RELEASE");
        }
        expectEnd();
        return statement;
    }

    private Statement use()
    {
        next();
        String database = identifier();
        expectEnd();
        return new Statement.Use(database);
    }

    private Statement kill()
    {
        next();
        boolean queryOnly = false;
        if (acceptWord("QUERY")) {
            queryOnly = true;
        }
        else {
            acceptWord("CONNECTION");
        }
        if (peek().type() == TokenType.END) {
            throw errorHere();
        }
        Expression connectionId = JSqlParsing.parseExpression(cleaned, original, peek().start(), cleaned.length());
        return new Statement.Kill(connectionId, queryOnly);
    }

    private static boolean isDatabaseWord(Token token)
    {
        return token.isWord("DATABASE") || token.isWord("SCHEMA");
    }

    private Statement createDatabase()
    {
        next();
        next();
        boolean ifNotExists = false;
        if (acceptWord("IF")) {
            expectWord("NOT");
            expectWord("EXISTS");
            ifNotExists = true;
        }
        String name = identifier();
        Optional<String> characterSet = Optional.empty();
        Optional<String> collation = Optional.empty();
        while (peek().type() != TokenType.END) {
            acceptWord("DEFAULT");
            if (acceptWord("CHARACTER")) {
                expectWord("SET");
                acceptSymbol("=");
                characterSet = Optional.of(name());
            }
            else if (acceptWord("CHARSET")) {
                acceptSymbol("=");
                characterSet = Optional.of(name());
            }
            else if (acceptWord("COLLATE")) {
                acceptSymbol("=");
                collation = Optional.of(name());
            }
            else if (acceptWord("ENCRYPTION")) {
                acceptSymbol("=");
                expect(TokenType.STRING);
            }
            else {
                throw errorHere();
            }
        }
        return new Statement.CreateDatabase(name, ifNotExists, characterSet, collation);
    }

    private Statement dropDatabase()
    {
        next();
        next();
        boolean ifExists = false;
        if (acceptWord("IF")) {
            expectWord("EXISTS");
            ifExists = true;
        }
        String name = identifier();
        expectEnd();
        return new Statement.DropDatabase(name, ifExists);
    }

    private Statement show()
    {
        next();
        VariableScope scope = VariableScope.DEFAULT;
        if (acceptWord("GLOBAL")) {
            scope = VariableScope.GLOBAL;
        }
        else if (acceptWord("SESSION") || acceptWord("LOCAL")) {
            scope = VariableScope.SESSION;
        }
        Token target = peek();
        if (scope == VariableScope.DEFAULT) {
            Optional<Statement> table = tables(0).show();
            if (table.isPresent()) {
                return table.get();
            }
            if (acceptWord("WARNINGS") || acceptWord("ERRORS")) {
                return showWarnings(target.isWord("ERRORS"));
            }
            if (acceptWord("COUNT")) {
                expectSymbol("(");
                expectSymbol("*");
                expectSymbol(")");
                boolean errors = acceptWord("ERRORS");
                if (!errors) {
                    expectWord("WARNINGS");
                }
                expectEnd();
                return new Statement.ShowWarnings(errors, true, OptionalLong.empty(), OptionalLong.empty());
            }
            if (acceptWord("DATABASES") || acceptWord("SCHEMAS")) {
                return showWithFilter(Statement.ShowTarget.DATABASES, scope);
            }
            if (acceptWord("STORAGE")) {
                expectWord("ENGINES");
                expectEnd();
                return new Statement.Show(Statement.ShowTarget.ENGINES, scope, Optional.empty());
            }
            if (acceptWord("ENGINES")) {
                expectEnd();
                return new Statement.Show(Statement.ShowTarget.ENGINES, scope, Optional.empty());
            }
            if (acceptWord("COLLATION")) {
                return showWithFilter(Statement.ShowTarget.COLLATION, scope);
            }
            if (acceptWord("CHARSET")) {
                return showWithFilter(Statement.ShowTarget.CHARACTER_SET, scope);
            }
            if (acceptWord("CHARACTER")) {
                expectWord("SET");
                return showWithFilter(Statement.ShowTarget.CHARACTER_SET, scope);
            }
        }
        if (acceptWord("VARIABLES")) {
            return showWithFilter(Statement.ShowTarget.VARIABLES, scope);
        }
        if (acceptWord("STATUS")) {
            return showWithFilter(Statement.ShowTarget.STATUS, scope);
        }
        if (target.type() != TokenType.WORD) {
            throw errorHere();
        }
        return new Statement.Unsupported(kind(cleaned));
    }

    private Statement showWarnings(boolean errors)
    {
        OptionalLong limit = OptionalLong.empty();
        OptionalLong offset = OptionalLong.empty();
        if (acceptWord("LIMIT")) {
            long first = number();
            if (acceptSymbol(",")) {
                offset = OptionalLong.of(first);
                limit = OptionalLong.of(number());
            }
            else {
                limit = OptionalLong.of(first);
            }
        }
        expectEnd();
        return new Statement.ShowWarnings(errors, false, limit, offset);
    }

    private Statement showWithFilter(Statement.ShowTarget target, VariableScope scope)
    {
        return new Statement.Show(target, scope, showFilter());
    }

    private Statement set()
    {
        next();
        int mark = position;
        if (peek().isWord("GLOBAL") || peek().isWord("SESSION") || peek().isWord("LOCAL") || peek().isWord("PERSIST")) {
            Token scopeWord = next();
            if (peek().isWord("TRANSACTION")) {
                return setTransaction(Optional.of(scopeWord.isWord("SESSION") || scopeWord.isWord("LOCAL") ? VariableScope.SESSION : VariableScope.GLOBAL));
            }
            position = mark;
        }
        if (peek().isWord("TRANSACTION")) {
            return setTransaction(Optional.empty());
        }
        if (peek().isWord("PASSWORD") || peek().isWord("ROLE") || (peek().isWord("DEFAULT") && peek(1).isWord("ROLE")) || peek().isWord("RESOURCE")) {
            return new Statement.Unsupported(kind(cleaned));
        }
        List<SetAssignment> assignments = new ArrayList<>();
        do {
            assignments.add(assignment());
        }
        while (acceptSymbol(","));
        expectEnd();
        return new Statement.SetVariables(assignments);
    }

    private Statement setTransaction(Optional<VariableScope> scope)
    {
        expectWord("TRANSACTION");
        Optional<String> isolation = Optional.empty();
        Optional<Boolean> readOnly = Optional.empty();
        do {
            if (acceptWord("ISOLATION")) {
                expectWord("LEVEL");
                isolation = Optional.of(isolationLevel());
            }
            else {
                expectWord("READ");
                readOnly = Optional.of(readOnlyOrWrite());
            }
        }
        while (acceptSymbol(","));
        expectEnd();
        return new Statement.SetTransaction(scope, isolation, readOnly);
    }

    private String isolationLevel()
    {
        if (acceptWord("SERIALIZABLE")) {
            return "SERIALIZABLE";
        }
        if (acceptWord("REPEATABLE")) {
            expectWord("READ");
            return "REPEATABLE-READ";
        }
        expectWord("READ");
        if (acceptWord("COMMITTED")) {
            return "READ-COMMITTED";
        }
        expectWord("UNCOMMITTED");
        return "READ-UNCOMMITTED";
    }

    private SetAssignment assignment()
    {
        Token token = peek();
        if (token.isWord("NAMES")) {
            next();
            if (acceptWord("DEFAULT")) {
                return new SetAssignment.Names(Optional.empty(), Optional.empty());
            }
            String characterSet = name();
            Optional<String> collation = Optional.empty();
            if (acceptWord("COLLATE")) {
                collation = Optional.of(name());
            }
            return new SetAssignment.Names(Optional.of(characterSet), collation);
        }
        if (token.isWord("CHARSET") || (token.isWord("CHARACTER") && peek(1).isWord("SET"))) {
            next();
            if (token.isWord("CHARACTER")) {
                next();
            }
            if (acceptWord("DEFAULT")) {
                return new SetAssignment.CharacterSet(Optional.empty());
            }
            return new SetAssignment.CharacterSet(Optional.of(name()));
        }
        if (token.type() == TokenType.USER_VARIABLE) {
            next();
            expectAssignmentOperator();
            return new SetAssignment.UserVariable(token.value(), value().orElseThrow(() -> ParseErrors.at(original, tokens.get(position - 1).start())));
        }
        VariableScope scope = VariableScope.DEFAULT;
        String name;
        if (token.type() == TokenType.SYSTEM_VARIABLE) {
            next();
            Expression.SystemVariableReference reference = ExpressionBuilder.systemVariable(token.value());
            scope = reference.scope();
            name = reference.name();
        }
        else {
            if (acceptWord("GLOBAL") || acceptWord("PERSIST") || acceptWord("PERSIST_ONLY")) {
                scope = VariableScope.GLOBAL;
            }
            else if (acceptWord("SESSION") || acceptWord("LOCAL")) {
                scope = VariableScope.SESSION;
            }
            Token variable = peek();
            if (variable.type() == TokenType.SYSTEM_VARIABLE && scope == VariableScope.DEFAULT) {
                throw errorHere();
            }
            if (!variable.isIdentifier()) {
                throw errorHere();
            }
            next();
            name = variable.value().toLowerCase(java.util.Locale.ROOT);
        }
        expectAssignmentOperator();
        return new SetAssignment.SystemVariable(scope, name, value());
    }

    private void expectAssignmentOperator()
    {
        if (!acceptSymbol("=") && !acceptSymbol(":=")) {
            throw errorHere();
        }
    }

    /** The value up to the next top-level comma; empty for DEFAULT; a bare word is its name as a string. */
    private Optional<Expression> value()
    {
        int first = position;
        int depth = 0;
        while (peek().type() != TokenType.END) {
            Token token = peek();
            if (token.isSymbol("(")) {
                depth++;
            }
            else if (token.isSymbol(")")) {
                depth--;
            }
            else if (token.isSymbol(",") && depth == 0) {
                break;
            }
            next();
        }
        if (position == first) {
            throw errorHere();
        }
        if (position == first + 1) {
            Token only = tokens.get(first);
            if (only.isWord("DEFAULT")) {
                return Optional.empty();
            }
            if (only.type() == TokenType.WORD && !only.isWord("NULL") && !only.isWord("TRUE") && !only.isWord("FALSE")) {
                return Optional.of(new Expression.StringLiteral(only.text()));
            }
        }
        int start = tokens.get(first).start();
        int end = tokens.get(position - 1).end();
        return Optional.of(JSqlParsing.parseExpression(cleaned, original, start, end));
    }
}
