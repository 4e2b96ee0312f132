package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.result.UpdateCountResult;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.session.Warning;
import dev.quiver.sql.tree.ColumnSpec;
import dev.quiver.sql.tree.ShowFilter;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.TableName;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.row.ValueCoercion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** CREATE TABLE, DROP TABLE, TRUNCATE, CREATE/DROP INDEX, RENAME TABLE, ALTER TABLE and the table SHOW statements (SHOW TABLES, COLUMNS, CREATE TABLE, INDEX). */
final class DdlExecutor
{
    private static final int MAXIMUM_IDENTIFIER_LENGTH = 64;

    private final StorageEngine storage;
    private final AccessControl accessControl;
    private final TableExtras extras;

    DdlExecutor(StorageEngine storage, AccessControl accessControl, TableExtras extras)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.extras = requireNonNull(extras, "extras is null");
    }

    QueryResult createTable(Statement.CreateTable create, ExecutionContext context)
    {
        String database = TableValues.database(create.table(), context.session());
        String name = create.table().name();
        if (name.length() > MAXIMUM_IDENTIFIER_LENGTH) {
            throw new QuiverException(ErrorCode.ER_TOO_LONG_IDENT, name);
        }
        if (name.isEmpty() || name.endsWith(" ")) {
            throw new QuiverException(ErrorCode.ER_WRONG_TABLE_NAME, name);
        }
        accessControl.checkCanCreateTable(context.session().identity(), database, name);
        if (!storage.databaseExists(database)) {
            throw new QuiverException(ErrorCode.ER_BAD_DB_ERROR, database);
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        for (ColumnSpec each : create.columns()) {
            columns.add(column(name, each, context));
        }
        TableDefinition definition = new TableDefinition(name, columns, create.indexes());
        for (IndexDefinition index : definition.indexes()) {
            if (index.kind() == IndexDefinition.Kind.VECTOR) {
                ColumnDefinition column = definition.columns().get(definition.columnIndex(index.columns().get(0)).getAsInt());
                if (index.columns().size() != 1 || !(column.type() instanceof ColumnType.VectorType)) {
                    throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "VECTOR INDEX " + index.name() + " (it needs one VECTOR column)");
                }
            }
        }
        if (storage.tableExists(database, name)) {
            if (create.ifNotExists()) {
                context.addWarning(new Warning(Warning.Level.Note, ErrorCode.ER_TABLE_EXISTS_ERROR.vendorCode(), ErrorCode.ER_TABLE_EXISTS_ERROR.format(name)));
                return UpdateCountResult.EMPTY;
            }
            throw new QuiverException(ErrorCode.ER_TABLE_EXISTS_ERROR, name);
        }
        try {
            storage.createTable(database, definition);
        }
        catch (QuiverException ex) {
            if (ex.errorCode() == ErrorCode.ER_TABLE_EXISTS_ERROR && create.ifNotExists()) {
                context.addWarning(new Warning(Warning.Level.Note, ErrorCode.ER_TABLE_EXISTS_ERROR.vendorCode(), ErrorCode.ER_TABLE_EXISTS_ERROR.format(name)));
                return UpdateCountResult.EMPTY;
            }
            throw ex;
        }
        extras.register(database, create);
        return UpdateCountResult.EMPTY;
    }

    private static ColumnDefinition column(String table, ColumnSpec spec, ExecutionContext context)
    {
        if (spec.name().length() > MAXIMUM_IDENTIFIER_LENGTH) {
            throw new QuiverException(ErrorCode.ER_TOO_LONG_IDENT, spec.name());
        }
        if (spec.autoIncrement() && !(spec.type() instanceof ColumnType.IntegerType)) {
            throw new QuiverException(ErrorCode.ER_WRONG_FIELD_SPEC, spec.name());
        }
        boolean nullable = spec.nullable().orElse(true) && !spec.primaryKey();
        ColumnDefinition column = new ColumnDefinition(spec.name(), spec.type(), nullable, Optional.empty(), spec.autoIncrement());
        if (spec.defaultValue().isPresent() && !spec.defaultIsExpression()) {
            boolean blob = spec.type() instanceof ColumnType.JsonType
                    || (spec.type() instanceof ColumnType.StringType text && text.kind() != ColumnType.StringKind.STRING && !text.lengthInCharacters())
                    || (spec.type() instanceof ColumnType.BinaryType binary && binary.kind() != ColumnType.BinaryKind.BINARY && binary.kind() != ColumnType.BinaryKind.VARBINARY);
            if (blob && !(spec.defaultValue().get() instanceof dev.quiver.sql.tree.Expression.NullLiteral)) {
                // MySQL 8 takes expression defaults only for these
                throw new QuiverException(ErrorCode.ER_BLOB_CANT_HAVE_DEFAULT, spec.name());
            }
            if (spec.autoIncrement()) {
                throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, spec.name());
            }
            Value value = TableValues.toValue(ExpressionEvaluator.evaluate(spec.defaultValue().get(), context));
            if (value.isNull()) {
                if (!nullable) {
                    throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, spec.name());
                }
                return column.withDefault(Value.NULL);
            }
            try {
                return column.withDefault(ValueCoercion.coerce(table, column, value, 1));
            }
            catch (QuiverException ex) {
                throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, spec.name());
            }
        }
        if (spec.defaultIsExpression() && spec.defaultText().orElse("").equals("CURRENT_TIMESTAMP")
                && !(spec.type() instanceof ColumnType.TemporalType temporal && temporal.kind() != ColumnType.TemporalKind.DATE)) {
            throw new QuiverException(ErrorCode.ER_INVALID_DEFAULT, spec.name());
        }
        return column;
    }

    QueryResult dropTable(Statement.DropTable drop, ExecutionContext context)
    {
        List<String> missing = new ArrayList<>();
        List<String[]> existing = new ArrayList<>();
        for (TableName each : drop.tables()) {
            String database = TableValues.database(each, context.session());
            accessControl.checkCanDropTable(context.session().identity(), database, each.name());
            if (storage.databaseExists(database) && storage.tableExists(database, each.name())) {
                existing.add(new String[] {database, each.name()});
            }
            else {
                missing.add(database + "." + each.name());
            }
        }
        if (!missing.isEmpty() && !drop.ifExists()) {
            throw new QuiverException(ErrorCode.ER_BAD_TABLE_ERROR, String.join(",", missing));
        }
        for (String each : missing) {
            context.addWarning(new Warning(Warning.Level.Note, ErrorCode.ER_BAD_TABLE_ERROR.vendorCode(), ErrorCode.ER_BAD_TABLE_ERROR.format(each)));
        }
        for (String[] each : existing) {
            storage.dropTable(each[0], each[1]);
            extras.forget(each[0], each[1]);
        }
        return UpdateCountResult.EMPTY;
    }

    QueryResult truncate(Statement.TruncateTable truncate, ExecutionContext context)
    {
        String database = TableValues.database(truncate.table(), context.session());
        accessControl.checkCanDropTable(context.session().identity(), database, truncate.table().name());
        storage.table(database, truncate.table().name()).truncate();
        return UpdateCountResult.EMPTY;
    }

    /**
     * CREATE INDEX on an existing table: one crash-atomic {@link StorageEngine#alterTable} with the identity mapper.
     * Values breaking a new unique index answer 1062 naming the key as MySQL 8 does, and nothing changes.
     */
    QueryResult createIndex(Statement.CreateIndex create, ExecutionContext context)
    {
        String database = TableValues.database(create.table(), context.session());
        accessControl.checkCanCreateIndex(context.session().identity(), database, create.table().name());
        TableDefinition old = storage.table(database, create.table().name()).definition();
        List<IndexDefinition> indexes = new ArrayList<>(old.indexes());
        indexes.add(create.index());
        TableDefinition definition = validated(new TableDefinition(old.name(), old.columns(), indexes));
        alter(database, old.name(), definition, row -> row);
        return new UpdateCountResult(0, 0, "Records: 0  Duplicates: 0  Warnings: 0");
    }

    /** DROP INDEX name ON t; 1091 when the table has no such key. {@code `PRIMARY`} drops the primary key. */
    QueryResult dropIndex(Statement.DropIndex drop, ExecutionContext context)
    {
        String database = TableValues.database(drop.table(), context.session());
        accessControl.checkCanCreateIndex(context.session().identity(), database, drop.table().name());
        TableDefinition old = storage.table(database, drop.table().name()).definition();
        List<IndexDefinition> indexes = new ArrayList<>(old.indexes());
        if (!indexes.removeIf(each -> each.name().equalsIgnoreCase(drop.name()))) {
            throw new QuiverException(ErrorCode.ER_CANT_DROP_FIELD_OR_KEY, drop.name());
        }
        java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
        alter(database, old.name(), new TableDefinition(old.name(), old.columns(), indexes), row -> {
            rows.incrementAndGet();
            return row;
        });
        // MySQL drops a primary key by copying the table, and reports the rows copied
        long copied = drop.name().equalsIgnoreCase(IndexDefinition.PRIMARY) ? rows.get() : 0;
        return new UpdateCountResult(copied, 0, "Records: " + copied + "  Duplicates: 0  Warnings: 0");
    }

    /**
     * RENAME TABLE a TO b[, c TO d]: the pairs are checked in order against the tables as the earlier pairs leave them
     * (1146 missing source, 1049 missing target database, 1050 existing target), so a failing pair changes nothing.
     */
    QueryResult renameTables(Statement.RenameTables rename, ExecutionContext context)
    {
        java.util.Set<String> added = new java.util.HashSet<>();
        java.util.Set<String> removed = new java.util.HashSet<>();
        List<String[]> moves = new ArrayList<>();
        for (int i = 0; i < rename.from().size(); i++) {
            TableName from = rename.from().get(i);
            TableName to = rename.to().get(i);
            String database = TableValues.database(from, context.session());
            String newDatabase = TableValues.database(to, context.session());
            accessControl.checkCanAlterTable(context.session().identity(), database, from.name());
            accessControl.checkCanDropTable(context.session().identity(), database, from.name());
            accessControl.checkCanCreateTable(context.session().identity(), newDatabase, to.name());
            if (to.name().length() > MAXIMUM_IDENTIFIER_LENGTH) {
                throw new QuiverException(ErrorCode.ER_TOO_LONG_IDENT, to.name());
            }
            if (to.name().isEmpty() || to.name().endsWith(" ")) {
                throw new QuiverException(ErrorCode.ER_WRONG_TABLE_NAME, to.name());
            }
            if (!exists(database, from.name(), added, removed)) {
                throw new QuiverException(ErrorCode.ER_NO_SUCH_TABLE, database, from.name());
            }
            if (!storage.databaseExists(newDatabase)) {
                throw new QuiverException(ErrorCode.ER_BAD_DB_ERROR, newDatabase);
            }
            if (exists(newDatabase, to.name(), added, removed)) {
                throw new QuiverException(ErrorCode.ER_TABLE_EXISTS_ERROR, to.name());
            }
            removed.add(database + "\0" + from.name());
            added.remove(database + "\0" + from.name());
            added.add(newDatabase + "\0" + to.name());
            removed.remove(newDatabase + "\0" + to.name());
            moves.add(new String[] {database, from.name(), newDatabase, to.name()});
        }
        for (String[] each : moves) {
            storage.renameTable(each[0], each[1], each[2], each[3]);
            extras.rename(each[0], each[1], each[2], each[3]);
        }
        return UpdateCountResult.EMPTY;
    }

    private boolean exists(String database, String table, java.util.Set<String> added, java.util.Set<String> removed)
    {
        String key = database + "\0" + table;
        if (added.contains(key)) {
            return true;
        }
        return !removed.contains(key) && storage.databaseExists(database) && storage.tableExists(database, table);
    }

    /** A column of the table being altered: its new definition and where its values come from. */
    private static final class Slot
    {
        ColumnDefinition definition;
        final int source;
        final Optional<ColumnSpec> added;

        Slot(ColumnDefinition definition, int source, Optional<ColumnSpec> added)
        {
            this.definition = definition;
            this.source = source;
            this.added = added;
        }
    }

    /**
     * ALTER TABLE with comma-separated actions, applied in order to a working copy of the definition, then one
     * crash-atomic {@link StorageEngine#alterTable} whose mapper moves kept values by column and fills added columns
     * with their default. Expression defaults, ON UPDATE and comments follow renamed and changed columns.
     */
    QueryResult alterTable(Statement.AlterTable alter, ExecutionContext context)
    {
        String database = TableValues.database(alter.table(), context.session());
        accessControl.checkCanAlterTable(context.session().identity(), database, alter.table().name());
        TableDefinition old = storage.table(database, alter.table().name()).definition();
        String table = old.name();
        List<Slot> slots = new ArrayList<>();
        for (int i = 0; i < old.columns().size(); i++) {
            slots.add(new Slot(old.columns().get(i), i, Optional.empty()));
        }
        List<IndexDefinition> indexes = new ArrayList<>(old.indexes());
        Optional<TableExtras.Extras> current = extras.of(database, table);
        Map<String, dev.quiver.sql.tree.Expression> expressionDefaults = new java.util.LinkedHashMap<>(current.map(TableExtras.Extras::expressionDefaults).orElse(Map.of()));
        Map<String, String> defaultTexts = new java.util.LinkedHashMap<>(current.map(TableExtras.Extras::defaultTexts).orElse(Map.of()));
        List<String> onUpdate = new ArrayList<>(current.map(TableExtras.Extras::onUpdateColumns).orElse(List.of()));
        Map<String, String> comments = new java.util.LinkedHashMap<>(current.map(TableExtras.Extras::comments).orElse(Map.of()));
        boolean structural = false;
        // MySQL rebuilds by copying (and reports the rows copied as affected) when a kept column's type changes, an
        // AUTO_INCREMENT column is added, or the primary key is dropped without a new one; other changes report 0
        boolean dropsPrimary = false;
        boolean addsPrimary = false;
        for (dev.quiver.sql.tree.AlterAction action : alter.actions()) {
            structural = true;
            switch (action) {
                case dev.quiver.sql.tree.AlterAction.AddColumn add -> {
                    if (find(slots, add.column().name()) >= 0) {
                        throw new QuiverException(ErrorCode.ER_DUP_FIELDNAME, add.column().name());
                    }
                    Slot slot = new Slot(column(table, add.column(), context), -1, Optional.of(add.column()));
                    slots.add(insertAt(slots, add.position(), slots.size(), table), slot);
                    columnKeys(add.column(), indexes);
                    columnExtras(add.column(), expressionDefaults, defaultTexts, onUpdate, comments);
                }
                case dev.quiver.sql.tree.AlterAction.DropColumn drop -> {
                    int at = find(slots, drop.name());
                    if (at < 0) {
                        throw new QuiverException(ErrorCode.ER_CANT_DROP_FIELD_OR_KEY, drop.name());
                    }
                    slots.remove(at);
                    List<IndexDefinition> kept = new ArrayList<>();
                    for (IndexDefinition index : indexes) {
                        List<String> columns = index.columns().stream().filter(each -> !each.equalsIgnoreCase(drop.name())).toList();
                        if (!columns.isEmpty()) {
                            kept.add(columns.size() == index.columns().size() ? index : new IndexDefinition(index.name(), index.kind(), columns, index.options()));
                        }
                    }
                    indexes = kept;
                    forgetExtras(drop.name(), expressionDefaults, defaultTexts, onUpdate, comments);
                }
                case dev.quiver.sql.tree.AlterAction.ChangeColumn change -> {
                    int at = find(slots, change.oldName());
                    if (at < 0) {
                        throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, change.oldName(), table);
                    }
                    int clash = find(slots, change.column().name());
                    if (clash >= 0 && clash != at) {
                        throw new QuiverException(ErrorCode.ER_DUP_FIELDNAME, change.column().name());
                    }
                    Slot slot = slots.remove(at);
                    Slot changed = new Slot(column(table, change.column(), context), slot.source, slot.added.map(ignored -> change.column()));
                    slots.add(insertAt(slots, change.position(), at, table), changed);
                    indexes = renamed(indexes, change.oldName(), change.column().name());
                    columnKeys(change.column(), indexes);
                    forgetExtras(change.oldName(), expressionDefaults, defaultTexts, onUpdate, comments);
                    columnExtras(change.column(), expressionDefaults, defaultTexts, onUpdate, comments);
                }
                case dev.quiver.sql.tree.AlterAction.RenameColumn rename -> {
                    int at = find(slots, rename.from());
                    if (at < 0) {
                        throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, rename.from(), table);
                    }
                    int clash = find(slots, rename.to());
                    if (clash >= 0 && clash != at) {
                        throw new QuiverException(ErrorCode.ER_DUP_FIELDNAME, rename.to());
                    }
                    Slot slot = slots.get(at);
                    ColumnDefinition definition = slot.definition;
                    slot.definition = new ColumnDefinition(rename.to(), definition.type(), definition.nullable(), definition.defaultValue(), definition.autoIncrement());
                    indexes = renamed(indexes, rename.from(), rename.to());
                    renameExtras(rename.from(), rename.to(), expressionDefaults, defaultTexts, onUpdate, comments);
                }
                case dev.quiver.sql.tree.AlterAction.AddIndex add -> {
                    addsPrimary |= add.kind() == IndexDefinition.Kind.PRIMARY;
                    String name = add.kind() == IndexDefinition.Kind.PRIMARY ? IndexDefinition.PRIMARY : add.name().orElse(null);
                    if (add.kind() == IndexDefinition.Kind.PRIMARY && indexes.stream().anyMatch(each -> each.kind() == IndexDefinition.Kind.PRIMARY)) {
                        throw new QuiverException(ErrorCode.ER_MULTIPLE_PRI_KEY);
                    }
                    if (name == null) {
                        name = freeIndexName(indexes, add.columns().get(0));
                    }
                    IndexDefinition index = new IndexDefinition(name, add.kind(), add.columns(), add.options());
                    if (add.kind() == IndexDefinition.Kind.PRIMARY) {
                        indexes.add(0, index);
                    }
                    else {
                        indexes.add(index);
                    }
                }
                case dev.quiver.sql.tree.AlterAction.DropIndex drop -> {
                    dropsPrimary |= drop.name().equalsIgnoreCase(IndexDefinition.PRIMARY);
                    if (!indexes.removeIf(each -> each.name().equalsIgnoreCase(drop.name()))) {
                        throw new QuiverException(ErrorCode.ER_CANT_DROP_FIELD_OR_KEY, drop.name());
                    }
                }
                case dev.quiver.sql.tree.AlterAction.AlterDefault change -> {
                    int at = find(slots, change.column());
                    if (at < 0) {
                        throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, change.column(), table);
                    }
                    Slot slot = slots.get(at);
                    ColumnDefinition definition = slot.definition;
                    String name = definition.name();
                    defaultTexts.remove(fold(name));
                    expressionDefaults.remove(fold(name));
                    if (change.value().isEmpty()) {
                        slot.definition = new ColumnDefinition(name, definition.type(), definition.nullable(), Optional.empty(), definition.autoIncrement());
                    }
                    else {
                        ColumnSpec spec = new ColumnSpec(name, definition.type(), Optional.of(definition.nullable()), change.value(), change.text(), change.expression(),
                                false, definition.autoIncrement(), false, false, Optional.empty());
                        ColumnDefinition withDefault = column(table, spec, context);
                        slot.definition = new ColumnDefinition(name, definition.type(), definition.nullable(), withDefault.defaultValue(), definition.autoIncrement());
                        if (change.expression()) {
                            expressionDefaults.put(fold(name), change.value().get());
                            defaultTexts.put(fold(name), change.text().orElse(""));
                        }
                    }
                }
                case dev.quiver.sql.tree.AlterAction.RenameIndex rename -> {
                    int at = -1;
                    for (int i = 0; i < indexes.size(); i++) {
                        if (indexes.get(i).name().equalsIgnoreCase(rename.from())) {
                            at = i;
                        }
                    }
                    if (at < 0) {
                        throw new QuiverException(ErrorCode.ER_KEY_DOES_NOT_EXITS, rename.from(), table);
                    }
                    if (rename.from().equalsIgnoreCase(IndexDefinition.PRIMARY) || rename.to().equalsIgnoreCase(IndexDefinition.PRIMARY)) {
                        throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "ALTER TABLE ... RENAME INDEX of or to PRIMARY");
                    }
                    IndexDefinition index = indexes.get(at);
                    indexes.set(at, new IndexDefinition(rename.to(), index.kind(), index.columns(), index.options()));
                }
            }
        }
        if (slots.isEmpty()) {
            throw new QuiverException(ErrorCode.ER_CANT_REMOVE_ALL_FIELDS);
        }
        Optional<String> tableComment = alter.comment().isPresent() ? alter.comment() : current.flatMap(TableExtras.Extras::tableComment);
        long copied = 0;
        if (structural) {
            List<ColumnDefinition> columns = slots.stream().map(each -> each.definition).toList();
            TableDefinition definition = validated(new TableDefinition(table, columns, indexes));
            List<Slot> plan = List.copyOf(slots);
            java.util.concurrent.atomic.AtomicLong rows = new java.util.concurrent.atomic.AtomicLong();
            alter(database, table, definition, row -> {
                rows.incrementAndGet();
                List<Value> values = new ArrayList<>(plan.size());
                for (Slot slot : plan) {
                    values.add(slot.source >= 0 ? row.get(slot.source) : fill(table, slot, context));
                }
                return new dev.quiver.storage.row.Row(values);
            });
            boolean copies = (dropsPrimary && !addsPrimary) || plan.stream().anyMatch(slot -> slot.source < 0 && slot.definition.autoIncrement())
                    || plan.stream().anyMatch(slot -> slot.source >= 0 && !inPlaceType(old.columns().get(slot.source).type(), slot.definition.type()));
            copied = copies ? rows.get() : 0;
        }
        extras.replace(database, table, Optional.of(new TableExtras.Extras(Map.copyOf(expressionDefaults), Map.copyOf(defaultTexts), List.copyOf(onUpdate), Map.copyOf(comments), tableComment)));
        return new UpdateCountResult(copied, 0, "Records: " + copied + "  Duplicates: 0  Warnings: 0");
    }

    /** Whether MySQL changes a column from {@code from} to {@code to} in place: the same type, or a VARCHAR growing within its length-byte size. */
    private static boolean inPlaceType(ColumnType from, ColumnType to)
    {
        if (from.equals(to)) {
            return true;
        }
        return from instanceof ColumnType.StringType a && to instanceof ColumnType.StringType b
                && a.kind() == ColumnType.StringKind.VARCHAR && b.kind() == ColumnType.StringKind.VARCHAR
                && b.maxLength() >= a.maxLength() && (a.maxLength() * 4 <= 255) == (b.maxLength() * 4 <= 255);
    }

    private static int find(List<Slot> slots, String name)
    {
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).definition.name().equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    private static int insertAt(List<Slot> slots, dev.quiver.sql.tree.AlterAction.Position position, int otherwise, String table)
    {
        if (position.first()) {
            return 0;
        }
        if (position.after().isPresent()) {
            int at = find(slots, position.after().get());
            if (at < 0) {
                throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, position.after().get(), table);
            }
            return at + 1;
        }
        return otherwise;
    }

    /** Inline PRIMARY KEY / UNIQUE of an added or changed column. */
    private static void columnKeys(ColumnSpec spec, List<IndexDefinition> indexes)
    {
        if (spec.primaryKey()) {
            if (indexes.stream().anyMatch(each -> each.kind() == IndexDefinition.Kind.PRIMARY)) {
                throw new QuiverException(ErrorCode.ER_MULTIPLE_PRI_KEY);
            }
            indexes.add(0, new IndexDefinition(IndexDefinition.PRIMARY, IndexDefinition.Kind.PRIMARY, List.of(spec.name()), Map.of()));
        }
        if (spec.unique() && !spec.primaryKey()) {
            indexes.add(new IndexDefinition(freeIndexName(indexes, spec.name()), IndexDefinition.Kind.UNIQUE, List.of(spec.name()), Map.of()));
        }
    }

    /** MySQL names an unnamed key after its first column, adding _2, _3 on collision. */
    private static String freeIndexName(List<IndexDefinition> indexes, String base)
    {
        String name = base;
        for (int suffix = 2; true; suffix++) {
            String candidate = name;
            if (indexes.stream().noneMatch(each -> each.name().equalsIgnoreCase(candidate))) {
                return name;
            }
            name = base + "_" + suffix;
        }
    }

    private static List<IndexDefinition> renamed(List<IndexDefinition> indexes, String from, String to)
    {
        List<IndexDefinition> result = new ArrayList<>();
        for (IndexDefinition index : indexes) {
            List<String> columns = index.columns().stream().map(each -> each.equalsIgnoreCase(from) ? to : each).toList();
            result.add(new IndexDefinition(index.name(), index.kind(), columns, index.options()));
        }
        return result;
    }

    private static String fold(String name)
    {
        return name.toLowerCase(java.util.Locale.ROOT);
    }

    private static void columnExtras(ColumnSpec spec, Map<String, dev.quiver.sql.tree.Expression> defaults, Map<String, String> texts, List<String> onUpdate, Map<String, String> comments)
    {
        if (spec.defaultIsExpression()) {
            defaults.put(fold(spec.name()), spec.defaultValue().orElseThrow());
            texts.put(fold(spec.name()), spec.defaultText().orElse(""));
        }
        if (spec.onUpdateCurrentTimestamp()) {
            onUpdate.add(spec.name());
        }
        spec.comment().ifPresent(comment -> comments.put(fold(spec.name()), comment));
    }

    private static void forgetExtras(String name, Map<String, dev.quiver.sql.tree.Expression> defaults, Map<String, String> texts, List<String> onUpdate, Map<String, String> comments)
    {
        defaults.remove(fold(name));
        texts.remove(fold(name));
        onUpdate.removeIf(each -> each.equalsIgnoreCase(name));
        comments.remove(fold(name));
    }

    private static void renameExtras(String from, String to, Map<String, dev.quiver.sql.tree.Expression> defaults, Map<String, String> texts, List<String> onUpdate, Map<String, String> comments)
    {
        if (defaults.containsKey(fold(from))) {
            defaults.put(fold(to), defaults.remove(fold(from)));
        }
        if (texts.containsKey(fold(from))) {
            texts.put(fold(to), texts.remove(fold(from)));
        }
        if (onUpdate.removeIf(each -> each.equalsIgnoreCase(from))) {
            onUpdate.add(to);
        }
        if (comments.containsKey(fold(from))) {
            comments.put(fold(to), comments.remove(fold(from)));
        }
    }

    /** The value an added column takes in the existing rows: its default, evaluated per row for an expression default. */
    private static Value fill(String table, Slot slot, ExecutionContext context)
    {
        ColumnSpec spec = slot.added.orElseThrow();
        ColumnDefinition column = slot.definition;
        if (spec.defaultIsExpression()) {
            return ValueCoercion.coerce(table, column, TableValues.toValue(ExpressionEvaluator.evaluate(spec.defaultValue().orElseThrow(), context)), 1);
        }
        if (column.defaultValue().isPresent()) {
            return column.defaultValue().get();
        }
        if (column.nullable() || column.autoIncrement()) {
            return Value.NULL;
        }
        // MySQL fills a NOT NULL column without a default with its type's implicit default
        Value implicit = switch (column.type()) {
            case ColumnType.IntegerType ignored -> Value.of(0L);
            case ColumnType.BooleanType ignored -> Value.of(0L);
            case ColumnType.DecimalType ignored -> Value.of(0L);
            case ColumnType.FloatType ignored -> Value.of(0L);
            case ColumnType.DoubleType ignored -> Value.of(0L);
            case ColumnType.StringType ignored -> Value.of("");
            case ColumnType.BinaryType ignored -> Value.of(new byte[0]);
            default -> Value.NULL;
        };
        return implicit.isNull() ? implicit : ValueCoercion.coerce(table, column, implicit, 1);
    }

    private void alter(String database, String table, TableDefinition definition, java.util.function.UnaryOperator<dev.quiver.storage.row.Row> mapper)
    {
        try {
            storage.alterTable(database, table, definition, mapper);
        }
        catch (QuiverException ex) {
            if (ex.errorCode() == ErrorCode.ER_BAD_NULL_ERROR) {
                // MySQL's ALTER answers 1138 when a NULL meets a column made NOT NULL
                throw new QuiverException(ErrorCode.ER_INVALID_USE_OF_NULL);
            }
            throw WriteExecutor.mysqlDuplicate(ex, table);
        }
    }

    private static TableDefinition validated(TableDefinition definition)
    {
        for (IndexDefinition index : definition.indexes()) {
            if (index.kind() == IndexDefinition.Kind.VECTOR) {
                ColumnDefinition column = definition.columns().get(definition.columnIndex(index.columns().get(0)).getAsInt());
                if (index.columns().size() != 1 || !(column.type() instanceof ColumnType.VectorType)) {
                    throw new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "VECTOR INDEX " + index.name() + " (it needs one VECTOR column)");
                }
            }
        }
        return definition;
    }

    /** The database a SHOW ... [FROM db] names, else the session's; 1046 when there is neither. */
    private static String namedOrCurrentDatabase(Optional<String> named, ExecutionContext context)
    {
        return named.orElseGet(() -> {
            if (context.session().database() == null) {
                throw new QuiverException(ErrorCode.ER_NO_DB_ERROR);
            }
            return context.session().database();
        });
    }

    /**
     * SHOW TABLE STATUS in MySQL 8's column layout. Rows is an exact count (the engine has no statistics yet);
     * the sizes it cannot report are 0 and Auto_increment is NULL, as information_schema.TABLES shows them.
     */
    QueryResult showTableStatus(Statement.ShowTableStatus show, ExecutionContext context)
    {
        String database = namedOrCurrentDatabase(show.database(), context);
        accessControl.checkCanAccessDatabase(context.session().identity(), database);
        List<ResultColumn> columns = List.of(
                Results.text("Name", 64, false), Results.text("Engine", 64, true), Results.bigint("Version", true),
                Results.text("Row_format", 10, true), Results.bigint("Rows", true), Results.bigint("Avg_row_length", true),
                Results.bigint("Data_length", true), Results.bigint("Max_data_length", true), Results.bigint("Index_length", true),
                Results.bigint("Data_free", true), Results.bigint("Auto_increment", true), Results.text("Create_time", 19, true),
                Results.text("Update_time", 19, true), Results.text("Check_time", 19, true), Results.text("Collation", 64, true),
                Results.bigint("Checksum", true), Results.text("Create_options", 256, true), Results.text("Comment", 2048, true));
        List<Object[]> rows = new ArrayList<>();
        for (String name : visibleTables(database, context)) {
            Table table = storage.table(database, name);
            String comment = extras.of(database, name).flatMap(TableExtras.Extras::tableComment).orElse("");
            rows.add(new Object[] {name, "InnoDB", 10L, "Dynamic", table.count(dev.quiver.storage.filter.Filter.ALL), 0L, 0L, 0L, 0L, 0L,
                    null, null, null, null, "utf8mb4_general_ci", null, "", comment});
        }
        if (show.filter().orElse(null) instanceof ShowFilter.Like like) {
            return Results.rows(columns, rows.stream()
                    .filter(each -> dev.quiver.sql.expression.LikeMatcher.matches((String) each[0], like.pattern(), '\\', true))
                    .toList());
        }
        return ShowExecutor.filtered(columns, rows, show.filter(), context, "Name");
    }

    QueryResult showTables(Statement.ShowTables show, ExecutionContext context)
    {
        String database = namedOrCurrentDatabase(show.database(), context);
        accessControl.checkCanAccessDatabase(context.session().identity(), database);
        List<String> tables = database.equalsIgnoreCase(ShowExecutor.INFORMATION_SCHEMA)
                ? List.of("COLUMNS", "KEY_COLUMN_USAGE", "SCHEMATA", "STATISTICS", "TABLES")
                : visibleTables(database, context);
        String name = "Tables_in_" + database;
        if (show.filter().orElse(null) instanceof ShowFilter.Like like) {
            name += " (" + like.pattern() + ")";
        }
        List<ResultColumn> columns = new ArrayList<>();
        columns.add(Results.text(name, 64, false));
        if (show.full()) {
            columns.add(Results.text("Table_type", 64, false));
        }
        List<Object[]> rows = new ArrayList<>();
        for (String each : tables) {
            rows.add(show.full() ? new Object[] {each, "BASE TABLE"} : new Object[] {each});
        }
        if (show.filter().orElse(null) instanceof ShowFilter.Like like) {
            List<Object[]> matched = rows.stream().filter(each -> dev.quiver.sql.expression.LikeMatcher.matches((String) each[0], like.pattern(), '\\', true)).toList();
            return Results.rows(columns, matched);
        }
        return ShowExecutor.filtered(columns, rows, show.filter(), context, name);
    }

    /** The tables of a database the session may see (any privilege on the table or one of its columns). */
    private List<String> visibleTables(String database, ExecutionContext context)
    {
        return listTables(database).stream().filter(each -> accessControl.canSeeTable(context.session().identity(), database, each)).toList();
    }

    private List<String> listTables(String database)
    {
        if (!storage.databaseExists(database)) {
            throw new QuiverException(ErrorCode.ER_BAD_DB_ERROR, database);
        }
        return storage.listTables(database);
    }

    QueryResult showTable(Statement.ShowTable show, ExecutionContext context)
    {
        String database = TableValues.database(show.table(), context.session());
        Table table = storage.table(database, show.table().name());
        TableDefinition definition = table.definition();
        if (show.target() == Statement.ShowTableTarget.CREATE_TABLE) {
            accessControl.checkCanShowCreateTable(context.session().identity(), database, definition.name());
        }
        else {
            accessControl.checkCanShowTable(context.session().identity(), database, definition.name());
        }
        return switch (show.target()) {
            case COLUMNS -> columns(database, definition, show, context);
            case CREATE_TABLE -> Results.rows(List.of(Results.text("Table", 64, false), Results.text("Create Table", 1024, false)),
                    List.<Object[]>of(new Object[] {definition.name(), TableText.createTable(definition, extras.of(database, definition.name()))}));
            case INDEX -> indexes(definition, show, context);
        };
    }

    private QueryResult columns(String database, TableDefinition definition, Statement.ShowTable show, ExecutionContext context)
    {
        List<ResultColumn> columns = new ArrayList<>();
        columns.add(Results.text("Field", 64, false));
        columns.add(Results.text("Type", 256, false));
        if (show.full()) {
            columns.add(Results.text("Collation", 64, true));
        }
        columns.add(Results.text("Null", 3, false));
        columns.add(Results.text("Key", 3, false));
        columns.add(Results.text("Default", 256, true));
        columns.add(Results.text("Extra", 256, false));
        if (show.full()) {
            columns.add(Results.text("Privileges", 80, false));
            columns.add(Results.text("Comment", 1024, false));
        }
        Optional<TableExtras.Extras> tableExtras = extras.of(database, definition.name());
        List<Object[]> rows = new ArrayList<>();
        for (ColumnDefinition column : definition.columns()) {
            // MySQL 8 lists only the columns the user holds a column privilege on (all of them with table privileges)
            String privileges = accessControl.columnPrivileges(context.session().identity(), database, definition.name(), column.name());
            if (privileges.isEmpty()) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(column.name());
            row.add(TableText.typeText(column.type()));
            if (show.full()) {
                row.add(column.type() instanceof ColumnType.StringType ? "utf8mb4_general_ci" : null);
            }
            row.add(column.nullable() ? "YES" : "NO");
            row.add(keyOf(definition, column));
            String expression = tableExtras.map(each -> each.expressionDefaults().get(column.name().toLowerCase(java.util.Locale.ROOT)) == null ? null : "").orElse(null);
            String defaultText = expression != null
                    ? TableText.expressionDefaultText(definition, column, tableExtras)
                    : column.defaultValue().filter(value -> !value.isNull()).map(TableText::valueText).orElse(null);
            row.add(defaultText);
            row.add(TableText.extraText(column, tableExtras));
            if (show.full()) {
                row.add(privileges);
                row.add(tableExtras.map(each -> each.comments().getOrDefault(column.name().toLowerCase(java.util.Locale.ROOT), "")).orElse(""));
            }
            rows.add(row.toArray());
        }
        if (show.filter().orElse(null) instanceof ShowFilter.Like like) {
            return Results.rows(columns, rows.stream().filter(each -> dev.quiver.sql.expression.LikeMatcher.matches((String) each[0], like.pattern(), '\\', false)).toList());
        }
        return ShowExecutor.filtered(columns, rows, show.filter(), context);
    }

    static String keyOf(TableDefinition definition, ColumnDefinition column)
    {
        String result = "";
        for (IndexDefinition index : definition.indexes()) {
            boolean first = index.columns().get(0).equalsIgnoreCase(column.name());
            if (index.kind() == IndexDefinition.Kind.PRIMARY && index.columns().stream().anyMatch(each -> each.equalsIgnoreCase(column.name()))) {
                return "PRI";
            }
            if (first && index.kind() == IndexDefinition.Kind.UNIQUE && index.columns().size() == 1 && !column.nullable() && result.isEmpty()) {
                result = "UNI";
            }
            else if (first && index.kind() == IndexDefinition.Kind.UNIQUE && index.columns().size() == 1 && result.isEmpty()) {
                result = "UNI";
            }
            else if (first && result.isEmpty()) {
                result = "MUL";
            }
        }
        return result;
    }

    private QueryResult indexes(TableDefinition definition, Statement.ShowTable show, ExecutionContext context)
    {
        List<ResultColumn> columns = List.of(
                Results.text("Table", 64, false), Results.bigint("Non_unique", false), Results.text("Key_name", 64, false),
                Results.unsignedInt("Seq_in_index", 10), Results.text("Column_name", 64, true), Results.text("Collation", 1, true),
                Results.bigint("Cardinality", true), Results.bigint("Sub_part", true), Results.text("Packed", 10, true), Results.text("Null", 3, false),
                Results.text("Index_type", 16, false), Results.text("Comment", 8, false), Results.text("Index_comment", 2048, false),
                Results.text("Visible", 3, false), Results.text("Expression", 64, true));
        List<Object[]> rows = new ArrayList<>();
        for (IndexDefinition index : definition.indexes()) {
            for (int i = 0; i < index.columns().size(); i++) {
                ColumnDefinition column = definition.columns().get(definition.columnIndex(index.columns().get(i)).getAsInt());
                String type = switch (index.kind()) {
                    case VECTOR -> "VECTOR";
                    case FULLTEXT -> "FULLTEXT";
                    default -> "BTREE";
                };
                boolean ordered = index.kind() != IndexDefinition.Kind.VECTOR && index.kind() != IndexDefinition.Kind.FULLTEXT;
                rows.add(new Object[] {definition.name(), index.kind().isUnique() ? 0L : 1L, index.name(), (long) (i + 1), column.name(),
                        ordered ? "A" : null, null, null, null, column.nullable() ? "YES" : "", type, "", index.options().getOrDefault("comment", ""), "YES", null});
            }
        }
        return ShowExecutor.filtered(columns, rows, show.filter(), context);
    }
}
