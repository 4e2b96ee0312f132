package dev.quiver.client.internal;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSqlStatement
{
    @Test
    void testPlaceholdersMustMatchParameters()
    {
        assertThat(SqlStatement.of("SELECT ? FROM `a?b` WHERE x = '?' AND y = \"?\" AND z = 'it\\'s ?'", 1L).parameters()).containsExactly(1L);
        assertThat(SqlStatement.of("UPDATE t SET a = ?", (Object) null).parameters()).isEqualTo(Arrays.asList((Object) null));
        assertThatThrownBy(() -> SqlStatement.of("SELECT ?, ?", 1L)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("2 placeholders but 1 parameters");
        assertThatThrownBy(() -> SqlStatement.of("SELECT 1", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testRendererEscapesLikeTheSdkDriver()
    {
        assertThat(MySqlTextRenderer.render(SqlStatement.of("SELECT ?, ?, ?, ?, ?", "a'b\"c\\d\n\r\t\0\u001a%_", 95L, 1e-7, true, null)))
                .isEqualTo("SELECT 'a\\'b\\\"c\\\\d\\n\\r\\t\\0\\Z%_', 95, 1e-7, true, NULL");
    }
}
