package dev.quiver.sql.parser;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.tree.CastTarget;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.Expression.Arithmetic;
import dev.quiver.sql.tree.Expression.ArithmeticOperator;
import dev.quiver.sql.tree.Expression.ComparisonOperator;
import dev.quiver.sql.tree.Expression.LogicalOperator;
import dev.quiver.sql.tree.VariableScope;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TranscodingFunction;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.expression.VariableAssignment;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.IntegerDivision;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.conditional.XorExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.CosineSimilarity;
import net.sf.jsqlparser.expression.operators.relational.DoubleAnd;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsBooleanExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Converts JSqlParser expressions into Quiver's immutable {@link Expression} tree. */
final class ExpressionBuilder
{
    private static final BigInteger UNSIGNED_BIGINT_MAX = new BigInteger("18446744073709551615");
    private static final Set<String> NILADIC_FUNCTIONS = Set.of(
            "current_user", "current_date", "current_time", "current_timestamp", "localtime", "localtimestamp",
            "utc_date", "utc_time", "utc_timestamp", "current_role");

    /** Synthetic user variable names (from {@link JSqlParserRewrites}) to the names as written. */
    private final Map<String, String> userVariableNames;
    private static final Map<String, Expression.AggregateKind> AGGREGATES = Map.of(
            "count", Expression.AggregateKind.COUNT, "sum", Expression.AggregateKind.SUM, "avg", Expression.AggregateKind.AVG,
            "min", Expression.AggregateKind.MIN, "max", Expression.AggregateKind.MAX);

    ExpressionBuilder(Map<String, String> userVariableNames)
    {
        this.userVariableNames = Map.copyOf(userVariableNames);
    }

    private Statement subquery(net.sf.jsqlparser.statement.select.Select select)
    {
        return QueryBuilder.nested(select, this);
    }

