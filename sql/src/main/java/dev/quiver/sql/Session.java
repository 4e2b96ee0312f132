package dev.quiver.sql;

import dev.quiver.sql.security.Identity;
import dev.quiver.sql.session.Warning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One client session: who is connected, the current database, session system variables and user variables,
 * transaction state and the diagnostics of the last statement. Used by one command at a time (the connection's
 * command executor); {@link #kill()} may come from another thread.
 */
public final class Session
{
    private final SessionContext context;
    private final Map<String, Object> systemVariables;
    private final Map<String, Object> userVariables = new HashMap<>();
    private final List<Warning> warnings = new ArrayList<>();
    private String database;
    private boolean inTransaction;
    private boolean wroteInTransaction;
    private long lastInsertId;
    private long rowCount = -1;
    private long foundRows;
    private long rowsExamined;
    private volatile boolean killed;
    private volatile Runnable onKill = () -> {};
    private boolean multiStatements;

    Session(SessionContext context, Map<String, Object> systemVariables)
    {
        this.context = requireNonNull(context, "context is null");
        this.multiStatements = context.multiStatements();
        this.systemVariables = new HashMap<>(requireNonNull(systemVariables, "systemVariables is null"));
    }

    public long connectionId()
    {
        return context.connectionId();
    }

    public Identity identity()
    {
        return context.identity();
    }

    public SessionContext context()
    {
        return context;
    }

    /** Whether one COM_QUERY may hold several statements (CLIENT_MULTI_STATEMENTS, switched by COM_SET_OPTION). */
    public boolean multiStatements()
    {
        return multiStatements;
    }

    public void setMultiStatements(boolean enabled)
    {
        this.multiStatements = enabled;
    }

    /** The current database, or null if none. */
    public String database()
    {
        return database;
    }

    public void setDatabase(String database)
    {
        this.database = database;
    }

    public boolean autocommit()
    {
        Object value = systemVariables.get("autocommit");
        return value instanceof Long number && number != 0;
    }

    /** True after BEGIN, or once a statement ran with autocommit off, until COMMIT or ROLLBACK. */
    public boolean inTransaction()
    {
        return inTransaction;
    }

    /** True when the open transaction has applied a write that ROLLBACK could not undo. */
    public boolean wroteInTransaction()
    {
        return wroteInTransaction;
    }

    public void beginTransaction()
    {
        inTransaction = true;
        wroteInTransaction = false;
    }

    public void endTransaction()
    {
        inTransaction = false;
        wroteInTransaction = false;
    }

    /** Called by statements that write, so that a later ROLLBACK answers an error. */
    public void recordWrite()
    {
        if (inTransaction) {
            wroteInTransaction = true;
        }
    }

    /** The number of warnings (notes included) of the last statement. */
    public int warningCount()
    {
        return warnings.size();
    }

    public int errorCount()
    {
        return (int) warnings.stream().filter(each -> each.level() == Warning.Level.Error).count();
    }

    public List<Warning> warnings()
    {
        return List.copyOf(warnings);
    }

    public void clearWarnings()
    {
        warnings.clear();
    }

    public void addWarning(Warning warning)
    {
        warnings.add(requireNonNull(warning, "warning is null"));
    }

    public long lastInsertId()
    {
        return lastInsertId;
    }

    public void setLastInsertId(long lastInsertId)
    {
        this.lastInsertId = lastInsertId;
    }

    /** ROW_COUNT(): affected rows of the last DML, -1 after a statement that returned rows. */
    public long rowCount()
    {
        return rowCount;
    }

    public void setRowCount(long rowCount)
    {
        this.rowCount = rowCount;
    }

    /** Rows this connection's table accesses examined (SHOW SESSION STATUS LIKE 'Quiver_rows_examined'). */
    public long rowsExamined()
    {
        return rowsExamined;
    }

    public void addRowsExamined(long rows)
    {
        rowsExamined += rows;
    }

    public long foundRows()
    {
        return foundRows;
    }

    public void setFoundRows(long foundRows)
    {
        this.foundRows = foundRows;
    }

    /** The session value of a session-scoped system variable (the caller checked the scope). */
    public Object systemVariable(String name)
    {
        return systemVariables.get(name);
    }

    public void setSystemVariable(String name, Object value)
    {
        systemVariables.put(name, value);
    }

    /** A user variable's value: empty when never set (which reads as NULL). */
    public Optional<Object> userVariable(String name)
    {
        return Optional.ofNullable(userVariables.get(name.toLowerCase(Locale.ROOT)));
    }

    public void setUserVariable(String name, Object value)
    {
        String key = name.toLowerCase(Locale.ROOT);
        if (value == null) {
            userVariables.remove(key);
            return;
        }
        userVariables.put(key, value);
    }

    void reset(Map<String, Object> defaults)
    {
        systemVariables.clear();
        systemVariables.putAll(defaults);
        userVariables.clear();
        warnings.clear();
        inTransaction = false;
        wroteInTransaction = false;
        lastInsertId = 0;
        rowCount = -1;
        foundRows = 0;
    }

    public boolean killed()
    {
        return killed;
    }

    /**
     * {@code KILL CONNECTION}: marks the session and runs what the connection layer registered with {@link #onKill}
     * (closing the connection, at once when idle, after the running command's response otherwise). May be called
     * from another session's thread.
     */
    public void markKilled()
    {
        killed = true;
        onKill.run();
    }

    /** What {@link #markKilled} does to the connection; the connection layer sets it once the session is open. */
    public void onKill(Runnable action)
    {
        this.onKill = requireNonNull(action, "action is null");
    }
}
