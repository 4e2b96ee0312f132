package dev.quiver.sql.expression;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.tree.CastTarget;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Expression.ArithmeticOperator;
import dev.quiver.sql.type.SqlType;
import dev.quiver.sql.type.SqlType.Kind;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** Infers the static type of an expression as MySQL does before evaluating it (column metadata, coercions). */
public final class ExpressionTypes
{
    private static final int MAXIMUM_DECIMAL_PRECISION = 65;
    private static final int MAXIMUM_DECIMAL_SCALE = 30;
    private static final int DIV_PRECISION_INCREMENT = 4;

    private ExpressionTypes()
    {
    }

    public static SqlType typeOf(Expression expression, EvaluationContext context)
    {
        return switch (expression) {
            case Expression.NullLiteral ignored -> SqlType.nullType();
            case Expression.BooleanLiteral ignored -> SqlType.bigint(1, false);
            case Expression.IntegerLiteral literal -> literal.value() instanceof Long value
                    ? SqlType.bigint(Long.toString(value).length(), false)
                    : SqlType.unsignedBigint(20, false);
            case Expression.DecimalLiteral literal -> decimalType(literal.value(), false);
            case Expression.DoubleLiteral ignored -> SqlType.doubleType(false);
            case Expression.StringLiteral literal -> SqlType.varchar(literal.value().codePointCount(0, literal.value().length()), false);
            case Expression.BinaryLiteral literal -> SqlType.varbinary(literal.bytes().size(), false);
            case Expression.Parameter parameter -> typeOfValue(context.parameter(parameter.index()));
            case Expression.SystemVariableReference variable -> context.systemVariableType(variable.scope(), variable.name());
            case Expression.UserVariableReference variable -> typeOfValue(context.userVariable(variable.name()));
            case Expression.UserVariableAssignment assignment -> typeOf(assignment.value(), context).withNullable(true);
            case Expression.ColumnReference column -> context.columnType(column);
            case Expression.Arithmetic arithmetic -> arithmetic(arithmetic.operator(), typeOf(arithmetic.left(), context), typeOf(arithmetic.right(), context));
            case Expression.Negation negation -> negation(typeOf(negation.value(), context));
            case Expression.BitwiseNot not -> SqlType.unsignedBigint(20, typeOf(not.value(), context).nullable());
            case Expression.Comparison comparison -> comparison.operator() == Expression.ComparisonOperator.NULL_SAFE_EQUAL
                    ? SqlType.bigint(1, false)
                    : truth(anyNullable(context, comparison.left(), comparison.right()));
            case Expression.Logical logical -> truth(anyNullable(context, logical.left(), logical.right()));
            case Expression.Not not -> truth(typeOf(not.value(), context).nullable());
            case Expression.IsNull isNull -> {
                typeOf(isNull.value(), context);
                yield SqlType.bigint(1, false);
            }
            case Expression.IsBoolean isBoolean -> {
                typeOf(isBoolean.value(), context);
                yield SqlType.bigint(1, false);
            }
            case Expression.InList in -> {
                List<Expression> all = new ArrayList<>(in.list());
                all.add(in.value());
                yield truth(anyNullable(context, all.toArray(Expression[]::new)));
            }
            case Expression.Between between -> truth(anyNullable(context, between.value(), between.low(), between.high()));
            case Expression.Like like -> truth(anyNullable(context, like.value(), like.pattern()));
            case Expression.Case caseExpression -> caseType(caseExpression, context);
            case Expression.FunctionCall call -> functionType(call, context);
            case Expression.Cast cast -> castType(cast.target(), typeOf(cast.value(), context));
            case Expression.Aggregate aggregate -> aggregateType(aggregate, context);
            case Expression.Subquery subquery -> subquery.kind() == Expression.SubqueryKind.SCALAR
                    ? context.subqueryType(subquery).withNullable(true)
                    : truth(subquery.kind() == Expression.SubqueryKind.IN);
        };
    }

    /** The type of a runtime value (bound parameters, user variables). */
    public static SqlType typeOfValue(Object value)
    {
        return switch (value) {
            case null -> SqlType.nullType();
            case Long ignored -> SqlType.bigint(21, true);
            case BigInteger ignored -> SqlType.unsignedBigint(20, true);
            case BigDecimal decimal -> decimalType(decimal, true);
            case Double ignored -> SqlType.doubleType(true);
            case Float ignored -> SqlType.doubleType(true);
            case String text -> SqlType.varchar(Math.max(text.codePointCount(0, text.length()), 1), true);
            case byte[] bytes -> SqlType.varbinary(bytes.length, true);
            case LocalDate ignored -> SqlType.date(true);
            case LocalDateTime dateTime -> SqlType.datetime(dateTime.getNano() == 0 ? 0 : 6, true);
            case Duration ignored -> SqlType.time(true);
            default -> throw new IllegalArgumentException("unsupported value type " + value.getClass().getName());
        };
    }

