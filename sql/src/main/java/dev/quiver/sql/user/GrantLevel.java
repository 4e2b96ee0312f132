package dev.quiver.sql.user;

import static java.util.Objects.requireNonNull;

/** Where a grant applies: {@code *.*}, {@code db.*} or {@code db.tbl}. */
public sealed interface GrantLevel
{
    /** {@code *.*} or {@code `db`.*} or {@code `db`.`t`}, as SHOW GRANTS writes it. */
    String describe();

    record Global()
            implements GrantLevel
    {
        @Override
        public String describe()
        {
            return "*.*";
        }
    }

    record Database(String database)
            implements GrantLevel
    {
        public Database
        {
            requireNonNull(database, "database is null");
        }

        @Override
        public String describe()
        {
            return quote(database) + ".*";
        }
    }

    record Table(String database, String table)
            implements GrantLevel
    {
        public Table
        {
            requireNonNull(database, "database is null");
            requireNonNull(table, "table is null");
        }

        @Override
        public String describe()
        {
            return quote(database) + "." + quote(table);
        }
    }

    private static String quote(String name)
    {
        return "`" + name.replace("`", "``") + "`";
    }
}
