package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.Session;
import dev.quiver.sql.expression.EvaluationContext;
import dev.quiver.sql.session.Warning;
import dev.quiver.sql.tree.Expression.ColumnReference;
import dev.quiver.sql.tree.VariableScope;
import dev.quiver.sql.type.SqlType;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Per-statement state for evaluation: the session, bound parameters, the statement's start time and an optional
 * row (the named columns SHOW ... WHERE filters on; table rows in the next slice).
 */
public final class ExecutionContext
        implements EvaluationContext, EvaluationContext.SessionFunctions
{
    private final Session session;
    private final SystemVariableAccess variables;
    private final String serverVersion;
    private final List<Object> parameters;
    private final Instant statementStart;
    private final Map<String, Object> row;
    private final RowScope scope;
    /** LAST_INSERT_ID(expr) calls of this statement, shared by every scoped copy of the context. */
    private final long[] explicitInsertId;

    /** The columns a table statement's expressions see: the current row (and, for ON DUPLICATE KEY UPDATE, the proposed one). */
    public interface RowScope
    {
        Object value(ColumnReference reference);

        SqlType type(ColumnReference reference);

        default Object aggregate(dev.quiver.sql.tree.Expression.Aggregate aggregate)
        {
            throw new QuiverException(ErrorCode.ER_INVALID_GROUP_FUNC_USE);
        }

        default Object subquery(dev.quiver.sql.tree.Expression.Subquery subquery, ExecutionContext context)
        {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "subqueries here");
        }

        default SqlType subqueryType(dev.quiver.sql.tree.Expression.Subquery subquery, ExecutionContext context)
        {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "subqueries here");
        }
    }

    @Override
    public Object aggregate(dev.quiver.sql.tree.Expression.Aggregate aggregate)
    {
        if (scope == null) {
            throw new QuiverException(ErrorCode.ER_INVALID_GROUP_FUNC_USE);
        }
        return scope.aggregate(aggregate);
    }

    @Override
    public Object subquery(dev.quiver.sql.tree.Expression.Subquery subquery)
    {
        if (scope == null) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "subqueries without a table");
        }
        return scope.subquery(subquery, this);
    }

    @Override
    public SqlType subqueryType(dev.quiver.sql.tree.Expression.Subquery subquery)
    {
        if (scope == null) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "subqueries without a table");
        }
        return scope.subqueryType(subquery, this);
    }

    public ExecutionContext(Session session, SystemVariableAccess variables, String serverVersion, List<Object> parameters, Instant statementStart)
    {
        this(session, variables, serverVersion, parameters, statementStart, Map.of(), null, new long[] {0, 0});
    }

    private ExecutionContext(Session session, SystemVariableAccess variables, String serverVersion, List<Object> parameters, Instant statementStart, Map<String, Object> row, RowScope scope, long[] explicitInsertId)
    {
        this.scope = scope;
        this.explicitInsertId = explicitInsertId;
        this.session = requireNonNull(session, "session is null");
        this.variables = requireNonNull(variables, "variables is null");
        this.serverVersion = requireNonNull(serverVersion, "serverVersion is null");
        this.parameters = requireNonNull(parameters, "parameters is null");
        this.statementStart = requireNonNull(statementStart, "statementStart is null");
        this.row = requireNonNull(row, "row is null");
    }

    /** A context whose columns are the given row's, looked up case-insensitively by name. */
    public ExecutionContext withRow(Map<String, Object> namedRow)
    {
        java.util.TreeMap<String, Object> lookup = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        lookup.putAll(namedRow);
        return new ExecutionContext(session, variables, serverVersion, parameters, statementStart, lookup, null, explicitInsertId);
    }

    /** A context whose columns resolve through {@code scope}. */
    public ExecutionContext withScope(RowScope scope)
    {
        return new ExecutionContext(session, variables, serverVersion, parameters, statementStart, Map.of(), requireNonNull(scope, "scope is null"), explicitInsertId);
    }

    public Session session()
    {
        return session;
    }

    @Override
    public Object parameter(int index)
    {
        if (index < 0 || index >= parameters.size()) {
            throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "mysqld_stmt_execute");
        }
        return parameters.get(index);
    }

    @Override
    public Object systemVariable(VariableScope scope, String name)
    {
        return variables.read(session, scope, name);
    }

    @Override
    public SqlType systemVariableType(VariableScope scope, String name)
    {
        return variables.type(session, scope, name);
    }

    @Override
    public Object userVariable(String name)
    {
        return session.userVariable(name).orElse(null);
    }

    @Override
    public void setUserVariable(String name, Object value)
    {
        session.setUserVariable(name, UserVariables.storable(value));
    }

    @Override
    public Object column(ColumnReference reference)
    {
        if (scope != null) {
            return scope.value(reference);
        }
        return row.get(resolve(reference));
    }

    @Override
    public SqlType columnType(ColumnReference reference)
    {
        if (scope != null) {
            return scope.type(reference);
        }
        resolve(reference);
        return SqlType.varchar(1024, true);
    }

    private String resolve(ColumnReference reference)
    {
        if (reference.parts().size() != 1 || !row.containsKey(reference.name())) {
            throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, String.join(".", reference.parts()), row.isEmpty() ? "field list" : "where clause");
        }
        return reference.name();
    }

    @Override
    public SessionFunctions functions()
    {
        return this;
    }

    @Override
    public void addWarning(Warning warning)
    {
        session.addWarning(warning);
    }

    @Override
    public String database()
    {
        return session.database();
    }

    @Override
    public String user()
    {
        return session.identity().user() + "@" + session.identity().clientHost();
    }

    @Override
    public String currentUser()
    {
        return session.identity().accountUser() + "@" + session.identity().accountHost();
    }

    @Override
    public String version()
    {
        return serverVersion;
    }

    @Override
    public long connectionId()
    {
        return session.connectionId();
    }

    @Override
    public long lastInsertId()
    {
        return session.lastInsertId();
    }

    @Override
    public void setLastInsertId(long value)
    {
        session.setLastInsertId(value);
        explicitInsertId[0] = 1;
        explicitInsertId[1] = value;
    }

    /** The value of the last LAST_INSERT_ID(expr) this statement evaluated, if any (the OK packet reports it). */
    public java.util.OptionalLong explicitLastInsertId()
    {
        return explicitInsertId[0] == 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(explicitInsertId[1]);
    }

    @Override
    public long rowCount()
    {
        return session.rowCount();
    }

    @Override
    public long foundRows()
    {
        return session.foundRows();
    }

    @Override
    public LocalDateTime statementTime()
    {
        return LocalDateTime.ofInstant(statementStart, timeZone());
    }

    @Override
    public LocalDateTime currentTime()
    {
        return LocalDateTime.ofInstant(Instant.now(), timeZone());
    }

    @Override
    public long unixTimestamp()
    {
        return statementStart.getEpochSecond();
    }

    @Override
    public long epochSecond(LocalDateTime dateTime)
    {
        return dateTime.atZone(timeZone()).toEpochSecond();
    }

    private ZoneId timeZone()
    {
        Object zone = session.systemVariable("time_zone");
        if (zone instanceof String text && !text.equals("SYSTEM")) {
            return ZoneOffset.of(text.length() == 5 ? text.charAt(0) + "0" + text.substring(1) : text);
        }
        return ZoneId.systemDefault();
    }
}
