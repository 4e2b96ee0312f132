package dev.quiver.sql.security;

import dev.quiver.sql.Session;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.tree.FromItem;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.TableName;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * The table-level privileges a statement needs, checked at analysis before anything of it runs (MySQL's
 * {@code precheck} / {@code check_table_access}), independent of the data: INSERT, plus UPDATE for ON DUPLICATE KEY
 * UPDATE and DELETE for REPLACE, and SELECT on an INSERT ... SELECT's source; UPDATE; DELETE; SELECT; CREATE, DROP,
 * ALTER and INDEX for DDL (RENAME TABLE: ALTER and DROP on the old name, CREATE and INSERT on the new one). The column
 * checks come later, as the executors resolve columns.
 */
public final class TablePrecheck
{
    /** The columns of a table, in order; empty when the table does not exist. */
    @FunctionalInterface
    public interface TableColumns
    {
        Optional<List<String>> of(String database, String table);
    }

    private final AccessControl accessControl;
    private final TableColumns columns;

    public TablePrecheck(AccessControl accessControl, TableColumns columns)
    {
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
        this.columns = requireNonNull(columns, "columns is null");
    }

    public void check(Statement statement, Session session)
    {
        switch (statement) {
            case Statement.Insert insert -> {
                EnumSet<Privilege> wanted = EnumSet.of(Privilege.INSERT);
                if (insert.action() == Statement.ConflictAction.UPDATE) {
                    wanted.add(Privilege.UPDATE);
                }
                if (insert.action() == Statement.ConflictAction.REPLACE) {
                    wanted.add(Privilege.DELETE);
                }
                require(session, insert.table(), wanted);
                insert.query().ifPresent(query -> check(query, session));
            }
            case Statement.Update update -> require(session, update.table(), EnumSet.of(Privilege.UPDATE));
            case Statement.Delete delete -> require(session, delete.table(), EnumSet.of(Privilege.DELETE));
            case Statement.TableQuery query -> {
                selected(session, query.from());
                stars(session, query);
            }
            case Statement.Union union -> union.parts().forEach(part -> check(part, session));
            case Statement.Explain explain -> check(explain.statement(), session);
            case Statement.CreateTable create -> require(session, create.table(), EnumSet.of(Privilege.CREATE));
            case Statement.DropTable drop -> drop.tables().forEach(each -> require(session, each, EnumSet.of(Privilege.DROP)));
            case Statement.TruncateTable truncate -> require(session, truncate.table(), EnumSet.of(Privilege.DROP));
            case Statement.AlterTable alter -> require(session, alter.table(), EnumSet.of(Privilege.ALTER));
            case Statement.CreateIndex create -> require(session, create.table(), EnumSet.of(Privilege.INDEX));
            case Statement.DropIndex drop -> require(session, drop.table(), EnumSet.of(Privilege.INDEX));
            case Statement.RenameTables rename -> {
                for (int i = 0; i < rename.from().size(); i++) {
                    require(session, rename.from().get(i), EnumSet.of(Privilege.ALTER, Privilege.DROP));
                    require(session, rename.to().get(i), EnumSet.of(Privilege.CREATE, Privilege.INSERT));
                }
            }
            default -> {
            }
        }
    }

    /** SELECT on every table of a FROM clause, joins included (subqueries are checked as they are planned). */
    private void selected(Session session, FromItem from)
    {
        switch (from) {
            case FromItem.TableReference reference -> require(session, reference.table(), EnumSet.of(Privilege.SELECT));
            case FromItem.Join join -> {
                selected(session, join.left());
                selected(session, join.right());
            }
            default -> {
            }
        }
    }

    /** {@code SELECT *} and {@code SELECT t.*} read every column of their tables: MySQL checks them all at once (1142). */
    private void stars(Session session, Statement.TableQuery query)
    {
        for (Statement.SelectItem item : query.items()) {
            if (!(item.expression() instanceof Expression.ColumnReference reference) || !reference.name().equals("*")) {
                continue;
            }
            Optional<String> qualifier = reference.parts().size() >= 2 ? Optional.of(reference.parts().get(reference.parts().size() - 2)) : Optional.empty();
            for (FromItem.TableReference table : tables(query.from())) {
                String label = table.alias().orElse(table.table().name());
                if (qualifier.isPresent() && !qualifier.get().equalsIgnoreCase(label)) {
                    continue;
                }
                Optional<String> database = table.table().database().or(() -> Optional.ofNullable(session.database()));
                if (database.isEmpty()) {
                    continue;
                }
                columns.of(database.get(), table.table().name()).ifPresent(names ->
                        accessControl.checkAllColumns(session.identity(), database.get(), table.table().name(), Privilege.SELECT, names));
            }
        }
    }

    private static List<FromItem.TableReference> tables(FromItem from)
    {
        List<FromItem.TableReference> result = new ArrayList<>();
        switch (from) {
            case FromItem.TableReference reference -> result.add(reference);
            case FromItem.Join join -> {
                result.addAll(tables(join.left()));
                result.addAll(tables(join.right()));
            }
            default -> {
            }
        }
        return result;
    }

    private void require(Session session, TableName table, Set<Privilege> wanted)
    {
        Optional<String> database = table.database().or(() -> Optional.ofNullable(session.database()));
        // without a database the executor answers 1046 (No database selected), as MySQL does before checking privileges
        database.ifPresent(each -> accessControl.checkTablePrivileges(session.identity(), each, table.name(), wanted));
    }
}
