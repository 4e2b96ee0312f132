package dev.quiver.sql;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.security.Identity;
import dev.quiver.sql.testing.InProcessTarget;
import dev.quiver.storage.memory.InMemoryStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every statement passes through {@link AccessControl}: a denying fake shows where. */
public class TestAccessControlChecks
{
    /** Denies everything on database {@code secret} and every SET GLOBAL. */
    private static final class DenySecretAccessControl
            implements AccessControl
    {
        @Override
        public void checkCanAccessDatabase(Identity identity, String database)
        {
            deny(identity, database);
        }

        @Override
        public void checkCanCreateDatabase(Identity identity, String database)
        {
            deny(identity, database);
        }

        @Override
        public void checkCanDropDatabase(Identity identity, String database)
        {
            deny(identity, database);
        }

        @Override
        public void checkCanSetGlobalVariable(Identity identity, String variable)
        {
            throw new QuiverException(ErrorCode.ER_SPECIFIC_ACCESS_DENIED_ERROR, "SUPER or SYSTEM_VARIABLES_ADMIN");
        }

        @Override
        public void checkCanKillConnection(Identity identity, Identity owner)
        {
            if (!identity.user().equals(owner.user())) {
                throw new QuiverException(ErrorCode.ER_SPECIFIC_ACCESS_DENIED_ERROR, "CONNECTION_ADMIN");
            }
        }

        @Override
        public void checkCanCreateTable(Identity identity, String database, String table)
        {
            deny(identity, database);
        }

        @Override
        public void checkCanDropTable(Identity identity, String database, String table)
        {
            deny(identity, database);
        }

        @Override
        public void checkCanAlterTable(Identity identity, String database, String table)
        {
            deny(identity, database);
        }

        @Override
        public void checkCanCreateIndex(Identity identity, String database, String table)
        {
            deny(identity, database);
        }

        @Override
        public void checkCanInsert(Identity identity, String database, String table, java.util.List<String> columns)
        {
            deny(identity, database);
        }

        @Override
        public void checkCanUpdate(Identity identity, String database, String table, java.util.List<String> columns)
        {
            deny(identity, database);
        }

        @Override
        public void checkCanDelete(Identity identity, String database, String table)
        {
            deny(identity, database);
        }

        @Override
        public void checkCanSelect(Identity identity, String database, String table, java.util.List<String> columns)
        {
            deny(identity, database);
        }

        @Override
        public boolean canSeeDatabase(Identity identity, String database)
        {
            return !database.equals("secret");
        }

        private static void deny(Identity identity, String database)
        {
            if (database.equals("secret")) {
                throw new QuiverException(ErrorCode.ER_DBACCESS_DENIED_ERROR, identity.user(), identity.clientHost(), database);
            }
        }
    }

    private final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    private final QueryEngine engine = new QueryEngine(storage, new DenySecretAccessControl(), InProcessTarget.CONFIG);
    private final Session session = engine.openSession(new SessionContext(1, new Identity("alice", "localhost", "%"), false, true));

    @Test
    public void testDatabaseStatementsAreChecked()
    {
        storage.createDatabase("secret");
        storage.createDatabase("open");
        assertDenied("USE secret", ErrorCode.ER_DBACCESS_DENIED_ERROR);
        assertDenied("CREATE DATABASE IF NOT EXISTS secret", ErrorCode.ER_DBACCESS_DENIED_ERROR);
        assertDenied("DROP DATABASE secret", ErrorCode.ER_DBACCESS_DENIED_ERROR);
        assertThatThrownBy(() -> engine.useDatabase(session, "secret"))
                .isInstanceOfSatisfying(QuiverException.class, ex -> assertThat(ex.getMessage()).isEqualTo("Access denied for user 'alice'@'localhost' to database 'secret'"));
        run("USE open");
        assertThat(session.database()).isEqualTo("open");
        List<Object[]> rows = rows("SHOW DATABASES");
        assertThat(rows).extracting(each -> each[0]).containsExactly("information_schema", "open");
    }

