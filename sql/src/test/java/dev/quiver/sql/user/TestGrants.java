package dev.quiver.sql.user;

import dev.quiver.common.PasswordHash;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.QueryEngine;
import dev.quiver.sql.Session;
import dev.quiver.sql.SessionContext;
import dev.quiver.sql.result.QueryResult;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.result.RowCursor;
import dev.quiver.sql.result.RowsResult;
import dev.quiver.sql.security.GrantAccessControl;
import dev.quiver.sql.security.Identity;
import dev.quiver.sql.testing.InProcessTarget;
import dev.quiver.storage.memory.InMemoryStorageEngine;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Account statements, SHOW GRANTS text and privilege resolution, in process against the in-memory engine. */
public class TestGrants
{
    private final InMemoryStorageEngine storage = new InMemoryStorageEngine();
    private final UserStore users = new UserStore(storage);
    private final QueryEngine engine = new QueryEngine(storage, new GrantAccessControl(users::model), users, InProcessTarget.CONFIG);
    private long nextConnection = 1;
    private final Session root;

    public TestGrants()
    {
        users.bootstrap(PasswordHash.EMPTY);
        root = session("root");
        run(root, "CREATE DATABASE shop");
        run(root, "CREATE TABLE shop.orders (id INT PRIMARY KEY, a INT, b INT, c INT)");
        run(root, "CREATE TABLE shop.items (id INT PRIMARY KEY, name VARCHAR(20))");
        run(root, "INSERT INTO shop.orders VALUES (1, 1, 1, 1)");
    }

    private Session session(String user)
    {
        return engine.openSession(new SessionContext(nextConnection++, new Identity(user, "localhost", "%"), false, true));
    }

    @Test
    public void testShowGrantsText()
    {
        run(root, "CREATE USER 'u'@'%' IDENTIFIED BY 'pw'");
        assertThat(grants(root, "SHOW GRANTS FOR u")).containsExactly("GRANT USAGE ON *.* TO `u`@`%`");
        run(root, "GRANT SELECT, INSERT ON *.* TO u");
        run(root, "GRANT ALL PRIVILEGES ON shop.* TO 'u'@'%' WITH GRANT OPTION");
        run(root, "GRANT SELECT (a, b), INSERT, UPDATE (a) ON shop.orders TO u");
        run(root, "GRANT DELETE ON `shop`.`items` TO u");
        assertThat(grants(root, "SHOW GRANTS FOR 'u'@'%'")).containsExactly(
                "GRANT SELECT, INSERT ON *.* TO `u`@`%`",
                "GRANT ALL PRIVILEGES ON `shop`.* TO `u`@`%` WITH GRANT OPTION",
                "GRANT DELETE ON `shop`.`items` TO `u`@`%`",
                "GRANT SELECT (`a`, `b`), INSERT, UPDATE (`a`) ON `shop`.`orders` TO `u`@`%`");
        assertThat(grants(root, "SHOW GRANTS")).containsExactly(
                "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, INDEX, ALTER, CREATE USER ON *.* TO `root`@`%` WITH GRANT OPTION");
        run(root, "REVOKE ALL PRIVILEGES, GRANT OPTION FROM u");
        assertThat(grants(root, "SHOW GRANTS FOR u")).containsExactly("GRANT USAGE ON *.* TO `u`@`%`");
        run(root, "GRANT GRANT OPTION ON shop.* TO u");
        assertThat(grants(root, "SHOW GRANTS FOR u")).containsExactly("GRANT USAGE ON *.* TO `u`@`%`", "GRANT USAGE ON `shop`.* TO `u`@`%` WITH GRANT OPTION");
        assertThat(columnName(root, "SHOW GRANTS FOR u")).isEqualTo("Grants for u@%");
    }

