package dev.quiver.sql.execution;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Keys under which values that SQL compares as equal are equal in Java (GROUP BY, DISTINCT, hash joins): numbers by
 * their exact decimal value (1 = 1.0), strings as the default case-insensitive collation compares them (trailing
 * spaces ignored), bytes by their hex text; NULLs group together.
 */
final class GroupKeys
{
    private static final Object NULL = new Object()
    {
        @Override
        public String toString()
        {
            return "NULL";
        }
    };

    private GroupKeys()
    {
    }

    static List<Object> of(Object[] values)
    {
        List<Object> key = new ArrayList<>(values.length);
        for (Object each : values) {
            key.add(normalize(each));
        }
        return key;
    }

    static Object normalize(Object value)
    {
        return switch (value) {
            case null -> NULL;
            case Long number -> BigDecimal.valueOf(number);
            case Integer number -> BigDecimal.valueOf(number);
            case BigInteger number -> new BigDecimal(number);
            case BigDecimal number -> number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
            case Double number -> number == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(number).stripTrailingZeros();
            case Float number -> number == 0 ? BigDecimal.ZERO : new BigDecimal(number.toString()).stripTrailingZeros();
            case String text -> "s:" + stripTrailingSpaces(text).toLowerCase(Locale.ROOT);
            case byte[] bytes -> "b:" + HexFormat.of().formatHex(bytes);
            default -> value;
        };
    }

    private static String stripTrailingSpaces(String text)
    {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        return text.substring(0, end);
    }
}
