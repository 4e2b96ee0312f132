package dev.quiver.sql.parser;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.parser.Token.TokenType;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.FromItem;
import dev.quiver.sql.tree.Statement;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperationList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds a {@link Statement.Query} from a JSqlParser SELECT, naming each column as MySQL does. */
final class QueryBuilder
{
    private static final Set<String> SELECT_MODIFIERS = Set.of(
            "ALL", "DISTINCT", "DISTINCTROW", "HIGH_PRIORITY", "STRAIGHT_JOIN", "SQL_SMALL_RESULT", "SQL_BIG_RESULT",
            "SQL_BUFFER_RESULT", "SQL_NO_CACHE", "SQL_CACHE", "SQL_CALC_FOUND_ROWS");
    private static final Set<String> SELECT_LIST_ENDS = Set.of(
            "FROM", "WHERE", "LIMIT", "INTO", "ORDER", "GROUP", "HAVING", "WINDOW", "FOR", "LOCK", "UNION", "EXCEPT", "INTERSECT");

    private QueryBuilder()
    {
    }

    static Statement build(PlainSelect select, String original, String cleaned, ExpressionBuilder expressions)
    {
        return build(select, original, cleaned, expressions, true);
    }

    /** A subquery or a later part of a UNION: its columns are named from the parsed text (only the outermost first SELECT's names are seen). */
    static Statement nested(net.sf.jsqlparser.statement.select.Select select, ExpressionBuilder expressions)
    {
        Statement result = switch (select) {
            case net.sf.jsqlparser.statement.select.ParenthesedSelect parenthesed -> nested(parenthesed.getSelect(), expressions);
            case PlainSelect plain -> build(plain, "", "", expressions, false);
            case SetOperationList union -> union(union, "", "", expressions);
            default -> throw ExpressionBuilder.notSupported("this kind of subquery");
        };
        if (result instanceof Statement.Unsupported unsupported) {
            throw ExpressionBuilder.notSupported(unsupported.kind());
        }
        return result;
    }

    /** {@code SELECT ... UNION [ALL] SELECT ...}: the first part is named from the text as a plain SELECT is. */
    static Statement union(SetOperationList list, String original, String cleaned, ExpressionBuilder expressions)
    {
        List<Statement> parts = new ArrayList<>();
        List<Boolean> all = new ArrayList<>();
        for (net.sf.jsqlparser.statement.select.SetOperation each : list.getOperations()) {
            if (!(each instanceof net.sf.jsqlparser.statement.select.UnionOp union)) {
                return new Statement.Unsupported(each.toString().trim().toUpperCase(java.util.Locale.ROOT));
            }
            all.add(union.isAll());
        }
        for (int i = 0; i < list.getSelects().size(); i++) {
            net.sf.jsqlparser.statement.select.Select part = list.getSelects().get(i);
            Statement built = i == 0 && part instanceof PlainSelect plain && !original.isEmpty()
                    ? build(plain, original, cleaned, expressions, true)
                    : nested(part, expressions);
            if (built instanceof Statement.Unsupported) {
                return built;
            }
            parts.add(built);
        }
        List<Statement.OrderItem> order = new DmlBuilder(expressions, original, cleaned).order(list.getOrderByElements());
        Optional<Expression> limit = Optional.empty();
        Optional<Expression> offset = Optional.empty();
        if (list.getLimit() != null && list.getLimit().getRowCount() != null) {
            limit = Optional.of(expressions.build(list.getLimit().getRowCount()));
            if (list.getLimit().getOffset() != null) {
                offset = Optional.of(expressions.build(list.getLimit().getOffset()));
            }
        }
        if (list.getOffset() != null) {
            offset = Optional.of(expressions.build(list.getOffset().getOffset()));
        }
        return new Statement.Union(parts, all, order, limit, offset);
    }

