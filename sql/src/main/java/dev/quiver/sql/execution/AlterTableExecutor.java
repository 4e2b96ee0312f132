package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ExpressionEvaluator;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.UpdateCountResult;
import dev.quiver.sql.security.AccessControl;
import dev.quiver.sql.tree.ColumnSpec;
import dev.quiver.sql.tree.Statement;
import dev.quiver.storage.StorageEngine;
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

/**
 * The statements that change an existing table's definition: ALTER TABLE and CREATE / DROP INDEX, each one
 * crash-atomic {@link StorageEngine#alterTable} that maps the kept rows into the new definition, with the
 * expression defaults, ON UPDATE columns and comments of {@link TableExtras} following the columns.
 */
final class AlterTableExecutor
{
    private final StorageEngine storage;
    private final AccessControl accessControl;
    private final TableExtras extras;

    AlterTableExecutor(StorageEngine storage, AccessControl accessControl, TableExtras extras)
    {
        this.storage = requireNonNull(storage, "storage is null");
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.extras = requireNonNull(extras, "extras is null");
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
                    Slot slot = new Slot(ColumnDefinitions.column(table, add.column(), context), -1, Optional.of(add.column()));
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
                    Slot changed = new Slot(ColumnDefinitions.column(table, change.column(), context), slot.source, slot.added.map(ignored -> change.column()));
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
                        ColumnDefinition withDefault = ColumnDefinitions.column(table, spec, context);
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
}
