package dev.quiver.sql.testing;

import java.util.List;

/**
 * Where a script's statements run: in-process against {@code QueryEngine} ({@link InProcessTarget}) or over a
 * real connection (the {@code it} module's JDBC target). One target is one session, opened per script.
 */
public interface ScriptTarget
        extends AutoCloseable
{
    /**
     * Runs the text (possibly several statements) and answers one outcome per statement that ran, in order; an
     * error is the last outcome.
     */
    List<ScriptOutcome> execute(String sql);

    @Override
    void close();
}
