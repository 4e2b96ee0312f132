package dev.quiver.sql.expression;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.type.SqlType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The string, numeric, temporal and JSON built-ins ({@link StringFunctions}, {@link NumericFunctions},
 * {@link TemporalFunctions}, {@link JsonFunctions}): name, argument count (1582 outside it), MySQL result type and
 * implementation over evaluated arguments. Looked up before {@link BuiltinFunction}.
 */
public final class ScalarFunctions
{
    /** Derives the result type from the argument types (and the arguments as written, for literals). */
    interface Typer
    {
        SqlType type(List<SqlType> types, List<Expression> arguments);
    }

    /** Computes the result from the evaluated arguments (the expressions too, for boolean literals in JSON). */
    interface Implementation
    {
        Object apply(List<Object> values, List<Expression> arguments, EvaluationContext context);
    }

    record Definition(String name, int minimumArguments, int maximumArguments, Typer typer, Implementation implementation)
    {
        Definition
        {
            requireNonNull(name, "name is null");
            requireNonNull(typer, "typer is null");
            requireNonNull(implementation, "implementation is null");
        }
    }

    private static final Map<String, Definition> BY_NAME = new HashMap<>();

    /**
     * Functions MySQL's grammar spells out (SUBSTRING(s FROM p), TRIM(LEADING ...), DATE_ADD(d, INTERVAL ...), and the
     * keyword-named ones): a wrong argument count is a syntax error (1064) there, not 1582.
     */
    private static final java.util.Set<String> GRAMMAR_FUNCTIONS = java.util.Set.of(
            "substring", "substr", "left", "right", "trim", "date_add", "date_sub", "adddate", "subdate", "repeat", "replace",
            "reverse", "truncate", "if", "year", "month", "day", "hour", "minute", "second", "date",
            "position", "char", "insert", "week", "quarter", "format", "ascii", "collation", "charset");

    /** 1064 for a function of MySQL's grammar, else 1582. */
    public static QuiverException wrongArgumentCount(String name)
    {
        if (GRAMMAR_FUNCTIONS.contains(name.toLowerCase(Locale.ROOT))) {
            return new QuiverException(ErrorCode.ER_PARSE_ERROR, ")", 1);
        }
        return new QuiverException(ErrorCode.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT, name);
    }

    static {
        List<Definition> all = new ArrayList<>();
        all.addAll(StringFunctions.definitions());
        all.addAll(NumericFunctions.definitions());
        all.addAll(TemporalFunctions.definitions());
        all.addAll(JsonFunctions.definitions());
        for (Definition each : all) {
            BY_NAME.put(each.name(), each);
        }
    }

    private ScalarFunctions()
    {
    }

    public static boolean handles(String name)
    {
        return BY_NAME.containsKey(name.toLowerCase(Locale.ROOT));
    }

    static Optional<Definition> find(String name)
    {
        return Optional.ofNullable(BY_NAME.get(name.toLowerCase(Locale.ROOT)));
    }

    public static SqlType type(Expression.FunctionCall call, EvaluationContext context)
    {
        Definition definition = find(call.name()).orElseThrow();
        if (call.arguments().size() < definition.minimumArguments() || call.arguments().size() > definition.maximumArguments()) {
            throw wrongArgumentCount(call.name());
        }
        List<SqlType> types = new ArrayList<>();
        for (Expression each : call.arguments()) {
            types.add(ExpressionTypes.typeOf(each, context));
        }
        return definition.typer().type(types, call.arguments());
    }

    public static Object evaluate(Expression.FunctionCall call, EvaluationContext context)
    {
        Definition definition = find(call.name()).orElseThrow();
        List<Object> values = new ArrayList<>(call.arguments().size());
        for (Expression each : call.arguments()) {
            values.add(ExpressionEvaluator.evaluate(each, context));
        }
        return definition.implementation().apply(values, call.arguments(), context);
    }

    static boolean anyNullable(List<SqlType> types)
    {
        return types.stream().anyMatch(SqlType::nullable);
    }

    static boolean anyNull(List<Object> values)
    {
        for (Object each : values) {
            if (each == null) {
                return true;
            }
        }
        return false;
    }

    /** A function that is NULL when any argument is. */
    static Definition strict(String name, int minimum, int maximum, Typer typer, java.util.function.BiFunction<List<Object>, EvaluationContext, Object> body)
    {
        return new Definition(name, minimum, maximum, typer, (values, arguments, context) -> anyNull(values) ? null : body.apply(values, context));
    }
}
