package dev.quiver.it.sql;

import dev.quiver.it.testing.StatementOutcome;
import dev.quiver.it.testing.TestingMariaDb;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Table DDL, upserts and single-table SELECT on Quiver and on a real MariaDB, through MariaDB Connector/J and MySQL
 * Connector/J, each with {@code useAffectedRows} off (CLIENT_FOUND_ROWS) and on: the same rows, update counts and error numbers. Left out
 * because MySQL 8 and MariaDB differ (the scripts cover MySQL 8's answer): 1062's key naming (only errnos are
 * compared here anyway), JSON and VECTOR columns, seekdb's STRING, DESCRIBE / SHOW CREATE TABLE texts, and
 * auto_increment values after a failed statement.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestTableSqlDifferential
{
    private static final List<String> STATEMENTS = List.of(
            "CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, k VARCHAR(10) NOT NULL, n INT DEFAULT 0, UNIQUE KEY uk (k))",
            "CREATE TABLE t (id INT)",
            "CREATE TABLE IF NOT EXISTS t (id INT)",
            "INSERT INTO t (k) VALUES ('a')",
            "SELECT LAST_INSERT_ID()",
            "INSERT INTO t (k, n) VALUES ('b', 1), ('c', 2), ('d', 3)",
            "SELECT LAST_INSERT_ID()",
            "INSERT INTO t SET k = 'e', n = 5",
            "INSERT INTO t VALUES (10, 'f', 6)",
            "INSERT INTO t VALUES (DEFAULT, 'g', DEFAULT)",
            "INSERT INTO t (k, n) VALUES ('h0', 7), ('h1', n + 1)",
            "SELECT k, n FROM t WHERE k LIKE 'h_' ORDER BY k",
            "DELETE FROM t WHERE k LIKE 'h_'",
            "SELECT * FROM t ORDER BY id",
            "INSERT INTO t (k) VALUES ('A')",
            "INSERT INTO t (id, k) VALUES (1, 'zz')",
            "INSERT INTO t (id, k) VALUES (100, 'x'), (101, 'x')",
            "SELECT COUNT(*) FROM t",
            "INSERT IGNORE INTO t (id, k, n) VALUES (20, 'a', 100), (21, 'h', 7), (22, 'B', 100)",
            "INSERT INTO t (k, n) VALUES ('a', 50) ON DUPLICATE KEY UPDATE n = n + VALUES(n)",
            "SELECT id, k, n FROM t WHERE k = 'a'",
            "INSERT INTO t (k, n) VALUES ('a', 50) ON DUPLICATE KEY UPDATE n = 51",
            "INSERT INTO t (k, n) VALUES ('a', 50) ON DUPLICATE KEY UPDATE n = 51",
            "INSERT INTO t (id, k, n) VALUES (2, 'b', 9), (30, 'zz', 1) ON DUPLICATE KEY UPDATE n = VALUES(n) * 10",
            "SELECT id, k, n FROM t WHERE k IN ('b', 'zz') ORDER BY id",
            "INSERT INTO t (id, k, n) VALUES (3, 'c', 3) ON DUPLICATE KEY UPDATE n = 4, k = CONCAT(k, '2'), n = n + 100",
            "SELECT id, k, n FROM t WHERE id = 3",
            "INSERT INTO t (id, k, n) VALUES (4, 'd', 1) ON DUPLICATE KEY UPDATE id = 40",
            "SELECT id, k FROM t WHERE k = 'd'",
            "INSERT INTO t (k, n) VALUES ('d', 1) ON DUPLICATE KEY UPDATE nope = 1",
            "REPLACE INTO t (id, k, n) VALUES (1, 'a', 0)",
            "REPLACE INTO t (id, k, n) VALUES (1, 'b', 0)",
            "REPLACE INTO t SET id = 100, k = 'new'",
            "REPLACE INTO t (id, k) VALUES (50, 'p'), (51, 'p')",
            "SELECT * FROM t ORDER BY id",
            "INSERT INTO t (id, k) VALUES (60, '0123456789x')",
            "INSERT INTO t (id, k) VALUES (60, NULL)",
            "INSERT INTO t (id, k, n) VALUES (60, 'y', 'abc')",
            "INSERT INTO t (id, k, n) VALUES (60, 'y', 99999999999)",
            "INSERT INTO t (k, n) VALUES ('y')",
            "INSERT INTO t VALUES (1, 'y')",
            "INSERT INTO t (k, nope) VALUES ('y', 1)",
            "INSERT INTO t (k, k) VALUES ('y', 'z')",
            "INSERT INTO nope VALUES (1)",
            "INSERT INTO qv_nowhere.t VALUES (1)",
            "UPDATE t SET n = n + 1 WHERE id < 5",
            "UPDATE t SET n = n WHERE id < 5",
            "UPDATE t SET n = 0 ORDER BY id DESC LIMIT 2",
            "SELECT id, n FROM t ORDER BY id DESC LIMIT 3",
            "UPDATE t SET k = 'p' WHERE id = 3",
            "UPDATE t SET nope = 1",
            "UPDATE t SET n = 1 WHERE nope = 1",
            "UPDATE t SET n = n * 2 WHERE k LIKE 'z%' OR n > 1000",
            "UPDATE t SET id = id + 1000 WHERE id > 40",
            "SELECT id, k FROM t ORDER BY id",
            "DELETE FROM t WHERE id = 1100",
            "DELETE FROM t WHERE n + 0 = 0 ORDER BY id LIMIT 1",
            "DELETE FROM t WHERE nope = 1",
            "SELECT COUNT(*) FROM t",
            "CREATE TABLE copy (id INT PRIMARY KEY, k VARCHAR(10))",
            "INSERT INTO copy SELECT id, k FROM t WHERE id < 5",
            "INSERT INTO copy (id, k) SELECT id, k FROM t WHERE id < 5 ON DUPLICATE KEY UPDATE k = 'dup'",
            "REPLACE INTO copy SELECT id, 'r' FROM t WHERE id < 4",
            "INSERT INTO copy SELECT id FROM t",
            "INSERT IGNORE INTO copy SELECT id, 'i' FROM t",
            "REPLACE INTO copy SET id = 90, k = CONCAT(id, 'x')",
            "SELECT * FROM copy ORDER BY id",
            "DELETE FROM copy",
            "TRUNCATE TABLE t",
            "INSERT INTO t (k) VALUES ('after')",
            "SELECT id, k FROM t",
            "CREATE TABLE multi (a INT, b VARCHAR(10), c INT, PRIMARY KEY (a, b), UNIQUE KEY uc (c))",
            "INSERT INTO multi VALUES (1, 'x', 1), (1, 'X', 2)",
            "INSERT INTO multi VALUES (1, 'y', 1), (2, 'y', 2)",
            "INSERT INTO multi VALUES (1, 'y', 3), (2, 'y', 4)",
            "INSERT INTO multi VALUES (3, 'z', NULL), (4, 'z', NULL)",
            "REPLACE INTO multi VALUES (1, 'y', 4)",
            "INSERT INTO multi VALUES (5, 'q', 1) ON DUPLICATE KEY UPDATE c = 10",
            "SELECT * FROM multi ORDER BY a, b",
            "SELECT a, b FROM multi WHERE c IS NULL ORDER BY a",
            "CREATE TABLE p (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(6,2), qty INT, tag VARCHAR(5), d DATE, ts DATETIME)",
            "INSERT INTO p VALUES (1, 'Apple', 1.50, 10, 'a', '2024-01-02', '2024-01-02 03:04:05'), (2, 'banana', 0.25, 0, NULL, NULL, NULL), "
                    + "(3, 'Cherry', 12.00, 3, 'c', '2023-12-31', NULL), (4, 'apple pie', 7.75, 1, 'a', NULL, NULL)",
            "SELECT * FROM p",
            "SELECT p.*, 1 AS one FROM p WHERE id = 1",
            "SELECT x.id, x.name FROM p AS x WHERE x.id = 2",
            "SELECT id, price * qty AS total, CONCAT(name, '!') FROM p ORDER BY total DESC",
            "SELECT id FROM p WHERE name = 'apple'",
            "SELECT id FROM p WHERE name = 'APPLE '",
            "SELECT id FROM p WHERE name LIKE 'apple%' ORDER BY id",
            "SELECT id FROM p WHERE name NOT LIKE '%e%'",
            "SELECT id FROM p WHERE id IN (1, 3, 5) OR tag IS NULL ORDER BY id",
            "SELECT id FROM p WHERE id NOT IN (1, 3) AND NOT (qty = 0)",
            "SELECT id FROM p WHERE price BETWEEN 1 AND 8 ORDER BY price",
            "SELECT id FROM p WHERE qty > 2 AND price < 10",
            "SELECT id, tag FROM p WHERE tag IS NOT NULL ORDER BY tag DESC, id",
            "SELECT id FROM p WHERE CAST(price AS SIGNED) = 12",
            "SELECT id FROM p WHERE d < '2024-01-01'",
            "SELECT id FROM p WHERE id = '3'",
            "SELECT id FROM p WHERE price = 7.75",
            "SELECT id, name FROM p ORDER BY 2 LIMIT 2",
            "SELECT id FROM p ORDER BY id LIMIT 1, 2",
            "SELECT id FROM p ORDER BY id LIMIT 2 OFFSET 1",
            "SELECT id FROM p ORDER BY id DESC LIMIT 0",
            "SELECT id, qty + 5 AS q FROM p ORDER BY q, id",
            "SELECT id, d, ts FROM p ORDER BY d, id",
            "SELECT COUNT(*) FROM p",
            "SELECT COUNT(*) FROM p WHERE price > 1",
            "SELECT COUNT(*) AS n FROM p WHERE name LIKE '%pp%'",
            "SELECT nope FROM p",
            "SELECT id FROM p WHERE nope = 1",
            "SELECT id FROM p ORDER BY nope",
            "SELECT q.id FROM p",
            "SELECT id FROM nope",
            "UPDATE p SET price = price * 2 WHERE id IN (1, 2)",
            "UPDATE p SET tag = 'z' WHERE tag IS NULL",
            "SELECT id, price, tag FROM p ORDER BY id",
            "DELETE FROM p WHERE price > 10",
            "DELETE FROM p WHERE id = 99",
            "SELECT id FROM p ORDER BY id",
            "CREATE TABLE a (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, v INT)",
            "INSERT INTO a (v) VALUES (1), (2)",
            "SELECT LAST_INSERT_ID()",
            "INSERT INTO a (id, v) VALUES (10, 3)",
            "INSERT INTO a (v) VALUES (4)",
            "SELECT LAST_INSERT_ID()",
            "INSERT INTO a (id, v) VALUES (0, 5), (NULL, 6)",
            "SELECT * FROM a ORDER BY id",
            "INSERT INTO a (id, v) VALUES (1, 7) ON DUPLICATE KEY UPDATE v = 70",
            "SELECT LAST_INSERT_ID()",
            "INSERT INTO a (id, v) VALUES (-1, 1)",
            "INSERT INTO a (id, v) VALUES (2, 8) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id), v = 80",
            "SELECT LAST_INSERT_ID()",
            "CREATE INDEX k_v ON a (v)",
            "SELECT id FROM a WHERE v = 3",
            "CREATE UNIQUE INDEX u_tag ON p (tag)",
            "DROP INDEX nope ON a",
            "DROP INDEX k_v ON a",
            "RENAME TABLE p TO p2",
            "RENAME TABLE p TO p3",
            "RENAME TABLE p2 TO a",
            "RENAME TABLE p2 TO p",
            "ALTER TABLE p ADD COLUMN extra INT DEFAULT 5 AFTER id",
            "SELECT * FROM p ORDER BY id",
            "ALTER TABLE p ADD COLUMN extra INT",
            "ALTER TABLE p DROP COLUMN nope",
            "ALTER TABLE p MODIFY nope INT",
            "ALTER TABLE p CHANGE extra bonus BIGINT, ADD INDEX k_qty (qty)",
            "ALTER TABLE p RENAME COLUMN bonus TO extra2",
            "SELECT id, extra2 FROM p ORDER BY id",
            "ALTER TABLE p DROP COLUMN extra2, DROP INDEX k_qty",
            "ALTER TABLE p ADD PRIMARY KEY (qty)",
            "ALTER TABLE p RENAME TO p4",
            "ALTER TABLE p4 RENAME TO p",
            "SELECT * FROM p ORDER BY id",
            "SHOW TABLES",
            "SHOW FULL TABLES",
            "SHOW TABLES LIKE 'm%'",
            "DROP TABLE copy, multi",
            "DROP TABLE copy",
            "DROP TABLE IF EXISTS copy",
            "SHOW TABLES",
            "TRUNCATE TABLE nope",
            "CREATE TABLE bad1 (a INT, a INT)",
            "CREATE TABLE bad2 (a INT PRIMARY KEY, b INT PRIMARY KEY)",
            "CREATE TABLE bad3 (a INT, KEY (nope))",
            "CREATE TABLE bad5 (a INT NOT NULL DEFAULT NULL)",
            "CREATE TABLE bad6 (a INT DEFAULT 'abc')",
            "CREATE TABLE bad8 (a INT AUTO_INCREMENT)",
            "CREATE TABLE qv_nowhere.t (a INT)");

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
    void testFoundRows()
            throws SQLException
    {
        compare("mariadb", "?useAffectedRows=false", "qv_tdiff_mf");
    }

    @Test
    void testAffectedRows()
            throws SQLException
    {
        compare("mariadb", "?useAffectedRows=true", "qv_tdiff_ma");
    }

    @Test
    void testFoundRowsMySqlConnector()
            throws SQLException
    {
        compare("mysql", "?sslMode=DISABLED&useAffectedRows=false", "qv_tdiff_jf");
    }

    @Test
    void testAffectedRowsMySqlConnector()
            throws SQLException
    {
        compare("mysql", "?sslMode=DISABLED&useAffectedRows=true", "qv_tdiff_ja");
    }

    private void compare(String driver, String options, String database)
            throws SQLException
    {
        List<String> differences = StatementOutcome.differencesInFreshDatabase(driver, options, mariaDb.port(), quiver.port(), database,
                List.of("SET sql_mode = 'STRICT_TRANS_TABLES,NO_ENGINE_SUBSTITUTION'"), STATEMENTS);
        assertThat(differences).as("statements answered differently (" + options + ")").isEmpty();
    }
}
