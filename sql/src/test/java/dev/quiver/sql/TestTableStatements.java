package dev.quiver.sql;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.result.MySqlType;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.result.UpdateCountResult;
import dev.quiver.sql.security.AllowAllAccessControl;
import dev.quiver.sql.security.Identity;
import dev.quiver.sql.testing.InProcessTarget;
import dev.quiver.storage.memory.InMemoryStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the scripts cannot show: the OK packet's affected rows with and without CLIENT_FOUND_ROWS, its info string
 * and last insert id, result column metadata of table columns, and prepared statements over tables.
 */
public class TestTableStatements
{
    private static final int NOT_NULL = 1;
    private static final int PRI_KEY = 2;
    private static final int UNIQUE_KEY = 4;
    private static final int MULTIPLE_KEY = 8;
    private static final int BLOB = 16;
    private static final int UNSIGNED = 32;
    private static final int BINARY = 128;
    private static final int AUTO_INCREMENT = 512;
    private static final int NUM = 32768;

    private final QueryEngine engine = new QueryEngine(new InMemoryStorageEngine(), new AllowAllAccessControl(), InProcessTarget.CONFIG);
    private final Session affected = open(1, false);
    private final Session found = open(2, true);

    private Session open(long connectionId, boolean clientFoundRows)
    {
        Session session = engine.openSession(new SessionContext(connectionId, new Identity("root", "localhost", "%"), clientFoundRows, true));
        if (connectionId == 1) {
            ok(session, "CREATE DATABASE qv_t");
        }
        engine.useDatabase(session, "qv_t");
        return session;
    }

    @Test
    public void testInsertOkPackets()
    {
        ok(affected, "CREATE TABLE t (id INT AUTO_INCREMENT PRIMARY KEY, k VARCHAR(10) UNIQUE, n INT)");
        assertThat(ok(affected, "INSERT INTO t (k, n) VALUES ('a', 1)")).isEqualTo(new UpdateCountResult(1, 1, null));
        assertThat(ok(affected, "INSERT INTO t (k, n) VALUES ('b', 1), ('c', 1)")).isEqualTo(new UpdateCountResult(2, 2, "Records: 2  Duplicates: 0  Warnings: 0"));
        assertThat(ok(affected, "INSERT IGNORE INTO t (k, n) VALUES ('a', 5), ('d', 1)"))
                .isEqualTo(new UpdateCountResult(1, 5, "Records: 2  Duplicates: 1  Warnings: 1"));
        // ODKU: updated 2, unchanged 0 (1 with CLIENT_FOUND_ROWS), inserted 1; the OK's id is the generated one
        // the OK's id is the inserted row's (MySQL gives 'e' id 6 by handing back the ids of the rows that became
        // updates; the engine generates ids for every row before the merge, so 'e' gets 8 here)
        UpdateCountResult upsert = ok(affected, "INSERT INTO t (k, n) VALUES ('a', 2), ('b', 1), ('e', 1) ON DUPLICATE KEY UPDATE n = VALUES(n)");
        assertThat(upsert.affectedRows()).isEqualTo(3);
        assertThat(upsert.info()).isEqualTo("Records: 3  Duplicates: 1  Warnings: 0");
        assertThat(rows(affected, "SELECT id FROM t WHERE k = 'e'")).containsExactly(new Object[] {upsert.lastInsertId()});
        assertThat(ok(found, "INSERT INTO t (k, n) VALUES ('a', 2), ('b', 1) ON DUPLICATE KEY UPDATE n = VALUES(n)"))
                .isEqualTo(new UpdateCountResult(2, 0, "Records: 2  Duplicates: 0  Warnings: 0"));
        assertThat(ok(affected, "INSERT INTO t (k, n) VALUES ('a', 9) ON DUPLICATE KEY UPDATE n = VALUES(n)")).isEqualTo(new UpdateCountResult(2, 0, null));
        // REPLACE deleting two rows: 1 + 2
        assertThat(ok(affected, "REPLACE INTO t (id, k, n) VALUES (1, 'b', 0)")).isEqualTo(new UpdateCountResult(3, 0, null));
        assertThat(ok(affected, "REPLACE INTO t (id, k, n) VALUES (1, 'x', 0), (40, 'y', 0)")).isEqualTo(new UpdateCountResult(3, 0, "Records: 2  Duplicates: 1  Warnings: 0"));
        assertThat(rows(affected, "SELECT LAST_INSERT_ID()")).containsExactly(new Object[] {upsert.lastInsertId()});
        assertThat(affected.rowCount()).isEqualTo(-1);
        assertThat(ok(affected, "INSERT INTO t (k, n) VALUES ('x', 1) ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id)")).isEqualTo(new UpdateCountResult(0, 1, null));
        ok(affected, "INSERT INTO t (k) VALUES ('z')");
        assertThat(rows(affected, "SELECT ROW_COUNT()")).containsExactly(new Object[] {1L});
    }

