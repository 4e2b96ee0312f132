package dev.quiver.sql.security;

/** Allows everything: the access control of the single-account server until users and grants land. */
public final class AllowAllAccessControl
        implements AccessControl
{
    @Override
    public void checkCanAccessDatabase(Identity identity, String database)
    {
    }

    @Override
    public void checkCanCreateDatabase(Identity identity, String database)
    {
    }

    @Override
    public void checkCanDropDatabase(Identity identity, String database)
    {
    }

    @Override
    public void checkCanSetGlobalVariable(Identity identity, String variable)
    {
    }

    @Override
    public void checkCanKillConnection(Identity identity, Identity owner)
    {
    }

    @Override
    public boolean canSeeDatabase(Identity identity, String database)
    {
        return true;
    }

    @Override
    public void checkCanCreateTable(Identity identity, String database, String table)
    {
    }

    @Override
    public void checkCanDropTable(Identity identity, String database, String table)
    {
    }

    @Override
    public void checkCanAlterTable(Identity identity, String database, String table)
    {
    }

    @Override
    public void checkCanCreateIndex(Identity identity, String database, String table)
    {
    }

    @Override
    public void checkCanInsert(Identity identity, String database, String table, java.util.List<String> columns)
    {
    }

    @Override
    public void checkCanUpdate(Identity identity, String database, String table, java.util.List<String> columns)
    {
    }

    @Override
    public void checkCanDelete(Identity identity, String database, String table)
    {
    }

    @Override
    public void checkCanSelect(Identity identity, String database, String table, java.util.List<String> columns)
    {
    }
}
