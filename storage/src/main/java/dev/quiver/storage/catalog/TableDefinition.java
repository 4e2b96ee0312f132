package dev.quiver.storage.catalog;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A table's schema: ordered columns and indexes. Rows are positional: value {@code i} of a row belongs to column
 * {@code i}. Column and index names are matched case-insensitively, as in MySQL; table names case-sensitively.
 *
 * <p>The constructor validates the definition as MySQL's CREATE TABLE does and throws {@link QuiverException}
 * (1060 duplicate column, 1061 duplicate key name, 1068 multiple primary key, 1072 unknown key column, 1075 bad
 * auto column, 1113 no columns). Columns of the primary key become NOT NULL, as in MySQL.
 */
public record TableDefinition(String name, List<ColumnDefinition> columns, List<IndexDefinition> indexes)
{
    public TableDefinition
    {
        requireNonNull(name, "name is null");
        requireNonNull(columns, "columns is null");
        requireNonNull(indexes, "indexes is null");
        if (columns.isEmpty()) {
            throw new QuiverException(ErrorCode.ER_TABLE_MUST_HAVE_COLUMNS);
        }
        Set<String> columnNames = new HashSet<>();
        for (ColumnDefinition column : columns) {
            if (!columnNames.add(fold(column.name()))) {
                throw new QuiverException(ErrorCode.ER_DUP_FIELDNAME, column.name());
            }
        }
        Set<String> indexNames = new HashSet<>();
        boolean primarySeen = false;
        Set<String> primaryColumns = new HashSet<>();
        for (IndexDefinition index : indexes) {
            if (index.kind() == IndexDefinition.Kind.PRIMARY) {
                if (primarySeen) {
                    throw new QuiverException(ErrorCode.ER_MULTIPLE_PRI_KEY);
                }
                primarySeen = true;
                index.columns().forEach(column -> primaryColumns.add(fold(column)));
            }
            if (!indexNames.add(fold(index.name()))) {
                throw new QuiverException(ErrorCode.ER_DUP_KEYNAME, index.name());
            }
            for (String column : index.columns()) {
                if (!columnNames.contains(fold(column))) {
                    throw new QuiverException(ErrorCode.ER_KEY_COLUMN_DOES_NOT_EXITS, column);
                }
            }
        }
        List<ColumnDefinition> normalized = new ArrayList<>(columns.size());
        int autoColumns = 0;
        for (ColumnDefinition column : columns) {
            if (column.autoIncrement()) {
                autoColumns++;
                String folded = fold(column.name());
                boolean leadsAnIndex = indexes.stream()
                        .anyMatch(index -> index.kind() != IndexDefinition.Kind.VECTOR && index.kind() != IndexDefinition.Kind.FULLTEXT
                                && fold(index.columns().get(0)).equals(folded));
                if (!leadsAnIndex) {
                    throw new QuiverException(ErrorCode.ER_WRONG_AUTO_KEY);
                }
            }
            if (column.nullable() && primaryColumns.contains(fold(column.name()))) {
                column = new ColumnDefinition(column.name(), column.type(), false,
                        column.defaultValue().filter(value -> !value.isNull()), column.autoIncrement());
            }
            normalized.add(column);
        }
        if (autoColumns > 1) {
            throw new QuiverException(ErrorCode.ER_WRONG_AUTO_KEY);
        }
        columns = List.copyOf(normalized);
        indexes = List.copyOf(indexes);
        dev.quiver.storage.vector.VectorIndexOptions.validate(columns, indexes);
    }

    /** Position of a column (case-insensitive), or empty. */
    public OptionalInt columnIndex(String columnName)
    {
        // names are unique ignoring case: a name spelled as defined is the column (no folding on the common path)
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return OptionalInt.of(i);
            }
        }
        String folded = fold(columnName);
        for (int i = 0; i < columns.size(); i++) {
            if (fold(columns.get(i).name()).equals(folded)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** Position of a column; {@code ER_BAD_FIELD_ERROR} when the table has no such column. */
    public int requireColumn(String columnName)
    {
        OptionalInt index = columnIndex(columnName);
        if (index.isEmpty()) {
            throw new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, columnName, name);
        }
        return index.getAsInt();
    }

    public ColumnDefinition column(String columnName)
    {
        return columns.get(requireColumn(columnName));
    }

    public Optional<IndexDefinition> primaryKey()
    {
        return indexes.stream().filter(index -> index.kind() == IndexDefinition.Kind.PRIMARY).findFirst();
    }

    /**
     * The enforced keys in MySQL's order of checking: the primary key first, then unique keys in definition order.
     * The first key a new row violates is the one a 1062 error names.
     */
    public List<IndexDefinition> uniqueKeys()
    {
        List<IndexDefinition> keys = new ArrayList<>();
        primaryKey().ifPresent(keys::add);
        indexes.stream().filter(index -> index.kind() == IndexDefinition.Kind.UNIQUE).forEach(keys::add);
        return List.copyOf(keys);
    }

    /** Position of the auto_increment column, if any. */
    public OptionalInt autoIncrementColumn()
    {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).autoIncrement()) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    public int[] columnPositions(List<String> columnNames)
    {
        int[] positions = new int[columnNames.size()];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = requireColumn(columnNames.get(i));
        }
        return positions;
    }

    private static String fold(String identifier)
    {
        return identifier.toLowerCase(Locale.ROOT);
    }
}