    @Test
    public void testAccountStatementErrorsAndNotes()
    {
        run(root, "CREATE USER u IDENTIFIED WITH mysql_native_password BY 'x'");
        assertError(root, "CREATE USER u", 1396, "Operation CREATE USER failed for 'u'@'%'");
        assertError(root, "CREATE USER v, u", 1396, "Operation CREATE USER failed for 'u'@'%'");
        assertThat(users.model().account(new AccountName("v", "%"))).isEmpty();
        run(root, "CREATE USER IF NOT EXISTS u");
        assertThat(root.warnings()).extracting(each -> each.code() + " " + each.message()).containsExactly("3163 Authorization ID 'u'@'%' already exists.");
        assertError(root, "DROP USER nobody@localhost", 1396, "Operation DROP USER failed for 'nobody'@'localhost'");
        run(root, "DROP USER IF EXISTS nobody@localhost");
        assertThat(root.warnings()).extracting(each -> each.code() + " " + each.message()).containsExactly("3162 Authorization ID 'nobody'@'localhost' does not exist.");
        assertError(root, "ALTER USER nobody IDENTIFIED BY 'x'", 1396, "Operation ALTER USER failed for 'nobody'@'%'");
        assertError(root, "RENAME USER nobody TO somebody", 1396, "Operation RENAME USER failed for 'nobody'@'%'");
        assertError(root, "SET PASSWORD FOR nobody = 'x'", 1133, "Can't find any matching row in the user table");
        assertError(root, "GRANT SELECT ON *.* TO nobody", 1410, "You are not allowed to create a user with GRANT");
        assertError(root, "GRANT SELECT ON shop.nothing TO u", 1146, "Table 'shop.nothing' doesn't exist");
        assertError(root, "GRANT SELECT (nothing) ON shop.orders TO u", 1054, "Unknown column 'nothing' in 'orders'");
        assertError(root, "GRANT CREATE USER ON shop.* TO u", 1221, "Incorrect usage of DB GRANT and GLOBAL PRIVILEGES");
        assertError(root, "GRANT DELETE (a) ON shop.orders TO u", 1144, "Illegal GRANT/REVOKE command; please consult the manual to see which privileges can be used");
        assertError(root, "REVOKE SELECT ON shop.* FROM u", 1141, "There is no such grant defined for user 'u' on host '%'");
        assertError(root, "REVOKE SELECT ON shop.orders FROM u", 1147, "There is no such grant defined for user 'u' on host '%' on table 'orders'");
        assertError(root, "CREATE USER w IDENTIFIED WITH sha256_password BY 'x'", 1524, "Plugin 'sha256_password' is not loaded");
        run(root, "RENAME USER u TO uu@localhost");
        assertThat(users.model().account(new AccountName("uu", "localhost")).orElseThrow().plugin()).isEqualTo("mysql_native_password");
        assertThat(users.model().account(new AccountName("u", "%"))).isEmpty();
        run(root, "ALTER USER uu@localhost IDENTIFIED WITH caching_sha2_password BY 'y'");
        Account altered = users.model().account(new AccountName("uu", "localhost")).orElseThrow();
        assertThat(altered.plugin()).isEqualTo("caching_sha2_password");
        assertThat(altered.password().matches("y")).isTrue();
        run(root, "SET PASSWORD FOR uu@localhost = 'z'");
        assertThat(users.model().account(new AccountName("uu", "localhost")).orElseThrow().password().matches("z")).isTrue();
        run(root, "DROP USER uu@localhost");
        assertThat(users.model().account(new AccountName("uu", "localhost"))).isEmpty();
    }

    @Test
    public void testAdministrationNeedsPrivileges()
    {
        run(root, "CREATE USER alice");
        run(root, "GRANT SELECT ON shop.* TO alice");
        Session alice = session("alice");
        assertError(alice, "CREATE USER bob", 1227, "Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation");
        assertError(alice, "DROP USER root", 1227, "Access denied; you need (at least one of) the CREATE USER privilege(s) for this operation");
        assertError(alice, "GRANT SELECT ON shop.* TO alice", 1044, "Access denied for user 'alice'@'localhost' to database 'shop'");
        assertError(alice, "GRANT SELECT ON shop.orders TO alice", 1142, "GRANT command denied to user 'alice'@'localhost' for table 'orders'");
        assertError(alice, "GRANT SELECT ON *.* TO alice", 1045, "Access denied for user 'alice'@'localhost' (using password: YES)");
        assertError(alice, "SHOW GRANTS FOR root", 1044, "Access denied for user 'alice'@'localhost' to database 'mysql'");
        assertError(alice, "SET PASSWORD FOR root = 'x'", 1044, "Access denied for user 'alice'@'localhost' to database 'mysql'");
        // one's own password and grants need nothing
        run(alice, "SET PASSWORD = 'secret'");
        run(alice, "ALTER USER CURRENT_USER() IDENTIFIED BY 'secret2'");
        assertThat(users.model().account(new AccountName("alice", "%")).orElseThrow().password().matches("secret2")).isTrue();
        assertThat(grants(alice, "SHOW GRANTS FOR CURRENT_USER()")).containsExactly("GRANT USAGE ON *.* TO `alice`@`%`", "GRANT SELECT ON `shop`.* TO `alice`@`%`");
        // with GRANT OPTION a user hands on what it holds, and only that
        run(root, "GRANT SELECT, INSERT ON shop.* TO alice WITH GRANT OPTION");
        run(root, "CREATE USER bob");
        run(alice, "GRANT SELECT ON shop.orders TO bob");
        assertError(alice, "GRANT DELETE ON shop.orders TO bob", 1142, "DELETE command denied to user 'alice'@'localhost' for table 'orders'");
    }

