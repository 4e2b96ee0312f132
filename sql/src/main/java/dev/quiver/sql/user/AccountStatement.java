package dev.quiver.sql.user;

import dev.quiver.sql.security.Privilege;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/** The account statements: CREATE/ALTER/DROP/RENAME USER, SET PASSWORD, GRANT, REVOKE and SHOW GRANTS. */
public sealed interface AccountStatement
{
    /** The statement's name in 1396 messages and {@code Com_*} counters. */
    String kind();

    /** An account named in a statement, or CURRENT_USER (empty). */
    record UserReference(Optional<AccountName> name)
    {
        public UserReference
        {
            requireNonNull(name, "name is null");
        }

        public static UserReference currentUser()
        {
            return new UserReference(Optional.empty());
        }
    }

    /** {@code 'u'@'h' [IDENTIFIED [WITH plugin] [BY 'pw']]}. */
    record UserSpecification(UserReference user, Optional<String> plugin, Optional<String> password)
    {
        public UserSpecification
        {
            requireNonNull(user, "user is null");
            requireNonNull(plugin, "plugin is null");
            requireNonNull(password, "password is null");
        }
    }

    record CreateUser(boolean ifNotExists, List<UserSpecification> users)
            implements AccountStatement
    {
        public CreateUser
        {
            users = List.copyOf(users);
        }

        @Override
        public String kind()
        {
            return "CREATE USER";
        }
    }

    record AlterUser(boolean ifExists, List<UserSpecification> users)
            implements AccountStatement
    {
        public AlterUser
        {
            users = List.copyOf(users);
        }

        @Override
        public String kind()
        {
            return "ALTER USER";
        }
    }

    record DropUser(boolean ifExists, List<UserReference> users)
            implements AccountStatement
    {
        public DropUser
        {
            users = List.copyOf(users);
        }

        @Override
        public String kind()
        {
            return "DROP USER";
        }
    }

    record RenameUser(List<UserReference> from, List<UserReference> to)
            implements AccountStatement
    {
        public RenameUser
        {
            from = List.copyOf(from);
            to = List.copyOf(to);
        }

        @Override
        public String kind()
        {
            return "RENAME USER";
        }
    }

    /** {@code SET PASSWORD [FOR u] = 'pw'}. */
    record SetPassword(UserReference user, String password)
            implements AccountStatement
    {
        public SetPassword
        {
            requireNonNull(user, "user is null");
            requireNonNull(password, "password is null");
        }

        @Override
        public String kind()
        {
            return "SET PASSWORD";
        }
    }

    /** One entry of a privilege list: a privilege (empty for ALL [PRIVILEGES]) and optional columns. */
    record PrivilegeSpecification(Optional<Privilege> privilege, List<String> columns)
    {
        public PrivilegeSpecification
        {
            requireNonNull(privilege, "privilege is null");
            columns = List.copyOf(columns);
        }
    }

    /**
     * {@code ON *.*} (database and table {@code *}), {@code db.*}, {@code db.tbl}, {@code tbl} or {@code *} (database
     * empty: the current one).
     */
    record GrantTarget(Optional<String> database, String table)
    {
        public GrantTarget
        {
            requireNonNull(database, "database is null");
            requireNonNull(table, "table is null");
        }

        public boolean global()
        {
            return database.equals(Optional.of("*"));
        }
    }

    record Grant(List<PrivilegeSpecification> privileges, GrantTarget target, List<UserReference> users, boolean withGrantOption)
            implements AccountStatement
    {
        public Grant
        {
            privileges = List.copyOf(privileges);
            users = List.copyOf(users);
            requireNonNull(target, "target is null");
        }

        @Override
        public String kind()
        {
            return "GRANT";
        }
    }

    /** {@code REVOKE privileges ON target FROM users}; {@code target} empty for {@code REVOKE ALL PRIVILEGES, GRANT OPTION FROM}. */
    record Revoke(List<PrivilegeSpecification> privileges, Optional<GrantTarget> target, List<UserReference> users)
            implements AccountStatement
    {
        public Revoke
        {
            privileges = List.copyOf(privileges);
            users = List.copyOf(users);
            requireNonNull(target, "target is null");
        }

        @Override
        public String kind()
        {
            return "REVOKE";
        }
    }

    record ShowGrants(UserReference user)
            implements AccountStatement
    {
        public ShowGrants
        {
            requireNonNull(user, "user is null");
        }

        @Override
        public String kind()
        {
            return "SHOW GRANTS";
        }
    }

    /** {@code FLUSH PRIVILEGES}: rereads the grant tables (after they were edited with ordinary DML). */
    record FlushPrivileges()
            implements AccountStatement
    {
        @Override
        public String kind()
        {
            return "FLUSH PRIVILEGES";
        }
    }
}
