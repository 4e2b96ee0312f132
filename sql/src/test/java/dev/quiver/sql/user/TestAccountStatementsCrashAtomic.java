package dev.quiver.sql.user;

import dev.quiver.common.PasswordHash;
import dev.quiver.sql.QueryEngine;
import dev.quiver.sql.Session;
import dev.quiver.sql.SessionContext;
import dev.quiver.sql.security.GrantAccessControl;
import dev.quiver.sql.security.Identity;
import dev.quiver.sql.testing.InProcessTarget;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.lucene.LuceneStorageEngine;
import dev.quiver.storage.memory.InMemoryStorageEngine;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.table.ScanRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Account statements are all-or-nothing across a crash ({@link AccountRedoLog}): each statement that writes several
 * grant table rows is run with a fault hook that stops it after k of its n storage writes, for every k; the engine is
 * then reopened (the durable one from its files) with a new account store, and the grant tables must equal the state before the statement (k = 0: the log
 * row was never written) or after it (k >= 1), never a mix. Recovery interrupted after j of its writes is covered too.
 */
class TestAccountStatementsCrashAtomic
{
    private static final List<String> SETUP = List.of(
            "CREATE DATABASE shop",
            "CREATE TABLE shop.orders (id INT PRIMARY KEY, a INT, b INT, c INT)",
            "CREATE USER u IDENTIFIED BY 'pw'",
            "CREATE USER v@localhost IDENTIFIED BY 'pw'",
            "GRANT SELECT ON shop.* TO u",
            "GRANT SELECT (a, b), INSERT (c), UPDATE ON shop.orders TO u",
            "GRANT INSERT ON shop.* TO v@localhost");

    /** Statements that change rows of more than one grant table (or several rows of one), and one with a single change. */
    private static final List<String> STATEMENTS = List.of(
            "GRANT SELECT (c), UPDATE (a), DELETE ON shop.orders TO u, v@localhost WITH GRANT OPTION",
            "REVOKE SELECT (a), UPDATE ON shop.orders FROM u",
            "REVOKE ALL PRIVILEGES, GRANT OPTION FROM u, v@localhost",
            "DROP USER u, v@localhost",
            "RENAME USER u TO w@'10.%', v@localhost TO u",
            "CREATE USER x1, x2@localhost IDENTIFIED BY 'y'",
            "ALTER USER u IDENTIFIED BY 'a', v@localhost IDENTIFIED WITH mysql_native_password BY 'b'",
            "GRANT CREATE, DROP ON *.* TO u");

    @TempDir
    Path directory;

    private int dataDirectories;

    /** Stops the statement: after {@code budget} writes every further write throws. */
    private static final class Faults
            implements Runnable
    {
        private int writes;
        private int budget = Integer.MAX_VALUE;
        private boolean tripped;

        @Override
        public void run()
        {
            if (writes >= budget) {
                tripped = true;
                throw new IllegalStateException("simulated crash after " + budget + " writes");
            }
            writes++;
        }

        void arm(int newBudget)
        {
            writes = 0;
            budget = newBudget;
        }
    }

    /** Where a test's engines come from, and how one is reopened after a simulated crash. */
    private interface Engines
    {
        StorageEngine fresh();

        /** The engine as a restarted server sees it. */
        StorageEngine reopen(StorageEngine crashed);
    }

    /** Every statement on the in-memory engine: a crash loses nothing a write acknowledged, as on a durable engine. */
    @Test
    void testEveryStatementIsBeforeOrAfterWhereverItStops()
    {
        Engines memory = new Engines()
        {
            @Override
            public StorageEngine fresh()
            {
                return new InMemoryStorageEngine();
            }

            @Override
            public StorageEngine reopen(StorageEngine crashed)
            {
                return crashed;
            }
        };
        STATEMENTS.forEach(statement -> sweep(statement, memory));
    }

    /** A GRANT writing tables_priv and columns_priv rows of two accounts on the durable engine, closed and reopened from its files after every stop. */
    @Test
    void testStatementsStoppedOnTheDurableEngineAreBeforeOrAfterAfterReopen()
    {
        Map<StorageEngine, Path> paths = new IdentityHashMap<>();
        Engines lucene = new Engines()
        {
            @Override
            public StorageEngine fresh()
            {
                Path data = newDataDirectory();
                StorageEngine storage = LuceneStorageEngine.open(data);
                paths.put(storage, data);
                return storage;
            }

            @Override
            public StorageEngine reopen(StorageEngine crashed)
            {
                crashed.close();
                StorageEngine storage = LuceneStorageEngine.open(paths.get(crashed));
                paths.put(storage, paths.get(crashed));
                return storage;
            }
        };
        sweep(STATEMENTS.get(0), lucene);
        paths.keySet().forEach(StorageEngine::close);
    }