    Expression build(net.sf.jsqlparser.expression.Expression expression)
    {
        return switch (expression) {
            case NullValue ignored -> new Expression.NullLiteral();
            case BooleanValue value -> new Expression.BooleanLiteral(value.getValue());
            case LongValue value -> integer(value.getStringValue());
            case DoubleValue value -> approximateOrExact(value.toString());
            case StringValue value -> string(value);
            case HexValue value -> hex(value.getValue());
            case JdbcParameter parameter -> new Expression.Parameter(parameter.getIndex() - 1);
            case UserVariable variable -> variable(variable);
            case VariableAssignment assignment -> assignment(assignment);
            case Column column -> column(column);
            case TimeKeyExpression key -> new Expression.FunctionCall(niladicName(key.getStringValue()), List.of());
            case Function function -> function(function);
            case SignedExpression signed -> signed(signed);
            case ParenthesedExpressionList<?> list -> parenthesized(list);
            case Addition add when add.getRightExpression() instanceof IntervalExpression interval -> dateArithmetic("date_add", add.getLeftExpression(), interval);
            case Addition add when add.getLeftExpression() instanceof IntervalExpression interval -> dateArithmetic("date_add", add.getRightExpression(), interval);
            case Subtraction subtract when subtract.getRightExpression() instanceof IntervalExpression interval -> dateArithmetic("date_sub", subtract.getLeftExpression(), interval);
            case Addition add -> arithmetic(ArithmeticOperator.ADD, add.getLeftExpression(), add.getRightExpression());
            case Subtraction subtract -> arithmetic(ArithmeticOperator.SUBTRACT, subtract.getLeftExpression(), subtract.getRightExpression());
            case TrimFunction trim -> trim(trim);
            case Multiplication multiply -> arithmetic(ArithmeticOperator.MULTIPLY, multiply.getLeftExpression(), multiply.getRightExpression());
            case Division divide -> arithmetic(ArithmeticOperator.DIVIDE, divide.getLeftExpression(), divide.getRightExpression());
            case IntegerDivision divide -> arithmetic(ArithmeticOperator.INTEGER_DIVIDE, divide.getLeftExpression(), divide.getRightExpression());
            case Modulo modulo -> arithmetic(ArithmeticOperator.MODULUS, modulo.getLeftExpression(), modulo.getRightExpression());
            // MySQL's default sql_mode has no PIPES_AS_CONCAT: || is OR
            case Concat or -> logical(LogicalOperator.OR, or.getLeftExpression(), or.getRightExpression());
            case DoubleAnd and -> logical(LogicalOperator.AND, and.getLeftExpression(), and.getRightExpression());
            case AndExpression and -> logical(LogicalOperator.AND, and.getLeftExpression(), and.getRightExpression());
            case OrExpression or -> logical(LogicalOperator.OR, or.getLeftExpression(), or.getRightExpression());
            case XorExpression xor -> logical(LogicalOperator.XOR, xor.getLeftExpression(), xor.getRightExpression());
            case NotExpression not -> new Expression.Not(build(not.getExpression()));
            case EqualsTo equal -> comparison(ComparisonOperator.EQUAL, equal.getLeftExpression(), equal.getRightExpression());
            case NotEqualsTo notEqual -> comparison(ComparisonOperator.NOT_EQUAL, notEqual.getLeftExpression(), notEqual.getRightExpression());
            case GreaterThan greater -> comparison(ComparisonOperator.GREATER_THAN, greater.getLeftExpression(), greater.getRightExpression());
            case GreaterThanEquals greater -> comparison(ComparisonOperator.GREATER_THAN_OR_EQUAL, greater.getLeftExpression(), greater.getRightExpression());
            case MinorThan less -> comparison(ComparisonOperator.LESS_THAN, less.getLeftExpression(), less.getRightExpression());
            case MinorThanEquals less -> comparison(ComparisonOperator.LESS_THAN_OR_EQUAL, less.getLeftExpression(), less.getRightExpression());
            // JSqlParser reads MySQL's null-safe equality <=> as its cosine-similarity operator
            case CosineSimilarity nullSafe -> comparison(ComparisonOperator.NULL_SAFE_EQUAL, nullSafe.getLeftExpression(), nullSafe.getRightExpression());
            case IsNullExpression isNull -> new Expression.IsNull(build(isNull.getLeftExpression()), isNull.isNot());
            case IsBooleanExpression isBoolean -> new Expression.IsBoolean(build(isBoolean.getLeftExpression()), isBoolean.isTrue(), isBoolean.isNot());
            case InExpression in -> in(in);
            case Between between -> new Expression.Between(
                    build(between.getLeftExpression()),
                    build(between.getBetweenExpressionStart()),
                    build(between.getBetweenExpressionEnd()),
                    between.isNot());
            case LikeExpression like -> like(like);
            case CaseExpression caseExpression -> caseExpression(caseExpression);
            case CastExpression cast -> new Expression.Cast(build(cast.getLeftExpression()), castTarget(cast.getColDataType()));
            case TranscodingFunction transcoding -> transcoding(transcoding);
            case CollateExpression collate -> build(collate.getLeftExpression());
            case net.sf.jsqlparser.expression.operators.relational.FullTextSearch match -> SearchSyntax.match(match, this);
            case ParenthesedSelect select -> new Expression.Subquery(Expression.SubqueryKind.SCALAR, Optional.empty(), subquery(select), false);
            case ExistsExpression exists -> new Expression.Subquery(Expression.SubqueryKind.EXISTS, Optional.empty(),
                    subquery(exists.getRightExpression() instanceof net.sf.jsqlparser.statement.select.Select select ? select : throwNotSupported("EXISTS without a subquery")),
                    exists.isNot());
            case JsonExpression json -> json(json);
            // inside a function's arguments JSqlParser reads c->'$.p' as a lambda and a.c->'$.p' as a binary JSON operator
            case net.sf.jsqlparser.expression.LambdaExpression lambda when lambda.getIdentifiers().size() == 1 ->
                    new Expression.FunctionCall("json_extract", List.of(column(new Column(lambda.getIdentifiers().get(0))), build(lambda.getExpression())));
            case net.sf.jsqlparser.expression.operators.relational.JsonOperator operator when operator.getStringExpression().equals("->") ->
                    new Expression.FunctionCall("json_extract", List.of(build(operator.getLeftExpression()), build(operator.getRightExpression())));
            case net.sf.jsqlparser.expression.operators.relational.JsonOperator operator when operator.getStringExpression().equals("->>") ->
                    new Expression.FunctionCall("json_unquote", List.of(new Expression.FunctionCall("json_extract",
                            List.of(build(operator.getLeftExpression()), build(operator.getRightExpression())))));
            case net.sf.jsqlparser.expression.JsonFunction json -> jsonFunction(json);
            default -> throw notSupported("the expression " + expression);
        };
    }

