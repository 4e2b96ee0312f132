package dev.quiver.sql.expression;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.session.Warning;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Expression.ColumnReference;
import dev.quiver.sql.tree.VariableScope;
import dev.quiver.sql.type.SqlType;

import java.time.LocalDateTime;

/**
 * What an expression can see while it is evaluated: bound parameters, variables, the session's functions and,
 * once tables exist, the current row. One per statement execution; never stored in a plan.
 */
public interface EvaluationContext
{
    /** The value bound to the {@code index}-th placeholder (0-based). */
    Object parameter(int index);

    /** A system variable's value; ER_UNKNOWN_SYSTEM_VARIABLE / ER_INCORRECT_GLOBAL_LOCAL_VAR as MySQL. */
    Object systemVariable(VariableScope scope, String name);

    /** The static type of a system variable. */
    SqlType systemVariableType(VariableScope scope, String name);

    /** A user variable, or null when never set. */
    Object userVariable(String name);

    void setUserVariable(String name, Object value);

    /** The value of a column of the current row; without a row source, ER_BAD_FIELD_ERROR. */
    Object column(ColumnReference reference);

    /** The type of a column; without a row source, ER_BAD_FIELD_ERROR. */
    SqlType columnType(ColumnReference reference);

    SessionFunctions functions();

    /** The value of an aggregate for the current group; outside a grouped query's select list, HAVING and ORDER BY, 1111. */
    default Object aggregate(Expression.Aggregate aggregate)
    {
        throw new QuiverException(ErrorCode.ER_INVALID_GROUP_FUNC_USE);
    }

    /** Runs a subquery (correlated ones see the current row): its scalar value, or 1/0/NULL for EXISTS and IN. */
    default Object subquery(Expression.Subquery subquery)
    {
        throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "subqueries here");
    }

    /** The static type of a scalar subquery's single column. */
    default SqlType subqueryType(Expression.Subquery subquery)
    {
        throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "subqueries here");
    }

    void addWarning(Warning warning);

    /** The session state the built-in functions read. */
    interface SessionFunctions
    {
        /** The current database or null. */
        String database();

        /** {@code user@client-host}. */
        String user();

        /** {@code user@account-host}. */
        String currentUser();

        String version();

        long connectionId();

        long lastInsertId();

        void setLastInsertId(long value);

        long rowCount();

        long foundRows();

        /** The statement's start time in the session time zone (NOW() is constant within a statement). */
        LocalDateTime statementTime();

        /** The current time in the session time zone (SYSDATE()). */
        LocalDateTime currentTime();

        /** Seconds since the epoch at the statement's start. */
        long unixTimestamp();

        /** Seconds since the epoch of a local date and time in the session time zone. */
        long epochSecond(LocalDateTime dateTime);
    }
}
