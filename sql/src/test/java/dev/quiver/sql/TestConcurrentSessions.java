package dev.quiver.sql;

import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.security.AllowAllAccessControl;
import dev.quiver.sql.security.Identity;
import dev.quiver.sql.testing.InProcessTarget;
import dev.quiver.storage.memory.InMemoryStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions share the engine (parser cache, globals, status) but never each other's state. */
public class TestConcurrentSessions
{
    private static final int SESSIONS = 4;
    private static final int ROUNDS = 300;

    @Test
    public void testSessionsStayIsolated()
            throws Exception
    {
        QueryEngine engine = new QueryEngine(new InMemoryStorageEngine(), new AllowAllAccessControl(), InProcessTarget.CONFIG);
        ExecutorService executor = Executors.newFixedThreadPool(SESSIONS);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < SESSIONS; i++) {
                long connectionId = i + 1;
                futures.add(executor.submit(() -> run(engine, connectionId)));
            }
            for (Future<Integer> each : futures) {
                assertThat(each.get(60, TimeUnit.SECONDS)).isEqualTo(ROUNDS);
            }
        }
        finally {
            executor.shutdownNow();
        }
    }

    private static int run(QueryEngine engine, long connectionId)
    {
        Session session = engine.openSession(new SessionContext(connectionId, new Identity("root", "localhost", "%"), false, true));
        int matched = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long value = connectionId * 1_000_000 + round;
            List<QueryResult> results = new ArrayList<>();
            engine.execute(session, "SET @v = " + value + ", wait_timeout = " + (connectionId * 10 + round % 7) + "; SELECT @v, @@wait_timeout, CONNECTION_ID(), 1 + 1", results::add);
            Object[] row;
            try (RowCursor cursor = ((RowsResult) results.get(1)).rows()) {
                row = cursor.next();
            }
            if (row[0].equals(value) && row[1].equals(connectionId * 10 + round % 7) && row[2].equals(connectionId) && row[3].equals(2L)) {
                matched++;
            }
        }
        engine.closeSession(session);
        return matched;
    }
}