    List<Expression> buildAll(List<? extends net.sf.jsqlparser.expression.Expression> expressions)
    {
        List<Expression> result = new ArrayList<>();
        if (expressions != null) {
            for (net.sf.jsqlparser.expression.Expression each : expressions) {
                result.add(build(each));
            }
        }
        return result;
    }

    private static <T> T throwNotSupported(String what)
    {
        throw notSupported(what);
    }

    /** JSqlParser reads JSON_OBJECT and JSON_ARRAY as its own node: back to plain calls of them. */
    private Expression jsonFunction(net.sf.jsqlparser.expression.JsonFunction json)
    {
        List<Expression> arguments = new ArrayList<>();
        switch (json.getType()) {
            case OBJECT -> {
                for (net.sf.jsqlparser.expression.JsonKeyValuePair each : json.getKeyValuePairs()) {
                    if (each.getValue() == null) {
                        throw new QuiverException(ErrorCode.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT, "JSON_OBJECT");
                    }
                    arguments.add(jsonKey(each.getKey()));
                    arguments.add(build((net.sf.jsqlparser.expression.Expression) each.getValue()));
                }
                return new Expression.FunctionCall("json_object", arguments);
            }
            case ARRAY -> {
                for (net.sf.jsqlparser.expression.JsonFunctionExpression each : json.getExpressions()) {
                    arguments.add(build(each.getExpression()));
                }
                return new Expression.FunctionCall("json_array", arguments);
            }
            default -> throw notSupported("the JSON function " + json.getType());
        }
    }

    private Expression jsonKey(Object key)
    {
        if (key instanceof net.sf.jsqlparser.expression.Expression expression) {
            return build(expression);
        }
        String text = String.valueOf(key).trim();
        if (text.startsWith("'") || text.startsWith("\"")) {
            return new Expression.StringLiteral(StringLiterals.unescape(text.substring(1, text.length() - 1), text.charAt(0)));
        }
        try {
            return build(net.sf.jsqlparser.parser.CCJSqlParserUtil.parseExpression(text));
        }
        catch (net.sf.jsqlparser.JSQLParserException ex) {
            throw new QuiverException(ErrorCode.ER_PARSE_ERROR, text, 1);
        }
    }

    /** {@code d + INTERVAL n unit} is DATE_ADD(d, n, 'UNIT'). */
    private Expression dateArithmetic(String name, net.sf.jsqlparser.expression.Expression value, IntervalExpression interval)
    {
        return new Expression.FunctionCall(name, List.of(build(value), intervalAmount(interval), intervalUnit(interval)));
    }

    private Expression intervalAmount(IntervalExpression interval)
    {
        if (interval.getExpression() != null) {
            return build(interval.getExpression());
        }
        String parameter = interval.getParameter().trim();
        return parameter.startsWith("'") ? new Expression.StringLiteral(StringLiterals.unquote(parameter)) : integer(parameter);
    }

    private static Expression intervalUnit(IntervalExpression interval)
    {
        String type = interval.getIntervalType() != null ? interval.getIntervalType()
                : interval.getIntervalQualifier() != null ? interval.getIntervalQualifier().toString() : "";
        String unit = type.trim().toUpperCase(Locale.ROOT);
        return new Expression.StringLiteral(unit);
    }

