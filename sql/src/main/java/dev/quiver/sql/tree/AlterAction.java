package dev.quiver.sql.tree;

import dev.quiver.storage.catalog.IndexDefinition;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** One comma-separated action of {@code ALTER TABLE t ...}, applied in order. */
public sealed interface AlterAction
{
    /** Where an added or redefined column goes: {@code FIRST}, {@code AFTER x}, or (both empty) the end / its place. */
    record Position(boolean first, Optional<String> after)
    {
        public static final Position DEFAULT = new Position(false, Optional.empty());

        public Position
        {
            requireNonNull(after, "after is null");
        }
    }

    /** {@code ADD [COLUMN] col def [FIRST|AFTER x]}. */
    record AddColumn(ColumnSpec column, Position position)
            implements AlterAction
    {
        public AddColumn
        {
            requireNonNull(column, "column is null");
            requireNonNull(position, "position is null");
        }
    }

    /** {@code DROP [COLUMN] col}. */
    record DropColumn(String name)
            implements AlterAction
    {
        public DropColumn
        {
            requireNonNull(name, "name is null");
        }
    }

    /** {@code MODIFY [COLUMN] col def} ({@code oldName} is the column's own name) and {@code CHANGE [COLUMN] old new def}. */
    record ChangeColumn(String oldName, ColumnSpec column, Position position)
            implements AlterAction
    {
        public ChangeColumn
        {
            requireNonNull(oldName, "oldName is null");
            requireNonNull(column, "column is null");
            requireNonNull(position, "position is null");
        }
    }

    /** {@code RENAME COLUMN a TO b}. */
    record RenameColumn(String from, String to)
            implements AlterAction
    {
        public RenameColumn
        {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }
    }

    /** {@code ADD {INDEX|KEY|UNIQUE|PRIMARY KEY|FULLTEXT|VECTOR} [name] (cols) ...}; an empty name is chosen as MySQL does. */
    record AddIndex(Optional<String> name, IndexDefinition.Kind kind, List<String> columns, Map<String, String> options)
            implements AlterAction
    {
        public AddIndex
        {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
            columns = List.copyOf(requireNonNull(columns, "columns is null"));
            options = Map.copyOf(requireNonNull(options, "options is null"));
        }
    }

    /** {@code DROP {INDEX|KEY} x} and {@code DROP PRIMARY KEY} (name {@code PRIMARY}). */
    record DropIndex(String name)
            implements AlterAction
    {
        public DropIndex
        {
            requireNonNull(name, "name is null");
        }
    }

    /** {@code RENAME {INDEX|KEY} a TO b}. */
    record RenameIndex(String from, String to)
            implements AlterAction
    {
        public RenameIndex
        {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
        }
    }

    /** {@code ALTER [COLUMN] col SET DEFAULT x} ({@code value} present) and {@code ALTER [COLUMN] col DROP DEFAULT}. */
    record AlterDefault(String column, Optional<Expression> value, Optional<String> text, boolean expression)
            implements AlterAction
    {
        public AlterDefault
        {
            requireNonNull(column, "column is null");
            requireNonNull(value, "value is null");
            requireNonNull(text, "text is null");
        }
    }
}
