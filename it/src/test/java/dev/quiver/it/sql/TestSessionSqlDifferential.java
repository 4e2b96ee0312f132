package dev.quiver.it.sql;

import dev.quiver.it.testing.StatementOutcome;
import dev.quiver.it.testing.TestingMariaDb;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Session SQL run on Quiver and on a real MariaDB side by side: the same statements must give the same
 * rows, update counts and error numbers. Statements where MySQL 8 and MariaDB differ are left out here
 * and covered by the script tests with MySQL 8's answer (e.g. {@code CREATE DATABASE IF NOT EXISTS} on an
 * existing database: MySQL 8 reports 1 affected row and a warning, MariaDB 0).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestSessionSqlDifferential
{
    private static final List<String> STATEMENTS = List.of(
            "SELECT 1",
            "SELECT 1 + 1",
            "SELECT 1 + 1 AS two, 'x' AS letter",
            "SELECT -5, -(-5), 2 - -3",
            "SELECT 'it''s', 'back\\\\slash', 'new\\nline'",
            "SELECT NULL",
            "SELECT NULL IS NULL, 1 IS NOT NULL",
            "SELECT 7 / 2, 1 / 3, 10 / 4",
            "SELECT 1 / 0, 5 DIV 0, 5 % 0",
            "SELECT 7 DIV 2, 7 % 3, -7 % 3, MOD(7, 3)",
            "SELECT 0.1 + 0.2, 2.5 * 2, 1.50 * 1.5",
            "SELECT 9223372036854775807, -9223372036854775808",
            "SELECT 18446744073709551615",
            "SELECT 1 = 1, 1 = 2, 1 <> 2, 1 != 1, 2 > 1, 2 >= 2, 1 < 1, 1 <= 0",
            "SELECT 1 <=> NULL, NULL <=> NULL, NULL = NULL",
            "SELECT 'A' = 'a', 'a ' = 'a', 'b' > 'A'",
            "SELECT 'abc' LIKE 'a%', 'abc' LIKE '_b_', 'ABC' LIKE 'a%', 'abc' NOT LIKE 'b%'",
            "SELECT 3 BETWEEN 1 AND 5, 6 NOT BETWEEN 1 AND 5",
            "SELECT 2 IN (1, 2, 3), 4 IN (1, 2, 3), 4 NOT IN (1, 2), NULL IN (1, 2), 1 IN (NULL, 1)",
            "SELECT NOT 0, NOT 1, !0, 1 AND 0, 1 OR 0, 1 XOR 1, NULL AND 0, NULL OR 1",
            "SELECT IFNULL(NULL, 'x'), IFNULL(1, 'x'), COALESCE(NULL, NULL, 3), COALESCE(NULL)",
            "SELECT IF(1 < 2, 'yes', 'no'), IF(NULL, 1, 2)",
            "SELECT CASE 2 WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE 'many' END",
            "SELECT CASE WHEN 1 > 2 THEN 'a' END",
            "SELECT CONCAT('a', 'b', 1, 2.5), CONCAT('a', NULL)",
            "SELECT CAST('12' AS SIGNED), CAST(-1 AS UNSIGNED), CAST(1.5 AS CHAR), CAST('3.75' AS DECIMAL(5,2))",
            "SELECT CONVERT('42', SIGNED)",
            "SELECT 0x41, X'4243'",
            "SELECT TRUE, FALSE",
            "SELECT @@autocommit, @@session.autocommit, @@lower_case_table_names",
            "SELECT @@sql_select_limit = @@global.sql_select_limit",
            "SELECT @@no_such_variable",
            "SET @a = 5",
            "SELECT @a + 1, @a * 2, @unset_variable",
            "SET @s = 'text', @n := 2",
            "SELECT @s, @n",
            "SET autocommit = 0",
            "SELECT @@autocommit",
            "COMMIT",
            "SET autocommit = 1",
            "SET NAMES utf8mb4",
            "SET NAMES no_such_charset",
            "SET sql_mode = CONCAT(@@sql_mode, ',STRICT_TRANS_TABLES')",
            "SET autocommit = 'maybe'",
            "SELECT DATABASE()",
            "USE no_such_database",
            "CREATE DATABASE quiver_diff",
            "CREATE DATABASE quiver_diff",
            "USE quiver_diff",
            "SELECT DATABASE()",
            "DROP DATABASE quiver_diff",
            "SELECT DATABASE()",
            "DROP DATABASE quiver_diff",
            "DROP DATABASE IF EXISTS quiver_diff",
            "USE test",
            "SELECT 1 FROM DUAL",
            "SELECT 1 LIMIT 0",
            "SELEC 1",
            "SELECT 1 +");

    private TestingServer quiver;
    private TestingMariaDb mariaDb;

    @BeforeAll
    void start()
    {
        quiver = TestingServer.start();
        mariaDb = TestingMariaDb.start();
    }

    @AfterAll
    void stop()
    {
        if (mariaDb != null) {
            mariaDb.close();
        }
        quiver.close();
    }

    @Test
    void testSameAnswersAsMariaDb()
            throws SQLException
    {
        try (Connection mariaDbConnection = mariaDb.connect("");
                Connection quiverConnection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + quiver.port() + "/", "root", "")) {
            StatementOutcome.of(mariaDbConnection, "CREATE DATABASE IF NOT EXISTS test");
            StatementOutcome.of(mariaDbConnection, "USE test");
            StatementOutcome.of(quiverConnection, "USE test");
            List<String> differences = StatementOutcome.differences(mariaDbConnection, quiverConnection, STATEMENTS);
            assertThat(differences).as("statements answered differently").isEmpty();
        }
    }
}
