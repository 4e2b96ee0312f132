package dev.quiver.sql.user;

import dev.quiver.sql.security.Privilege;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The lines of SHOW GRANTS in MySQL 8's form: {@code GRANT USAGE ON *.* TO `u`@`h`} first (or the global privileges),
 * then one line per database and per table, privileges in MySQL's order, column grants merged into their table's
 * line ({@code SELECT (`a`, `b`)}), {@code ALL PRIVILEGES} when a database or table has every privilege of its level,
 * and {@code WITH GRANT OPTION} where GRANT OPTION is held.
 */
public final class ShowGrantsText
{
    private ShowGrantsText()
    {
    }

    public static List<String> lines(Account account)
    {
        AccountGrants grants = account.grants();
        String to = " TO " + account.name().backquoted();
        List<String> result = new ArrayList<>();
        EnumSet<Privilege> global = grants.global();
        result.add("GRANT " + list(global, EnumSet.noneOf(Privilege.class), Map.of()) + " ON *.*" + to + option(global));
        for (Map.Entry<String, EnumSet<Privilege>> each : grants.databases().entrySet()) {
            result.add("GRANT " + list(each.getValue(), Privilege.allBelowGlobal(), Map.of()) + " ON " + new GrantLevel.Database(each.getKey()).describe()
                    + to + option(each.getValue()));
        }
        Set<GrantLevel.Table> tables = new TreeSet<>(Comparator.comparing(GrantLevel.Table::database).thenComparing(GrantLevel.Table::table));
        tables.addAll(grants.tables().keySet());
        tables.addAll(grants.columns().keySet());
        for (GrantLevel.Table each : tables) {
            EnumSet<Privilege> privileges = grants.at(each);
            result.add("GRANT " + list(privileges, Privilege.allBelowGlobal(), grants.columnsOf(each)) + " ON " + each.describe() + to + option(privileges));
        }
        return result;
    }

    private static String option(Set<Privilege> privileges)
    {
        return privileges.contains(Privilege.GRANT_OPTION) ? " WITH GRANT OPTION" : "";
    }

    /** The privilege list of one line; {@code all} is what ALL PRIVILEGES means at the level (empty: never print it). */
    private static String list(Set<Privilege> held, Set<Privilege> all, Map<String, EnumSet<Privilege>> columns)
    {
        EnumSet<Privilege> privileges = EnumSet.noneOf(Privilege.class);
        privileges.addAll(held);
        privileges.remove(Privilege.GRANT_OPTION);
        if (!all.isEmpty() && privileges.containsAll(all) && columns.isEmpty()) {
            return "ALL PRIVILEGES";
        }
        List<String> parts = new ArrayList<>();
        for (Privilege each : Privilege.values()) {
            if (each == Privilege.GRANT_OPTION) {
                continue;
            }
            List<String> columnNames = columns.entrySet().stream()
                    .filter(entry -> entry.getValue().contains(each))
                    .map(entry -> "`" + entry.getKey().replace("`", "``") + "`")
                    .toList();
            if (privileges.contains(each) || !columnNames.isEmpty()) {
                parts.add(columnNames.isEmpty() ? each.sqlName() : each.sqlName() + " (" + String.join(", ", columnNames) + ")");
            }
        }
        return parts.isEmpty() ? "USAGE" : parts.stream().collect(Collectors.joining(", "));
    }
}