    private static Statement build(PlainSelect select, String original, String cleaned, ExpressionBuilder expressions, boolean outermost)
    {
        boolean fromTable = select.getFromItem() != null && !isDual(select.getFromItem());
        if (fromTable && !(select.getFromItem() instanceof Table)) {
            return new Statement.Unsupported("SELECT from a derived table");
        }
        if (!fromTable && (select.getGroupBy() != null || select.getHaving() != null)) {
            return new Statement.Unsupported("GROUP BY without a table");
        }
        if (select.getDistinct() != null && select.getDistinct().getOnSelectItems() != null) {
            return new Statement.Unsupported("DISTINCT ON");
        }
        if (select.getIntoTables() != null || select.getMySqlSelectIntoClause() != null) {
            return new Statement.Unsupported("SELECT ... INTO");
        }
        if (select.getWithItemsList() != null && !select.getWithItemsList().isEmpty()) {
            return new Statement.Unsupported("WITH");
        }
        List<String> texts = outermost ? selectItemTexts(original, cleaned) : List.of();
        List<Statement.SelectItem> items = new ArrayList<>();
        for (int i = 0; i < select.getSelectItems().size(); i++) {
            SelectItem<?> item = select.getSelectItems().get(i);
            if (item.getExpression() instanceof net.sf.jsqlparser.statement.select.AllTableColumns all && fromTable) {
                items.add(new Statement.SelectItem(new Expression.ColumnReference(List.of(StringLiterals.identifier(all.getTable().getName()), "*")), "*"));
                continue;
            }
            if (item.getExpression() instanceof net.sf.jsqlparser.statement.select.AllColumns) {
                if (!fromTable) {
                    throw new QuiverException(ErrorCode.ER_NO_TABLES_USED);
                }
                items.add(new Statement.SelectItem(new Expression.ColumnReference(List.of("*")), "*"));
                continue;
            }
            Expression expression = expressions.build(item.getExpression());
            if (isAdjacentString(item, expression)) {
                // MySQL concatenates adjacent string literals ('a' 'b' is 'ab', named a); JSqlParser sees an alias
                Expression.StringLiteral first = (Expression.StringLiteral) expression;
                String second = StringLiterals.unquote(item.getAlias().getName());
                items.add(new Statement.SelectItem(new Expression.StringLiteral(first.value() + second), first.value()));
                continue;
            }
            String text = texts.size() == select.getSelectItems().size() ? texts.get(i) : item.getExpression().toString();
            items.add(new Statement.SelectItem(expression, columnName(item, expression, text)));
        }
        Optional<Expression> limit = Optional.empty();
        Optional<Expression> offset = Optional.empty();
        Limit selectLimit = select.getLimit();
        if (selectLimit != null && selectLimit.getRowCount() != null) {
            limit = Optional.of(expressions.build(selectLimit.getRowCount()));
            if (selectLimit.getOffset() != null) {
                offset = Optional.of(expressions.build(selectLimit.getOffset()));
            }
        }
        if (select.getOffset() != null) {
            offset = Optional.of(expressions.build(select.getOffset().getOffset()));
        }
        for (Optional<Expression> each : List.of(limit, offset)) {
            if (each.isPresent() && !(each.get() instanceof Expression.IntegerLiteral) && !(each.get() instanceof Expression.Parameter)) {
                // LIMIT takes integer literals and placeholders only: anything else is a syntax error at it
                throw outermost ? ParseErrors.at(original, limitClauseStart(cleaned)) : new QuiverException(ErrorCode.ER_PARSE_ERROR, each.get().toString(), 1);
            }
        }
        Optional<Expression> where = Optional.ofNullable(select.getWhere()).map(expressions::build);
        if (fromTable) {
            FromItem from = tableReference((Table) select.getFromItem());
            if (select.getJoins() != null) {
                for (net.sf.jsqlparser.statement.select.Join join : select.getJoins()) {
                    from = join(from, join, expressions);
                }
            }
            List<Expression> groupBy = new ArrayList<>();
            if (select.getGroupBy() != null) {
                if (select.getGroupBy().getGroupingSets() != null && !select.getGroupBy().getGroupingSets().isEmpty()) {
                    return new Statement.Unsupported("GROUPING SETS");
                }
                groupBy.addAll(expressions.buildAll(select.getGroupBy().getGroupByExpressionList()));
            }
            Optional<Expression> having = Optional.ofNullable(select.getHaving()).map(expressions::build);
            List<Statement.OrderItem> order = new DmlBuilder(expressions, original, cleaned).order(select.getOrderByElements());
            return new Statement.TableQuery(from, items, where, groupBy, having, select.getDistinct() != null, order, limit, offset);
        }
        if (select.getJoins() != null && !select.getJoins().isEmpty()) {
            return new Statement.Unsupported("joins without a table");
        }
        return new Statement.Query(items, where, limit, offset);
    }

    private static FromItem.TableReference tableReference(Table table)
    {
        Optional<String> alias = Optional.ofNullable(table.getAlias()).map(each -> StringLiterals.identifier(each.getName()));
        return new FromItem.TableReference(DmlBuilder.tableName(table), alias);
    }

    private static FromItem join(FromItem left, net.sf.jsqlparser.statement.select.Join join, ExpressionBuilder expressions)
    {
        if (!(join.getRightItem() instanceof Table table)) {
            throw ExpressionBuilder.notSupported("joining a derived table");
        }
        if (join.isFull() || join.isNatural() || join.isApply() || join.isSemi()) {
            throw ExpressionBuilder.notSupported((join.isNatural() ? "NATURAL" : "FULL") + " JOIN");
        }
        FromItem right = tableReference(table);
        Optional<Expression> on = Optional.empty();
        if (join.getOnExpressions() != null) {
            for (net.sf.jsqlparser.expression.Expression each : join.getOnExpressions()) {
                Expression condition = expressions.build(each);
                on = Optional.of(on.<Expression>map(previous -> new Expression.Logical(Expression.LogicalOperator.AND, previous, condition)).orElse(condition));
            }
        }
        List<String> using = new ArrayList<>();
        if (join.getUsingColumns() != null) {
            for (net.sf.jsqlparser.schema.Column each : join.getUsingColumns()) {
                using.add(StringLiterals.identifier(each.getColumnName()));
            }
        }
        if (join.isRight()) {
            return new FromItem.Join(FromItem.JoinKind.LEFT, right, left, on, using);
        }
        if (join.isLeft()) {
            if (on.isEmpty() && using.isEmpty()) {
                throw new QuiverException(ErrorCode.ER_PARSE_ERROR, "", 1);
            }
            return new FromItem.Join(FromItem.JoinKind.LEFT, left, right, on, using);
        }
        return new FromItem.Join(FromItem.JoinKind.INNER, left, right, on, using);
    }

