package dev.quiver.sql.execution;

import dev.quiver.sql.expression.Values;

/** What a user variable holds: numbers and strings as they are, temporal values as their text (as MySQL stores them). */
final class UserVariables
{
    private UserVariables()
    {
    }

    static Object storable(Object value)
    {
        if (Values.isTemporal(value)) {
            return Values.text(value);
        }
        if (value instanceof Float number) {
            return number.doubleValue();
        }
        return value;
    }
}
