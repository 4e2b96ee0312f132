package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.Expression.ColumnReference;
import dev.quiver.sql.type.SqlType;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Row;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * Column resolution over one table: {@code c}, {@code t.c} (t the table or its alias), {@code db.t.c}; for ON
 * DUPLICATE KEY UPDATE also {@code VALUES(c)} and the row alias ({@code new.c}), which read the proposed row.
 * Not thread-safe: one per statement execution.
 */
final class TableScope
        implements ExecutionContext.RowScope
{
    private final String database;
    private final TableDefinition table;
    private final Optional<String> alias;
    private final String clause;
    private final Optional<String> rowAlias;
    private final List<String> rowAliasColumns;
    private final List<String> insertColumns;
    private Row current;
    private Row proposed;

    TableScope(String database, TableDefinition table, Optional<String> alias, String clause)
    {
        this(database, table, alias, clause, Optional.empty(), List.of(), List.of());
    }

    TableScope(String database, TableDefinition table, Optional<String> alias, String clause, Optional<String> rowAlias, List<String> rowAliasColumns, List<String> insertColumns)
    {
        this.database = requireNonNull(database, "database is null");
        this.table = requireNonNull(table, "table is null");
        this.alias = requireNonNull(alias, "alias is null");
        this.clause = requireNonNull(clause, "clause is null");
        this.rowAlias = requireNonNull(rowAlias, "rowAlias is null");
        this.rowAliasColumns = List.copyOf(rowAliasColumns);
        this.insertColumns = List.copyOf(insertColumns);
    }

    TableScope withClause(String newClause)
    {
        TableScope result = new TableScope(database, table, alias, newClause, rowAlias, rowAliasColumns, insertColumns);
        result.current = current;
        result.proposed = proposed;
        return result;
    }

    String database()
    {
        return database;
    }

    void setRow(Row row)
    {
        this.current = row;
    }

    Row row()
    {
        return current;
    }

    void setProposed(Row row)
    {
        this.proposed = row;
    }

    @Override
    public Object value(ColumnReference reference)
    {
        Resolved resolved = resolve(reference);
        Row row = resolved.proposed() ? proposed : current;
        if (row == null) {
            return null;
        }
        return TableValues.forEvaluation(row.get(resolved.index()), table.columns().get(resolved.index()).type());
    }

    @Override
    public SqlType type(ColumnReference reference)
    {
        Resolved resolved = resolve(reference);
        SqlType type = TableValues.sqlType(table.columns().get(resolved.index()));
        return resolved.proposed() ? type.withNullable(true) : type;
    }

    /** The position of a column reference in the table, or 1054 naming the clause. */
    int index(ColumnReference reference)
    {
        return resolve(reference).index();
    }

    /** True when the reference reads the proposed row (VALUES(c) or the row alias). */
    boolean readsProposed(ColumnReference reference)
    {
        return resolve(reference).proposed();
    }

    private record Resolved(int index, boolean proposed) {}

    private Resolved resolve(ColumnReference reference)
    {
        List<String> parts = reference.parts();
        String name = reference.name();
        boolean proposedRow = false;
        boolean known;
        if (parts.size() == 1) {
            known = true;
            int position = indexOfIgnoreCase(rowAliasColumns, name);
            if (position >= 0 && position < insertColumns.size() && table.columnIndex(name).isEmpty()) {
                // the row alias's column names may be used unqualified (AS new (a, b) ... UPDATE c = a + b)
                proposedRow = true;
                name = insertColumns.get(position);
            }
        }
        else if (parts.size() == 2 && parts.get(0).equals(Expression.INSERT_VALUES)) {
            proposedRow = true;
            known = true;
        }
        else if (parts.size() == 2 && rowAlias.isPresent() && parts.get(0).equalsIgnoreCase(rowAlias.get())) {
            proposedRow = true;
            known = true;
            if (!rowAliasColumns.isEmpty()) {
                int position = indexOfIgnoreCase(rowAliasColumns, name);
                if (position < 0 || position >= insertColumns.size()) {
                    throw unknown(reference);
                }
                name = insertColumns.get(position);
            }
        }
        else if (parts.size() == 2) {
            known = parts.get(0).equals(alias.orElse(table.name()));
        }
        else {
            known = parts.size() == 3 && alias.isEmpty() && parts.get(0).equals(database) && parts.get(1).equals(table.name());
        }
        OptionalInt index = known ? table.columnIndex(name) : OptionalInt.empty();
        if (index.isEmpty()) {
            throw unknown(reference);
        }
        return new Resolved(index.getAsInt(), proposedRow);
    }

    private QuiverException unknown(ColumnReference reference)
    {
        String text = reference.parts().get(0).equals(Expression.INSERT_VALUES) ? reference.name() : String.join(".", reference.parts());
        return new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, text, clause);
    }

    private static int indexOfIgnoreCase(List<String> names, String name)
    {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }
}
