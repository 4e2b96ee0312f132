package dev.quiver.sql.expression;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.session.Warning;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Expression.ArithmeticOperator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Evaluates an {@link Expression} with MySQL's semantics: three-valued logic, NULL propagation, integer
 * overflow errors, division by zero giving NULL with warning 1365, strings converted to numbers with warning 1292.
 */
public final class ExpressionEvaluator
{
    private static final int DIV_PRECISION_INCREMENT = 4;
    private static final int MAXIMUM_DECIMAL_SCALE = 30;
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private ExpressionEvaluator()
    {
    }

    public static Object evaluate(Expression expression, EvaluationContext context)
    {
        return switch (expression) {
            case Expression.NullLiteral ignored -> null;
            case Expression.BooleanLiteral literal -> Values.truth(literal.value());
            case Expression.IntegerLiteral literal -> literal.value();
            case Expression.DecimalLiteral literal -> literal.value();
            case Expression.DoubleLiteral literal -> literal.value();
            case Expression.StringLiteral literal -> literal.value();
            case Expression.BinaryLiteral literal -> literal.toByteArray();
            case Expression.Parameter parameter -> context.parameter(parameter.index());
            case Expression.SystemVariableReference variable -> context.systemVariable(variable.scope(), variable.name());
            case Expression.UserVariableReference variable -> context.userVariable(variable.name());
            case Expression.UserVariableAssignment assignment -> {
                Object value = evaluate(assignment.value(), context);
                context.setUserVariable(assignment.name(), value);
                yield value;
            }
            case Expression.ColumnReference column -> context.column(column);
            case Expression.Arithmetic arithmetic -> arithmetic(arithmetic, evaluate(arithmetic.left(), context), evaluate(arithmetic.right(), context), context);
            case Expression.Negation negation -> negate(evaluate(negation.value(), context), context);
            case Expression.BitwiseNot not -> {
                Object value = evaluate(not.value(), context);
                yield value == null ? null : unsigned(~Values.toLong(value, context::addWarning));
            }
            case Expression.Comparison comparison -> compare(comparison, context);
            case Expression.Logical logical -> logical(logical, context);
            case Expression.Not not -> {
                Boolean truth = Values.isTrue(evaluate(not.value(), context), context::addWarning);
                yield truth == null ? null : Values.truth(!truth);
            }
            case Expression.IsNull isNull -> Values.truth((evaluate(isNull.value(), context) == null) != isNull.negated());
            case Expression.IsBoolean isBoolean -> {
                Boolean truth = Values.isTrue(evaluate(isBoolean.value(), context), context::addWarning);
                boolean matches = truth != null && truth == isBoolean.truth();
                yield Values.truth(matches != isBoolean.negated());
            }
            case Expression.InList in -> in(in, context);
            case Expression.Between between -> between(between, context);
            case Expression.Like like -> like(like, context);
            case Expression.Case caseExpression -> caseExpression(caseExpression, context);
            case Expression.FunctionCall call -> function(call, context);
            case Expression.Cast cast -> cast.target().kind() == dev.quiver.sql.tree.CastTarget.Kind.JSON
                    ? JsonFunctions.castToJson(evaluate(cast.value(), context), cast.value(), context)
                    : Casts.cast(evaluate(cast.value(), context), cast.target(), context::addWarning);
            case Expression.Aggregate aggregate -> context.aggregate(aggregate);
            case Expression.Subquery subquery -> context.subquery(subquery);
        };
    }

    /** Evaluates a condition (WHERE): true only when the value is true, not NULL. */
    public static boolean isTrue(Expression expression, EvaluationContext context)
    {
        return Boolean.TRUE.equals(Values.isTrue(evaluate(expression, context), context::addWarning));
    }

    private static Object unsigned(long value)
    {
        return value >= 0 ? (Object) value : BigInteger.valueOf(value).add(TWO_TO_64);
    }

