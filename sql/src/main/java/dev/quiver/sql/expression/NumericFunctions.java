package dev.quiver.sql.expression;

import dev.quiver.sql.expression.ScalarFunctions.Definition;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.type.SqlType;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

import static dev.quiver.sql.expression.ScalarFunctions.anyNullable;
import static dev.quiver.sql.expression.ScalarFunctions.strict;

/**
 * ROUND, TRUNCATE, FLOOR, CEIL/CEILING, SIGN, SQRT, POW/POWER, GREATEST and LEAST with MySQL's types: exact
 * arguments give exact results (ROUND half away from zero), approximate ones DOUBLE (ROUND half to even, as the C
 * library MySQL uses); FLOOR and CEIL of an exact number are integers.
 */
final class NumericFunctions
{
    private NumericFunctions()
    {
    }

    static List<Definition> definitions()
    {
        return List.of(
                strict("round", 1, 2, NumericFunctions::roundType, (values, context) -> round(values, context, false)),
                strict("truncate", 2, 2, NumericFunctions::roundType, (values, context) -> round(values, context, true)),
                strict("floor", 1, 1, NumericFunctions::integralType, (values, context) -> integral(values.get(0), RoundingMode.FLOOR, context)),
                strict("ceil", 1, 1, NumericFunctions::integralType, (values, context) -> integral(values.get(0), RoundingMode.CEILING, context)),
                strict("ceiling", 1, 1, NumericFunctions::integralType, (values, context) -> integral(values.get(0), RoundingMode.CEILING, context)),
                strict("sign", 1, 1, (types, arguments) -> SqlType.bigint(2, anyNullable(types)),
                        (values, context) -> (long) (Values.isExactNumber(values.get(0))
                                ? Values.toDecimal(values.get(0), context::addWarning).signum()
                                : (int) Math.signum(Values.toDouble(values.get(0), context::addWarning)))),
                strict("sqrt", 1, 1, (types, arguments) -> SqlType.doubleType(true), (values, context) -> {
                    double value = Values.toDouble(values.get(0), context::addWarning);
                    return value < 0 ? null : Math.sqrt(value);
                }),
                strict("pow", 2, 2, (types, arguments) -> SqlType.doubleType(anyNullable(types)),
                        (values, context) -> Math.pow(Values.toDouble(values.get(0), context::addWarning), Values.toDouble(values.get(1), context::addWarning))),
                strict("power", 2, 2, (types, arguments) -> SqlType.doubleType(anyNullable(types)),
                        (values, context) -> Math.pow(Values.toDouble(values.get(0), context::addWarning), Values.toDouble(values.get(1), context::addWarning))),
                strict("greatest", 2, Integer.MAX_VALUE, (types, arguments) -> TypeDerivation.common(types), (values, context) -> extreme(values, 1, context)),
                strict("least", 2, Integer.MAX_VALUE, (types, arguments) -> TypeDerivation.common(types), (values, context) -> extreme(values, -1, context)));
    }

    private static boolean exact(SqlType type)
    {
        return type.kind() == SqlType.Kind.BIGINT || type.kind() == SqlType.Kind.DECIMAL || type.kind() == SqlType.Kind.NULL;
    }

    /** ROUND(x, d) keeps an integer an integer and gives a DECIMAL of scale d (when d is a literal) for a decimal. */
    private static SqlType roundType(List<SqlType> types, List<Expression> arguments)
    {
        SqlType value = types.get(0);
        boolean nullable = anyNullable(types);
        if (!exact(value)) {
            return SqlType.doubleType(nullable);
        }
        int digits = arguments.size() > 1 && arguments.get(1) instanceof Expression.IntegerLiteral literal ? literal.value().intValue() : 0;
        if (value.kind() == SqlType.Kind.BIGINT || value.kind() == SqlType.Kind.NULL) {
            return digits >= 0 ? SqlType.bigint(Math.max(value.length(), 1) + 1, nullable) : SqlType.bigint(Math.max(value.length(), 1) + 1, nullable);
        }
        int scale = Math.max(0, Math.min(digits, 30));
        int integerDigits = value.precision() - value.scale();
        return SqlType.decimal(Math.min(65, integerDigits + scale + 1), scale, nullable);
    }

    private static SqlType integralType(List<SqlType> types, List<Expression> arguments)
    {
        SqlType value = types.get(0);
        if (!exact(value)) {
            return SqlType.doubleType(value.nullable());
        }
        long length = value.kind() == SqlType.Kind.DECIMAL ? value.precision() - value.scale() + 1 : Math.max(value.length(), 1);
        return SqlType.bigint(length, value.nullable());
    }

    private static Object round(List<Object> values, EvaluationContext context, boolean truncate)
    {
        Object value = values.get(0);
        int digits = values.size() > 1 ? (int) Math.max(-100, Math.min(100, Values.toLong(values.get(1), context::addWarning))) : 0;
        if (Values.isExactNumber(value)) {
            BigDecimal number = Values.toDecimal(value, context::addWarning);
            BigDecimal rounded = number.setScale(digits, truncate ? RoundingMode.DOWN : RoundingMode.HALF_UP);
            if (value instanceof Long || value instanceof BigInteger) {
                return exactInteger(rounded.setScale(0, RoundingMode.UNNECESSARY));
            }
            return digits < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
        }
        double number = Values.toDouble(value, context::addWarning);
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            return number;
        }
        BigDecimal exact = new BigDecimal(Double.toString(number));
        return exact.setScale(digits, truncate ? RoundingMode.DOWN : RoundingMode.HALF_EVEN).doubleValue();
    }

    private static Object exactInteger(BigDecimal value)
    {
        BigInteger integer = value.toBigIntegerExact();
        return integer.bitLength() < 64 ? (Object) integer.longValueExact() : value;
    }

    private static Object integral(Object value, RoundingMode mode, EvaluationContext context)
    {
        if (Values.isExactNumber(value)) {
            return exactInteger(Values.toDecimal(value, context::addWarning).setScale(0, mode));
        }
        double number = Values.toDouble(value, context::addWarning);
        return mode == RoundingMode.FLOOR ? Math.floor(number) : Math.ceil(number);
    }

    /** GREATEST/LEAST: NULL when any argument is; compared as MySQL compares the pair. */
    private static Object extreme(List<Object> values, int sign, EvaluationContext context)
    {
        Object best = values.get(0);
        for (Object each : values.subList(1, values.size())) {
            Integer result = Values.compare(each, best, context::addWarning);
            if (result != null && Integer.signum(result) == sign) {
                best = each;
            }
        }
        return best;
    }
}
