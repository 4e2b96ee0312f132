package dev.quiver.sql.expression;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.tree.Expression;

/**
 * {@code DBMS_HYBRID_SEARCH.GET_SQL(table, params)}: the SELECT that runs the hybrid search. It names the table and
 * reads the search parameters from the same user variable the caller passed (the seekdb SDK passes
 * {@code @search_parm}), so no user text is embedded and the SDK's keyword checks pass:
 * <pre>
 * SELECT _id, document, metadata, embedding, DBMS_HYBRID_SEARCH.SCORE(@search_parm) AS _score FROM `t` ORDER BY _score DESC
 * </pre>
 * The executor answers that ORDER BY with one {@code Table.hybridSearch}, at most {@code size} rows.
 */
final class HybridSql
{
    private HybridSql()
    {
    }

    static Object getSql(Expression.FunctionCall call, EvaluationContext context)
    {
        Object table = ExpressionEvaluator.evaluate(call.arguments().get(0), context);
        Expression parameters = call.arguments().get(1);
        if (table == null) {
            return null;
        }
        String tableName = Values.text(table);
        if (tableName.isEmpty()) {
            throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "DBMS_HYBRID_SEARCH.GET_SQL");
        }
        String source;
        if (parameters instanceof Expression.UserVariableReference variable) {
            if (context.userVariable(variable.name()) == null) {
                return null;
            }
            source = variable.name().matches("[A-Za-z0-9_$]+") ? "@" + variable.name() : "@`" + variable.name().replace("`", "``") + "`";
        }
        else {
            Object value = ExpressionEvaluator.evaluate(parameters, context);
            if (value == null) {
                return null;
            }
            source = quote(Values.text(value));
        }
        return "SELECT _id, document, metadata, embedding, DBMS_HYBRID_SEARCH.SCORE(" + source + ") AS _score FROM "
                + quoteIdentifier(tableName) + " ORDER BY _score DESC";
    }

    private static String quoteIdentifier(String name)
    {
        return "`" + name.replace("`", "``") + "`";
    }

    private static String quote(String text)
    {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
