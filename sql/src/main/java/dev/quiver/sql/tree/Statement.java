package dev.quiver.sql.tree;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * A parsed statement in Quiver's own immutable form. It is safe to cache and to share between sessions;
 * nothing of JSqlParser's mutable AST survives into it.
 */
public sealed interface Statement
{
    /** The statement family, as MySQL names it in messages and {@code Com_*} counters. */
    String kind();

    /**
     * A SELECT without a table (or {@code FROM DUAL}).
     *
     * @param items the select list, each named as MySQL names the column
     */
    record Query(List<SelectItem> items, Optional<Expression> where, Optional<Expression> limit, Optional<Expression> offset)
            implements Statement
    {
        public Query
        {
            items = List.copyOf(requireNonNull(items, "items is null"));
            requireNonNull(where, "where is null");
            requireNonNull(limit, "limit is null");
            requireNonNull(offset, "offset is null");
        }

        @Override
        public String kind()
        {
            return "SELECT";
        }
    }

    /** One select list entry; {@code name} is the alias, or the expression text as written. */
    record SelectItem(Expression expression, String name)
    {
        public SelectItem
        {
            requireNonNull(expression, "expression is null");
            requireNonNull(name, "name is null");
        }
    }

    record SetVariables(List<SetAssignment> assignments)
            implements Statement
    {
        public SetVariables
        {
            assignments = List.copyOf(requireNonNull(assignments, "assignments is null"));
        }

        @Override
        public String kind()
        {
            return "SET";
        }
    }

    /** {@code SET [GLOBAL|SESSION] TRANSACTION ...}; an empty scope sets the next transaction only. */
    record SetTransaction(Optional<VariableScope> scope, Optional<String> isolationLevel, Optional<Boolean> readOnly)
            implements Statement
    {
        public SetTransaction
        {
            requireNonNull(scope, "scope is null");
            requireNonNull(isolationLevel, "isolationLevel is null");
            requireNonNull(readOnly, "readOnly is null");
        }

        @Override
        public String kind()
        {
            return "SET TRANSACTION";
        }
    }

    record StartTransaction(Optional<Boolean> readOnly, boolean consistentSnapshot)
            implements Statement
    {
        public StartTransaction
        {
            requireNonNull(readOnly, "readOnly is null");
        }

        @Override
        public String kind()
        {
            return "BEGIN";
        }
    }

    record Commit()
            implements Statement
    {
        @Override
        public String kind()
        {
            return "COMMIT";
        }
    }

    record Rollback()
            implements Statement
    {
        @Override
        public String kind()
        {
            return "ROLLBACK";
        }
    }

    record Use(String database)
            implements Statement
    {
        public Use
        {
            requireNonNull(database, "database is null");
        }

        @Override
        public String kind()
        {
            return "USE";
        }
    }

    record CreateDatabase(String name, boolean ifNotExists, Optional<String> characterSet, Optional<String> collation)
            implements Statement
    {
        public CreateDatabase
        {
            requireNonNull(name, "name is null");
            requireNonNull(characterSet, "characterSet is null");
            requireNonNull(collation, "collation is null");
        }

        @Override
        public String kind()
        {
            return "CREATE DATABASE";
        }
    }

    record DropDatabase(String name, boolean ifExists)
            implements Statement
    {
        public DropDatabase
        {
            requireNonNull(name, "name is null");
        }

        @Override
        public String kind()
        {
            return "DROP DATABASE";
        }
    }

    /** {@code SHOW [GLOBAL|SESSION] VARIABLES|STATUS}, {@code SHOW DATABASES}, ... with an optional filter. */
    record Show(ShowTarget target, VariableScope scope, Optional<ShowFilter> filter)
            implements Statement
    {
        public Show
        {
            requireNonNull(target, "target is null");
            requireNonNull(scope, "scope is null");
            requireNonNull(filter, "filter is null");
        }

        @Override
        public String kind()
        {
            return "SHOW " + target.name().replace('_', ' ');
        }
    }

    enum ShowTarget
    {
        VARIABLES, STATUS, DATABASES, ENGINES, COLLATION, CHARACTER_SET
    }

    /** {@code SHOW WARNINGS|ERRORS [LIMIT [offset,] n]} and {@code SHOW COUNT(*) WARNINGS|ERRORS}. */
    record ShowWarnings(boolean errorsOnly, boolean countOnly, OptionalLong limit, OptionalLong offset)
            implements Statement
    {
        public ShowWarnings
        {
            requireNonNull(limit, "limit is null");
            requireNonNull(offset, "offset is null");
        }

        @Override
        public String kind()
        {
            return errorsOnly ? "SHOW ERRORS" : "SHOW WARNINGS";
        }
    }

    /** {@code KILL [CONNECTION|QUERY] expr}. */
    record Kill(Expression connectionId, boolean queryOnly)
            implements Statement
    {
        public Kill
        {
            requireNonNull(connectionId, "connectionId is null");
        }

        @Override
        public String kind()
        {
            return "KILL";
        }
    }

    /** A statement that parses but that this version cannot run yet; executing it answers 1235. */
    record Unsupported(String kind)
            implements Statement
    {
        public Unsupported
        {
            requireNonNull(kind, "kind is null");
        }
    }
}