    /** TRIM([BOTH|LEADING|TRAILING] [remstr] FROM str) as trim, trim_leading or trim_trailing of (str[, remstr]). */
    private Expression trim(TrimFunction trim)
    {
        String name = trim.getTrimSpecification() == null ? "trim" : switch (trim.getTrimSpecification()) {
            case LEADING -> "trim_leading";
            case TRAILING -> "trim_trailing";
            case BOTH -> "trim";
        };
        if (trim.getFromExpression() == null) {
            return new Expression.FunctionCall(name, List.of(build(trim.getExpression())));
        }
        if (trim.getExpression() == null) {
            return new Expression.FunctionCall(name, List.of(build(trim.getFromExpression())));
        }
        return new Expression.FunctionCall(name, List.of(build(trim.getFromExpression()), build(trim.getExpression())));
    }

    /** {@code a->'$.p'} is JSON_EXTRACT(a, '$.p'); {@code a->>'$.p'} is JSON_UNQUOTE(JSON_EXTRACT(a, '$.p')). */
    private Expression json(JsonExpression json)
    {
        Expression result = build(json.getExpression());
        for (Map.Entry<net.sf.jsqlparser.expression.Expression, String> each : json.getIdentList()) {
            result = new Expression.FunctionCall("json_extract", List.of(result, build(each.getKey())));
            if (each.getValue().equals("->>")) {
                result = new Expression.FunctionCall("json_unquote", List.of(result));
            }
            else if (!each.getValue().equals("->")) {
                throw notSupported("the JSON operator " + each.getValue());
            }
        }
        return result;
    }

