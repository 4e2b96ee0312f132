package dev.quiver.sql.security;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The static privileges Quiver grants and checks, in MySQL's bit order (the order SHOW GRANTS lists them and
 * ER_TABLEACCESS_DENIED_ERROR names them). {@code ALL [PRIVILEGES]} is every privilege a level allows except
 * GRANT OPTION.
 */
public enum Privilege
{
    SELECT("SELECT", "SELECT", true, true),
    INSERT("INSERT", "INSERT", true, true),
    UPDATE("UPDATE", "UPDATE", true, true),
    DELETE("DELETE", "DELETE", true, false),
    CREATE("CREATE", "CREATE", true, false),
    DROP("DROP", "DROP", true, false),
    GRANT_OPTION("GRANT OPTION", "GRANT", true, false),
    INDEX("INDEX", "INDEX", true, false),
    ALTER("ALTER", "ALTER", true, false),
    CREATE_USER("CREATE USER", "CREATE USER", false, false);

    private final String sqlName;
    private final String deniedName;
    private final boolean belowGlobal;
    private final boolean column;

    Privilege(String sqlName, String deniedName, boolean belowGlobal, boolean column)
    {
        this.sqlName = sqlName;
        this.deniedName = deniedName;
        this.belowGlobal = belowGlobal;
        this.column = column;
    }

    /** The name in GRANT and SHOW GRANTS ({@code CREATE USER}). */
    public String sqlName()
    {
        return sqlName;
    }

    /** True when the privilege may be granted on a database or table, not only on {@code *.*}. */
    public boolean belowGlobal()
    {
        return belowGlobal;
    }

    /** True for SELECT, INSERT and UPDATE, the privileges a column grant may hold. */
    public boolean column()
    {
        return column;
    }

    public static Optional<Privilege> bySqlName(String name)
    {
        String wanted = name.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        for (Privilege each : values()) {
            if (each.sqlName.equals(wanted)) {
                return Optional.of(each);
            }
        }
        return Optional.empty();
    }

    /** ALL [PRIVILEGES] on a database or table. */
    public static EnumSet<Privilege> allBelowGlobal()
    {
        EnumSet<Privilege> result = EnumSet.noneOf(Privilege.class);
        for (Privilege each : values()) {
            if (each.belowGlobal && each != GRANT_OPTION) {
                result.add(each);
            }
        }
        return result;
    }

    /** ALL [PRIVILEGES] on {@code *.*}. */
    public static EnumSet<Privilege> allGlobal()
    {
        EnumSet<Privilege> result = EnumSet.allOf(Privilege.class);
        result.remove(GRANT_OPTION);
        return result;
    }

    /** MySQL 8's {@code get_privilege_desc}: the names in bit order joined by a comma and a space ({@code INSERT, UPDATE}). */
    public static String describeDenied(Set<Privilege> privileges)
    {
        return EnumSet.copyOf(privileges).stream().map(each -> each.deniedName).collect(Collectors.joining(", "));
    }

    /** Stored form in the grant tables: the enum names joined by a comma. */
    public static String encode(Set<Privilege> privileges)
    {
        return privileges.isEmpty() ? "" : EnumSet.copyOf(privileges).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public static EnumSet<Privilege> decode(String text)
    {
        EnumSet<Privilege> result = EnumSet.noneOf(Privilege.class);
        for (String each : text.split(",")) {
            // names this version does not know (a newer version's, or a hand-edited row) grant nothing
            for (Privilege privilege : values()) {
                if (privilege.name().equals(each.trim())) {
                    result.add(privilege);
                }
            }
        }
        return result;
    }
}
