package dev.quiver.sql.variable;

import java.util.HashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * The server-wide values of the global system variables ({@code SET GLOBAL}); new sessions start from them.
 * Not persisted. Thread-safe.
 */
public final class GlobalVariables
{
    private final SystemVariables catalog;
    private final Map<String, Object> values = new HashMap<>();

    public GlobalVariables(SystemVariables catalog)
    {
        this.catalog = requireNonNull(catalog, "catalog is null");
        for (SystemVariable each : catalog.all()) {
            if (each.scope().hasGlobal()) {
                values.put(each.name(), each.defaultValue());
            }
        }
    }

    public SystemVariables catalog()
    {
        return catalog;
    }

    public synchronized Object get(SystemVariable variable)
    {
        return values.get(variable.name());
    }

    public synchronized void set(SystemVariable variable, Object value)
    {
        values.put(variable.name(), value);
    }

    /** A copy of the session-scoped variables' global values, to start a session with. */
    public synchronized Map<String, Object> sessionDefaults()
    {
        Map<String, Object> result = new HashMap<>();
        for (SystemVariable each : catalog.all()) {
            if (each.scope() == SystemVariable.Scope.BOTH) {
                result.put(each.name(), values.get(each.name()));
            }
            else if (each.scope() == SystemVariable.Scope.SESSION) {
                result.put(each.name(), each.defaultValue());
            }
        }
        return result;
    }
}
