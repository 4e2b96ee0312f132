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

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

public class TestQueryEngine
{
    private static final int NOT_NULL = 1;
    private static final int BINARY = 128;
    private static final int NUM = 32768;
    private static final int UNSIGNED = 32;

    private final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    private final QueryEngine engine = new QueryEngine(storage, new AllowAllAccessControl(), InProcessTarget.CONFIG);
    private final Session session = open(1, true);

    private Session open(long connectionId, boolean multiStatements)
    {
        return engine.openSession(new SessionContext(connectionId, new Identity("root", "localhost", "%"), false, multiStatements));
    }

    @Test
    public void testColumnMetadataFollowsMySql()
    {
        RowsResult rows = (RowsResult) single("SELECT 1, 1.5, 1e3, 'abc', NULL, @@max_allowed_packet, @@version_comment, 7 / 2");
        List<ResultColumn> columns = rows.columns();
        assertThat(columns.get(0)).isEqualTo(ResultColumn.expression("1", MySqlType.LONGLONG, true, 1, NOT_NULL | BINARY | NUM, 0));
        assertThat(columns.get(1)).isEqualTo(ResultColumn.expression("1.5", MySqlType.NEWDECIMAL, true, 4, NOT_NULL | BINARY | NUM, 1));
        assertThat(columns.get(2)).isEqualTo(ResultColumn.expression("1e3", MySqlType.DOUBLE, true, 22, NOT_NULL | BINARY | NUM, 31));
        assertThat(columns.get(3)).isEqualTo(ResultColumn.expression("abc", MySqlType.VAR_STRING, false, 12, NOT_NULL, 31));
        assertThat(columns.get(4)).isEqualTo(ResultColumn.expression("NULL", MySqlType.NULL, true, 0, BINARY | NUM, 0));
        assertThat(columns.get(5)).isEqualTo(ResultColumn.expression("@@max_allowed_packet", MySqlType.LONGLONG, true, 21, UNSIGNED | BINARY | NUM, 0));
        assertThat(columns.get(6).type()).isEqualTo(MySqlType.VAR_STRING);
        assertThat(columns.get(6).binary()).isFalse();
        assertThat(columns.get(7).type()).isEqualTo(MySqlType.NEWDECIMAL);
        assertThat(columns.get(7).decimals()).isEqualTo(4);
        assertThat(values(rows)).containsExactly(new Object[] {1L, new BigDecimal("1.5"), 1000.0, "abc", null, 67_108_864L, EngineConfig.DEFAULT_VERSION_COMMENT, new BigDecimal("3.5000")});
    }

    @Test
    public void testSessionFunctions()
    {
        List<Object[]> rows = values((RowsResult) single("SELECT USER(), CURRENT_USER(), CONNECTION_ID(), VERSION(), @@hostname, @@port, @@datadir"));
        assertThat(rows.get(0)).containsExactly("root@localhost", "root@%", 1L, "8.0.36-seekdb-v1.4.0.0", "localhost", 2881L, "");
    }

