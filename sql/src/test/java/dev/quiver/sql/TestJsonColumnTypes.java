package dev.quiver.sql;

import dev.quiver.sql.result.MySqlType;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.security.AllowAllAccessControl;
import dev.quiver.sql.security.Identity;
import dev.quiver.sql.testing.InProcessTarget;
import dev.quiver.storage.memory.InMemoryStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result-column metadata of JSON values, as MySQL 8 sends it: MYSQL_TYPE_JSON (245), the binary charset (63),
 * BLOB|BINARY flags and a LONGTEXT length, for JSON columns, JSON-returning functions and CAST AS JSON; text for ->>
 * and JSON_UNQUOTE; LONGTEXT for a merge of JSON with text (MySQL's type merge rules).
 */
public class TestJsonColumnTypes
{
    private static final int NOT_NULL = 1;
    private static final int BLOB = 16;
    private static final int BINARY = 128;
    private static final long LONGTEXT_BYTES = 4_294_967_295L;

    private final QueryEngine engine = new QueryEngine(new InMemoryStorageEngine(), new AllowAllAccessControl(), InProcessTarget.CONFIG);
    private final Session session = engine.openSession(new SessionContext(1, new Identity("root", "localhost", "%"), false, true));

    @Test
    public void testJsonFunctionsAreJson()
    {
        run("CREATE DATABASE d");
        run("USE d");
        run("CREATE TABLE t (id INT PRIMARY KEY, m JSON)");
        run("INSERT INTO t VALUES (1, '{\"a\": [1, 2]}')");
        RowsResult rows = (RowsResult) single("SELECT JSON_EXTRACT(m, '$.a'), m->'$.a', m->>'$.a', JSON_UNQUOTE(m), JSON_OBJECT('m', m), JSON_ARRAY(), "
                + "JSON_KEYS(m), CAST('1' AS JSON), m, JSON_QUOTE('x'), JSON_LENGTH(m) FROM t");
        List<ResultColumn> columns = rows.columns();
        assertThat(columns.get(0)).isEqualTo(ResultColumn.expression("JSON_EXTRACT(m, '$.a')", MySqlType.JSON, true, LONGTEXT_BYTES, BLOB | BINARY, 31));
        assertThat(columns.get(1).type()).isEqualTo(MySqlType.JSON);
        assertThat(columns.get(2).type()).isEqualTo(MySqlType.VAR_STRING);
        assertThat(columns.get(2).binary()).isFalse();
        assertThat(columns.get(3).type()).isEqualTo(MySqlType.VAR_STRING);
        assertThat(columns.get(4)).isEqualTo(ResultColumn.expression("JSON_OBJECT('m', m)", MySqlType.JSON, true, LONGTEXT_BYTES, NOT_NULL | BLOB | BINARY, 31));
        assertThat(columns.get(5).flags() & NOT_NULL).isEqualTo(NOT_NULL);
        assertThat(columns.get(6).type()).isEqualTo(MySqlType.JSON);
        assertThat(columns.get(7).type()).isEqualTo(MySqlType.JSON);
        assertThat(columns.get(8).type()).isEqualTo(MySqlType.JSON);
        assertThat(columns.get(9).type()).isEqualTo(MySqlType.VAR_STRING);
        assertThat(columns.get(10).type()).isEqualTo(MySqlType.LONGLONG);
        assertThat(values(rows)).containsExactly(new Object[] {"[1, 2]", "[1, 2]", "[1, 2]", "{\"a\": [1, 2]}", "{\"m\": {\"a\": [1, 2]}}", "[]",
                "[\"a\"]", "1", "{\"a\": [1, 2]}", "\"x\"", 1L});
    }

    @Test
    public void testMergesFollowMySqlTypeRules()
    {
        RowsResult rows = (RowsResult) single("SELECT IF(1, JSON_OBJECT(), NULL) AS a, COALESCE(NULL, JSON_ARRAY()) AS b, IF(1, JSON_OBJECT(), 'x') AS c, "
                + "CASE WHEN 1 THEN JSON_ARRAY() ELSE 1 END AS d, IFNULL(JSON_EXTRACT('[1]', '$[0]'), JSON_ARRAY()) AS e");
        List<ResultColumn> columns = rows.columns();
        assertThat(columns.get(0).type()).isEqualTo(MySqlType.JSON);
        assertThat(columns.get(1).type()).isEqualTo(MySqlType.JSON);
        // JSON with text or a number is LONGTEXT: MYSQL_TYPE_BLOB, utf8mb4
        assertThat(columns.get(2)).isEqualTo(ResultColumn.expression("c", MySqlType.BLOB, false, LONGTEXT_BYTES, NOT_NULL | BLOB, 31));
        assertThat(columns.get(3).type()).isEqualTo(MySqlType.BLOB);
        assertThat(columns.get(4).type()).isEqualTo(MySqlType.JSON);
        assertThat(values(rows)).containsExactly(new Object[] {"{}", "[]", "{}", "[]", "1"});

        RowsResult union = (RowsResult) single("SELECT JSON_OBJECT('k', 1) AS j UNION ALL SELECT NULL");
        assertThat(union.columns().get(0).type()).isEqualTo(MySqlType.JSON);
        assertThat(values(union)).containsExactly(new Object[] {"{\"k\": 1}"}, new Object[] {null});
        RowsResult mixed = (RowsResult) single("SELECT JSON_OBJECT('k', 1) AS j UNION ALL SELECT 'text'");
        assertThat(mixed.columns().get(0).type()).isEqualTo(MySqlType.BLOB);
        assertThat(mixed.columns().get(0).binary()).isFalse();
        assertThat(values(mixed)).containsExactly(new Object[] {"{\"k\": 1}"}, new Object[] {"text"});
    }

    private QueryResult single(String sql)
    {
        List<QueryResult> results = new ArrayList<>();
        engine.execute(session, sql, results::add);
        assertThat(results).hasSize(1);
        return results.get(0);
    }

    private void run(String sql)
    {
        engine.execute(session, sql, result -> {
            if (result instanceof RowsResult rows) {
                rows.rows().close();
            }
        });
    }

    private static List<Object[]> values(RowsResult rows)
    {
        List<Object[]> result = new ArrayList<>();
        try (RowCursor cursor = rows.rows()) {
            cursor.forEachRemaining(result::add);
        }
        return result;
    }
}