    @Test
    public void testUpdateAndDeleteOkPackets()
    {
        ok(affected, "CREATE TABLE u (id INT PRIMARY KEY, n INT)");
        ok(affected, "INSERT INTO u VALUES (1, 1), (2, 2), (3, 3)");
        assertThat(ok(affected, "UPDATE u SET n = 2 WHERE id <= 2")).isEqualTo(new UpdateCountResult(1, 0, "Rows matched: 2  Changed: 1  Warnings: 0"));
        assertThat(ok(found, "UPDATE u SET n = 2 WHERE id <= 2")).isEqualTo(new UpdateCountResult(2, 0, "Rows matched: 2  Changed: 0  Warnings: 0"));
        assertThat(ok(affected, "UPDATE u SET n = n + 1 ORDER BY id DESC LIMIT 1")).isEqualTo(new UpdateCountResult(1, 0, "Rows matched: 1  Changed: 1  Warnings: 0"));
        assertThat(ok(affected, "DELETE FROM u WHERE n + 0 = 2")).isEqualTo(new UpdateCountResult(2, 0, null));
        assertThat(rows(affected, "SELECT id, n FROM u")).containsExactly(new Object[] {3L, 4L});
    }

    @Test
    public void testInsertSelectInfo()
    {
        ok(affected, "CREATE TABLE s (id INT PRIMARY KEY)");
        ok(affected, "CREATE TABLE d (id INT PRIMARY KEY)");
        ok(affected, "INSERT INTO s VALUES (1)");
        assertThat(ok(affected, "INSERT INTO d SELECT id FROM s")).isEqualTo(new UpdateCountResult(1, 0, "Records: 1  Duplicates: 0  Warnings: 0"));
    }

    @Test
    public void testResultColumnsOfTableColumns()
    {
        ok(affected, "CREATE TABLE m (id BIGINT UNSIGNED AUTO_INCREMENT PRIMARY KEY, i INT NOT NULL, u VARCHAR(10) UNIQUE, k SMALLINT, "
                + "b VARBINARY(8), j JSON, v VECTOR(2), x TEXT, KEY (k))");
        ok(affected, "INSERT INTO m (i, u, k, b, j, v, x) VALUES (1, 'u', 2, X'00', '{\"b\":1,\"a\":[1,2]}', '[0.5,1]', 't')");
        RowsResult result = (RowsResult) single(affected, "SELECT id, i AS eye, u, k, b, j, v, x, i + 1 FROM m");
        List<ResultColumn> columns = result.columns();
        assertThat(columns.get(0)).isEqualTo(new ResultColumn("qv_t", "m", "m", "id", "id", MySqlType.LONGLONG, true, 20,
                NOT_NULL | PRI_KEY | UNSIGNED | AUTO_INCREMENT | NUM, 0));
        assertThat(columns.get(1)).isEqualTo(new ResultColumn("qv_t", "m", "m", "eye", "i", MySqlType.LONG, true, 11, NOT_NULL | NUM, 0));
        assertThat(columns.get(2)).isEqualTo(new ResultColumn("qv_t", "m", "m", "u", "u", MySqlType.VAR_STRING, false, 40, UNIQUE_KEY, 0));
        assertThat(columns.get(3)).isEqualTo(new ResultColumn("qv_t", "m", "m", "k", "k", MySqlType.SHORT, true, 6, MULTIPLE_KEY | NUM, 0));
        assertThat(columns.get(4)).isEqualTo(new ResultColumn("qv_t", "m", "m", "b", "b", MySqlType.VAR_STRING, true, 8, BINARY, 0));
        assertThat(columns.get(5).type()).isEqualTo(MySqlType.JSON);
        assertThat(columns.get(6).type()).isEqualTo(MySqlType.VAR_STRING);
        assertThat(columns.get(6).binary()).isFalse();
        assertThat(columns.get(7)).isEqualTo(new ResultColumn("qv_t", "m", "m", "x", "x", MySqlType.BLOB, false, 65_535, BLOB, 0));
        assertThat(columns.get(8).originalTable()).isEmpty();
        assertThat(columns.get(8).type()).isEqualTo(MySqlType.LONGLONG);
        List<Object[]> values = values(result);
        assertThat(values.get(0)[5]).isEqualTo("{\"a\": [1, 2], \"b\": 1}");
        assertThat(values.get(0)[6]).isEqualTo("[0.5,1]");
        assertThat(values.get(0)[8]).isEqualTo(2L);
    }

