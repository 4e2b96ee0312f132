package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.Session;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.ExpressionTypes;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.SetAssignment;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.VariableScope;
import dev.quiver.sql.variable.CharacterSets;
import dev.quiver.sql.variable.CharacterSets.CharacterSet;
import dev.quiver.sql.variable.CharacterSets.Collation;
import dev.quiver.sql.variable.SystemVariable;
import dev.quiver.sql.variable.SystemVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * SET in all the forms clients send. Every value is evaluated and validated before any is applied, so a failing
 * SET changes nothing (as in MySQL).
 */
final class SetExecutor
{
    private final SystemVariableAccess variables;

    SetExecutor(SystemVariableAccess variables)
    {
        this.variables = requireNonNull(variables, "variables is null");
    }

    /** One validated change, applied in the second phase. */
    private interface Change
    {
        void apply();
    }

    void set(Statement.SetVariables statement, ExecutionContext context)
    {
        Session session = context.session();
        List<Change> changes = new ArrayList<>();
        for (SetAssignment each : statement.assignments()) {
            switch (each) {
                case SetAssignment.UserVariable user -> {
                    ExpressionTypes.typeOf(user.value(), context);
                    Object value = UserVariables.storable(ExpressionEvaluator.evaluate(user.value(), context));
                    changes.add(() -> session.setUserVariable(user.name(), value));
                }
                case SetAssignment.SystemVariable system -> changes.add(systemVariable(system, context));
                case SetAssignment.Names names -> changes.add(names(names, session));
                case SetAssignment.CharacterSet characterSet -> changes.add(characterSet(characterSet, session));
            }
        }
        changes.forEach(Change::apply);
    }

    private Change systemVariable(SetAssignment.SystemVariable assignment, ExecutionContext context)
    {
        Session session = context.session();
        SystemVariable variable = variables.catalog().get(assignment.name());
        if (assignment.value().isEmpty()) {
            return () -> {
                variables.writeDefault(session, assignment.scope(), variable.name());
                afterWrite(session, variable, assignment.scope());
            };
        }
        Expression expression = assignment.value().get();
        ExpressionTypes.typeOf(expression, context);
        Object value = ExpressionEvaluator.evaluate(expression, context);
        if (value instanceof byte[] bytes) {
            value = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        // validate now; the second phase writes the already valid value and cannot fail
        checkScope(variable, assignment.scope());
        Object coerced = SystemVariables.coerce(variable, value);
        return () -> {
            variables.write(session, assignment.scope(), variable.name(), coerced);
            afterWrite(session, variable, assignment.scope());
        };
    }

    private static void checkScope(SystemVariable variable, VariableScope scope)
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

    /** Side effects MySQL attaches to some variables: autocommit=1 commits; a character set moves its collation. */
    private void afterWrite(Session session, SystemVariable variable, VariableScope scope)
    {
        VariableScope target = scope == VariableScope.GLOBAL ? VariableScope.GLOBAL : VariableScope.SESSION;
        switch (variable.name()) {
            case "autocommit" -> {
                if (target == VariableScope.SESSION && session.autocommit()) {
                    session.endTransaction();
                }
            }
            case "character_set_connection", "character_set_database", "character_set_server" -> {
                String suffix = variable.name().substring("character_set_".length());
                Object characterSet = variables.read(session, target, variable.name());
                CharacterSets.findCharacterSet((String) characterSet)
                        .ifPresent(each -> variables.write(session, target, "collation_" + suffix, each.defaultCollation()));
            }
            case "collation_connection", "collation_database", "collation_server" -> {
                String suffix = variable.name().substring("collation_".length());
                Object collation = variables.read(session, target, variable.name());
                CharacterSets.findCollation((String) collation)
                        .ifPresent(each -> variables.write(session, target, "character_set_" + suffix, each.characterSet()));
            }
            default -> {
            }
        }
    }

    private Change names(SetAssignment.Names names, Session session)
    {
        CharacterSet characterSet = names.characterSet()
                .map(SetExecutor::characterSet)
                .orElseGet(() -> characterSet((String) variables.read(session, VariableScope.DEFAULT, "character_set_server")));
        String collation = names.collation()
                .map(name -> collationOf(characterSet, name))
                .orElse(characterSet.defaultCollation());
        return () -> {
            session.setSystemVariable("character_set_client", characterSet.name());
            session.setSystemVariable("character_set_connection", characterSet.name());
            session.setSystemVariable("character_set_results", characterSet.name());
            session.setSystemVariable("collation_connection", collation);
        };
    }

    private Change characterSet(SetAssignment.CharacterSet assignment, Session session)
    {
        CharacterSet characterSet = assignment.characterSet()
                .map(SetExecutor::characterSet)
                .orElseGet(() -> characterSet((String) variables.read(session, VariableScope.DEFAULT, "character_set_server")));
        return () -> {
            session.setSystemVariable("character_set_client", characterSet.name());
            session.setSystemVariable("character_set_results", characterSet.name());
            session.setSystemVariable("character_set_connection", session.systemVariable("character_set_database"));
            session.setSystemVariable("collation_connection", session.systemVariable("collation_database"));
        };
    }

    static CharacterSet characterSet(String name)
    {
        return CharacterSets.findCharacterSet(name).orElseThrow(() -> new QuiverException(ErrorCode.ER_UNKNOWN_CHARACTER_SET, name));
    }

    static String collationOf(CharacterSet characterSet, String name)
    {
        Collation collation = CharacterSets.findCollation(name).orElseThrow(() -> new QuiverException(ErrorCode.ER_UNKNOWN_COLLATION, name));
        if (!collation.characterSet().equals(characterSet.name())) {
            throw new QuiverException(ErrorCode.ER_COLLATION_CHARSET_MISMATCH, collation.name(), characterSet.name());
        }
        return collation.name();
    }

    void setTransaction(Statement.SetTransaction statement, Session session)
    {
        Optional<VariableScope> scope = statement.scope();
        if (scope.isEmpty()) {
            // characteristics of the next transaction only: nothing to keep until transactions land
            return;
        }
        statement.isolationLevel().ifPresent(level -> variables.write(session, scope.get(), "transaction_isolation", level));
        statement.readOnly().ifPresent(readOnly -> variables.write(session, scope.get(), "transaction_read_only", readOnly ? 1L : 0L));
    }
}
