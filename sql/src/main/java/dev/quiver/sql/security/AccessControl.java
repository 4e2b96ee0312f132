package dev.quiver.sql.security;

/**
 * The one privilege check every statement passes through at analysis, before any row is touched.
 * {@link AllowAllAccessControl} until the privileges issue fills in the real checks; each method throws a
 * {@link dev.quiver.common.QuiverException} with MySQL's denial errno (1142, 1143, 1044, 1227).
 */
public interface AccessControl
{
    /** May the identity use (or see) this database: USE, COM_INIT_DB, SHOW DATABASES. */
    void checkCanAccessDatabase(Identity identity, String database);

    void checkCanCreateDatabase(Identity identity, String database);

    void checkCanDropDatabase(Identity identity, String database);

    /** {@code SET GLOBAL}: MySQL requires SYSTEM_VARIABLES_ADMIN (or SUPER), else 1227. */
    void checkCanSetGlobalVariable(Identity identity, String variable);

    /** {@code KILL} of another user's connection: MySQL requires CONNECTION_ADMIN (or SUPER), else 1095. */
    void checkCanKillConnection(Identity identity, Identity owner);

    /** {@code SHOW DATABASES} lists only the databases this answers true for (the SHOW DATABASES privilege sees all). */
    boolean canSeeDatabase(Identity identity, String database);
}
