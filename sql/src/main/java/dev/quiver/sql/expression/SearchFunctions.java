package dev.quiver.sql.expression;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.type.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The search-related calls of the expression tree: the vector distance functions ({@link VectorFunctions}), the
 * {@code APPROXIMATE} marker the parser wraps around an approximate ORDER BY item, {@code MATCH ... AGAINST}, and
 * seekdb's {@code DBMS_HYBRID_SEARCH} package. MATCH, {@code DBMS_HYBRID_SEARCH.SEARCH} and the hybrid score are
 * answered by one index search per statement that the executor runs before evaluation; the evaluator reads their
 * per-row results through the column scope, under {@link #resultReference}.
 */
public final class SearchFunctions
{
    /** {@code FunctionCall(APPROXIMATE, [limit])}: the ORDER BY item was followed by APPROXIMATE or APPROX; it wraps the LIMIT. */
    public static final String APPROXIMATE = "\0APPROXIMATE";
    /** {@code FunctionCall(MATCH, [column..., query, mode])}; mode is {@link #NATURAL_LANGUAGE_MODE} or {@link #BOOLEAN_MODE}. */
    public static final String MATCH = "\0MATCH";
    public static final String NATURAL_LANGUAGE_MODE = "NATURAL_LANGUAGE";
    public static final String BOOLEAN_MODE = "BOOLEAN";
    public static final String HYBRID_GET_SQL = "dbms_hybrid_search.get_sql";
    public static final String HYBRID_SEARCH = "dbms_hybrid_search.search";
    /** The fused score of a hybrid search: the ORDER BY of the SQL that GET_SQL returns. */
    public static final String HYBRID_SCORE = "dbms_hybrid_search.score";
    /** The first part of the column reference a precomputed search result is read through. */
    public static final String RESULT_QUALIFIER = "\0SEARCH";

    private SearchFunctions()
    {
    }

    public static boolean handles(String name)
    {
        return name.equals(APPROXIMATE) || name.equals(MATCH) || isHybrid(name) || VectorFunctions.find(name).isPresent();
    }

    private static boolean isHybrid(String name)
    {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals(HYBRID_GET_SQL) || lower.equals(HYBRID_SEARCH) || lower.equals(HYBRID_SCORE);
    }

    public static boolean isMatch(Expression expression)
    {
        return expression instanceof Expression.FunctionCall call && call.name().equals(MATCH);
    }

    public static boolean isCall(Expression expression, String name)
    {
        return expression instanceof Expression.FunctionCall call && call.name().equalsIgnoreCase(name);
    }

    /** The expression inside an APPROXIMATE marker, and whether there was one. */
    public static Optional<Expression> approximateItem(Expression expression)
    {
        return expression instanceof Expression.FunctionCall call && call.name().equals(APPROXIMATE)
                ? Optional.of(call.arguments().get(0))
                : Optional.empty();
    }

    /** The reference under which the executor publishes a MATCH's, SEARCH's or score's value for the current row. */
    public static Expression.ColumnReference resultReference(Expression.FunctionCall call)
    {
        return new Expression.ColumnReference(List.of(RESULT_QUALIFIER, call.toString()));
    }

    /** The MATCH columns, query and mode of a MATCH call. */
    public record Match(List<Expression.ColumnReference> columns, Expression query, boolean booleanMode) {}

    public static Match match(Expression.FunctionCall call)
    {
        List<Expression> arguments = call.arguments();
        List<Expression.ColumnReference> columns = new ArrayList<>();
        for (Expression each : arguments.subList(0, arguments.size() - 2)) {
            columns.add((Expression.ColumnReference) each);
        }
        String mode = ((Expression.StringLiteral) arguments.get(arguments.size() - 1)).value();
        return new Match(columns, arguments.get(arguments.size() - 2), mode.equals(BOOLEAN_MODE));
    }

    static SqlType type(Expression.FunctionCall call, EvaluationContext context)
    {
        String name = call.name();
        if (name.equals(APPROXIMATE)) {
            return ExpressionTypes.typeOf(call.arguments().get(0), context);
        }
        if (name.equals(MATCH)) {
            for (Expression each : call.arguments()) {
                ExpressionTypes.typeOf(each, context);
            }
            return SqlType.doubleType(false);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (isHybrid(lower)) {
            if (call.arguments().size() != (lower.equals(HYBRID_SCORE) ? 1 : 2)) {
                throw new QuiverException(ErrorCode.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT, name);
            }
            for (Expression each : call.arguments()) {
                ExpressionTypes.typeOf(each, context);
            }
            return lower.equals(HYBRID_SCORE) ? SqlType.doubleType(false) : SqlType.varchar(16_383, true);
        }
        VectorFunctions function = VectorFunctions.find(name).orElseThrow();
        function.checkArity(name, call.arguments().size());
        List<SqlType> arguments = new ArrayList<>();
        for (Expression each : call.arguments()) {
            arguments.add(ExpressionTypes.typeOf(each, context));
        }
        return function.returnType(arguments);
    }

    static Object evaluate(Expression.FunctionCall call, EvaluationContext context)
    {
        String name = call.name();
        if (name.equals(APPROXIMATE)) {
            return ExpressionEvaluator.evaluate(call.arguments().get(0), context);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (name.equals(MATCH) || lower.equals(HYBRID_SEARCH) || lower.equals(HYBRID_SCORE)) {
            try {
                return context.column(resultReference(call));
            }
            catch (QuiverException ex) {
                if (ex.errorCode() != ErrorCode.ER_BAD_FIELD_ERROR) {
                    throw ex;
                }
                String what = name.equals(MATCH) ? "MATCH ... AGAINST" : name.toUpperCase(Locale.ROOT);
                throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, what + " here (it reads a table of a SELECT, or the WHERE of UPDATE or DELETE)");
            }
        }
        if (lower.equals(HYBRID_GET_SQL)) {
            return HybridSql.getSql(call, context);
        }
        VectorFunctions function = VectorFunctions.find(name).orElseThrow();
        List<Object> values = new ArrayList<>(call.arguments().size());
        for (Expression each : call.arguments()) {
            values.add(ExpressionEvaluator.evaluate(each, context));
        }
        return function.invoke(values);
    }
}
