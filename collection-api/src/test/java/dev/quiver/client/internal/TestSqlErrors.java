package dev.quiver.client.internal;

import dev.quiver.client.AccessDeniedException;
import dev.quiver.client.ClientException;
import dev.quiver.client.ConnectionException;
import dev.quiver.client.DuplicateKeyException;
import dev.quiver.client.UnsupportedFeatureException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;

import static org.assertj.core.api.Assertions.assertThat;

class TestSqlErrors
{
    @Test
    void testTypedExceptionsKeepErrnoSqlStateAndCause()
    {
        assertTranslation(new SQLIntegrityConstraintViolationException("Duplicate entry 'a' for key 'PRIMARY'", "23000", 1062), DuplicateKeyException.class, 1062, "23000");
        assertTranslation(new SQLException("INSERT command denied to user 'r'@'%' for table 't'", "42000", 1142), AccessDeniedException.class, 1142, "42000");
        assertTranslation(new SQLException("SELECT command denied", "42000", 1143), AccessDeniedException.class, 1143, "42000");
        assertTranslation(new SQLException("Access denied for user 'r'@'h' to database 'd'", "42000", 1044), AccessDeniedException.class, 1044, "42000");
        assertTranslation(new SQLException("Access denied for user 'r'@'h' (using password: YES)", "28000", 1045), AccessDeniedException.class, 1045, "28000");
        assertTranslation(new SQLException("Access denied; you need the SUPER privilege", "42000", 1227), AccessDeniedException.class, 1227, "42000");
        assertTranslation(new SQLException("This version of MySQL doesn't yet support 'FORK TABLE'", "42000", 1235), UnsupportedFeatureException.class, 1235, "42000");
        assertTranslation(new SQLException("Communications link failure", "08S01", 0), ConnectionException.class, 0, "08S01");
        assertTranslation(new SQLException("You have an error in your SQL syntax", "42000", 1064), ClientException.class, 1064, "42000");
    }

    @Test
    void testMissingTableDetection()
    {
        assertThat(SqlErrors.isMissingTable(SqlErrors.translate("x", new SQLException("Table 'test.sdk_collections' doesn't exist", "42S02", 1146)))).isTrue();
        assertThat(SqlErrors.isMissingTable(SqlErrors.translate("x", new SQLException("relation doesn't exist", "HY000", 1)))).isTrue();
        assertThat(SqlErrors.isMissingTable(SqlErrors.translate("x", new SQLException("Unknown column", "42S22", 1054)))).isFalse();
    }

    private static void assertTranslation(SQLException exception, Class<? extends ClientException> type, int errorCode, String sqlState)
    {
        ClientException result = SqlErrors.translate("upsert into collection 'docs'", exception);
        assertThat(result).isExactlyInstanceOf(type)
                .hasMessage("Failed to upsert into collection 'docs': " + exception.getMessage())
                .hasCause(exception);
        assertThat(result.errorCode()).isEqualTo(errorCode);
        assertThat(result.sqlState()).contains(sqlState);
    }
}