    private static Object arithmetic(Expression.Arithmetic expression, Object left, Object right, EvaluationContext context)
    {
        if (left == null || right == null) {
            return null;
        }
        Consumer<Warning> warnings = context::addWarning;
        ArithmeticOperator operator = expression.operator();
        if (!Values.isExactNumber(left) || !Values.isExactNumber(right)) {
            double a = Values.toDouble(left, warnings);
            double b = Values.toDouble(right, warnings);
            Object result = switch (operator) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> b == 0 ? divisionByZero(context) : a / b;
                case INTEGER_DIVIDE -> b == 0 ? divisionByZero(context) : (Object) (long) (a / b);
                case MODULUS -> b == 0 ? divisionByZero(context) : a % b;
            };
            if (result instanceof Double number && number.isInfinite()) {
                throw new QuiverException(ErrorCode.ER_DATA_OUT_OF_RANGE, "DOUBLE", "(" + Values.doubleText(a) + " " + operator.symbol() + " " + Values.doubleText(b) + ")");
            }
            return result;
        }
        if (left instanceof Long a && right instanceof Long b) {
            try {
                return switch (operator) {
                    case ADD -> Math.addExact(a, b);
                    case SUBTRACT -> Math.subtractExact(a, b);
                    case MULTIPLY -> Math.multiplyExact(a, b);
                    case DIVIDE -> b == 0 ? divisionByZero(context) : BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), DIV_PRECISION_INCREMENT, RoundingMode.HALF_UP);
                    case INTEGER_DIVIDE -> b == 0 ? divisionByZero(context) : (Object) (a / b);
                    case MODULUS -> b == 0 ? divisionByZero(context) : (Object) (a % b);
                };
            }
            catch (ArithmeticException ex) {
                throw new QuiverException(ErrorCode.ER_DATA_OUT_OF_RANGE, "BIGINT", "(" + a + " " + operator.symbol() + " " + b + ")");
            }
        }
        BigDecimal a = Values.toDecimal(left, warnings);
        BigDecimal b = Values.toDecimal(right, warnings);
        return switch (operator) {
            case ADD -> a.add(b);
            case SUBTRACT -> a.subtract(b);
            case MULTIPLY -> a.multiply(b);
            case DIVIDE -> b.signum() == 0 ? divisionByZero(context) : a.divide(b, Math.min(MAXIMUM_DECIMAL_SCALE, Math.max(0, a.scale()) + DIV_PRECISION_INCREMENT), RoundingMode.HALF_UP);
            case INTEGER_DIVIDE -> b.signum() == 0 ? divisionByZero(context) : (Object) a.divide(b, 0, RoundingMode.DOWN).longValue();
            case MODULUS -> b.signum() == 0 ? divisionByZero(context) : a.remainder(b);
        };
    }

    private static Object divisionByZero(EvaluationContext context)
    {
        context.addWarning(Warning.of(Warning.Level.Warning, ErrorCode.ER_DIVISION_BY_ZERO));
        return null;
    }

    private static Object negate(Object value, EvaluationContext context)
    {
        return switch (value) {
            case null -> null;
            case Long number when number == Long.MIN_VALUE -> throw new QuiverException(ErrorCode.ER_DATA_OUT_OF_RANGE, "BIGINT", "-(" + number + ")");
            case Long number -> -number;
            case BigInteger number -> {
                BigInteger negated = number.negate();
                yield negated.bitLength() < 64 ? (Object) negated.longValueExact() : new BigDecimal(negated);
            }
            case BigDecimal number -> number.negate();
            default -> -Values.toDouble(value, context::addWarning);
        };
    }

    private static Object compare(Expression.Comparison comparison, EvaluationContext context)
    {
        Object left = evaluate(comparison.left(), context);
        Object right = evaluate(comparison.right(), context);
        // a JSON-typed operand that arrives as its text (a JSON column, CASE/IF/COALESCE of JSON) is a JSON value: then
        // the comparison is MySQL's JSON comparison, with the other side converted to JSON (a string to a JSON string)
        left = asJsonIfTyped(left, comparison.left(), 1, context);
        right = asJsonIfTyped(right, comparison.right(), 2, context);
        if (left instanceof dev.quiver.storage.json.JsonNode && comparison.right() instanceof Expression.BooleanLiteral literal) {
            right = new dev.quiver.storage.json.JsonNode.JsonBoolean(literal.value());
        }
        if (right instanceof dev.quiver.storage.json.JsonNode && comparison.left() instanceof Expression.BooleanLiteral literal) {
            left = new dev.quiver.storage.json.JsonNode.JsonBoolean(literal.value());
        }
        if (comparison.operator() == Expression.ComparisonOperator.NULL_SAFE_EQUAL) {
            if (left == null || right == null) {
                return Values.truth(left == null && right == null);
            }
            return Values.truth(Values.compare(left, right, context::addWarning) == 0);
        }
        Integer result = Values.compare(left, right, context::addWarning);
        if (result == null) {
            return null;
        }
        return Values.truth(switch (comparison.operator()) {
            case EQUAL -> result == 0;
            case NOT_EQUAL -> result != 0;
            case LESS_THAN -> result < 0;
            case LESS_THAN_OR_EQUAL -> result <= 0;
            case GREATER_THAN -> result > 0;
            case GREATER_THAN_OR_EQUAL -> result >= 0;
            case NULL_SAFE_EQUAL -> throw new IllegalStateException("handled above");
        });
    }

    /** The JSON value of an operand typed JSON whose value is its text (only strings are checked, so others pay nothing). */
    private static Object asJsonIfTyped(Object value, Expression expression, int argument, EvaluationContext context)
    {
        return JsonFunctions.isJsonText(value, expression, context) ? JsonFunctions.document(value, argument, "json_compare") : value;
    }

    private static Object logical(Expression.Logical logical, EvaluationContext context)
    {
        Boolean left = Values.isTrue(evaluate(logical.left(), context), context::addWarning);
        switch (logical.operator()) {
            case AND -> {
                if (Boolean.FALSE.equals(left)) {
                    return 0L;
                }
                Boolean right = Values.isTrue(evaluate(logical.right(), context), context::addWarning);
                if (Boolean.FALSE.equals(right)) {
                    return 0L;
                }
                return left == null || right == null ? null : 1L;
            }
            case OR -> {
                if (Boolean.TRUE.equals(left)) {
                    return 1L;
                }
                Boolean right = Values.isTrue(evaluate(logical.right(), context), context::addWarning);
                if (Boolean.TRUE.equals(right)) {
                    return 1L;
                }
                return left == null || right == null ? null : 0L;
            }
            case XOR -> {
                Boolean right = Values.isTrue(evaluate(logical.right(), context), context::addWarning);
                return left == null || right == null ? null : Values.truth(left != right);
            }
        }
        throw new IllegalStateException("unknown operator " + logical.operator());
    }

    private static Object in(Expression.InList in, EvaluationContext context)
    {
        Object value = evaluate(in.value(), context);
        if (value == null) {
            return null;
        }
        value = asJsonIfTyped(value, in.value(), 1, context);
        boolean sawNull = false;
        for (Expression each : in.list()) {
            Object item = asJsonIfTyped(evaluate(each, context), each, 2, context);
            if (value instanceof dev.quiver.storage.json.JsonNode && each instanceof Expression.BooleanLiteral literal) {
                item = new dev.quiver.storage.json.JsonNode.JsonBoolean(literal.value());
            }
            Integer result = Values.compare(value, item, context::addWarning);
            if (result == null) {
                sawNull = true;
            }
            else if (result == 0) {
                return Values.truth(!in.negated());
            }
        }
        return sawNull ? null : Values.truth(in.negated());
    }

    private static Object between(Expression.Between between, EvaluationContext context)
    {
        Object value = evaluate(between.value(), context);
        Integer low = Values.compare(value, evaluate(between.low(), context), context::addWarning);
        Integer high = Values.compare(value, evaluate(between.high(), context), context::addWarning);
        Boolean aboveLow = low == null ? null : low >= 0;
        Boolean belowHigh = high == null ? null : high <= 0;
        Boolean result;
        if (Boolean.FALSE.equals(aboveLow) || Boolean.FALSE.equals(belowHigh)) {
            result = false;
        }
        else if (aboveLow == null || belowHigh == null) {
            result = null;
        }
        else {
            result = true;
        }
        return result == null ? null : Values.truth(result != between.negated());
    }

    private static Object like(Expression.Like like, EvaluationContext context)
    {
        Object value = evaluate(like.value(), context);
        Object pattern = evaluate(like.pattern(), context);
        if (value == null || pattern == null) {
            return null;
        }
        char escape = '\\';
        if (like.escape().isPresent()) {
            Object escapeValue = evaluate(like.escape().get(), context);
            String text = escapeValue == null ? "" : Values.text(escapeValue);
            if (text.length() > 1) {
                throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "ESCAPE");
            }
            escape = text.isEmpty() ? '\\' : text.charAt(0);
        }
        boolean binary = value instanceof byte[] || pattern instanceof byte[];
        boolean matches = LikeMatcher.matches(Values.text(value), Values.text(pattern), escape, binary);
        return Values.truth(matches != like.negated());
    }

    private static Object caseExpression(Expression.Case caseExpression, EvaluationContext context)
    {
        if (caseExpression.operand().isPresent()) {
            Object operand = evaluate(caseExpression.operand().get(), context);
            for (Expression.WhenClause each : caseExpression.whenClauses()) {
                Integer result = Values.compare(operand, evaluate(each.condition(), context), context::addWarning);
                if (result != null && result == 0) {
                    return evaluate(each.result(), context);
                }
            }
        }
        else {
            for (Expression.WhenClause each : caseExpression.whenClauses()) {
                if (isTrue(each.condition(), context)) {
                    return evaluate(each.result(), context);
                }
            }
        }
        return caseExpression.otherwise().map(otherwise -> evaluate(otherwise, context)).orElse(null);
    }

    private static Object function(Expression.FunctionCall call, EvaluationContext context)
    {
        if (ScalarFunctions.handles(call.name())) {
            return ScalarFunctions.evaluate(call, context);
        }
        if (SearchFunctions.handles(call.name())) {
            return SearchFunctions.evaluate(call, context);
        }
        BuiltinFunction function = BuiltinFunction.find(call.name())
                .orElseThrow(() -> new IllegalStateException("function not checked at analysis: " + call.name()));
        List<Expression> arguments = call.arguments();
        switch (function) {
            case IF -> {
                return isTrue(arguments.get(0), context) ? evaluate(arguments.get(1), context) : evaluate(arguments.get(2), context);
            }
            case IFNULL -> {
                Object value = evaluate(arguments.get(0), context);
                return value != null ? value : evaluate(arguments.get(1), context);
            }
            case COALESCE -> {
                for (Expression each : arguments) {
                    Object value = evaluate(each, context);
                    if (value != null) {
                        return value;
                    }
                }
                return null;
            }
            case NULLIF -> {
                Object left = evaluate(arguments.get(0), context);
                Integer result = Values.compare(left, evaluate(arguments.get(1), context), context::addWarning);
                return result != null && result == 0 ? null : left;
            }
            default -> {
                List<Object> values = new ArrayList<>(arguments.size());
                for (Expression each : arguments) {
                    values.add(evaluate(each, context));
                }
                return function.invoke(values, context);
            }
        }
    }
}
