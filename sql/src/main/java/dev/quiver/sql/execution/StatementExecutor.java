package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.Session;
import dev.quiver.sql.analyzer.Analyzer;
import dev.quiver.sql.analyzer.QueryAnalysis;
import dev.quiver.sql.expression.Casts;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.ExpressionTypes;
import dev.quiver.sql.expression.Values;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.result.UpdateCountResult;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.session.Warning;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.user.AccountStatementExecutor;
import dev.quiver.sql.user.UserStore;
import dev.quiver.sql.variable.CharacterSets;
import dev.quiver.storage.StorageEngine;

import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;

import static java.util.Objects.requireNonNull;

/**
 * Runs one analyzed statement of this slice. Dispatch is one pattern-matching switch over the sealed statement
 * tree; the next slice adds table statements here (through a planner) rather than beside it.
 */
public final class StatementExecutor
{
    /** Schemas MySQL refuses to create or drop, and how. */
    private static final String MYSQL_SCHEMA = "mysql";
    private static final int MAXIMUM_IDENTIFIER_LENGTH = 64;

    private final StorageEngine storage;
    private final Analyzer analyzer;
    private final AccessControl accessControl;
    private final ShowExecutor showExecutor;
    private final SetExecutor setExecutor;
    private final ServerStatus status;
    private final SelectExecutor selectExecutor;
    private final WriteExecutor writeExecutor;
    private final DdlExecutor ddlExecutor;
    private final HybridSearchQuery hybridSearch;
    private final ExplainExecutor explainExecutor;
    private final LongFunction<Optional<Session>> sessions;
    private final AccountStatementExecutor accounts;

    public StatementExecutor(StorageEngine storage, AccessControl accessControl, UserStore users, SystemVariableAccess variables, ServerStatus status,
            LongFunction<Optional<Session>> sessions)
    {
        this.accounts = new AccountStatementExecutor(users, storage, accessControl);
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.analyzer = new Analyzer(accessControl, (database, table) -> storage.databaseExists(database) && storage.tableExists(database, table)
                ? Optional.of(storage.table(database, table).definition().columns().stream().map(dev.quiver.storage.catalog.ColumnDefinition::name).toList())
                : Optional.empty());
        this.showExecutor = new ShowExecutor(storage, accessControl, variables, status);
        this.setExecutor = new SetExecutor(variables);
        this.status = requireNonNull(status, "status is null");
        TableExtras extras = new TableExtras(storage);
        this.selectExecutor = new SelectExecutor(storage, accessControl, extras);
        this.writeExecutor = new WriteExecutor(storage, accessControl, selectExecutor, extras);
        this.ddlExecutor = new DdlExecutor(storage, accessControl, extras);
        selectExecutor.addAccessRule(VectorSearchPath.RULE);
        selectExecutor.addAccessRule(HybridSearchPath.RULE);
        selectExecutor.addAccessRule(TextSearchPath.RULE);
        this.hybridSearch = new HybridSearchQuery(storage, accessControl);
        this.explainExecutor = new ExplainExecutor(selectExecutor);
        this.sessions = requireNonNull(sessions, "sessions is null");
    }

    public Analyzer analyzer()
    {
        return analyzer;
    }

    /** COM_FIELD_LIST: ER_NO_DB_ERROR without a database, ER_NO_SUCH_TABLE for an unknown table. */
    public List<dev.quiver.sql.result.ResultColumn> fieldList(Session session, String table, String wildcard)
    {
        String database = TableValues.database(new dev.quiver.sql.tree.TableName(Optional.empty(), table), session);
        dev.quiver.storage.catalog.TableDefinition definition = storage.table(database, table).definition();
        // as SHOW COLUMNS: some privilege on the table or one of its columns, and only the columns the user holds one on
        accessControl.checkCanShowTable(session.identity(), database, definition.name());
        List<dev.quiver.sql.result.ResultColumn> columns = new java.util.ArrayList<>();
        for (dev.quiver.storage.catalog.ColumnDefinition each : definition.columns()) {
            if (accessControl.columnPrivileges(session.identity(), database, definition.name(), each.name()).isEmpty()) {
                continue;
            }
            if (wildcard == null || wildcard.isEmpty() || dev.quiver.sql.expression.LikeMatcher.matches(each.name(), wildcard, '\\', false)) {
                columns.add(TableValues.resultColumn(database, definition.name(), definition, each, each.name()));
            }
        }
        return columns;
    }

    /** The result columns of a single-table query, for COM_STMT_PREPARE (empty when they depend on parameters). */
    public List<dev.quiver.sql.result.ResultColumn> tableQueryColumns(Statement.TableQuery query, ExecutionContext context)
    {
        return selectExecutor.plan(query, context).columns();
    }