    @Test
    public void testFieldList()
    {
        ok(affected, "CREATE TABLE f (id INT PRIMARY KEY, name VARCHAR(5), nick VARCHAR(5))");
        assertThat(engine.fieldList(affected, "f", "n%")).extracting(ResultColumn::name).containsExactly("name", "nick");
        assertThat(engine.fieldList(affected, "f", "")).extracting(ResultColumn::originalTable).containsOnly("f");
        assertError(() -> engine.fieldList(affected, "nope", ""), ErrorCode.ER_NO_SUCH_TABLE);
    }

    @Test
    public void testPreparedStatementsOverTables()
    {
        ok(affected, "CREATE TABLE sb (id INTEGER NOT NULL AUTO_INCREMENT, k INTEGER DEFAULT '0' NOT NULL, c CHAR(120) DEFAULT '' NOT NULL, "
                + "pad CHAR(60) DEFAULT '' NOT NULL, PRIMARY KEY (id)) /*! ENGINE = innodb */");
        PreparedQuery insert = engine.prepare(affected, "INSERT INTO sb (k, c, pad) VALUES (?, ?, ?), (?, ?, ?)");
        List<QueryResult> results = new ArrayList<>();
        engine.execute(affected, insert, List.of(1L, "c1", "p1", 2L, "c2", "p2"), results::add);
        assertThat(results).containsExactly(new UpdateCountResult(2, 1, "Records: 2  Duplicates: 0  Warnings: 0"));
        // sysbench's secondary index on the filled table
        results.clear();
        engine.execute(affected, "CREATE INDEX k_1 ON sb(k)", results::add);
        assertThat(results).hasSize(1);

        PreparedQuery select = engine.prepare(affected, "SELECT c FROM sb WHERE id=?");
        assertThat(select.columns()).extracting(ResultColumn::name).containsExactly("c");
        assertThat(select.columns().get(0).type()).isEqualTo(MySqlType.STRING);
        results.clear();
        engine.execute(affected, select, List.of(2L), results::add);
        assertThat(values((RowsResult) results.get(0))).containsExactly(new Object[] {"c2"});

        PreparedQuery limited = engine.prepare(affected, "SELECT id FROM sb WHERE k >= ? ORDER BY id LIMIT ?");
        results.clear();
        engine.execute(affected, limited, List.of(1L, 1L), results::add);
        assertThat(values((RowsResult) results.get(0))).containsExactly(new Object[] {1L});
    }

    @Test
    public void testTableErrors()
    {
        Session nowhere = engine.openSession(new SessionContext(9, new Identity("root", "localhost", "%"), false, true));
        assertError(() -> ok(nowhere, "SELECT * FROM t"), ErrorCode.ER_NO_DB_ERROR);
        assertError(() -> ok(nowhere, "INSERT INTO qv_none.t VALUES (1)"), ErrorCode.ER_NO_SUCH_TABLE);
        ok(affected, "CREATE TABLE e (id INT PRIMARY KEY, v VECTOR(2), j JSON)");
        assertError(() -> ok(affected, "INSERT INTO e VALUES (1, '[1,2,3]', NULL)"), ErrorCode.ER_VECTOR_DIMENSION_MISMATCH);
        assertError(() -> ok(affected, "INSERT INTO e VALUES (1, NULL, '{')"), ErrorCode.ER_INVALID_JSON_TEXT);
        assertError(() -> ok(affected, "ALTER TABLE e ORDER BY id"), ErrorCode.ER_NOT_SUPPORTED_YET);
        assertError(() -> ok(affected, "DROP INDEX x ON e"), ErrorCode.ER_CANT_DROP_FIELD_OR_KEY);
        assertError(() -> ok(affected, "RENAME TABLE e TO qv_none.f"), ErrorCode.ER_BAD_DB_ERROR);
        assertError(() -> ok(affected, "RENAME USER a TO b"), ErrorCode.ER_CANNOT_USER);
    }

    private UpdateCountResult ok(Session session, String sql)
    {
        return (UpdateCountResult) single(session, sql);
    }

    private QueryResult single(Session session, String sql)
    {
        List<QueryResult> results = new ArrayList<>();
        engine.execute(session, sql, results::add);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private List<Object[]> rows(Session session, String sql)
    {
        return values((RowsResult) single(session, sql));
    }

    private static List<Object[]> values(RowsResult rows)
    {
        List<Object[]> result = new ArrayList<>();
        try (RowCursor cursor = rows.rows()) {
            cursor.forEachRemaining(result::add);
        }
        return result;
    }

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable callable, ErrorCode expected)
    {
        assertThatThrownBy(callable).isInstanceOfSatisfying(QuiverException.class, ex -> assertThat(ex.errorCode()).isEqualTo(expected));
    }
}
