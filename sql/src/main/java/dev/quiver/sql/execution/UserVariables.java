package dev.quiver.sql.execution;

import dev.quiver.sql.expression.Values;

/**
 * What a user variable holds: numbers and strings as they are, temporal and JSON values as their text (as MySQL
 * stores them: a user variable has no JSON type).
 */
final class UserVariables
{
    private UserVariables()
    {
    }

    static Object storable(Object value)
    {
        if (Values.isTemporal(value) || value instanceof dev.quiver.storage.json.JsonNode) {
            return Values.text(value);
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        return value;
    }
}
