package dev.quiver.it.sql;

import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JDBC {@link DatabaseMetaData} through MariaDB Connector/J and MySQL Connector/J (both with their default
 * settings and with information_schema): tables, columns, primary keys and indexes, as GUI tools read them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestJdbcMetadata
{
    private TestingServer quiver;

    @BeforeAll
    void start()
            throws SQLException
    {
        quiver = TestingServer.start();
        try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + quiver.port() + "/", "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE qv_meta");
            statement.execute("CREATE TABLE qv_meta.items (id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL, price DECIMAL(8,2), "
                    + "note TEXT, UNIQUE KEY uk_name (name), KEY k_price (price))");
            statement.execute("CREATE TABLE qv_meta.tags (item_id BIGINT NOT NULL, tag VARCHAR(10) NOT NULL, PRIMARY KEY (item_id, tag))");
        }
    }

    @AfterAll
    void stop()
    {
        quiver.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "jdbc:mariadb://127.0.0.1:%d/qv_meta",
            "jdbc:mariadb://127.0.0.1:%d/qv_meta?useCatalogTerm=Schema",
            "jdbc:mysql://127.0.0.1:%d/qv_meta?sslMode=DISABLED",
            "jdbc:mysql://127.0.0.1:%d/qv_meta?sslMode=DISABLED&useInformationSchema=true",
            "jdbc:mysql://127.0.0.1:%d/qv_meta?sslMode=DISABLED&databaseTerm=SCHEMA"})
    void testMetadata(String url)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(url.formatted(quiver.port()), "root", "")) {
            DatabaseMetaData metaData = connection.getMetaData();
            // A driver told to call databases schemas reports the database as the schema (MariaDB Connector/J then
            // answers "def" for the catalog, which it ignores); otherwise the database is the catalog.
            String schema = connection.getSchema();
            String catalog = schema == null ? connection.getCatalog() : null;

            List<String> tables = new ArrayList<>();
            try (ResultSet result = metaData.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
                while (result.next()) {
                    tables.add(result.getString("TABLE_NAME") + ":" + result.getString("TABLE_TYPE"));
                }
            }
            assertThat(tables).containsExactly("items:TABLE", "tags:TABLE");

            List<String> columns = new ArrayList<>();
            try (ResultSet result = metaData.getColumns(catalog, schema, "items", "%")) {
                while (result.next()) {
                    columns.add(result.getString("COLUMN_NAME") + ":" + result.getInt("DATA_TYPE") + ":" + result.getString("TYPE_NAME").toUpperCase(java.util.Locale.ROOT)
                            + ":" + result.getInt("NULLABLE") + ":" + result.getInt("ORDINAL_POSITION") + ":" + result.getString("IS_AUTOINCREMENT"));
                }
            }
            assertThat(columns).containsExactly(
                    "id:" + Types.BIGINT + ":BIGINT:0:1:YES",
                    "name:" + Types.VARCHAR + ":VARCHAR:0:2:NO",
                    "price:" + Types.DECIMAL + ":DECIMAL:1:3:NO",
                    "note:" + Types.LONGVARCHAR + ":TEXT:1:4:NO");

            List<String> keys = new ArrayList<>();
            try (ResultSet result = metaData.getPrimaryKeys(catalog, schema, "tags")) {
                while (result.next()) {
                    keys.add(result.getString("COLUMN_NAME") + ":" + result.getInt("KEY_SEQ"));
                }
            }
            assertThat(keys).containsExactlyInAnyOrder("item_id:1", "tag:2");

            List<String> indexes = new ArrayList<>();
            try (ResultSet result = metaData.getIndexInfo(catalog, schema, "items", false, false)) {
                while (result.next()) {
                    indexes.add(result.getString("INDEX_NAME") + ":" + result.getString("COLUMN_NAME") + ":" + result.getBoolean("NON_UNIQUE"));
                }
            }
            assertThat(indexes).containsExactlyInAnyOrder("PRIMARY:id:false", "uk_name:name:false", "k_price:price:true");
        }
    }
}