    /** The offset of the first token after the last top-level LIMIT. */
    private static int limitClauseStart(String cleaned)
    {
        List<Token> tokens = SqlLexer.tokenize(cleaned);
        int result = cleaned.length();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isWord("LIMIT")) {
                result = tokens.get(i + 1).start();
            }
        }
        return result;
    }

    private static boolean isAdjacentString(SelectItem<?> item, Expression expression)
    {
        return item.getAlias() != null && !item.getAlias().isUseAs() && item.getAlias().getName().startsWith("'")
                && expression instanceof Expression.StringLiteral
                && item.getExpression() instanceof net.sf.jsqlparser.expression.StringValue value
                && (value.getPrefix() == null || value.getPrefix().isEmpty());
    }

    private static boolean isDual(net.sf.jsqlparser.statement.select.FromItem fromItem)
    {
        return fromItem instanceof Table table && table.getSchemaName() == null && table.getName().equalsIgnoreCase("dual") && table.getAlias() == null;
    }

    /** MySQL's MAX_ALIAS_NAME: a generated column name is cut to this many characters (MariaDB cuts to 255). */
    static final int MAX_GENERATED_NAME_LENGTH = 256;

    /**
     * MySQL names a column by its alias, else a string literal by its value, else by the expression as written;
     * generated names are cut to {@link #MAX_GENERATED_NAME_LENGTH} characters, so a 20 MiB literal does not
     * become a 20 MiB column definition.
     */
    private static String columnName(SelectItem<?> item, Expression expression, String text)
    {
        String name = generatedOrAliasName(item, expression, text);
        if (item.getAlias() != null || name.codePointCount(0, name.length()) <= MAX_GENERATED_NAME_LENGTH) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, MAX_GENERATED_NAME_LENGTH));
    }

    private static String generatedOrAliasName(SelectItem<?> item, Expression expression, String text)
    {
        if (item.getAlias() != null) {
            String alias = item.getAlias().getName();
            if (alias.startsWith("'") || alias.startsWith("\"")) {
                return StringLiterals.unquote(alias);
            }
            return StringLiterals.identifier(alias);
        }
        if (expression instanceof Expression.StringLiteral literal) {
            return literal.value();
        }
        if (item.getExpression() instanceof net.sf.jsqlparser.expression.StringValue value && "_binary".equalsIgnoreCase(value.getPrefix())) {
            // an introducer names the column by the string, as a plain literal does
            return StringLiterals.unescape(value.getValue(), '\'');
        }
        return text;
    }

    /** The select list entries as written in the original text, split at top-level commas. */
    static List<String> selectItemTexts(String original, String cleaned)
    {
        List<Token> tokens = SqlLexer.tokenize(cleaned);
        int i = 0;
        while (i < tokens.size() && !tokens.get(i).isWord("SELECT")) {
            i++;
        }
        i++;
        while (i < tokens.size() && tokens.get(i).type() == TokenType.WORD && SELECT_MODIFIERS.contains(tokens.get(i).upper())) {
            i++;
        }
        List<String> result = new ArrayList<>();
        int depth = 0;
        int itemStart = i;
        int regionStart = i > 0 ? tokens.get(i - 1).end() : 0;
        for (; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean end = token.type() == TokenType.END || (depth == 0 && token.type() == TokenType.WORD && SELECT_LIST_ENDS.contains(token.upper()));
            if (end || (depth == 0 && token.isSymbol(","))) {
                if (i > itemStart) {
                    result.add(itemText(original, cleaned, tokens, itemStart, i, regionStart));
                }
                if (end) {
                    break;
                }
                itemStart = i + 1;
                regionStart = token.end();
                continue;
            }
            if (token.isSymbol("(")) {
                depth++;
            }
            else if (token.isSymbol(")")) {
                depth--;
            }
        }
        return result;
    }

    /** The item's text without a trailing alias (the alias wins anyway when present). */
    private static String itemText(String original, String cleaned, List<Token> tokens, int first, int end, int regionStart)
    {
        int last = end - 1;
        if (last > first && tokens.get(last - 1).isWord("AS")) {
            last -= 2;
        }
        // start where the item's text starts in the original: blanked comments are skipped, a rewritten "--" is kept
        int start = tokens.get(first).start();
        while (start > regionStart && !Character.isWhitespace(original.charAt(start - 1)) && Character.isWhitespace(cleaned.charAt(start - 1))
                && original.charAt(start - 1) == '-') {
            start--;
        }
        return original.substring(start, tokens.get(last).end()).trim();
    }
}
