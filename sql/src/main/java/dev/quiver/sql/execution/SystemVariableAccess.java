package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.Session;
import dev.quiver.sql.tree.VariableScope;
import dev.quiver.sql.type.SqlType;
import dev.quiver.sql.variable.GlobalVariables;
import dev.quiver.sql.variable.SystemVariable;
import dev.quiver.sql.variable.SystemVariables;

import java.math.BigInteger;

import static java.util.Objects.requireNonNull;

/**
 * Reads and writes system variables with MySQL's scope rules: {@code @@x} reads the session value when there is
 * one, else the global; {@code @@session.x} of a global-only variable and {@code @@global.x} of a session-only one
 * are ER_INCORRECT_GLOBAL_LOCAL_VAR; {@code SET x} of a global-only variable is ER_GLOBAL_VARIABLE, {@code SET
 * GLOBAL x} of a session-only one ER_LOCAL_VARIABLE, of a read-only one ER_INCORRECT_GLOBAL_LOCAL_VAR.
 */
public final class SystemVariableAccess
{
    private final GlobalVariables globals;

    public SystemVariableAccess(GlobalVariables globals)
    {
        this.globals = requireNonNull(globals, "globals is null");
    }

    public SystemVariables catalog()
    {
        return globals.catalog();
    }

    public GlobalVariables globals()
    {
        return globals;
    }

    public Object read(Session session, VariableScope scope, String name)
    {
        SystemVariable variable = catalog().get(name);
        Object stored = stored(session, variable, scope);
        return switch (variable.name()) {
            case "warning_count" -> (long) session.warningCount();
            case "error_count" -> (long) session.errorCount();
            case "last_insert_id", "identity" -> session.lastInsertId();
            case "pseudo_thread_id" -> session.connectionId();
            default -> stored;
        };
    }

    private Object stored(Session session, SystemVariable variable, VariableScope scope)
    {
        return switch (scope) {
            case GLOBAL -> {
                if (!variable.scope().hasGlobal()) {
                    throw new QuiverException(ErrorCode.ER_INCORRECT_GLOBAL_LOCAL_VAR, variable.name(), "SESSION");
                }
                yield globals.get(variable);
            }
            case SESSION -> {
                if (!variable.scope().hasSession()) {
                    throw new QuiverException(ErrorCode.ER_INCORRECT_GLOBAL_LOCAL_VAR, variable.name(), "GLOBAL");
                }
                yield session.systemVariable(variable.name());
            }
            case DEFAULT -> variable.scope().hasSession() ? session.systemVariable(variable.name()) : globals.get(variable);
        };
    }

    public SqlType type(Session session, VariableScope scope, String name)
    {
        SystemVariable variable = catalog().get(name);
        Object value = read(session, scope, name);
        if (variable.kind() == SystemVariable.Kind.BOOLEAN) {
            return SqlType.bigint(1, true);
        }
        if (variable.kind() == SystemVariable.Kind.INTEGER) {
            return SqlType.unsignedBigint(21, true);
        }
        long length = value == null ? 0 : Math.max(1, value.toString().length());
        return SqlType.varchar(length, true);
    }

    /** Validates and applies {@code SET [scope] name = value}; answers the stored value. */
    public Object write(Session session, VariableScope scope, String name, Object value)
    {
        SystemVariable variable = catalog().get(name);
        checkWritable(variable, scope);
        Object coerced = SystemVariables.coerce(variable, value);
        store(session, variable, scope, coerced);
        return coerced;
    }

    /** {@code SET [scope] name = DEFAULT}: the session takes the global value, the global the compiled default. */
    public Object writeDefault(Session session, VariableScope scope, String name)
    {
        SystemVariable variable = catalog().get(name);
        checkWritable(variable, scope);
        Object value = scope == VariableScope.GLOBAL || variable.scope() != SystemVariable.Scope.BOTH ? variable.defaultValue() : globals.get(variable);
        store(session, variable, scope, value);
        return value;
    }

    private void store(Session session, SystemVariable variable, VariableScope scope, Object value)
    {
        if (scope == VariableScope.GLOBAL) {
            globals.set(variable, value);
            alias(variable.name()).ifPresent(alias -> globals.set(catalog().get(alias), value));
            return;
        }
        if (variable.name().equals("last_insert_id") || variable.name().equals("identity")) {
            session.setLastInsertId(value instanceof Long number ? number : 0);
        }
        session.setSystemVariable(variable.name(), value);
        alias(variable.name()).ifPresent(alias -> session.setSystemVariable(alias, value));
    }

    /** transaction_isolation and tx_isolation (and the read-only pair) are one setting under two names. */
    private static java.util.Optional<String> alias(String name)
    {
        return switch (name) {
            case "transaction_isolation" -> java.util.Optional.of("tx_isolation");
            case "tx_isolation" -> java.util.Optional.of("transaction_isolation");
            case "transaction_read_only" -> java.util.Optional.of("tx_read_only");
            case "tx_read_only" -> java.util.Optional.of("transaction_read_only");
            default -> java.util.Optional.empty();
        };
    }

    private static void checkWritable(SystemVariable variable, VariableScope scope)
    {
        if (variable.readOnly()) {
            throw new QuiverException(ErrorCode.ER_INCORRECT_GLOBAL_LOCAL_VAR, variable.name(), "read only");
        }
        if (scope == VariableScope.GLOBAL && !variable.scope().hasGlobal()) {
            throw new QuiverException(ErrorCode.ER_LOCAL_VARIABLE, variable.name());
        }
        if (scope != VariableScope.GLOBAL && !variable.scope().hasSession()) {
            throw new QuiverException(ErrorCode.ER_GLOBAL_VARIABLE, variable.name());
        }
    }
}