    private static SqlType decimalType(BigDecimal value, boolean nullable)
    {
        int scale = Math.max(0, value.scale());
        int precision = Math.max(value.precision(), scale + 1);
        return SqlType.decimal(precision, scale, nullable);
    }

    private static SqlType truth(boolean nullable)
    {
        return SqlType.bigint(1, nullable);
    }

    private static boolean anyNullable(EvaluationContext context, Expression... expressions)
    {
        boolean result = false;
        for (Expression each : expressions) {
            result |= typeOf(each, context).nullable();
        }
        return result;
    }

    /** Strings and temporal values take part in arithmetic as doubles. */
    private static Kind arithmeticKind(SqlType type)
    {
        return switch (type.kind()) {
            case NULL, BIGINT -> Kind.BIGINT;
            case DECIMAL -> Kind.DECIMAL;
            default -> Kind.DOUBLE;
        };
    }

    static SqlType arithmetic(ArithmeticOperator operator, SqlType left, SqlType right)
    {
        boolean nullable = left.nullable() || right.nullable()
                || operator == ArithmeticOperator.DIVIDE || operator == ArithmeticOperator.INTEGER_DIVIDE || operator == ArithmeticOperator.MODULUS;
        Kind leftKind = arithmeticKind(left);
        Kind rightKind = arithmeticKind(right);
        if (operator == ArithmeticOperator.INTEGER_DIVIDE) {
            return SqlType.bigint(Math.max(1, left.kind() == Kind.BIGINT ? left.length() : 21), nullable);
        }
        if (leftKind == Kind.DOUBLE || rightKind == Kind.DOUBLE) {
            return SqlType.doubleType(nullable);
        }
        int leftScale = TypeDerivation.decimalScale(left);
        int rightScale = TypeDerivation.decimalScale(right);
        int leftPrecision = TypeDerivation.decimalPrecision(left.kind() == Kind.NULL ? SqlType.bigint(1, true) : left);
        int rightPrecision = TypeDerivation.decimalPrecision(right.kind() == Kind.NULL ? SqlType.bigint(1, true) : right);
        if (operator == ArithmeticOperator.DIVIDE) {
            int scale = Math.min(MAXIMUM_DECIMAL_SCALE, leftScale + DIV_PRECISION_INCREMENT);
            int precision = Math.min(MAXIMUM_DECIMAL_PRECISION, leftPrecision - leftScale + rightScale + scale);
            return SqlType.decimal(precision, scale, nullable);
        }
        if (leftKind == Kind.BIGINT && rightKind == Kind.BIGINT) {
            long length = switch (operator) {
                case ADD, SUBTRACT -> Math.max(left.length(), right.length()) + 1;
                case MULTIPLY -> left.length() + right.length();
                default -> Math.max(left.length(), right.length());
            };
            return SqlType.bigint(Math.min(length, 21), nullable);
        }
        return switch (operator) {
            case MULTIPLY -> SqlType.decimal(Math.min(MAXIMUM_DECIMAL_PRECISION, leftPrecision + rightPrecision), Math.min(MAXIMUM_DECIMAL_SCALE, leftScale + rightScale), nullable);
            default -> {
                int scale = Math.max(leftScale, rightScale);
                int integerDigits = Math.max(leftPrecision - leftScale, rightPrecision - rightScale);
                yield SqlType.decimal(Math.min(MAXIMUM_DECIMAL_PRECISION, integerDigits + scale + 1), scale, nullable);
            }
        };
    }

    private static SqlType negation(SqlType type)
    {
        return switch (type.kind()) {
            case NULL -> SqlType.bigint(1, true);
            case BIGINT -> SqlType.bigint(type.length() + 1, type.nullable());
            case DECIMAL -> type;
            default -> SqlType.doubleType(type.nullable());
        };
    }

