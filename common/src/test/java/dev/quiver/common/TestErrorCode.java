package dev.quiver.common;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TestErrorCode
{
    @Test
    void testEveryCodeIsWellFormed()
    {
        Set<Integer> numbers = new HashSet<>();
        for (ErrorCode each : ErrorCode.values()) {
            assertThat(numbers.add(each.vendorCode())).as("unique number for %s", each).isTrue();
            assertThat(each.sqlState()).as("SQLSTATE of %s", each).hasSize(5);
            Object[] arguments = new Object[each.argumentCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = placeholderArgument(each.messageTemplate(), i);
            }
            assertThat(each.format(arguments)).as("format of %s", each).doesNotContain("%s").doesNotContain("%d");
        }
    }

    @Test
    void testExceptionCarriesNumbersAndMessage()
    {
        QuiverException exception = new QuiverException(ErrorCode.ER_BAD_DB_ERROR, "nope");
        assertThat(exception.vendorCode()).isEqualTo(1049);
        assertThat(exception.sqlState()).isEqualTo("42000");
        assertThat(exception.getMessage()).isEqualTo("Unknown database 'nope'");
    }

    @Test
    void testParseErrorTextMatchesMySql()
    {
        assertThat(ErrorCode.ER_PARSE_ERROR.format("FROM x", 1)).isEqualTo(
                "You have an error in your SQL syntax; check the manual that corresponds to your MySQL server "
                        + "version for the right syntax to use near 'FROM x' at line 1");
    }

    private static Object placeholderArgument(String template, int index)
    {
        int seen = 0;
        for (int i = 0; i < template.length() - 1; i++) {
            if (template.charAt(i) != '%') {
                continue;
            }
            if (seen == index) {
                return template.charAt(i + 1) == 'd' ? (Object) 7 : "x";
            }
            seen++;
        }
        throw new AssertionError("no placeholder " + index);
    }
}