    @Test
    public void testTableStatementsAreChecked()
    {
        storage.createDatabase("secret");
        storage.createTable("secret", new dev.quiver.storage.catalog.TableDefinition("t",
                List.of(dev.quiver.storage.catalog.ColumnDefinition.notNull("id", dev.quiver.storage.catalog.ColumnType.IntegerType.signed(
                        dev.quiver.storage.catalog.ColumnType.IntegerWidth.INT))),
                List.of(dev.quiver.storage.catalog.IndexDefinition.primaryKey("id"))));
        for (String each : List.of(
                "SELECT * FROM secret.t", "SELECT COUNT(*) FROM secret.t", "INSERT INTO secret.t VALUES (1)", "REPLACE INTO secret.t VALUES (1)",
                "INSERT INTO secret.t VALUES (1) ON DUPLICATE KEY UPDATE id = 2", "INSERT IGNORE INTO secret.t VALUES (1)",
                "UPDATE secret.t SET id = 2", "DELETE FROM secret.t", "CREATE TABLE secret.u (id INT)", "DROP TABLE secret.t",
                "TRUNCATE TABLE secret.t", "CREATE INDEX i ON secret.t (id)", "DESCRIBE secret.t", "SHOW CREATE TABLE secret.t",
                "SHOW INDEX FROM secret.t", "SHOW TABLES FROM secret")) {
            assertDenied(each, ErrorCode.ER_DBACCESS_DENIED_ERROR);
        }
        assertThat(storage.table("secret", "t").count(dev.quiver.storage.filter.Filter.ALL)).isZero();
        assertThat(storage.tableExists("secret", "u")).isFalse();
    }

    @Test
    public void testSetGlobalIsCheckedAndSessionIsNot()
    {
        assertDenied("SET GLOBAL wait_timeout = 1", ErrorCode.ER_SPECIFIC_ACCESS_DENIED_ERROR);
        assertDenied("SET wait_timeout = 5, @@global.net_write_timeout = 1", ErrorCode.ER_SPECIFIC_ACCESS_DENIED_ERROR);
        assertDenied("SET GLOBAL TRANSACTION ISOLATION LEVEL SERIALIZABLE", ErrorCode.ER_SPECIFIC_ACCESS_DENIED_ERROR);
        assertThat(rows("SELECT @@wait_timeout").get(0)[0]).isEqualTo(28800L);
        run("SET SESSION wait_timeout = 5");
        assertThat(rows("SELECT @@wait_timeout").get(0)[0]).isEqualTo(5L);
    }

    @Test
    public void testKillIsChecked()
    {
        engine.openSession(new SessionContext(2, new Identity("bob", "localhost", "%"), false, true));
        Session own = engine.openSession(new SessionContext(3, new Identity("alice", "otherhost", "%"), false, true));
        assertDenied("KILL 2", ErrorCode.ER_SPECIFIC_ACCESS_DENIED_ERROR);
        run("KILL 3");
        assertThat(own.killed()).isTrue();
    }

    private void assertDenied(String sql, ErrorCode expected)
    {
        assertThatThrownBy(() -> run(sql)).isInstanceOfSatisfying(QuiverException.class, ex -> assertThat(ex.errorCode()).isEqualTo(expected));
    }

    private void run(String sql)
    {
        engine.execute(session, sql, result -> {
            if (result instanceof RowsResult rows) {
                rows.rows().close();
            }
        });
    }

    private List<Object[]> rows(String sql)
    {
        List<QueryResult> results = new ArrayList<>();
        engine.execute(session, sql, results::add);
        List<Object[]> result = new ArrayList<>();
        try (RowCursor cursor = ((RowsResult) results.get(0)).rows()) {
            cursor.forEachRemaining(result::add);
        }
        return result;
    }
}
