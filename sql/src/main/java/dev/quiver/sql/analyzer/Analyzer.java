package dev.quiver.sql.analyzer;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.Session;
import dev.quiver.sql.expression.EvaluationContext;
import dev.quiver.sql.expression.ExpressionTypes;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.SetAssignment;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.VariableScope;
import dev.quiver.sql.type.SqlType;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Checks every statement against {@link AccessControl} before it runs and resolves what it needs: names,
 * functions, variables and the static types of a query's columns. The seam the table-aware analyzer extends.
 */
public final class Analyzer
{
    private final AccessControl accessControl;
    private final dev.quiver.sql.security.TablePrecheck precheck;

    public Analyzer(AccessControl accessControl)
    {
        this(accessControl, (database, table) -> java.util.Optional.empty());
    }

    /** @param columns the columns of a table, for the all-columns checks of {@code SELECT *} (empty when it does not exist) */
    public Analyzer(AccessControl accessControl, dev.quiver.sql.security.TablePrecheck.TableColumns columns)
    {
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.precheck = new dev.quiver.sql.security.TablePrecheck(accessControl, columns);
    }

    /** Privilege checks and early validation; a statement this slice cannot run answers ER_NOT_SUPPORTED_YET. */
    public void analyze(Statement statement, Session session)
    {
        precheck.check(statement, session);
        switch (statement) {
            case Statement.Use use -> accessControl.checkCanAccessDatabase(session.identity(), use.database());
            case Statement.CreateDatabase create -> accessControl.checkCanCreateDatabase(session.identity(), create.name());
            case Statement.DropDatabase drop -> accessControl.checkCanDropDatabase(session.identity(), drop.name());
            case Statement.SetVariables set -> {
                for (SetAssignment each : set.assignments()) {
                    if (each instanceof SetAssignment.SystemVariable variable && variable.scope() == VariableScope.GLOBAL) {
                        accessControl.checkCanSetGlobalVariable(session.identity(), variable.name());
                    }
                }
            }
            case Statement.SetTransaction set when set.scope().equals(java.util.Optional.of(VariableScope.GLOBAL)) ->
                    accessControl.checkCanSetGlobalVariable(session.identity(), "transaction_isolation");
            case Statement.Unsupported unsupported -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, unsupported.kind());
            default -> {
            }
        }
    }

    /** Resolves a query's functions, variables and column types (ER_BAD_FIELD_ERROR, 1305, 1193 surface here). */
    public QueryAnalysis analyzeQuery(Statement.Query query, EvaluationContext context)
    {
        List<SqlType> types = new ArrayList<>();
        List<ResultColumn> columns = new ArrayList<>();
        for (Statement.SelectItem each : query.items()) {
            SqlType type = ExpressionTypes.typeOf(each.expression(), context);
            types.add(type);
            columns.add(type.toColumn(each.name()));
        }
        query.where().ifPresent(where -> ExpressionTypes.typeOf(where, context));
        query.limit().ifPresent(limit -> checkLimit(limit, context));
        query.offset().ifPresent(offset -> checkLimit(offset, context));
        return new QueryAnalysis(query, types, columns);
    }

    /** LIMIT takes integer literals (checked by the parser) or placeholders, bound to integers. */
    private static void checkLimit(Expression expression, EvaluationContext context)
    {
        ExpressionTypes.typeOf(expression, context);
    }
}