    @Test
    public void testStatementPrivileges()
    {
        run(root, "CREATE USER alice");
        Session alice = session("alice");
        assertError(alice, "USE shop", 1044, "Access denied for user 'alice'@'localhost' to database 'shop'");
        assertError(alice, "USE nowhere", 1044, "Access denied for user 'alice'@'localhost' to database 'nowhere'");
        assertError(root, "USE nowhere", 1049, "Unknown database 'nowhere'");
        assertError(alice, "SELECT * FROM shop.orders", 1142, "SELECT command denied to user 'alice'@'localhost' for table 'orders'");
        assertError(alice, "INSERT INTO shop.orders VALUES (2, 2, 2, 2) ON DUPLICATE KEY UPDATE a = 3", 1142,
                "INSERT, UPDATE command denied to user 'alice'@'localhost' for table 'orders'");
        assertError(alice, "REPLACE INTO shop.orders VALUES (2, 2, 2, 2)", 1142, "INSERT, DELETE command denied to user 'alice'@'localhost' for table 'orders'");
        assertThat(rows(root, "SHOW DATABASES")).extracting(each -> each[0]).contains("shop", "mysql");
        assertThat(rows(alice, "SHOW DATABASES")).extracting(each -> each[0]).containsExactly("information_schema");

        // the grant applies to the open session's next statement
        run(root, "GRANT INSERT ON shop.orders TO alice");
        run(alice, "INSERT INTO shop.orders VALUES (2, 2, 2, 2)");
        assertError(alice, "INSERT INTO shop.orders VALUES (2, 2, 2, 2) ON DUPLICATE KEY UPDATE a = 3", 1142,
                "UPDATE command denied to user 'alice'@'localhost' for table 'orders'");
        run(root, "GRANT UPDATE ON shop.orders TO alice");
        run(alice, "INSERT INTO shop.orders VALUES (2, 2, 2, 2) ON DUPLICATE KEY UPDATE a = 3");
        assertError(alice, "INSERT INTO shop.orders VALUES (2, 2, 2, 2) ON DUPLICATE KEY UPDATE a = VALUES(a)", 1143,
                "SELECT command denied to user 'alice'@'localhost' for column 'a' in table 'orders'");
        run(alice, "INSERT INTO shop.orders VALUES (2, 2, 2, 2) AS new ON DUPLICATE KEY UPDATE a = new.b");
        assertError(alice, "INSERT INTO shop.orders VALUES (2, 2, 2, 2) ON DUPLICATE KEY UPDATE a = b + 1", 1143,
                "SELECT command denied to user 'alice'@'localhost' for column 'b' in table 'orders'");
        assertError(alice, "UPDATE shop.orders SET a = 5 WHERE id = 2", 1143, "SELECT command denied to user 'alice'@'localhost' for column 'id' in table 'orders'");
        run(alice, "UPDATE shop.orders SET a = 5");
        assertThat(rows(alice, "SHOW DATABASES")).extracting(each -> each[0]).containsExactly("information_schema", "shop");
        run(alice, "USE shop");
        assertThat(rows(alice, "SHOW TABLES")).extracting(each -> each[0]).containsExactly("orders");

        // column privileges
        run(root, "GRANT SELECT (id, a) ON shop.orders TO alice");
        run(alice, "SELECT id, a FROM orders WHERE id = 2");
        run(alice, "UPDATE orders SET a = 6 WHERE id = 2");
        // every column at once (SELECT *, INSERT without a column list): MySQL's check_grant_all_columns answers for the table
        assertError(alice, "SELECT * FROM orders", 1142, "SELECT command denied to user 'alice'@'localhost' for table 'orders'");
        assertError(alice, "SELECT b FROM orders", 1143, "SELECT command denied to user 'alice'@'localhost' for column 'b' in table 'orders'");
        assertError(alice, "DELETE FROM orders WHERE id = 2", 1142, "DELETE command denied to user 'alice'@'localhost' for table 'orders'");
        run(root, "GRANT DELETE ON shop.orders TO alice");
        assertError(alice, "DELETE FROM orders WHERE b = 2", 1143, "SELECT command denied to user 'alice'@'localhost' for column 'b' in table 'orders'");
        run(alice, "DELETE FROM orders WHERE id = 2");

        // every table of a join or a UNION is checked
        assertError(alice, "SELECT o.id FROM orders o JOIN items i ON i.id = o.id", 1142, "SELECT command denied to user 'alice'@'localhost' for table 'items'");
        assertError(alice, "SELECT id FROM orders UNION SELECT id FROM items", 1142, "SELECT command denied to user 'alice'@'localhost' for table 'items'");
        run(root, "GRANT SELECT (id) ON shop.items TO alice");
        run(alice, "SELECT o.id, i.id FROM orders o JOIN items i ON i.id = o.id");
        assertError(alice, "SELECT o.id, i.name FROM orders o JOIN items i ON i.id = o.id", 1143,
                "SELECT command denied to user 'alice'@'localhost' for column 'name' in table 'items'");

        // REVOKE applies at once too
        run(root, "REVOKE INSERT ON shop.orders FROM alice");
        assertError(alice, "INSERT INTO orders VALUES (3, 3, 3, 3)", 1142, "INSERT command denied to user 'alice'@'localhost' for table 'orders'");

        // DDL
        assertError(alice, "CREATE TABLE t2 (id INT)", 1142, "CREATE command denied to user 'alice'@'localhost' for table 't2'");
        assertError(alice, "DROP TABLE orders", 1142, "DROP command denied to user 'alice'@'localhost' for table 'orders'");
        assertError(alice, "ALTER TABLE orders ADD COLUMN d INT", 1142, "ALTER command denied to user 'alice'@'localhost' for table 'orders'");
        assertError(alice, "CREATE INDEX ia ON orders (a)", 1142, "INDEX command denied to user 'alice'@'localhost' for table 'orders'");
        assertError(alice, "CREATE DATABASE other", 1044, "Access denied for user 'alice'@'localhost' to database 'other'");
        run(root, "GRANT CREATE, INDEX ON shop.* TO alice");
        run(alice, "CREATE TABLE t2 (id INT PRIMARY KEY)");
        run(alice, "CREATE INDEX ia ON orders (a)");
    }

