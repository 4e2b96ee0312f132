package dev.quiver.sql.testing;

import dev.quiver.common.QuiverException;
import dev.quiver.sql.EngineConfig;
import dev.quiver.sql.QueryEngine;
import dev.quiver.sql.Session;
import dev.quiver.sql.SessionContext;
import dev.quiver.sql.expression.Values;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.result.UpdateCountResult;
import dev.quiver.sql.security.AllowAllAccessControl;
import dev.quiver.sql.security.Identity;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.memory.InMemoryStorageEngine;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** Runs scripts against a {@link QueryEngine} over an {@link InMemoryStorageEngine}, in the test's own thread. */
public final class InProcessTarget
        implements ScriptTarget
{
    public static final EngineConfig CONFIG = new EngineConfig("8.0.36-seekdb-v1.4.0.0", 67_108_864, 2881, EngineConfig.DEFAULT_VERSION_COMMENT, "localhost", "");

    private final QueryEngine engine;
    private final Session session;

    public InProcessTarget()
    {
        this(new InMemoryStorageEngine());
    }

    public InProcessTarget(StorageEngine storage)
    {
        this(new QueryEngine(requireNonNull(storage, "storage is null"), new AllowAllAccessControl(), CONFIG), 1);
    }

    public InProcessTarget(QueryEngine engine, long connectionId)
    {
        this.engine = requireNonNull(engine, "engine is null");
        // CLIENT_FOUND_ROWS on, as both JDBC drivers connect by default (useAffectedRows=false), so that the
        // scripts read the same over TCP; affected-rows mode is covered by TestTableStatements
        this.session = engine.openSession(new SessionContext(connectionId, new Identity("root", "localhost", "%"), true, true));
    }

    public Session session()
    {
        return session;
    }

    @Override
    public List<ScriptOutcome> execute(String sql)
    {
        List<ScriptOutcome> result = new ArrayList<>();
        try {
            engine.execute(session, sql, each -> result.add(outcome(each)));
        }
        catch (QuiverException ex) {
            result.add(new ScriptOutcome.Error(ex.vendorCode(), ex.getMessage()));
        }
        return result;
    }

    static ScriptOutcome outcome(QueryResult result)
    {
        return switch (result) {
            case UpdateCountResult update -> new ScriptOutcome.UpdateCount(update.affectedRows());
            case RowsResult rows -> {
                List<String> labels = rows.columns().stream().map(ResultColumn::name).toList();
                List<List<String>> values = new ArrayList<>();
                try (RowCursor cursor = rows.rows()) {
                    while (cursor.hasNext()) {
                        List<String> row = new ArrayList<>();
                        for (Object each : cursor.next()) {
                            row.add(each == null ? null : Values.text(each));
                        }
                        values.add(row);
                    }
                }
                yield new ScriptOutcome.Rows(labels, values);
            }
        };
    }

    @Override
    public void close()
    {
        engine.closeSession(session);
    }
}
