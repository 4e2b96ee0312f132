package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.expression.ExpressionTypes;
import dev.quiver.sql.expression.SearchFunctions;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.UpdateCountResult;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.session.Warning;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.TableName;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.RowOutcome;
import dev.quiver.storage.table.ScanRequest;
import dev.quiver.storage.table.SortKey;
import dev.quiver.storage.table.UpdateResult;
import dev.quiver.storage.table.WriteRequest;
import dev.quiver.storage.table.WriteResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * INSERT, INSERT IGNORE, INSERT ... ON DUPLICATE KEY UPDATE and REPLACE as one upsert plan (a storage
 * {@link WriteRequest} with its {@link ConflictPolicy}), and UPDATE and DELETE, answering with MySQL's OK: affected
 * rows (CLIENT_FOUND_ROWS applied), the info string and the last insert id.
 */
final class WriteExecutor
{
    private final StorageEngine storage;
    private final AccessControl accessControl;
    private final SelectExecutor selects;
    private final TableExtras extras;

    WriteExecutor(StorageEngine storage, AccessControl accessControl, SelectExecutor selects, TableExtras extras)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.selects = requireNonNull(selects, "selects is null");
        this.extras = requireNonNull(extras, "extras is null");
    }

    QueryResult insert(Statement.Insert insert, ExecutionContext context)
    {
        String database = TableValues.database(insert.table(), context.session());
        Table table = storage.table(database, insert.table().name());
        TableDefinition definition = table.definition();
        List<String> columns = new ArrayList<>();
        if (insert.columns().isEmpty()) {
            definition.columns().forEach(each -> columns.add(each.name()));
        }
        else {
            Set<String> seen = new HashSet<>();
            for (String each : insert.columns()) {
                int index = definition.columnIndex(each).orElseThrow(() -> new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, each, "field list"));
                if (!seen.add(each.toLowerCase(Locale.ROOT))) {
                    throw new QuiverException(ErrorCode.ER_FIELD_SPECIFIED_TWICE, each);
                }
                columns.add(definition.columns().get(index).name());
            }
        }
        TableScope scope = new TableScope(database, definition, Optional.empty(), "field list", insert.rowAlias(), insert.rowAliasColumns(), columns);
        for (Statement.Assignment each : insert.updates()) {
            definition.columnIndex(each.column()).orElseThrow(() -> new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, each.column(), "field list"));
            ExpressionTypes.typeOf(each.value(), context.withScope(scope));
        }
        List<String> updated = insert.updates().stream().map(Statement.Assignment::column).toList();
        if (insert.columns().isEmpty()) {
            accessControl.checkAllColumns(context.session().identity(), database, definition.name(), dev.quiver.sql.security.Privilege.INSERT, columns);
        }
        else {
            accessControl.checkCanInsert(context.session().identity(), database, definition.name(), columns);
        }
        if (insert.action() == Statement.ConflictAction.UPDATE) {
            accessControl.checkCanUpdate(context.session().identity(), database, definition.name(), updated);
            checkReads(context, database, definition.name(), insert.updates().stream().map(Statement.Assignment::value).toList(), insert.rowAlias());
        }
        if (insert.action() == Statement.ConflictAction.REPLACE) {
            accessControl.checkCanDelete(context.session().identity(), database, definition.name());
        }

        List<List<Value>> rows = new ArrayList<>();
        if (insert.query().isPresent()) {
            SelectPlan bound = selects.plan(insert.query().get(), context);
            if (bound.items().size() != columns.size()) {
                throw new QuiverException(ErrorCode.ER_WRONG_VALUE_COUNT_ON_ROW, 1L);
            }
            for (Object[] each : selects.rows(bound, context)) {
                List<Value> row = new ArrayList<>(each.length);
                for (Object value : each) {
                    row.add(TableValues.toValue(value));
                }
                rows.add(row);
            }
        }
        else {
            long rowNumber = 0;
            // a column named in VALUES (or REPLACE ... SET) is the value this row already has: set earlier, else the default
            TableScope valuesScope = new TableScope(database, definition, Optional.empty(), "field list");
            ExecutionContext valuesContext = context.withScope(valuesScope);
            for (List<Expression> each : insert.rows()) {
                rowNumber++;
                if (each.size() != columns.size() && !(each.isEmpty() && insert.columns().isEmpty())) {
                    throw new QuiverException(ErrorCode.ER_WRONG_VALUE_COUNT_ON_ROW, rowNumber);
                }
                List<Value> building = new ArrayList<>();
                for (ColumnDefinition column : definition.columns()) {
                    building.add(column.defaultValue().orElse(Value.NULL));
                }
                valuesScope.setRow(new Row(building));
                List<Value> row = new ArrayList<>(columns.size());
                for (int i = 0; i < columns.size(); i++) {
                    Value value = each.isEmpty() || isDefault(each.get(i))
                            ? defaultOf(definition, columns.get(i))
                            : TableValues.toValue(ExpressionEvaluator.evaluate(each.get(i), valuesContext));
                    row.add(value);
                    valuesScope.setRow(valuesScope.row().with(definition.columnIndex(columns.get(i)).getAsInt(), value));
                }
                rows.add(row);
            }
        }
        List<String> writeColumns = new ArrayList<>(columns);
        extras.addExpressionDefaults(database, definition, writeColumns, rows, context);

        ConflictPolicy policy = switch (insert.action()) {
            case ERROR -> ConflictPolicy.ERROR;
            case IGNORE -> ConflictPolicy.IGNORE;
            case REPLACE -> ConflictPolicy.REPLACE;
            case UPDATE -> ConflictPolicy.update(merger(insert, definition, scope, context, database));
        };
        WriteResult result;
        try {
            result = table.write(new WriteRequest(writeColumns, rows, policy));
        }
        catch (QuiverException ex) {
            throw mysqlDuplicate(ex, definition.name());
        }
        context.session().recordWrite();

        boolean foundRows = context.session().context().clientFoundRows();
        long affected = 0;
        long duplicates = 0;
        for (RowOutcome outcome : result.outcomes()) {
            affected += outcome instanceof RowOutcome.Unchanged && foundRows ? 1 : outcome.affectedRows();
            switch (outcome) {
                case RowOutcome.Ignored ignored -> {
                    duplicates++;
                    context.addWarning(new Warning(Warning.Level.Warning, ErrorCode.ER_DUP_ENTRY.vendorCode(),
                            ErrorCode.ER_DUP_ENTRY.format(ignored.duplicateValue(), definition.name() + "." + ignored.keyName())));
                }
                case RowOutcome.Updated ignored -> duplicates++;
                case RowOutcome.Replaced replaced -> duplicates += replaced.deletedRows();
                default -> {
                }
            }
        }
        long lastInsertId = firstInsertedId(definition, writeColumns, rows, result);
        if (lastInsertId != 0) {
            context.session().setLastInsertId(lastInsertId);
        }
        else if (context.explicitLastInsertId().isPresent()) {
            // ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id): the OK packet reports the value given
            lastInsertId = context.explicitLastInsertId().getAsLong();
        }
        String info = null;
        if (rows.size() > 1 || insert.query().isPresent()) {
            info = "Records: " + rows.size() + "  Duplicates: " + duplicates + "  Warnings: " + context.session().warningCount();
        }
        return new UpdateCountResult(affected, lastInsertId, info);
    }

    /**
     * MySQL's OK id: the auto_increment value of the first row this statement inserted with a generated value (rows
     * that were ignored or turned into an ODKU update do not count), else 0.
     */
    private static long firstInsertedId(TableDefinition definition, List<String> columns, List<List<Value>> rows, WriteResult result)
    {
        int auto = -1;
        for (int i = 0; i < definition.columns().size(); i++) {
            if (definition.columns().get(i).autoIncrement()) {
                auto = i;
            }
        }
        if (auto < 0 || result.firstGeneratedId().isEmpty()) {
            return 0;
        }
        String autoName = definition.columns().get(auto).name();
        int given = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(autoName)) {
                given = i;
            }
        }
        for (int i = 0; i < result.outcomes().size() && i < rows.size(); i++) {
            Value proposed = given < 0 ? Value.NULL : rows.get(i).get(given);
            boolean generated = proposed.isNull() || (proposed instanceof Value.IntegerValue integer && integer.value() == 0);
            Row inserted = switch (result.outcomes().get(i)) {
                case RowOutcome.Inserted each -> each.row();
                case RowOutcome.Replaced each -> each.row();
                default -> null;
            };
            if (generated && inserted != null && inserted.get(auto) instanceof Value.IntegerValue id) {
                return id.value();
            }
        }
        return 0;
    }

    /** MySQL 8 names the key of a 1062 {@code table.key}; the engine names the key alone. */
    static QuiverException mysqlDuplicate(QuiverException ex, String table)
    {
        if (ex.errorCode() != ErrorCode.ER_DUP_ENTRY) {
            return ex;
        }
        java.util.regex.Matcher matcher = DUPLICATE.matcher(ex.getMessage());
        if (!matcher.matches() || matcher.group(2).contains(".")) {
            return ex;
        }
        return new QuiverException(ErrorCode.ER_DUP_ENTRY, matcher.group(1), table + "." + matcher.group(2));
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("(?s)Duplicate entry '(.*)' for key '([^']*)'");

    private static boolean isDefault(Expression expression)
    {
        return expression instanceof Expression.ColumnReference reference && reference.parts().size() == 1 && reference.name().equalsIgnoreCase("DEFAULT")
                && !reference.name().equals("`DEFAULT`");
    }

    private static Value defaultOf(TableDefinition definition, String column)
    {
        ColumnDefinition each = definition.columns().get(definition.columnIndex(column).orElseThrow());
        if (each.autoIncrement()) {
            return Value.NULL;
        }
        if (each.defaultValue().isPresent()) {
            return each.defaultValue().get();
        }
        if (!each.nullable()) {
            throw new QuiverException(ErrorCode.ER_NO_DEFAULT_FOR_FIELD, each.name());
        }
        return Value.NULL;
    }

    /** ODKU: the assignments evaluated in order over (existing, proposed); each sees the ones before it. */
    private ConflictPolicy.RowMerger merger(Statement.Insert insert, TableDefinition definition, TableScope scope, ExecutionContext context, String database)
    {
        List<Integer> targets = insert.updates().stream().map(each -> definition.columnIndex(each.column()).getAsInt()).toList();
        return (existing, proposed) -> {
            TableScope rowScope = scope.withClause("field list");
            rowScope.setRow(existing);
            rowScope.setProposed(proposed);
            ExecutionContext rowContext = context.withScope(rowScope);
            Row current = existing;
            for (int i = 0; i < targets.size(); i++) {
                Object value = ExpressionEvaluator.evaluate(insert.updates().get(i).value(), rowContext);
                current = current.with(targets.get(i), TableValues.toValue(value));
                rowScope.setRow(current);
            }
            return extras.onUpdate(database, definition, existing, current, context);
        };
    }

    QueryResult update(Statement.Update update, ExecutionContext context)
    {
        String database = TableValues.database(update.table(), context.session());
        Table table = storage.table(database, update.table().name());
        TableDefinition definition = table.definition();
        TableScope scope = new TableScope(database, definition, Optional.empty(), "field list");
        List<Integer> targets = new ArrayList<>();
        for (Statement.Assignment each : update.assignments()) {
            targets.add(definition.columnIndex(each.column()).orElseThrow(() -> new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, each.column(), "field list")));
            ExpressionTypes.typeOf(each.value(), context.withScope(scope));
        }
        ScanRequest selection = selection(update.table(), update.where(), update.order(), update.limit(), definition, scope, context);
        accessControl.checkCanUpdate(context.session().identity(), database, definition.name(), update.assignments().stream().map(Statement.Assignment::column).toList());
        // MySQL resolves WHERE before the SET values, so a denied WHERE column is named first
        List<Expression> updateReads = new ArrayList<>();
        update.where().ifPresent(updateReads::add);
        updateReads.addAll(update.assignments().stream().map(Statement.Assignment::value).toList());
        update.order().forEach(each -> updateReads.add(each.expression()));
        checkReads(context, database, definition.name(), updateReads, Optional.empty());
        TableScope rowScope = scope.withClause("field list");
        ExecutionContext rowContext = context.withScope(rowScope);
        UpdateResult result;
        try {
            result = table.update(selection, row -> {
            rowScope.setRow(row);
            Row current = row;
            for (int i = 0; i < targets.size(); i++) {
                Object value = ExpressionEvaluator.evaluate(update.assignments().get(i).value(), rowContext);
                current = current.with(targets.get(i), TableValues.toValue(value));
                rowScope.setRow(current);
            }
            return extras.onUpdate(database, definition, row, current, context);
        });
        }
        catch (QuiverException ex) {
            throw mysqlDuplicate(ex, definition.name());
        }
        context.session().recordWrite();
        long affected = context.session().context().clientFoundRows() ? result.matchedRows() : result.changedRows();
        String info = "Rows matched: " + result.matchedRows() + "  Changed: " + result.changedRows() + "  Warnings: " + context.session().warningCount();
        return new UpdateCountResult(affected, 0, info);
    }

    QueryResult delete(Statement.Delete delete, ExecutionContext context)
    {
        String database = TableValues.database(delete.table(), context.session());
        Table table = storage.table(database, delete.table().name());
        TableDefinition definition = table.definition();
        TableScope scope = new TableScope(database, definition, Optional.empty(), "where clause");
        ScanRequest selection = selection(delete.table(), delete.where(), delete.order(), delete.limit(), definition, scope, context);
        accessControl.checkCanDelete(context.session().identity(), database, definition.name());
        List<Expression> deleteReads = new ArrayList<>();
        delete.where().ifPresent(deleteReads::add);
        delete.order().forEach(each -> deleteReads.add(each.expression()));
        checkReads(context, database, definition.name(), deleteReads, Optional.empty());
        long deleted = table.delete(selection);
        context.session().recordWrite();
        return new UpdateCountResult(deleted, 0, null);
    }

    /**
     * The rows an UPDATE or DELETE touches. When WHERE and ORDER BY push down whole, storage selects; otherwise the
     * matching rows are found with the evaluator and selected by primary key (a table without one needs a pushable
     * WHERE); a WHERE with MATCH ... AGAINST finds them through the SELECT plan, whose access is the text search.
     */
    private ScanRequest selection(TableName table, Optional<Expression> where, List<Statement.OrderItem> order, Optional<Expression> limitExpression,
            TableDefinition definition, TableScope scope, ExecutionContext context)
    {
        if (where.isPresent() && SearchCalls.containsCall(where.get(), SearchFunctions.MATCH)) {
            return keysOf(definition, matching(table, where, order, limitExpression, context), List.of());
        }
        ExecutionContext whereContext = context.withScope(scope.withClause("where clause"));
        where.ifPresent(each -> ExpressionTypes.typeOf(each, whereContext));
        List<SortKey> keys = new ArrayList<>();
        for (Statement.OrderItem each : order) {
            if (!(each.expression() instanceof Expression.ColumnReference reference)) {
                throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "ORDER BY an expression in UPDATE or DELETE");
            }
            keys.add(new SortKey(definition.columns().get(scope.withClause("order clause").index(reference)).name(), each.ascending()));
        }
        OptionalLong limit = limitExpression.isPresent() ? OptionalLong.of(StatementExecutor.limitValue(limitExpression.get(), context)) : OptionalLong.empty();
        FilterPushdown.Pushed pushed = FilterPushdown.push(where, definition, scope, context);
        if (pushed.exact()) {
            return new ScanRequest(pushed.filter(), List.of(), keys, 0, limit);
        }
        TableScope rowScope = scope.withClause("where clause");
        ExecutionContext rowContext = context.withScope(rowScope);
        return keysOf(definition, rowsOf(pushed, definition, keys, limit, rowScope, rowContext, where.orElseThrow()), keys);
    }

    /** The rows a MATCH WHERE selects, found as {@code SELECT 1 FROM t WHERE ... ORDER BY ... LIMIT ...} would find them. */
    private List<Row> matching(TableName table, Optional<Expression> where, List<Statement.OrderItem> order, Optional<Expression> limit,
            ExecutionContext context)
    {
        Statement.TableQuery query = new Statement.TableQuery(table, Optional.empty(), List.of(new Statement.SelectItem(new Expression.IntegerLiteral(1L), "1")),
                where, order, limit, Optional.empty());
        return selects.tableRows(selects.plan(query, context), context);
    }

    /** A selection of {@code rows} by primary key (1235 for a table without one). */
    private static ScanRequest keysOf(TableDefinition definition, List<Row> rows, List<SortKey> keys)
    {
        List<String> primary = definition.indexes().stream()
                .filter(each -> each.kind() == dev.quiver.storage.catalog.IndexDefinition.Kind.PRIMARY)
                .findFirst()
                .map(dev.quiver.storage.catalog.IndexDefinition::columns)
                .orElseThrow(() -> new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "this WHERE in UPDATE or DELETE on a table without a primary key"));
        List<dev.quiver.storage.filter.Filter> keysOfRows = new ArrayList<>();
        for (Row row : rows) {
            List<dev.quiver.storage.filter.Filter> parts = new ArrayList<>();
            for (String column : primary) {
                parts.add(dev.quiver.storage.filter.Filter.equal(column, row.get(definition.columnIndex(column).getAsInt())));
            }
            keysOfRows.add(parts.size() == 1 ? parts.get(0) : new dev.quiver.storage.filter.Filter.And(parts));
        }
        dev.quiver.storage.filter.Filter filter = keysOfRows.isEmpty()
                ? dev.quiver.storage.filter.Filter.not(dev.quiver.storage.filter.Filter.ALL)
                : new dev.quiver.storage.filter.Filter.Or(keysOfRows);
        return new ScanRequest(filter, List.of(), keys, 0, OptionalLong.empty());
    }

    private List<Row> rowsOf(FilterPushdown.Pushed pushed, TableDefinition definition, List<SortKey> keys, OptionalLong limit, TableScope rowScope,
            ExecutionContext rowContext, Expression where)
    {
        List<Row> result = new ArrayList<>();
        Table table = storage.table(rowScope.database(), definition.name());
        try (dev.quiver.storage.table.RowCursor cursor = table.scan(new ScanRequest(pushed.filter(), List.of(), keys, 0, OptionalLong.empty()))) {
            while (cursor.hasNext() && (limit.isEmpty() || result.size() < limit.getAsLong())) {
                Row row = cursor.next();
                rowScope.setRow(row);
                if (ExpressionEvaluator.isTrue(where, rowContext)) {
                    result.add(row);
                }
            }
        }
        return result;
    }

    /** SELECT on the table columns an UPDATE, DELETE or ON DUPLICATE KEY UPDATE reads (1143 naming the first one denied). */
    private void checkReads(ExecutionContext context, String database, String table, List<Expression> expressions, Optional<String> rowAlias)
    {
        List<String> read = dev.quiver.sql.security.ColumnsRead.of(expressions, rowAlias.map(Set::of).orElse(Set.of()));
        if (!read.isEmpty()) {
            accessControl.checkCanSelect(context.session().identity(), database, table, read);
        }
    }
}
