package dev.quiver.it.server;

import dev.quiver.it.testing.ServerProcess;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5's crash test end to end: {@code bin/quiver-server} is killed with SIGKILL while 4 JDBC clients run
 * ON DUPLICATE KEY UPDATE into a VECTOR + JSON table created over SQL just before. After a restart on the same
 * data directory the table, its definition and indexes are back, every acknowledged row holds its last
 * acknowledged value (or the value of the statement in flight at the kill), and the two rows each statement
 * writes agree, so no statement is half-applied. The seed is printed; {@code -Dtests.seed=S} replays.
 */
class TestKillNineRecovery
{
    private static final int WRITERS = 4;
    private static final int SLOTS = 25;
    private static final int CYCLES = 2;

    private record Write(long sequence, long inFlight) {}

    @Test
    void testAcknowledgedUpsertsSurviveKillNine()
            throws Exception
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        System.out.println("TestKillNineRecovery seed " + seed);
        Random random = new Random(seed);
        Path dataDirectory = Files.createTempDirectory("quiver-kill9-");
        Map<String, Write> acknowledged = new ConcurrentHashMap<>();
        try {
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                try (ServerProcess server = ServerProcess.start(dataDirectory)) {
                    String url = server.jdbcUrl("test");
                    if (cycle == 0) {
                        createTable(url);
                    }
                    else {
                        verify(url, acknowledged);
                    }
                    runWritersThenKill(url, server, acknowledged, cycle, random.nextInt(1500) + 1500);
                }
            }
            try (ServerProcess server = ServerProcess.start(dataDirectory)) {
                verify(server.jdbcUrl("test"), acknowledged);
            }
        }
        finally {
            TestingServer.deleteRecursively(dataDirectory);
        }
    }

    private static void createTable(String url)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(url, "root", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE docs (_id VARBINARY(512) PRIMARY KEY, document STRING, embedding VECTOR(3), metadata JSON, "
                    + "FULLTEXT INDEX idx_doc(document) WITH PARSER ik, "
                    + "VECTOR INDEX idx_vec(embedding) WITH(distance=l2, type=hnsw, lib=vsag)) ORGANIZATION = HEAP");
        }
    }

    /** Runs the writers until {@code acknowledgements} statements were acknowledged, then kills the server. */
    private static void runWritersThenKill(String url, ServerProcess server, Map<String, Write> acknowledged, int cycle, int acknowledgements)
            throws Exception
    {
        AtomicLong count = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int writer = 0; writer < WRITERS; writer++) {
            int id = writer;
            writers.add(Thread.ofPlatform().start(() -> write(url, id, cycle, acknowledged, count, stop)));
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (count.get() < acknowledgements && System.nanoTime() < deadline) {
            server.process().waitFor(5, TimeUnit.MILLISECONDS);
        }
        server.kill();
        stop.set(true);
        for (Thread each : writers) {
            each.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(count.get()).as("statements acknowledged before the kill").isPositive();
    }

    private static void write(String url, int writer, int cycle, Map<String, Write> acknowledged, AtomicLong count, AtomicBoolean stop)
    {
        Random random = new Random(writer * 7919L + cycle);
        try (Connection connection = DriverManager.getConnection(url, "root", "");
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO docs (_id, document, embedding, metadata) VALUES (?, ?, ?, ?), (?, ?, ?, ?) "
                        + "ON DUPLICATE KEY UPDATE document = VALUES(document), embedding = VALUES(embedding), metadata = VALUES(metadata)")) {
            long sequence = (long) cycle * 1_000_000_000L + writer * 10_000_000L;
            while (!stop.get()) {
                sequence++;
                int slot = random.nextInt(SLOTS);
                String key = writer + "-" + slot;
                Write previous = acknowledged.get(key);
                acknowledged.put(key, new Write(previous == null ? -1 : previous.sequence(), sequence));
                for (int row = 0; row < 2; row++) {
                    int offset = row * 4;
                    upsert.setString(offset + 1, key + (row == 0 ? "-a" : "-b"));
                    upsert.setString(offset + 2, "doc " + sequence);
                    upsert.setString(offset + 3, "[" + sequence % 1000 + "," + slot + "," + writer + "]");
                    upsert.setString(offset + 4, "{\"sequence\": " + sequence + ", \"writer\": " + writer + "}");
                }
                upsert.executeUpdate();
                acknowledged.put(key, new Write(sequence, sequence));
                count.incrementAndGet();
            }
        }
        catch (SQLException expected) {
            // the kill cuts the connection; the statement in flight is recorded as such
        }
    }

    private static void verify(String url, Map<String, Write> acknowledged)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(url, "root", ""); Statement statement = connection.createStatement()) {
            try (ResultSet result = statement.executeQuery("SHOW CREATE TABLE docs")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(2)).contains("`embedding` vector(3)", "FULLTEXT", "WITH PARSER ik", "VECTOR KEY", "distance=l2");
            }
            Map<String, String[]> rows = new HashMap<>();
            try (ResultSet result = statement.executeQuery("SELECT _id, document, embedding, metadata FROM docs")) {
                while (result.next()) {
                    rows.put(new String(result.getBytes(1), java.nio.charset.StandardCharsets.UTF_8),
                            new String[] {result.getString(2), result.getString(3), result.getString(4)});
                }
            }
            for (Map.Entry<String, Write> each : acknowledged.entrySet()) {
                String[] a = rows.get(each.getKey() + "-a");
                String[] b = rows.get(each.getKey() + "-b");
                Write write = each.getValue();
                if (write.sequence() < 0 && a == null) {
                    assertThat(b).as("a statement applied half: %s", each.getKey()).isNull();
                    continue;
                }
                assertThat(a).as("acknowledged row %s-a is missing", each.getKey()).isNotNull();
                assertThat(b).as("row %s-b of the same statements", each.getKey()).isNotNull();
                assertThat(b[0]).as("both rows of one statement agree for %s", each.getKey()).isEqualTo(a[0]);
                long found = Long.parseLong(a[0].substring("doc ".length()));
                assertThat(found).as("%s holds its last acknowledged value or the one in flight", each.getKey())
                        .isIn(write.sequence(), write.inFlight());
                assertThat(a[2]).contains("\"sequence\": " + found);
                // the table now holds exactly what recovery found; later cycles start from it
                each.setValue(new Write(found, found));
            }
        }
    }
}
