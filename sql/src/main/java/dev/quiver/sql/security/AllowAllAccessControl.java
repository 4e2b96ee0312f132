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
}