    /**
     * Runs the statement once cleanly (before and after states, n writes), then for every k < n stops it after k writes,
     * reopens and checks the tables equal the before-state (k = 0) or the after-state.
     */
    private static void sweep(String statement, Engines engines)
    {
        StorageEngine clean = engines.fresh();
        Faults counter = new Faults();
        Harness harness = new Harness(clean, counter);
        SETUP.forEach(harness::run);
        List<String> before = dump(clean);
        counter.arm(Integer.MAX_VALUE);
        harness.run(statement);
        int writes = counter.writes;
        List<String> after = dump(clean);
        assertThat(after).as(statement).isNotEqualTo(before);
        // several row changes: the log row, each change, the log row's removal; a single change is written alone
        if (statement.endsWith("ON *.* TO u")) {
            assertThat(writes).as("%s writes", statement).isEqualTo(1);
        }
        else {
            assertThat(writes).as("%s writes", statement).isGreaterThanOrEqualTo(4);
        }
        for (int k = 0; k < writes; k++) {
            StorageEngine storage = engines.fresh();
            Faults faults = new Faults();
            Harness stopped = new Harness(storage, faults);
            SETUP.forEach(stopped::run);
            faults.arm(k);
            assertThatThrownBy(() -> stopped.run(statement)).as("%s stopped after %s of %s writes", statement, k, writes);
            assertThat(faults.tripped).isTrue();
            StorageEngine reopened = engines.reopen(storage);
            UserStore users = new UserStore(reopened);
            assertThat(dump(reopened)).as("%s stopped after %s of %s writes, then reopened", statement, k, writes).isEqualTo(k == 0 ? before : after);
            assertThat(reopened.table(GrantTables.DATABASE, AccountRedoLog.TABLE).scan(ScanRequest.all()).toList()).isEmpty();
            assertThat(users.model().accounts()).isNotEmpty();
        }
    }

    @Test
    void testRecoveryInterruptedItselfStillEndsInTheAfterState()
    {
        String statement = STATEMENTS.get(3);
        Path clean = newDataDirectory();
        List<String> after;
        try (StorageEngine storage = LuceneStorageEngine.open(clean)) {
            Harness harness = new Harness(storage, new Faults());
            SETUP.forEach(harness::run);
            harness.run(statement);
            after = dump(storage);
        }
        for (int j = 0; j < 6; j++) {
            Path data = newDataDirectory();
            try (StorageEngine storage = LuceneStorageEngine.open(data)) {
                Faults faults = new Faults();
                Harness harness = new Harness(storage, faults);
                SETUP.forEach(harness::run);
                faults.arm(2);
                assertThatThrownBy(() -> harness.run(statement));
            }
            try (StorageEngine storage = LuceneStorageEngine.open(data)) {
                Faults faults = new Faults();
                faults.arm(j);
                assertThatThrownBy(() -> new UserStore(storage, faults)).as("recovery stopped after %s writes", j);
            }
            try (StorageEngine storage = LuceneStorageEngine.open(data)) {
                new UserStore(storage);
                assertThat(dump(storage)).as("recovery stopped after %s writes, then reopened", j).isEqualTo(after);
            }
        }
    }

    @Test
    void testChangeListRoundTrips()
    {
        List<GrantRowChange> changes = List.of(
                new GrantRowChange.Put("user", List.of("Host", "User", "plugin"), List.of(Value.of("h".getBytes(StandardCharsets.UTF_8)), Value.of(new byte[0]),
                        Value.of("caching_sha2_password"))),
                new GrantRowChange.Delete("columns_priv", List.of("Host", "User"), List.of(Value.of("%".getBytes(StandardCharsets.UTF_8)),
                        Value.of("ü".getBytes(StandardCharsets.UTF_8)))));
        List<GrantRowChange> decoded = AccountRedoLog.decode(AccountRedoLog.encode(changes));
        assertThat(decoded).hasSize(2);
        assertThat(decoded.get(0)).isInstanceOf(GrantRowChange.Put.class);
        assertThat(decoded.get(1)).isInstanceOf(GrantRowChange.Delete.class);
        for (int i = 0; i < 2; i++) {
            assertThat(text(decoded.get(i).values())).isEqualTo(text(changes.get(i).values()));
            assertThat(decoded.get(i).columns()).isEqualTo(changes.get(i).columns());
        }
    }

    private Path newDataDirectory()
    {
        return directory.resolve("data" + dataDirectories++);
    }

    /** Every row of the four grant tables, as text, table by table in key order. */
    private static List<String> dump(StorageEngine storage)
    {
        List<String> result = new ArrayList<>();
        for (String table : List.of(GrantTables.USER, GrantTables.DB, GrantTables.TABLES, GrantTables.COLUMNS)) {
            List<String> rows = new ArrayList<>();
            for (Row row : storage.table(GrantTables.DATABASE, table).scan(ScanRequest.all()).toList()) {
                rows.add(table + ": " + text(row.values()));
            }
            rows.sort(null);
            result.addAll(rows);
        }
        return result;
    }

    private static String text(List<Value> values)
    {
        return values.stream().map(each -> each instanceof Value.BytesValue bytes ? new String(bytes.value(), StandardCharsets.UTF_8) : each.toSqlText())
                .collect(Collectors.joining("|"));
    }

    /** A query engine over the storage whose account store writes through the fault hook, and a root session. */
    private static final class Harness
    {
        private final QueryEngine engine;
        private final Session root;

        Harness(StorageEngine storage, Faults faults)
        {
            UserStore users = new UserStore(storage, faults);
            users.bootstrap(PasswordHash.EMPTY);
            engine = new QueryEngine(storage, new GrantAccessControl(users::model), users, InProcessTarget.CONFIG);
            root = engine.openSession(new SessionContext(1, new Identity("root", "localhost", "%"), false, true));
        }

        void run(String sql)
        {
            engine.execute(root, sql, ignored -> {});
        }
    }
}