    private static SqlType caseType(Expression.Case caseExpression, EvaluationContext context)
    {
        caseExpression.operand().ifPresent(operand -> typeOf(operand, context));
        List<SqlType> results = new ArrayList<>();
        for (Expression.WhenClause each : caseExpression.whenClauses()) {
            typeOf(each.condition(), context);
            results.add(typeOf(each.result(), context));
        }
        if (caseExpression.otherwise().isPresent()) {
            results.add(typeOf(caseExpression.otherwise().get(), context));
        }
        SqlType common = TypeDerivation.common(results);
        return caseExpression.otherwise().isPresent() ? common : common.withNullable(true);
    }

    private static SqlType functionType(Expression.FunctionCall call, EvaluationContext context)
    {
        if (ScalarFunctions.handles(call.name())) {
            return ScalarFunctions.type(call, context);
        }
        if (SearchFunctions.handles(call.name())) {
            return SearchFunctions.type(call, context);
        }
        BuiltinFunction function = BuiltinFunction.find(call.name()).orElseThrow(() -> unknownFunction(call.name(), context));
        function.checkArity(call.name(), call.arguments().size());
        List<SqlType> arguments = new ArrayList<>();
        for (Expression each : call.arguments()) {
            arguments.add(typeOf(each, context));
        }
        return function.returnType(arguments);
    }

    /** MySQL resolves an unknown function as a stored function of the current database. */
    private static QuiverException unknownFunction(String name, EvaluationContext context)
    {
        if (BuiltinFunction.isNotYetImplemented(name)) {
            return new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "function " + name.toUpperCase(java.util.Locale.ROOT));
        }
        String database = context.functions().database();
        if (database == null) {
            return new QuiverException(ErrorCode.ER_NO_DB_ERROR);
        }
        return new QuiverException(ErrorCode.ER_SP_DOES_NOT_EXIST, "FUNCTION", database + "." + name);
    }

    /**
     * MySQL's aggregate result types: COUNT is BIGINT(21); SUM of exact numbers DECIMAL with 22 more digits, AVG of them
     * DECIMAL with 4 more digits and scale; of approximate ones (and strings) DOUBLE; MIN and MAX keep their argument's
     * type. All but COUNT are nullable (an empty group gives NULL).
     */
    private static SqlType aggregateType(Expression.Aggregate aggregate, EvaluationContext context)
    {
        if (aggregate.argument().isEmpty()) {
            return SqlType.bigint(21, false);
        }
        SqlType argument = typeOf(aggregate.argument().get(), context);
        return switch (aggregate.kind()) {
            case COUNT -> SqlType.bigint(21, false);
            case MIN, MAX -> argument.kind() == Kind.NULL ? SqlType.varbinary(0, true) : argument.withNullable(true);
            case SUM, AVG -> {
                Kind kind = arithmeticKind(argument);
                if (kind == Kind.DOUBLE) {
                    yield SqlType.doubleType(true);
                }
                int scale = TypeDerivation.decimalScale(argument);
                int precision = TypeDerivation.decimalPrecision(argument.kind() == Kind.NULL ? SqlType.bigint(1, true) : argument);
                yield aggregate.kind() == Expression.AggregateKind.SUM
                        ? SqlType.decimal(Math.min(MAXIMUM_DECIMAL_PRECISION, precision + 22), scale, true)
                        : SqlType.decimal(Math.min(MAXIMUM_DECIMAL_PRECISION, precision + DIV_PRECISION_INCREMENT), Math.min(MAXIMUM_DECIMAL_SCALE, scale + DIV_PRECISION_INCREMENT), true);
            }
        };
    }

    private static SqlType castType(CastTarget target, SqlType source)
    {
        boolean nullable = source.nullable();
        return switch (target.kind()) {
            case SIGNED -> SqlType.bigint(21, nullable);
            case UNSIGNED -> SqlType.unsignedBigint(21, nullable);
            case DECIMAL -> SqlType.decimal(target.length().orElse(10), target.scale().orElse(0), nullable);
            case DOUBLE, FLOAT -> SqlType.doubleType(nullable);
            case CHAR -> SqlType.varchar(target.length().isPresent() ? target.length().getAsInt() : TypeDerivation.textLength(source), nullable);
            case BINARY -> SqlType.varbinary(target.length().isPresent() ? target.length().getAsInt() : TypeDerivation.textLength(source), nullable);
            case DATE -> SqlType.date(true);
            case DATETIME -> SqlType.datetime(target.length().orElse(0), true);
            case TIME -> SqlType.time(true);
            case JSON -> SqlType.json(nullable);
        };
    }
}