    @Test
    public void testGrantsSurviveReloadFromTheTables()
    {
        run(root, "CREATE USER 'p'@'10.0.0.0/255.0.0.0' IDENTIFIED BY 'pw'");
        run(root, "GRANT SELECT (a), UPDATE ON shop.orders TO 'p'@'10.0.0.0/255.0.0.0' WITH GRANT OPTION");
        run(root, "GRANT INSERT ON `sh_p`.* TO 'p'@'10.0.0.0/255.0.0.0'");
        UserStore reloaded = new UserStore(storage);
        Account account = reloaded.model().account(new AccountName("p", "10.0.0.0/255.0.0.0")).orElseThrow();
        assertThat(ShowGrantsText.lines(account)).containsExactly(
                "GRANT USAGE ON *.* TO `p`@`10.0.0.0/255.0.0.0`",
                "GRANT INSERT ON `sh_p`.* TO `p`@`10.0.0.0/255.0.0.0`",
                "GRANT SELECT (`a`), UPDATE ON `shop`.`orders` TO `p`@`10.0.0.0/255.0.0.0` WITH GRANT OPTION");
        assertThat(account.password().matches("pw")).isTrue();
        // a database pattern: `sh_p` covers shop
        assertThat(account.grants().forTable("shop", "items")).containsExactly(dev.quiver.sql.security.Privilege.INSERT);
        assertThat(reloaded.model().match("p", "10.9.9.9")).isPresent();
        assertThat(reloaded.model().match("p", "11.9.9.9")).isEmpty();
    }

