package dev.quiver.sql;

import dev.quiver.common.QuiverException;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.security.AllowAllAccessControl;
import dev.quiver.sql.security.Identity;
import dev.quiver.sql.testing.InProcessTarget;
import dev.quiver.storage.memory.InMemoryStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a client sends, the answer is a result or a QuiverException with a MySQL number, never another exception. */
public class TestMalformedInput
{
    private static final List<String> INPUTS = List.of(
            "", ";", ";;", "'", "\"", "`", "/*", "/*!", "/*!50000", "--", "#", "@", "@@", "@@.", "@@session.", "@'unterminated",
            "SELECT", "SELECT 1 +", "SELECT (", "SELECT )", "SELECT 1,", "SELECT ,1", "SELECT 'a", "SELECT `a", "SELECT X'4G'", "SELECT 0x",
            "SELECT @@", "SELECT @", "SELECT @@global.", "SELECT @@a.b.c", "SELECT CAST(1 AS)", "SELECT CAST(1 AS DECIMAL(99999999999))",
            "SELECT CONVERT(", "SELECT CONVERT(1,", "SELECT CONVERT(1, NOPE)", "SELECT 1 MOD", "SELECT MOD 1", "SELECT 1 MOD MOD 2",
            "SELECT 1 LIMIT -1", "SELECT 1 LIMIT 18446744073709551616", "SELECT 1 LIMIT ?", "SELECT ?", "SELECT 1 WHERE ?",
            "SELECT CASE END", "SELECT CASE WHEN THEN END", "SELECT IF()", "SELECT COALESCE()", "SELECT 1 IN ()", "SELECT 1 BETWEEN 2",
            "SELECT 'a' LIKE", "SELECT 'a' LIKE 'b' ESCAPE", "SELECT 'a' LIKE 'b' ESCAPE 'xy'", "SELECT 'a' REGEXP 'b'",
            "SELECT (SELECT 1)", "SELECT 1 IN (SELECT 1)", "SELECT EXISTS (SELECT 1)", "SELECT INTERVAL 1 DAY", "SELECT DATE '2020-01-01'",
            "SELECT ROW(1, 2)", "SELECT (1, 2)", "SELECT COUNT(*)", "SELECT SUM(1)", "SELECT db.f()", "SELECT -9223372036854775808 - 1",
            "SELECT ~0", "SELECT -~0", "SELECT 18446744073709551615 + 1", "SELECT 1e308 + 1e308", "SELECT CAST('x' AS JSON)",
            "SELECT CAST(-1 AS UNSIGNED) + 1", "SELECT LAST_INSERT_ID(NULL)", "SELECT NULLIF(NULL, NULL)", "SELECT CONCAT_WS(NULL)",
            "SET", "SET =", "SET a", "SET a =", "SET @", "SET @ = 1", "SET @@ = 1", "SET @@global. = 1", "SET NAMES", "SET NAMES 1",
            "SET CHARACTER", "SET CHARACTER SET", "SET GLOBAL", "SET GLOBAL TRANSACTION", "SET TRANSACTION ISOLATION", "SET TRANSACTION ISOLATION LEVEL",
            "SET autocommit = (", "SET autocommit = 1,", "SET sql_mode = 5", "SET sql_mode = 0", "SET time_zone = 8", "SET @x = (SELECT 1)",
            "SET transaction_isolation = 7", "SET collation_connection = 1", "SET character_set_client = ''", "SET lc_time_names = NULL",
            "SHOW", "SHOW VARIABLES LIKE", "SHOW VARIABLES WHERE", "SHOW VARIABLES WHERE (", "SHOW COUNT", "SHOW COUNT(*)", "SHOW WARNINGS LIMIT",
            "SHOW WARNINGS LIMIT 1,", "SHOW GLOBAL", "SHOW SESSION WARNINGS", "SHOW 1", "SHOW CHARACTER", "USE", "USE 1", "USE a b",
            "KILL", "KILL 1 2", "KILL QUERY", "BEGIN WORK WORK", "START", "START TRANSACTION,", "COMMIT AND", "COMMIT NO", "ROLLBACK TO",
            "CREATE", "CREATE DATABASE", "CREATE DATABASE IF", "CREATE DATABASE IF NOT", "CREATE DATABASE a CHARACTER", "CREATE DATABASE a COLLATE",
            "CREATE DATABASE a DEFAULT", "CREATE DATABASE a ENCRYPTION 'Y'", "DROP", "DROP DATABASE IF", "DROP DATABASE a b",
            "INSERT", "UPDATE", "DELETE", "GRANT", "CALL", "DESCRIBE", "EXPLAIN", "(", "( SELECT 1 )", "VALUES ROW(1)", "TABLE t", "WITH x AS (SELECT 1) SELECT 1",
            "SELECT 1; SELECT", "\u0000", "SELECT '\u0000'", "SELECT 1 /*!99999 garbage", "SELECT \\N");

    @Test
    public void testOnlyQuiverExceptions()
    {
        QueryEngine engine = new QueryEngine(new InMemoryStorageEngine(), new AllowAllAccessControl(), InProcessTarget.CONFIG);
        Session session = engine.openSession(new SessionContext(1, new Identity("root", "localhost", "%"), false, true));
        List<String> failures = new ArrayList<>();
        for (String each : INPUTS) {
            try {
                engine.execute(session, each, result -> {
                    if (result instanceof RowsResult rows) {
                        rows.rows().close();
                    }
                });
            }
            catch (QuiverException ignored) {
                // expected for most inputs
            }
            catch (RuntimeException | StackOverflowError ex) {
                failures.add(each + " -> " + ex);
            }
            try {
                engine.prepare(session, each);
            }
            catch (QuiverException ignored) {
                // expected for most inputs
            }
            catch (RuntimeException ex) {
                failures.add("prepare " + each + " -> " + ex);
            }
        }
        assertThat(failures).isEmpty();
    }
}
