package dev.quiver.sql.execution;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

import static java.util.Objects.requireNonNull;

/** The server's status counters for SHOW STATUS: uptime, connections, questions and {@code Com_*} per statement kind. */
public final class ServerStatus
{
    private final long startNanos = System.nanoTime();
    private final LongAdder questions = new LongAdder();
    private final AtomicLong connections = new AtomicLong();
    private final Map<String, LongAdder> commands = new ConcurrentHashMap<>();
    private final LongSupplier threadsConnected;
    private final LongAdder rowsExamined = new LongAdder();

    /**
     * Rows read by table accesses: every row a scan returned, plus what each vector, full-text or hybrid search
     * reports as examined (rows scored or filtered). SHOW [SESSION] STATUS shows the connection's own count, SHOW
     * GLOBAL STATUS the server's; tests use it to prove an index search did not read the whole table.
     */
    public static final String ROWS_EXAMINED = "Quiver_rows_examined";

    public ServerStatus(LongSupplier threadsConnected)
    {
        this.threadsConnected = requireNonNull(threadsConnected, "threadsConnected is null");
    }

    public void recordConnection()
    {
        connections.incrementAndGet();
    }

    public void recordQuestion()
    {
        questions.increment();
    }

    /** Counts a statement under {@code Com_<kind>} (MySQL's names: select, set_option, show_variables, ...). */
    public void recordCommand(String counter)
    {
        commands.computeIfAbsent(counter, ignored -> new LongAdder()).increment();
    }

    public void recordRowsExamined(long rows)
    {
        rowsExamined.add(rows);
    }

    /** Every counter, sorted by name, as SHOW STATUS prints them. */
    public Map<String, String> snapshot()
    {
        Map<String, String> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String each : new String[] {"begin", "change_db", "commit", "create_db", "drop_db", "kill", "rollback", "select",
                "set_option", "show_charsets", "show_collations", "show_databases", "show_engines", "show_errors", "show_status",
                "show_variables", "show_warnings"}) {
            LongAdder counter = commands.get(each);
            result.put("Com_" + each, Long.toString(counter == null ? 0 : counter.sum()));
        }
        long uptime = (System.nanoTime() - startNanos) / 1_000_000_000L;
        result.put("Aborted_clients", "0");
        result.put("Aborted_connects", "0");
        result.put("Connections", Long.toString(connections.get()));
        result.put("Queries", Long.toString(questions.sum()));
        result.put("Questions", Long.toString(questions.sum()));
        result.put(ROWS_EXAMINED, Long.toString(rowsExamined.sum()));
        result.put("Threads_connected", Long.toString(threadsConnected.getAsLong()));
        result.put("Threads_running", "1");
        result.put("Uptime", Long.toString(uptime));
        result.put("Uptime_since_flush_status", Long.toString(uptime));
        return result;
    }
}