    @Test
    public void testFlushPrivilegesRereadsEditedGrantTables()
    {
        run(root, "CREATE USER edited");
        run(root, "UPDATE mysql.user SET Privileges = 'SELECT,NOT_A_PRIVILEGE' WHERE User = 'edited'");
        assertThat(grants(root, "SHOW GRANTS FOR edited")).containsExactly("GRANT USAGE ON *.* TO `edited`@`%`");
        run(root, "FLUSH PRIVILEGES");
        assertThat(grants(root, "SHOW GRANTS FOR edited")).containsExactly("GRANT SELECT ON *.* TO `edited`@`%`");
        assertError(session("edited"), "FLUSH PRIVILEGES", 1227, "Access denied; you need (at least one of) the RELOAD privilege(s) for this operation");
    }

    /** MySQL 8's metadata rules for a user holding column privileges (TestColumnPrivilegeMetadata compares with MariaDB). */
    @Test
    public void testColumnPrivilegedUserSeesItsColumns()
    {
        run(root, "CREATE USER cols");
        run(root, "GRANT SELECT (a), UPDATE (c) ON shop.orders TO cols");
        Session cols = session("cols");
        assertThat(grants(cols, "DESCRIBE shop.orders")).containsExactly("a", "c");
        assertThat(rows(cols, "SHOW FULL COLUMNS FROM shop.orders")).extracting(each -> each[0] + ":" + each[7]).containsExactly("a:select", "c:update");
        assertThat(grants(cols, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_NAME = 'orders' ORDER BY ORDINAL_POSITION"))
                .containsExactly("a", "c");
        assertThat(grants(cols, "SHOW INDEX FROM shop.orders")).containsExactly("orders");
        assertError(cols, "SHOW CREATE TABLE shop.orders", 1142, "SHOW command denied to user 'cols'@'localhost' for table 'orders'");
        assertError(cols, "DESCRIBE shop.items", 1142, "SELECT command denied to user 'cols'@'localhost' for table 'items'");
        // a table-level privilege shows every column and the whole table
        run(root, "GRANT INSERT ON shop.orders TO cols");
        assertThat(rows(cols, "SHOW FULL COLUMNS FROM shop.orders")).extracting(each -> each[0] + ":" + each[7])
                .containsExactly("id:insert", "a:select,insert", "b:insert", "c:insert,update");
        assertThat(grants(cols, "SHOW CREATE TABLE shop.orders")).containsExactly("orders");
        assertThat(rows(root, "SHOW FULL COLUMNS FROM shop.orders")).extracting(each -> (String) each[7]).containsOnly("select,insert,update,references");
    }

    private void run(Session session, String sql)
    {
        engine.execute(session, sql, result -> {
            if (result instanceof RowsResult rows) {
                rows.rows().close();
            }
        });
    }

    private void assertError(Session session, String sql, int code, String message)
    {
        assertThatThrownBy(() -> run(session, sql)).as(sql)
                .isInstanceOfSatisfying(QuiverException.class, ex -> {
                    assertThat(ex.vendorCode()).as(sql + ": " + ex.getMessage()).isEqualTo(code);
                    assertThat(ex.getMessage()).as(sql).isEqualTo(message);
                });
    }

    private List<Object[]> rows(Session session, String sql)
    {
        List<QueryResult> results = new ArrayList<>();
        engine.execute(session, sql, results::add);
        List<Object[]> result = new ArrayList<>();
        try (RowCursor cursor = ((RowsResult) results.get(0)).rows()) {
            cursor.forEachRemaining(result::add);
        }
        return result;
    }

    private List<String> grants(Session session, String sql)
    {
        return rows(session, sql).stream().map(each -> (String) each[0]).toList();
    }

    private String columnName(Session session, String sql)
    {
        List<QueryResult> results = new ArrayList<>();
        engine.execute(session, sql, results::add);
        RowsResult rows = (RowsResult) results.get(0);
        rows.rows().close();
        return rows.columns().get(0).name();
    }
}
