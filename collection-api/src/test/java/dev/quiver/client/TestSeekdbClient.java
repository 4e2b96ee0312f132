package dev.quiver.client;

import dev.quiver.client.internal.SqlStatementBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.quiver.client.CollectionFixtures.CATALOG_COLUMNS;
import static dev.quiver.client.CollectionFixtures.ID;
import static dev.quiver.client.CollectionFixtures.TABLE;
import static dev.quiver.client.CollectionFixtures.client;
import static dev.quiver.client.CollectionFixtures.databaseWithCollection;
import static dev.quiver.client.FakeDatabase.error;
import static dev.quiver.client.FakeDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestSeekdbClient
{
    private static final String NO_CATALOG = "Table 'test.sdk_collections' doesn't exist";

    @Test
    void testCreateCollectionSendsTheSdkSequence()
    {
        FakeDatabase database = new FakeDatabase()
                .on("SELECT collection_id FROM sdk_collections", rows(List.of("collection_id"), List.of(ID)));
        try (SeekdbClient client = client(database)) {
            Collection collection = client.createCollection("acc_1795319437810", CollectionConfiguration.builder().dimension(3).distance(Distance.L2).build());
            assertThat(collection.name()).isEqualTo("acc_1795319437810");
            assertThat(collection.id()).contains(ID);
            assertThat(collection.tableName()).isEqualTo(TABLE);
            assertThat(collection.dimension()).isEqualTo(3);
            assertThat(collection.distance()).isEqualTo(Distance.L2);
        }
        List<String> statements = database.renderedStatements();
        assertThat(statements).hasSize(4);
        assertThat(statements.get(0)).isEqualTo(SqlStatementBuilder.createCatalogTable().sql());
        assertThat(statements.get(1).strip()).isEqualTo("INSERT INTO sdk_collections (collection_name, settings)\n"
                + "    VALUES ('acc_1795319437810', '{\\\"schema\\\":{\\\"fulltextIndex\\\":{\\\"analyzer\\\":\\\"ik\\\",\\\"properties\\\":{}},"
                + "\\\"vectorIndex\\\":{\\\"hnsw\\\":{\\\"dimension\\\":3,\\\"distance\\\":\\\"l2\\\"}}},\\\"version\\\":\\\"v2\\\"}')");
        assertThat(statements.get(2).strip()).startsWith("SELECT collection_id\n      FROM sdk_collections\n      WHERE collection_name = 'acc_1795319437810'");
        assertThat(statements.get(3)).startsWith("CREATE TABLE `c$v2$605991322cb843b29205530ae2d2b7c3` (\n").contains("VECTOR(3)").contains("distance=l2");
        assertThat(database.executed()).extracting(FakeDatabase.Executed::connection).containsOnly(1);
    }

    @Test
    void testCreateCollectionDefaultsAndEmbeddingFunctionDimension()
    {
        FakeDatabase database = new FakeDatabase().on("SELECT collection_id FROM sdk_collections", rows(List.of("collection_id"), List.of(ID)));
        try (SeekdbClient client = client(database)) {
            assertThat(client.createCollection("plain").dimension()).isEqualTo(384);
            assertThat(client.createCollection("plain").distance()).isEqualTo(Distance.COSINE);
            Collection embedded = client.createCollection("embedded", CollectionConfiguration.builder().embeddingFunction(TestCollection.toyFunction()).build());
            assertThat(embedded.dimension()).isEqualTo(3);
            assertThat(embedded.embeddingFunction()).isPresent();
        }
        assertThat(database.renderedStatements()).anyMatch(sql -> sql.contains("\\\"embeddingFunction\\\":{\\\"name\\\":\\\"toy3\\\",\\\"properties\\\":{}}"));
    }

    @Test
    void testCreateCollectionOfExistingNameFails()
    {
        FakeDatabase database = new FakeDatabase()
                .on("INSERT INTO sdk_collections", error(1062, "23000", "Duplicate entry 'docs' for key 'idx_name'"));
        try (SeekdbClient client = client(database)) {
            assertThatThrownBy(() -> client.createCollection("docs", CollectionConfiguration.builder().dimension(3).build()))
                    .isInstanceOfSatisfying(CollectionAlreadyExistsException.class, ex -> {
                        assertThat(ex.errorCode()).isEqualTo(1062);
                        assertThat(ex.sqlState()).contains("23000");
                    })
                    .hasMessage("Collection already exists: docs");
        }
        assertThat(database.renderedStatements()).noneMatch(sql -> sql.startsWith("CREATE TABLE `"));
    }

    @Test
    void testFailedTableCreationRemovesTheCatalogRow()
    {
        FakeDatabase database = new FakeDatabase()
                .on("SELECT collection_id FROM sdk_collections", rows(List.of("collection_id"), List.of(ID)))
                .on("CREATE TABLE `c$v2$", error(1235, "42000", "This version of MySQL doesn't yet support 'VECTOR'"));
        try (SeekdbClient client = client(database)) {
            assertThatThrownBy(() -> client.createCollection("docs", CollectionConfiguration.builder().dimension(3).build()))
                    .isInstanceOf(UnsupportedFeatureException.class)
                    .hasMessageContaining("doesn't yet support");
        }
        assertThat(database.renderedStatements().getLast().strip()).isEqualTo("DELETE FROM sdk_collections\n    WHERE collection_name = 'docs'");
    }

    @Test
    void testFreshDatabaseHasNoCollections()
    {
        FakeDatabase database = new FakeDatabase().on("FROM sdk_collections", error(1146, "42S02", NO_CATALOG));
        try (SeekdbClient client = client(database)) {
            assertThat(client.hasCollection("docs")).isFalse();
            assertThatThrownBy(() -> client.getCollection("docs")).isInstanceOf(CollectionNotFoundException.class).hasMessage("Collection not found: docs");
            assertThat(client.listCollections()).isEmpty();
            assertThat(client.countCollection()).isZero();
            assertThatThrownBy(() -> client.deleteCollection("docs")).isInstanceOf(CollectionNotFoundException.class);
        }
        assertThat(database.renderedStatements()).contains("SHOW TABLES LIKE 'c$v1$docs'");
    }

    @Test
    void testOtherCatalogErrorsPropagate()
    {
        FakeDatabase database = new FakeDatabase().on("FROM sdk_collections", error(1142, "42000", "SELECT command denied to user 'u'@'%' for table 'sdk_collections'"));
        try (SeekdbClient client = client(database)) {
            assertThatThrownBy(() -> client.hasCollection("docs"))
                    .isInstanceOfSatisfying(AccessDeniedException.class, ex -> assertThat(ex.errorCode()).isEqualTo(1142));
        }
    }

    @Test
    void testGetCollectionReadsTheCatalog()
    {
        FakeDatabase database = databaseWithCollection("inner_product");
        try (SeekdbClient client = client(database)) {
            Collection collection = client.getCollection("docs");
            assertThat(collection.dimension()).isEqualTo(3);
            assertThat(collection.distance()).isEqualTo(Distance.INNER_PRODUCT);
            assertThat(collection.tableName()).isEqualTo(TABLE);
            assertThat(client.hasCollection("docs")).isTrue();
            assertThatThrownBy(() -> client.getCollection("docs", new TestCollection.ToyFunction(4)))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("dimension 4");
        }
        assertThat(database.renderedStatements().get(1)).isEqualTo("SHOW TABLES LIKE 'c$v2$605991322cb843b29205530ae2d2b7c3'");
    }

    @Test
    void testCatalogRowWithoutTable()
    {
        FakeDatabase database = databaseWithCollection("l2").on("SHOW TABLES LIKE ?", rows(List.of("Tables_in_test")));
        try (SeekdbClient client = client(database)) {
            assertThatThrownBy(() -> client.getCollection("docs")).isInstanceOf(CollectionNotFoundException.class)
                    .hasMessage("Collection metadata exists but table not found: docs");
        }
    }

    @Test
    void testLegacyCollection()
    {
        FakeDatabase database = new FakeDatabase()
                .on("FROM sdk_collections", error(1146, "42S02", NO_CATALOG))
                .on("SHOW TABLES LIKE ?", rows(List.of("Tables_in_test"), List.of("c$v1$old")))
                .on("DESCRIBE `c$v1$old`", rows(List.of("Field", "Type"), List.of("_id", "varbinary(512)"), List.of("embedding", "VECTOR(5)")))
                .on("SHOW CREATE TABLE `c$v1$old`", rows(List.of("Table", "Create Table"),
                        List.of("c$v1$old", "CREATE TABLE `c$v1$old` (... VECTOR INDEX idx (embedding) WITH (distance=inner_product, type=hnsw))")));
        try (SeekdbClient client = client(database)) {
            Collection collection = client.getCollection("old");
            assertThat(collection.id()).isEmpty();
            assertThat(collection.tableName()).isEqualTo("c$v1$old");
            assertThat(collection.dimension()).isEqualTo(5);
            assertThat(collection.distance()).isEqualTo(Distance.INNER_PRODUCT);
            client.deleteCollection("old");
        }
        assertThat(database.renderedStatements().getLast()).isEqualTo("DROP TABLE IF EXISTS `c$v1$old`");
    }

    @Test
    void testGetOrCreateCollection()
    {
        FakeDatabase existing = databaseWithCollection("l2");
        try (SeekdbClient client = client(existing)) {
            assertThat(client.getOrCreateCollection("docs", CollectionConfiguration.builder().dimension(3).build()).id()).contains(ID);
        }
        assertThat(existing.renderedStatements()).noneMatch(sql -> sql.contains("CREATE TABLE"));

        FakeDatabase fresh = new FakeDatabase()
                .on("FROM sdk_collections", error(1146, "42S02", NO_CATALOG))
                .on("SELECT collection_id FROM sdk_collections", rows(List.of("collection_id"), List.of(ID)));
        try (SeekdbClient client = client(fresh)) {
            assertThat(client.getOrCreateCollection("docs", CollectionConfiguration.builder().dimension(3).build()).id()).contains(ID);
        }
        assertThat(fresh.renderedStatements()).anyMatch(sql -> sql.startsWith("CREATE TABLE `c$v2$" + ID + "`"));
    }

    @Test
    void testDeleteCollection()
    {
        FakeDatabase database = databaseWithCollection("l2");
        try (SeekdbClient client = client(database)) {
            client.deleteCollection("docs");
        }
        List<String> statements = database.renderedStatements();
        assertThat(statements.get(statements.size() - 2)).isEqualTo("DROP TABLE IF EXISTS `c$v2$605991322cb843b29205530ae2d2b7c3`");
        assertThat(statements.getLast().strip()).isEqualTo("DELETE FROM sdk_collections\n    WHERE collection_name = 'docs'");
    }

    @Test
    void testListCollectionsSkipsUnreadableOnes()
    {
        String settings = "{\"schema\":{\"vectorIndex\":{\"hnsw\":{\"dimension\":%d,\"distance\":\"l2\"}}},\"version\":\"v2\"}";
        String otherId = "c65b3b1a26424b429085c9a641ebd7ea";
        String goneId = "2e9ea3f711d24ca58161f65d8254db86";
        FakeDatabase database = new FakeDatabase()
                .on("ORDER BY created_at DESC", rows(CATALOG_COLUMNS,
                        List.of(ID, "first", settings.formatted(3), "t", "t"),
                        List.of(goneId, "gone", settings.formatted(3), "t", "t"),
                        List.of(otherId, "second", settings.formatted(8), "t", "t")))
                .on(statement -> statement.sql().startsWith("SHOW TABLES LIKE"), statement -> {
                    String pattern = (String) statement.parameters().getFirst();
                    if (pattern.equals("c$v1$%")) {
                        return rows(List.of("Tables_in_test"), List.of("c$v1$legacy"));
                    }
                    return pattern.contains(goneId) ? rows(List.of("Tables_in_test")) : rows(List.of("Tables_in_test"), List.of(pattern));
                })
                .on("DESCRIBE", rows(List.of("Field", "Type"), List.of("embedding", "VECTOR(2)")));
        try (SeekdbClient client = client(database)) {
            assertThat(client.listCollections()).extracting(Collection::name, Collection::dimension)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("first", 3), org.assertj.core.groups.Tuple.tuple("second", 8),
                            org.assertj.core.groups.Tuple.tuple("legacy", 2));
            assertThat(client.countCollection()).isEqualTo(3);
        }
    }

    @Test
    void testInvalidCollectionNames()
    {
        FakeDatabase database = new FakeDatabase();
        try (SeekdbClient client = client(database)) {
            for (String name : List.of("", "has space", "dash-ed", "semi;colon", "a".repeat(513), "c$v2$x")) {
                assertThatThrownBy(() -> client.createCollection(name)).as(name).isInstanceOf(ValidationException.class);
                assertThatThrownBy(() -> client.getCollection(name)).as(name).isInstanceOf(ValidationException.class);
                assertThatThrownBy(() -> client.deleteCollection(name)).as(name).isInstanceOf(ValidationException.class);
            }
        }
        assertThat(database.executed()).isEmpty();
    }

    @Test
    void testUnexpectedCollectionIdIsRejected()
    {
        FakeDatabase database = new FakeDatabase().on("SELECT collection_id FROM sdk_collections", rows(List.of("collection_id"), List.of("x`; DROP TABLE t")));
        try (SeekdbClient client = client(database)) {
            assertThatThrownBy(() -> client.createCollection("docs")).isInstanceOf(ClientException.class).hasMessageContaining("unexpected collection_id");
        }
    }

    @Test
    void testLoginUserAndTenant()
    {
        FakeDatabase database = databaseWithCollection("l2");
        try (SeekdbClient client = SeekdbClient.builder().dataSource(database).user("root").tenant("sys").build()) {
            client.hasCollection("docs");
        }
        try (SeekdbClient client = SeekdbClient.builder().dataSource(database).user("reader").build()) {
            client.hasCollection("docs");
        }
        try (SeekdbClient client = SeekdbClient.builder().dataSource(database).build()) {
            client.hasCollection("docs");
        }
        try (SeekdbClient client = SeekdbClient.fromDataSource(database)) {
            client.hasCollection("docs");
        }
        assertThat(database.logins()).containsExactly("root@sys", "reader", "<data source default>", "<data source default>");
        assertThat(SeekdbClient.builder().user("u").tenant("t").login()).isEqualTo("u@t");
        assertThat(SeekdbClient.builder().login()).isEqualTo("root");
    }

    @Test
    void testPooledConnectionsAreReusedAndClosed()
    {
        FakeDatabase database = databaseWithCollection("l2");
        SeekdbClient client = client(database);
        for (int round = 0; round < 5; round++) {
            client.getCollection("docs").count();
        }
        assertThat(database.connectionsOpened()).isEqualTo(1);
        assertThat(database.openConnections()).isEqualTo(1);
        client.close();
        assertThat(database.openConnections()).isZero();
        assertThatThrownBy(() -> client.hasCollection("docs")).isInstanceOf(ConnectionException.class);
    }

    @Test
    void testConcurrentCallsShareABoundedPool()
            throws Exception
    {
        FakeDatabase database = databaseWithCollection("l2");
        try (SeekdbClient client = SeekdbClient.builder().dataSource(database).maximumPoolSize(2).build();
                var executor = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            List<java.util.concurrent.Future<Long>> results = new java.util.ArrayList<>();
            for (int task = 0; task < 64; task++) {
                results.add(executor.submit(() -> client.getCollection("docs").count()));
            }
            for (java.util.concurrent.Future<Long> each : results) {
                assertThat(each.get()).isZero();
            }
        }
        assertThat(database.connectionsOpened()).isBetween(1, 2);
        assertThat(database.openConnections()).isZero();
    }

    @Test
    void testUnreachableServerIsAConnectionException()
    {
        try (SeekdbClient client = SeekdbClient.fromJdbcUrl("jdbc:nodriver://127.0.0.1:1/test", "root", "")) {
            assertThatThrownBy(() -> client.hasCollection("docs"))
                    .isInstanceOfSatisfying(ConnectionException.class, ex -> assertThat(ex.sqlState()).contains("08001"))
                    .hasMessageStartingWith("Failed to connect: ");
        }
    }

    @Test
    void testMissingDriverIsAClearError()
    {
        assertThatThrownBy(() -> SeekdbClient.builder().host("127.0.0.1").build())
                .isInstanceOfSatisfying(ConnectionException.class, ex -> assertThat(ex.sqlState()).contains("08001"))
                .hasMessageContaining("mariadb-java-client");
    }
}