    public QueryResult execute(Statement statement, ExecutionContext context)
    {
        Session session = context.session();
        analyzer.analyze(statement, session);
        status.recordCommand(commandCounter(statement));
        long examinedBefore = session.rowsExamined();
        try {
            return dispatch(statement, context);
        }
        finally {
            status.recordRowsExamined(session.rowsExamined() - examinedBefore);
        }
    }

    private QueryResult dispatch(Statement statement, ExecutionContext context)
    {
        Session session = context.session();
        return switch (statement) {
            case Statement.Query query -> HybridSearchQuery.handles(query)
                    ? hybridSearch.query(analyzer.analyzeQuery(query, context), context)
                    : query(analyzer.analyzeQuery(query, context), context);
            case Statement.SetVariables set -> {
                setExecutor.set(set, context);
                yield UpdateCountResult.EMPTY;
            }
            case Statement.SetTransaction set -> {
                setExecutor.setTransaction(set, session);
                yield UpdateCountResult.EMPTY;
            }
            case Statement.StartTransaction ignored -> {
                // an open transaction is committed first (implicitly, as MySQL does)
                session.beginTransaction();
                yield UpdateCountResult.EMPTY;
            }
            case Statement.Commit ignored -> {
                session.endTransaction();
                yield UpdateCountResult.EMPTY;
            }
            case Statement.Rollback ignored -> rollback(session);
            case Statement.Use use -> {
                useDatabase(session, use.database());
                yield UpdateCountResult.EMPTY;
            }
            case Statement.CreateDatabase create -> createDatabase(create, session);
            case Statement.DropDatabase drop -> dropDatabase(drop, session);
            case Statement.Show show -> showExecutor.show(show, context);
            case Statement.ShowWarnings show -> showExecutor.warnings(show, session);
            case Statement.Kill kill -> kill(kill, context);
            case Statement.TableQuery query -> selectExecutor.execute(query, context);
            case Statement.Union union -> selectExecutor.execute(union, context);
            case Statement.Insert insert -> writeExecutor.insert(insert, context);
            case Statement.Update update -> writeExecutor.update(update, context);
            case Statement.Delete delete -> writeExecutor.delete(delete, context);
            case Statement.Explain explain -> explainExecutor.explain(explain, context);
            case Statement.Call call -> call(call, session, storage);
            case Statement.CreateTable create -> ddlExecutor.createTable(create, context);
            case Statement.DropTable drop -> ddlExecutor.dropTable(drop, context);
            case Statement.TruncateTable truncate -> ddlExecutor.truncate(truncate, context);
            case Statement.CreateIndex create -> ddlExecutor.createIndex(create, context);
            case Statement.DropIndex drop -> ddlExecutor.dropIndex(drop, context);
            case Statement.AlterTable alter -> ddlExecutor.alterTable(alter, context);
            case Statement.RenameTables rename -> ddlExecutor.renameTables(rename, context);
            case Statement.ShowTables show -> ddlExecutor.showTables(show, context);
            case Statement.ShowTableStatus show -> ddlExecutor.showTableStatus(show, context);
            case Statement.ShowTable show -> ddlExecutor.showTable(show, context);
            case Statement.Account account -> accounts.execute(account.statement(), session);
            case Statement.Unsupported unsupported -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, unsupported.kind());
        };
    }

    /** COM_INIT_DB and USE: information_schema is virtual, anything else must exist in storage. */
    public void useDatabase(Session session, String database)
    {
        if (database.isEmpty()) {
            throw new QuiverException(ErrorCode.ER_NO_DB_ERROR);
        }
        accessControl.checkCanAccessDatabase(session.identity(), database);
        if (database.equalsIgnoreCase(ShowExecutor.INFORMATION_SCHEMA)) {
            session.setDatabase(ShowExecutor.INFORMATION_SCHEMA);
            return;
        }
        if (!storage.databaseExists(database)) {
            throw new QuiverException(ErrorCode.ER_BAD_DB_ERROR, database);
        }
        session.setDatabase(database);
    }

    private QueryResult query(QueryAnalysis analysis, ExecutionContext context)
    {
        Statement.Query query = analysis.query();
        boolean selected = query.where().map(where -> ExpressionEvaluator.isTrue(where, context)).orElse(true);
        long limit = query.limit().map(each -> limitValue(each, context)).orElse(Long.MAX_VALUE);
        long offset = query.offset().map(each -> limitValue(each, context)).orElse(0L);
        List<Object[]> rows = List.of();
        if (selected && limit > 0 && offset == 0) {
            Object[] row = new Object[query.items().size()];
            for (int i = 0; i < row.length; i++) {
                Object value = ExpressionEvaluator.evaluate(query.items().get(i).expression(), context);
                row[i] = Casts.coerce(value, analysis.types().get(i), context::addWarning);
            }
            rows = List.<Object[]>of(row);
        }
        context.session().setFoundRows(rows.size());
        return new RowsResult(analysis.columns(), RowCursor.of(rows));
    }

    static long limitValue(Expression expression, ExecutionContext context)
    {
        Object value = ExpressionEvaluator.evaluate(expression, context);
        if (!(value instanceof Long number) || number < 0) {
            throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "LIMIT");
        }
        return number;
    }

    /**
     * seekdb's {@code CALL dbms_index_manager.refresh()}, which clients call after a bulk load: every acknowledged
     * write is already visible to index searches, so this only brings the indexes of the current database's tables
     * (every database's without one) to their best search shape ({@link dev.quiver.storage.Table#refreshIndexes}:
     * the durable engine merges each table into one segment). Other procedures do not exist (1305).
     */
    private static QueryResult call(Statement.Call call, Session session, StorageEngine storage)
    {
        List<String> name = call.name();
        if (name.size() == 2 && name.get(0).equalsIgnoreCase("dbms_index_manager") && name.get(1).equalsIgnoreCase("refresh")) {
            String current = session.database();
            List<String> databases = current == null || current.equalsIgnoreCase(ShowExecutor.INFORMATION_SCHEMA) ? storage.listDatabases()
                    : storage.databaseExists(current) ? List.of(current) : List.of();
            for (String database : databases) {
                for (String table : storage.listTables(database)) {
                    try {
                        storage.table(database, table).refreshIndexes();
                    }
                    catch (QuiverException e) {
                        if (e.errorCode() != ErrorCode.ER_NO_SUCH_TABLE) {
                            throw e;
                        }
                        // dropped meanwhile
                    }
                }
            }
            return UpdateCountResult.EMPTY;
        }
        String qualified = name.size() == 1 ? TableValues.database(new dev.quiver.sql.tree.TableName(Optional.empty(), name.get(0)), session) + "." + name.get(0) : String.join(".", name);
        throw new QuiverException(ErrorCode.ER_SP_DOES_NOT_EXIST, "PROCEDURE", qualified);
    }

    private static QueryResult rollback(Session session)
    {
        if (session.wroteInTransaction()) {
            session.endTransaction();
            throw new QuiverException(ErrorCode.ER_ROLLBACK_NOT_SUPPORTED, "the transaction's statements stay applied");
        }
        session.endTransaction();
        return UpdateCountResult.EMPTY;
    }

    private QueryResult createDatabase(Statement.CreateDatabase create, Session session)
    {
        String name = create.name();
        checkDatabaseName(name);
        create.characterSet().ifPresent(characterSet -> {
            CharacterSets.CharacterSet resolved = SetExecutor.characterSet(characterSet);
            create.collation().ifPresent(collation -> SetExecutor.collationOf(resolved, collation));
        });
        if (create.characterSet().isEmpty()) {
            create.collation().ifPresent(collation -> CharacterSets.findCollation(collation)
                    .orElseThrow(() -> new QuiverException(ErrorCode.ER_UNKNOWN_COLLATION, collation)));
        }
        if (name.equalsIgnoreCase(ShowExecutor.INFORMATION_SCHEMA)) {
            throw accessDenied(session, name);
        }
        session.endTransaction();
        if (name.equals(MYSQL_SCHEMA) || storage.databaseExists(name)) {
            if (!create.ifNotExists()) {
                throw new QuiverException(ErrorCode.ER_DB_CREATE_EXISTS, name);
            }
            session.addWarning(Warning.of(Warning.Level.Note, ErrorCode.ER_DB_CREATE_EXISTS, name));
            return new UpdateCountResult(1, 0, null);
        }
        storage.createDatabase(name);
        return new UpdateCountResult(1, 0, null);
    }

    private QueryResult dropDatabase(Statement.DropDatabase drop, Session session)
    {
        String name = drop.name();
        checkDatabaseName(name);
        if (name.equalsIgnoreCase(ShowExecutor.INFORMATION_SCHEMA)) {
            throw accessDenied(session, name);
        }
        if (name.equals(MYSQL_SCHEMA)) {
            // MySQL 8 refuses to drop its system schema whether or not it exists (accounts and grants live there).
            throw new QuiverException(ErrorCode.ER_NO_SYSTEM_SCHEMA_ACCESS, name);
        }
        session.endTransaction();
        if (!storage.databaseExists(name)) {
            if (!drop.ifExists()) {
                throw new QuiverException(ErrorCode.ER_DB_DROP_EXISTS, name);
            }
            session.addWarning(Warning.of(Warning.Level.Note, ErrorCode.ER_DB_DROP_EXISTS, name));
            return UpdateCountResult.EMPTY;
        }
        storage.dropDatabase(name);
        if (name.equals(session.database())) {
            session.setDatabase(null);
        }
        return UpdateCountResult.EMPTY;
    }

    private static void checkDatabaseName(String name)
    {
        if (name.isEmpty() || name.length() > MAXIMUM_IDENTIFIER_LENGTH || name.endsWith(" ")) {
            throw new QuiverException(name.length() > MAXIMUM_IDENTIFIER_LENGTH ? ErrorCode.ER_TOO_LONG_IDENT : ErrorCode.ER_WRONG_DB_NAME, name);
        }
    }

    private static QuiverException accessDenied(Session session, String database)
    {
        return new QuiverException(ErrorCode.ER_DBACCESS_DENIED_ERROR, session.identity().accountUser(), session.identity().clientHost(), database);
    }

    private QueryResult kill(Statement.Kill kill, ExecutionContext context)
    {
        Session session = context.session();
        ExpressionTypes.typeOf(kill.connectionId(), context);
        Object value = ExpressionEvaluator.evaluate(kill.connectionId(), context);
        Object id = switch (value) {
            case null -> 0L;
            case Long number -> number;
            case java.math.BigInteger number -> number;
            case java.math.BigDecimal number -> number.toBigInteger();
            default -> Values.toLong(value, context::addWarning);
        };
        Session target = (id instanceof Long number ? sessions.apply(number) : Optional.<Session>empty())
                .orElseThrow(() -> new QuiverException(ErrorCode.ER_NO_SUCH_THREAD, id));
        accessControl.checkCanKillConnection(session.identity(), target.identity());
        if (kill.queryOnly()) {
            // statements run to completion on their connection's executor; there is nothing to interrupt
            return UpdateCountResult.EMPTY;
        }
        target.markKilled();
        if (target == session) {
            throw new QuiverException(ErrorCode.ER_QUERY_INTERRUPTED);
        }
        return UpdateCountResult.EMPTY;
    }

    /** MySQL's {@code Com_*} counter name of a statement. */
    private static String commandCounter(Statement statement)
    {
        return switch (statement) {
            case Statement.Query ignored -> "select";
            case Statement.SetVariables ignored -> "set_option";
            case Statement.SetTransaction ignored -> "set_option";
            case Statement.StartTransaction ignored -> "begin";
            case Statement.Commit ignored -> "commit";
            case Statement.Rollback ignored -> "rollback";
            case Statement.Use ignored -> "change_db";
            case Statement.CreateDatabase ignored -> "create_db";
            case Statement.DropDatabase ignored -> "drop_db";
            case Statement.Show show -> switch (show.target()) {
                case VARIABLES -> "show_variables";
                case STATUS -> "show_status";
                case DATABASES -> "show_databases";
                case ENGINES -> "show_engines";
                case COLLATION -> "show_collations";
                case CHARACTER_SET -> "show_charsets";
            };
            case Statement.ShowWarnings show -> show.errorsOnly() ? "show_errors" : "show_warnings";
            case Statement.Kill ignored -> "kill";
            case Statement.TableQuery ignored -> "select";
            case Statement.Union ignored -> "select";
            case Statement.Insert insert -> insert.action() == Statement.ConflictAction.REPLACE
                    ? (insert.query().isPresent() ? "replace_select" : "replace")
                    : (insert.query().isPresent() ? "insert_select" : "insert");
            case Statement.Update ignored -> "update";
            case Statement.Delete ignored -> "delete";
            case Statement.CreateTable ignored -> "create_table";
            case Statement.DropTable ignored -> "drop_table";
            case Statement.TruncateTable ignored -> "truncate";
            case Statement.CreateIndex ignored -> "create_index";
            case Statement.DropIndex ignored -> "drop_index";
            case Statement.AlterTable ignored -> "alter_table";
            case Statement.RenameTables ignored -> "rename_table";
            case Statement.ShowTables ignored -> "show_tables";
            case Statement.ShowTableStatus ignored -> "show_table_status";
            case Statement.ShowTable show -> switch (show.target()) {
                case COLUMNS -> "show_fields";
                case CREATE_TABLE -> "show_create_table";
                case INDEX -> "show_keys";
            };
            case Statement.Explain ignored -> "explain_other";
            case Statement.Call ignored -> "call_procedure";
            case Statement.Account account -> account.kind().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
            case Statement.Unsupported ignored -> "unsupported";
        };
    }
}
