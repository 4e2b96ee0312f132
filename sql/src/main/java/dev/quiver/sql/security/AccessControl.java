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

    /** CREATE TABLE (CREATE privilege on the table). */
    void checkCanCreateTable(Identity identity, String database, String table);

    /** DROP TABLE and TRUNCATE TABLE (DROP privilege). */
    void checkCanDropTable(Identity identity, String database, String table);

    /** ALTER TABLE and RENAME (ALTER privilege). */
    void checkCanAlterTable(Identity identity, String database, String table);

    /** CREATE INDEX and DROP INDEX (INDEX privilege). */
    void checkCanCreateIndex(Identity identity, String database, String table);

    /** INSERT into these columns (REPLACE also passes checkCanDelete, ON DUPLICATE KEY UPDATE checkCanUpdate). */
    void checkCanInsert(Identity identity, String database, String table, java.util.List<String> columns);

    /** UPDATE of these columns (and ON DUPLICATE KEY UPDATE). */
    void checkCanUpdate(Identity identity, String database, String table, java.util.List<String> columns);

    /** DELETE (and REPLACE). */
    void checkCanDelete(Identity identity, String database, String table);

    /** SELECT of these columns (also the columns a WHERE, ORDER BY or SET expression reads); SHOW COLUMNS, SHOW CREATE TABLE, SHOW INDEX. */
    void checkCanSelect(Identity identity, String database, String table, java.util.List<String> columns);
}
