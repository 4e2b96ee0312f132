package dev.quiver.sql.security;

/**
 * The one privilege check every statement passes through at analysis, before any row is touched.
 * {@link GrantAccessControl} checks the grant tables, {@link AllowAllAccessControl} allows everything; each method throws a
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

    /**
     * MySQL's table-level precheck, made once per table a statement touches before anything of it runs: every wanted
     * privilege must be held on the table (globally, on its database or on it) or on one of its columns, else 1142
     * naming all the missing ones ({@code INSERT,UPDATE}). The column checks above follow.
     */
    default void checkTablePrivileges(Identity identity, String database, String table, java.util.Set<Privilege> wanted)
    {
    }

    /** SHOW TABLES and information_schema list only the tables this answers true for (any privilege on the table or a column). */
    default boolean canSeeTable(Identity identity, String database, String table)
    {
        return true;
    }

    /**
     * SHOW COLUMNS / DESCRIBE and SHOW INDEX: as MySQL 8, some privilege on the table (at any level) or on one of its
     * columns, else 1142 for SELECT. SHOW INDEX then shows every index (MySQL 8's STATISTICS view filters by table
     * only); the column listings show only the columns {@link #columnPrivileges} names something for. By default: the
     * SELECT check with no columns.
     */
    default void checkCanShowTable(Identity identity, String database, String table)
    {
        checkCanSelect(identity, database, table, java.util.List.of());
    }

    /**
     * SHOW CREATE TABLE: MySQL 8 wants a privilege held on the table itself (globally, on its database or on it);
     * column privileges are not enough. Else 1142 for the command {@code SHOW}. By default: {@link #checkCanShowTable}.
     */
    default void checkCanShowCreateTable(Identity identity, String database, String table)
    {
        checkCanShowTable(identity, database, table);
    }

    /**
     * The column privileges the identity holds on a column, on the column itself or on the table and above, as SHOW FULL
     * COLUMNS and information_schema.COLUMNS write them ({@code select,insert,update,references}, lower case). Empty
     * means MySQL 8 hides the column from SHOW COLUMNS, DESCRIBE and information_schema.COLUMNS.
     */
    default String columnPrivileges(Identity identity, String database, String table, String column)
    {
        return ALL_COLUMN_PRIVILEGES;
    }

    /** What SHOW FULL COLUMNS writes for a user holding every column privilege. */
    String ALL_COLUMN_PRIVILEGES = "select,insert,update,references";

    /**
     * CREATE, DROP and RENAME USER, ALTER USER of another account, REVOKE ALL PRIVILEGES, GRANT OPTION, FLUSH
     * PRIVILEGES: MySQL's CREATE USER (RELOAD for FLUSH) privilege, else 1227 naming {@code privilege}.
     */
    default void checkCanAdministerAccounts(Identity identity, String privilege)
    {
    }

    /** SET PASSWORD FOR another account (UPDATE on mysql or CREATE USER) and SHOW GRANTS FOR another account (SELECT on mysql): else 1044 for mysql. */
    default void checkCanManageOtherAccount(Identity identity, boolean change)
    {
    }

    /**
     * GRANT and REVOKE: the identity must hold GRANT OPTION and every privilege it hands on or takes away at the level
     * (or above it; column privileges also on those columns). Denied as MySQL 8 denies: 1045 for {@code *.*}, 1044 for a
     * database, 1142 for a table.
     */
    default void checkCanGrant(Identity identity, dev.quiver.sql.user.GrantLevel level, java.util.Set<Privilege> privileges,
            java.util.Map<String, java.util.Set<Privilege>> columns)
    {
    }

    /**
     * A statement that touches every column without naming them ({@code INSERT} without a column list,
     * {@code SELECT *}): MySQL's {@code check_grant_all_columns}, which answers 1142 for the table when column
     * privileges do not cover every column.
     */
    default void checkAllColumns(Identity identity, String database, String table, Privilege privilege, java.util.List<String> columns)
    {
        switch (privilege) {
            case INSERT -> checkCanInsert(identity, database, table, columns);
            case UPDATE -> checkCanUpdate(identity, database, table, columns);
            case SELECT -> checkCanSelect(identity, database, table, columns);
            default -> throw new IllegalArgumentException("not a column privilege: " + privilege);
        }
    }
}