    @Test
    public void testMultiStatementsDeliverEarlierResultsBeforeTheError()
    {
        List<QueryResult> results = new ArrayList<>();
        assertThatThrownBy(() -> engine.execute(session, "SELECT 1; SET @a = 2; SELECT @@nope; SELECT 4", results::add))
                .isInstanceOfSatisfying(QuiverException.class, ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.ER_UNKNOWN_SYSTEM_VARIABLE));
        assertThat(results).hasSize(2);
        assertThat(results.get(1)).isEqualTo(UpdateCountResult.EMPTY);
        assertThat(session.userVariable("a")).contains(2L);
    }

    @Test
    public void testParseErrorOfALaterStatementComesAfterEarlierResults()
    {
        List<QueryResult> results = new ArrayList<>();
        assertThatThrownBy(() -> engine.execute(session, "SELECT 1; SELEC 2", results::add))
                .isInstanceOfSatisfying(QuiverException.class, ex -> assertThat(ex.getMessage()).contains("near 'SELEC 2'"));
        assertThat(results).hasSize(1);
    }

    @Test
    public void testWithoutMultiStatementsASecondStatementIsASyntaxError()
    {
        Session single = open(2, false);
        List<QueryResult> results = new ArrayList<>();
        assertThatThrownBy(() -> engine.execute(single, "SELECT 1; SELECT 2", results::add))
                .isInstanceOfSatisfying(QuiverException.class, ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.ER_PARSE_ERROR));
        assertThat(results).isEmpty();
        engine.execute(single, "SELECT 1;", results::add);
        assertThat(results).hasSize(1);
    }

    @Test
    public void testMultiStatementsSwitchedPerSession()
    {
        Session single = open(3, false);
        single.setMultiStatements(true);
        List<QueryResult> results = new ArrayList<>();
        engine.execute(single, "SELECT 1; SELECT 2", results::add);
        assertThat(results).hasSize(2);
        single.setMultiStatements(false);
        assertThatThrownBy(() -> engine.execute(single, "SELECT 1; SELECT 2", results::add))
                .isInstanceOfSatisfying(QuiverException.class, ex -> assertThat(ex.errorCode()).isEqualTo(ErrorCode.ER_PARSE_ERROR));
    }

    @Test
    public void testPreparedStatementBindsTypedParameters()
    {
        PreparedQuery query = engine.prepare(session, "SELECT ? AS a, ? + 1 AS b, CONCAT(?, 'x') AS c, ? IS NULL AS d, ? AS e, ? AS f");
        assertThat(query.parameterCount()).isEqualTo(6);
        assertThat(query.columns()).isEmpty();
        List<QueryResult> results = new ArrayList<>();
        engine.execute(session, query, Arrays.asList(5L, new BigDecimal("1.5"), "it's", null, LocalDate.of(2024, 2, 29), new byte[] {1, 2}), results::add);
        RowsResult rows = (RowsResult) results.get(0);
        Object[] row = values(rows).get(0);
        assertThat(row[0]).isEqualTo(5L);
        assertThat(row[1]).isEqualTo(new BigDecimal("2.5"));
        assertThat(row[2]).isEqualTo("it'sx");
        assertThat(row[3]).isEqualTo(1L);
        assertThat(row[4]).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat((byte[]) row[5]).containsExactly(1, 2);
        assertThat(rows.columns().get(0).type()).isEqualTo(MySqlType.LONGLONG);
        assertThat(rows.columns().get(4).type()).isEqualTo(MySqlType.DATE);
        assertThat(rows.columns().get(5).binary()).isTrue();
    }

    @Test
    public void testPreparedStatementWithoutParametersReportsItsColumns()
    {
        PreparedQuery query = engine.prepare(session, "SELECT @@version AS v, 1 + 1");
        assertThat(query.parameterCount()).isZero();
        assertThat(query.columns()).extracting(ResultColumn::name).containsExactly("v", "1 + 1");
        PreparedQuery set = engine.prepare(session, "SET @x = ?");
        assertThat(set.parameterCount()).isEqualTo(1);
        engine.execute(session, set, List.of(LocalDateTime.of(2024, 1, 2, 3, 4, 5)), ignored -> {});
        assertThat(session.userVariable("x")).contains("2024-01-02 03:04:05");
    }

    @Test
    public void testPreparedStatementWithWrongParameterCount()
    {
        PreparedQuery query = engine.prepare(session, "SELECT ?");
        assertThatThrownBy(() -> engine.execute(session, query, List.of(), ignored -> {}))
                .isInstanceOfSatisfying(QuiverException.class, ex -> {
                    assertThat(ex.errorCode()).isEqualTo(ErrorCode.ER_WRONG_ARGUMENTS);
                    assertThat(ex.getMessage()).isEqualTo("Incorrect arguments to mysqld_stmt_execute");
                });
    }

    @Test
    public void testPrepareFailsLikeMySql()
    {
        assertError(() -> engine.prepare(session, "SELEC ?"), ErrorCode.ER_PARSE_ERROR);
        assertError(() -> engine.prepare(session, "SELECT @@nope"), ErrorCode.ER_UNKNOWN_SYSTEM_VARIABLE);
        assertError(() -> engine.prepare(session, "ALTER TABLE t ALTER COLUMN c SET INVISIBLE"), ErrorCode.ER_NOT_SUPPORTED_YET);
    }

    @Test
    public void testTransactionStatusFlags()
    {
        assertThat(session.autocommit()).isTrue();
        assertThat(session.inTransaction()).isFalse();
        run("BEGIN");
        assertThat(session.inTransaction()).isTrue();
        run("COMMIT");
        assertThat(session.inTransaction()).isFalse();
        run("SET autocommit = 0");
        assertThat(session.autocommit()).isFalse();
        assertThat(session.inTransaction()).isFalse();
        run("SELECT 1");
        assertThat(session.inTransaction()).isTrue();
        run("ROLLBACK");
        assertThat(session.inTransaction()).isFalse();
        run("SELECT 1");
        assertThat(session.inTransaction()).isTrue();
        run("SET autocommit = 1");
        assertThat(session.autocommit()).isTrue();
        assertThat(session.inTransaction()).isFalse();
    }

    @Test
    public void testRollbackAfterAWriteIsAnErrorNeverASilentOk()
    {
        run("START TRANSACTION");
        run("ROLLBACK");
        run("BEGIN");
        session.recordWrite();
        assertThat(session.wroteInTransaction()).isTrue();
        assertError(() -> run("ROLLBACK"), ErrorCode.ER_ROLLBACK_NOT_SUPPORTED);
        assertThat(session.inTransaction()).isFalse();
    }

    @Test
    public void testWarningCountOfTheLastStatement()
    {
        run("SELECT 1 / 0, 2 / 0");
        assertThat(session.warningCount()).isEqualTo(2);
        run("SHOW WARNINGS");
        assertThat(session.warningCount()).isEqualTo(2);
        run("SELECT 1");
        assertThat(session.warningCount()).isZero();
        run("DROP DATABASE IF EXISTS nope");
        assertThat(session.warningCount()).isEqualTo(1);
    }

    @Test
    public void testUseDatabaseAndFieldList()
    {
        assertError(() -> engine.useDatabase(session, "nope"), ErrorCode.ER_BAD_DB_ERROR);
        assertError(() -> engine.fieldList(session, "t", ""), ErrorCode.ER_NO_DB_ERROR);
        storage.createDatabase("test");
        engine.useDatabase(session, "test");
        assertThat(session.database()).isEqualTo("test");
        assertThatThrownBy(() -> engine.fieldList(session, "t", "%"))
                .isInstanceOfSatisfying(QuiverException.class, ex -> {
                    assertThat(ex.errorCode()).isEqualTo(ErrorCode.ER_NO_SUCH_TABLE);
                    assertThat(ex.getMessage()).isEqualTo("Table 'test.t' doesn't exist");
                });
    }

    @Test
    public void testResetSessionRestoresVariables()
    {
        run("SET @a = 1, wait_timeout = 5, autocommit = 0");
        run("SELECT 1");
        engine.resetSession(session);
        assertThat(session.userVariable("a")).isEmpty();
        assertThat(session.autocommit()).isTrue();
        assertThat(session.inTransaction()).isFalse();
        assertThat(values((RowsResult) single("SELECT @@wait_timeout")).get(0)[0]).isEqualTo(28800L);
    }

    @Test
    public void testGlobalVariablesAreServerWide()
    {
        run("SET GLOBAL wait_timeout = 77");
        Session other = open(3, true);
        List<QueryResult> results = new ArrayList<>();
        engine.execute(other, "SELECT @@wait_timeout, @@session.wait_timeout", results::add);
        assertThat(values((RowsResult) results.get(0)).get(0)).containsExactly(77L, 77L);
        assertThat(values((RowsResult) single("SELECT @@wait_timeout")).get(0)[0]).isEqualTo(28800L);
    }

    @Test
    public void testKillAnotherSession()
    {
        Session other = open(9, true);
        run("KILL 9");
        assertThat(other.killed()).isTrue();
        assertError(() -> run("KILL 10"), ErrorCode.ER_NO_SUCH_THREAD);
        engine.closeSession(other);
        assertError(() -> run("KILL 9"), ErrorCode.ER_NO_SUCH_THREAD);
    }

    @Test
    public void testStatusCountsConnectionsAndQuestions()
    {
        open(4, true);
        run("SELECT 1");
        List<Object[]> rows = values((RowsResult) single("SHOW STATUS WHERE Variable_name IN ('Threads_connected', 'Questions', 'Com_select', 'Connections')"));
        assertThat(rows).containsExactly(new Object[] {"Com_select", "1"}, new Object[] {"Connections", "2"}, new Object[] {"Questions", "2"}, new Object[] {"Threads_connected", "2"});
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

    private static void assertError(org.assertj.core.api.ThrowableAssert.ThrowingCallable callable, ErrorCode expected)
    {
        assertThatThrownBy(callable).isInstanceOfSatisfying(QuiverException.class, ex -> assertThat(ex.errorCode()).isEqualTo(expected));
    }
}