    static QuiverException notSupported(String what)
    {
        return new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, what);
    }

    static Expression integer(String text)
    {
        BigInteger value = new BigInteger(text);
        if (value.bitLength() < 64) {
            return new Expression.IntegerLiteral(value.longValueExact());
        }
        if (value.compareTo(UNSIGNED_BIGINT_MAX) <= 0) {
            return new Expression.IntegerLiteral(value);
        }
        return new Expression.DecimalLiteral(new BigDecimal(value));
    }

    static Expression approximateOrExact(String text)
    {
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return new Expression.DoubleLiteral(Double.parseDouble(text));
        }
        return new Expression.DecimalLiteral(new BigDecimal(text.endsWith(".") ? text.substring(0, text.length() - 1) : text));
    }

    private static Expression string(StringValue value)
    {
        String prefix = value.getPrefix() == null ? "" : value.getPrefix().toLowerCase(Locale.ROOT);
        String body = StringLiterals.unescape(value.getValue(), value.getQuoteStr() == null || value.getQuoteStr().isEmpty() ? '\'' : value.getQuoteStr().charAt(0));
        return switch (prefix) {
            case "_binary" -> Expression.BinaryLiteral.of(body.getBytes(StandardCharsets.UTF_8));
            case "b" -> Expression.BinaryLiteral.of(bits(value.getValue()));
            case "x" -> hex("x'" + value.getValue() + "'");
            default -> new Expression.StringLiteral(body);
        };
    }

    private static byte[] bits(String digits)
    {
        if (digits.isEmpty()) {
            return new byte[0];
        }
        byte[] magnitude = new BigInteger(digits, 2).toByteArray();
        int length = (digits.length() + 7) / 8;
        byte[] result = new byte[length];
        int copy = Math.min(length, magnitude.length);
        System.arraycopy(magnitude, magnitude.length - copy, result, length - copy, copy);
        return result;
    }

    private static Expression hex(String text)
    {
        String digits;
        if (text.startsWith("0x") || text.startsWith("0X")) {
            digits = text.substring(2);
        }
        else {
            digits = text.substring(2, text.length() - 1);
            if (digits.length() % 2 != 0) {
                throw new QuiverException(ErrorCode.ER_PARSE_ERROR, text, 1);
            }
        }
        if (digits.length() % 2 != 0) {
            digits = "0" + digits;
        }
        return Expression.BinaryLiteral.of(HexFormat.of().parseHex(digits));
    }

    private Expression variable(UserVariable variable)
    {
        String text = variable.toString();
        if (text.startsWith("@@")) {
            return systemVariable(text.substring(2));
        }
        return new Expression.UserVariableReference(userVariable(text.substring(1)));
    }

    static Expression.SystemVariableReference systemVariable(String qualifiedName)
    {
        String lower = qualifiedName.toLowerCase(Locale.ROOT);
        int dot = lower.indexOf('.');
        if (dot > 0) {
            String scope = lower.substring(0, dot);
            String name = lower.substring(dot + 1);
            switch (scope) {
                case "session", "local" -> {
                    return new Expression.SystemVariableReference(VariableScope.SESSION, StringLiterals.identifier(name));
                }
                case "global" -> {
                    return new Expression.SystemVariableReference(VariableScope.GLOBAL, StringLiterals.identifier(name));
                }
                default -> {
                    // structured variable names (keycache.x) are not supported: report the full name as unknown
                }
            }
        }
        return new Expression.SystemVariableReference(VariableScope.DEFAULT, StringLiterals.identifier(lower));
    }

    private String userVariable(String name)
    {
        String original = userVariableNames.get(name);
        return original != null ? original : userVariableName(name);
    }

    static String userVariableName(String name)
    {
        if (name.startsWith("'") || name.startsWith("\"")) {
            return StringLiterals.unquote(name);
        }
        return StringLiterals.identifier(name);
    }

    private Expression assignment(VariableAssignment assignment)
    {
        if ("=".equals(assignment.getOperation())) {
            // Inside an expression '=' compares (SELECT @@a = @@global.a); only ':=' assigns.
            return new Expression.Comparison(ComparisonOperator.EQUAL, variable(assignment.getVariable()), build(assignment.getExpression()));
        }
        String text = assignment.getVariable().toString();
        if (text.startsWith("@@")) {
            throw notSupported("assigning system variables inside expressions");
        }
        return new Expression.UserVariableAssignment(userVariable(text.substring(1)), build(assignment.getExpression()));
    }

    private Expression column(Column column)
    {
        String name = column.getColumnName();
        if (column.getTable() == null || column.getTable().getName() == null) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
                return new Expression.BooleanLiteral(lower.equals("true"));
            }
            if (NILADIC_FUNCTIONS.contains(lower)) {
                return new Expression.FunctionCall(lower, List.of());
            }
            if (name.startsWith("\"")) {
                // without ANSI_QUOTES a double-quoted text is a string
                return new Expression.StringLiteral(StringLiterals.unquote(name));
            }
            return new Expression.ColumnReference(List.of(StringLiterals.identifier(name)));
        }
        List<String> parts = new ArrayList<>();
        if (column.getTable().getSchemaName() != null) {
            parts.add(StringLiterals.identifier(column.getTable().getSchemaName()));
        }
        parts.add(StringLiterals.identifier(column.getTable().getName()));
        parts.add(StringLiterals.identifier(name));
        return new Expression.ColumnReference(parts);
    }

    private static String niladicName(String text)
    {
        String lower = text.toLowerCase(Locale.ROOT).replace(" ", "");
        return lower.endsWith("()") ? lower.substring(0, lower.length() - 2) : lower;
    }

    private Expression function(Function function)
    {
        if (function.getMultipartName() != null && function.getMultipartName().size() > 1) {
            if (SearchSyntax.isPackageFunction(function.getMultipartName())) {
                return SearchSyntax.packageFunction(function, this);
            }
            throw notSupported("stored functions");
        }
        String name = StringLiterals.identifier(function.getName());
        boolean star = function.isAllColumns() || (function.getParameters() != null && function.getParameters().size() == 1
                && function.getParameters().get(0) instanceof net.sf.jsqlparser.statement.select.AllColumns);
        Expression.AggregateKind aggregate = AGGREGATES.get(name.toLowerCase(Locale.ROOT));
        if (aggregate != null && function.getKeep() == null) {
            if (star && aggregate == Expression.AggregateKind.COUNT && !function.isDistinct()) {
                return new Expression.Aggregate(aggregate, name, Optional.empty(), false);
            }
            List<Expression> arguments = buildAll(function.getParameters());
            if (star || arguments.size() != 1) {
                if (function.isDistinct() && aggregate == Expression.AggregateKind.COUNT && arguments.size() > 1) {
                    throw notSupported("COUNT(DISTINCT) of several expressions");
                }
                throw new QuiverException(ErrorCode.ER_PARSE_ERROR, function.toString(), 1);
            }
            return new Expression.Aggregate(aggregate, name, Optional.of(arguments.get(0)), function.isDistinct());
        }
        if (name.equalsIgnoreCase("values") && function.getParameters() != null && function.getParameters().size() == 1
                && function.getParameters().get(0) instanceof Column column) {
            // VALUES(col) of ON DUPLICATE KEY UPDATE: the value the row would have inserted
            return new Expression.ColumnReference(List.of(Expression.INSERT_VALUES, StringLiterals.identifier(column.getColumnName())));
        }
        if (function.isAllColumns() || function.isDistinct() || function.getKeep() != null) {
            throw notSupported("aggregate functions without a table");
        }
        ExpressionList<?> parameters = function.getParameters();
        String lower = name.toLowerCase(Locale.ROOT);
        if ((lower.equals("date_add") || lower.equals("date_sub") || lower.equals("adddate") || lower.equals("subdate"))
                && parameters != null && parameters.size() == 2) {
            Expression value = build(parameters.get(0));
            if (parameters.get(1) instanceof IntervalExpression interval) {
                return new Expression.FunctionCall(name, List.of(value, intervalAmount(interval), intervalUnit(interval)));
            }
            if (lower.equals("adddate") || lower.equals("subdate")) {
                return new Expression.FunctionCall(name, List.of(value, build(parameters.get(1)), new Expression.StringLiteral("DAY")));
            }
            throw new QuiverException(ErrorCode.ER_PARSE_ERROR, function.toString(), 1);
        }
        List<Expression> arguments = buildAll(parameters);
        if (name.equalsIgnoreCase("mod") && arguments.size() == 2) {
            return new Arithmetic(ArithmeticOperator.MODULUS, arguments.get(0), arguments.get(1));
        }
        return new Expression.FunctionCall(name, arguments);
    }

    private Expression signed(SignedExpression signed)
    {
        Expression value = build(signed.getExpression());
        return switch (signed.getSign()) {
            case '-' -> new Expression.Negation(value);
            case '~' -> new Expression.BitwiseNot(value);
            default -> value;
        };
    }

    private Expression parenthesized(ParenthesedExpressionList<?> list)
    {
        if (list.size() != 1) {
            throw new QuiverException(ErrorCode.ER_OPERAND_COLUMNS, 1);
        }
        return build(list.get(0));
    }

    private Expression arithmetic(ArithmeticOperator operator, net.sf.jsqlparser.expression.Expression left, net.sf.jsqlparser.expression.Expression right)
    {
        return new Arithmetic(operator, build(left), build(right));
    }

    private Expression logical(LogicalOperator operator, net.sf.jsqlparser.expression.Expression left, net.sf.jsqlparser.expression.Expression right)
    {
        return new Expression.Logical(operator, build(left), build(right));
    }

    private Expression comparison(ComparisonOperator operator, net.sf.jsqlparser.expression.Expression left, net.sf.jsqlparser.expression.Expression right)
    {
        return new Expression.Comparison(operator, build(left), build(right));
    }

    private Expression in(InExpression in)
    {
        if (in.getRightExpression() instanceof net.sf.jsqlparser.statement.select.Select select) {
            return new Expression.Subquery(Expression.SubqueryKind.IN, Optional.of(build(in.getLeftExpression())), subquery(select), in.isNot());
        }
        if (!(in.getRightExpression() instanceof ExpressionList<?> list)) {
            throw notSupported("IN with " + in.getRightExpression());
        }
        return new Expression.InList(build(in.getLeftExpression()), buildAll(list), in.isNot());
    }

    private Expression like(LikeExpression like)
    {
        if (like.getLikeKeyWord() == LikeExpression.KeyWord.REGEXP || like.getLikeKeyWord() == LikeExpression.KeyWord.RLIKE) {
            Expression match = new Expression.FunctionCall("regexp_like", List.of(build(like.getLeftExpression()), build(like.getRightExpression())));
            return like.isNot() ? new Expression.Not(match) : match;
        }
        if (like.getLikeKeyWord() != LikeExpression.KeyWord.LIKE) {
            throw notSupported(like.getLikeKeyWord().name());
        }
        Optional<Expression> escape = Optional.ofNullable(like.getEscape()).map(this::build);
        return new Expression.Like(build(like.getLeftExpression()), build(like.getRightExpression()), escape, like.isNot());
    }

    private Expression caseExpression(CaseExpression caseExpression)
    {
        List<Expression.WhenClause> whenClauses = new ArrayList<>();
        for (WhenClause each : caseExpression.getWhenClauses()) {
            whenClauses.add(new Expression.WhenClause(build(each.getWhenExpression()), build(each.getThenExpression())));
        }
        return new Expression.Case(
                Optional.ofNullable(caseExpression.getSwitchExpression()).map(this::build),
                whenClauses,
                Optional.ofNullable(caseExpression.getElseExpression()).map(this::build));
    }

    private Expression transcoding(TranscodingFunction transcoding)
    {
        Expression value = build(transcoding.getExpression());
        if (transcoding.isTranscodeStyle()) {
            return new Expression.Cast(value, CastTarget.of(CastTarget.Kind.CHAR));
        }
        return new Expression.Cast(value, castTarget(transcoding.getColDataType()));
    }

    private static int typeArgument(String text)
    {
        try {
            return Integer.parseInt(text.trim());
        }
        catch (NumberFormatException ex) {
            throw new QuiverException(ErrorCode.ER_PARSE_ERROR, text.trim(), 1);
        }
    }

    static CastTarget castTarget(ColDataType type)
    {
        String name = type.getDataType().toLowerCase(Locale.ROOT).trim();
        List<String> arguments = type.getArgumentsStringList() == null ? List.of() : type.getArgumentsStringList();
        int parenthesis = name.indexOf('(');
        if (parenthesis >= 0) {
            // JSqlParser keeps "decimal (5, 2)" in the type name for some forms
            if (arguments.isEmpty()) {
                arguments = List.of(name.substring(parenthesis + 1, name.lastIndexOf(')') > parenthesis ? name.lastIndexOf(')') : name.length()).split(","));
            }
            name = name.substring(0, parenthesis).trim();
        }
        OptionalInt length = arguments.isEmpty() ? OptionalInt.empty() : OptionalInt.of(typeArgument(arguments.get(0)));
        OptionalInt scale = arguments.size() < 2 ? OptionalInt.empty() : OptionalInt.of(typeArgument(arguments.get(1)));
        CastTarget.Kind kind = switch (name) {
            case "signed", "signed integer", "int", "integer", "bigint" -> CastTarget.Kind.SIGNED;
            case "unsigned", "unsigned integer", "unsigned int" -> CastTarget.Kind.UNSIGNED;
            case "decimal", "dec", "numeric", "fixed" -> CastTarget.Kind.DECIMAL;
            case "double", "real", "double precision" -> CastTarget.Kind.DOUBLE;
            case "float" -> CastTarget.Kind.FLOAT;
            case "char", "nchar", "varchar", "character" -> CastTarget.Kind.CHAR;
            case "binary" -> CastTarget.Kind.BINARY;
            case "date" -> CastTarget.Kind.DATE;
            case "datetime", "timestamp" -> CastTarget.Kind.DATETIME;
            case "time" -> CastTarget.Kind.TIME;
            case "json" -> CastTarget.Kind.JSON;
            default -> throw new QuiverException(ErrorCode.ER_PARSE_ERROR, name, 1);
        };
        return new CastTarget(kind, length, scale);
    }
}
