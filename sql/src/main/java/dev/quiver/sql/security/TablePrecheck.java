package dev.quiver.sql.security;

import dev.quiver.sql.Session;
import dev.quiver.sql.tree.FromItem;
import dev.quiver.sql.tree.Statement;
import dev.quiver.sql.tree.TableName;

import java.util.EnumSet;
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
    private final AccessControl accessControl;

    public TablePrecheck(AccessControl accessControl)
    {
        this.accessControl = requireNonNull(accessControl, "accessControl is null");
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
            case Statement.TableQuery query -> selected(session, query.from());
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

    private void require(Session session, TableName table, Set<Privilege> wanted)
    {
        Optional<String> database = table.database().or(() -> Optional.ofNullable(session.database()));
        // without a database the executor answers 1046 (No database selected), as MySQL does before checking privileges
        database.ifPresent(each -> accessControl.checkTablePrivileges(session.identity(), each, table.name(), wanted));
    }
}
