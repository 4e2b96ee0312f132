package dev.quiver.it.client;

import dev.quiver.client.ClientException;
import dev.quiver.client.Collection;
import dev.quiver.client.CollectionAlreadyExistsException;
import dev.quiver.client.CollectionConfiguration;
import dev.quiver.client.CollectionNotFoundException;
import dev.quiver.client.Distance;
import dev.quiver.client.DuplicateKeyException;
import dev.quiver.client.PartialWriteException;
import dev.quiver.client.SeekdbClient;
import dev.quiver.client.ValidationException;
import dev.quiver.client.model.GetRequest;
import dev.quiver.client.model.GetResponse;
import dev.quiver.client.model.Include;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java {@link SeekdbClient} against a real Quiver over TCP: collections, writes, reads, validation
 * and server errors. Filters, vector queries and hybrid search are in {@link TestSeekdbClientSearchOverTcp}.
 */
class TestSeekdbClientOverTcp
{
    private static TestingServer server;
    private static SeekdbClient client;

    @BeforeAll
    static void startServer()
    {
        server = TestingServer.start();
        client = ClientFixtures.client(server);
    }

    @AfterAll
    static void stopServer()
    {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void testCollectionLifecycle()
    {
        assertThat(client.hasCollection("life")).isFalse();
        assertThatThrownBy(() -> client.getCollection("life")).isInstanceOf(CollectionNotFoundException.class).hasMessage("Collection not found: life");

        Collection created = client.createCollection("life", CollectionConfiguration.builder().dimension(3).distance(Distance.L2).build());
        assertThat(created.id()).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
        assertThat(created.tableName()).isEqualTo("c$v2$" + created.id().orElseThrow());
        assertThat(client.hasCollection("life")).isTrue();

        Collection read = client.getCollection("life");
        assertThat(read.id()).isEqualTo(created.id());
        assertThat(read.dimension()).isEqualTo(3);
        assertThat(read.distance()).isEqualTo(Distance.L2);
        assertThat(client.listCollections()).extracting(Collection::name).contains("life");
        assertThat(client.countCollection()).isEqualTo(client.listCollections().size());

        assertThatThrownBy(() -> client.createCollection("life", CollectionConfiguration.builder().dimension(3).build()))
                .isInstanceOfSatisfying(CollectionAlreadyExistsException.class, ex -> assertThat(ex.errorCode()).isEqualTo(1062));
        assertThat(client.getOrCreateCollection("life", CollectionConfiguration.builder().dimension(3).build()).id()).isEqualTo(created.id());

        client.deleteCollection("life");
        assertThat(client.hasCollection("life")).isFalse();
        assertThat(tables()).doesNotContain(created.tableName());
        assertThatThrownBy(() -> client.deleteCollection("life")).isInstanceOf(CollectionNotFoundException.class);
    }

    @Test
    void testEachDistanceAndHnswParametersAreRecorded()
    {
        for (Distance distance : Distance.values()) {
            String name = "metric_" + distance.settingName();
            client.createCollection(name, CollectionConfiguration.builder().dimension(4).distance(distance).hnswM(16).hnswEfSearch(64).build());
            Collection read = client.getCollection(name);
            assertThat(read.distance()).isEqualTo(distance);
            assertThat(read.dimension()).isEqualTo(4);
            assertThat(showCreateTable(read.tableName())).containsIgnoringCase("distance=" + distance.settingName());
            client.deleteCollection(name);
        }
    }

    @Test
    void testDefaultConfigurationIsCosine384()
    {
        Collection collection = client.getOrCreateCollection("defaults");
        assertThat(collection.dimension()).isEqualTo(384);
        assertThat(collection.distance()).isEqualTo(Distance.COSINE);
        client.deleteCollection("defaults");
    }

    @Test
    void testLegacyV1CollectionIsReadable()
            throws SQLException
    {
        execute("CREATE TABLE `c$v1$legacy` (_id VARBINARY(512) PRIMARY KEY NOT NULL, document STRING, embedding VECTOR(2), metadata JSON, "
                + "VECTOR INDEX idx_vec (embedding) WITH(distance=l2, type=hnsw, lib=vsag)) ORGANIZATION = HEAP");
        assertThat(client.hasCollection("legacy")).isTrue();
        Collection legacy = client.getCollection("legacy");
        assertThat(legacy.id()).isEmpty();
        assertThat(legacy.dimension()).isEqualTo(2);
        assertThat(legacy.distance()).isEqualTo(Distance.L2);
        legacy.add("x", new float[] {1, 2}, "legacy row", Map.of("v", 1));
        assertThat(legacy.get("x").documents()).containsExactly("legacy row");
        assertThat(client.listCollections()).extracting(Collection::name).contains("legacy");
        client.deleteCollection("legacy");
        assertThat(client.hasCollection("legacy")).isFalse();
    }

    @Test
    void testAddGetCountDelete()
    {
        Collection collection = client.createCollection("crud", CollectionConfiguration.builder().dimension(3).distance(Distance.L2).build());
        collection.add(List.of("a", "b", "c"),
                List.of(new float[] {1, 0, 0}, new float[] {0, 1.1f, 0}, new float[] {1e-7f, -0.5f, 3.25f}),
                Arrays.asList("apple banana", "it's a \"quoted\" doc\nwith newline \\ and backslash", null),
                Arrays.asList(Map.of("category", "fruit", "score", 95), Map.of("nested", Map.of("k", "v"), "flag", true), null));
        assertThat(collection.count()).isEqualTo(3);

        GetResponse got = collection.get(List.of("a", "b", "c"));
        assertThat(got.ids()).containsExactlyInAnyOrder("a", "b", "c");
        int b = got.ids().indexOf("b");
        int c = got.ids().indexOf("c");
        assertThat(got.documents().get(b)).isEqualTo("it's a \"quoted\" doc\nwith newline \\ and backslash");
        assertThat(got.metadatas().get(b)).isEqualTo(Map.of("nested", Map.of("k", "v"), "flag", true));
        assertThat(got.embeddings().get(b)).containsExactly(0, 1.1f, 0);
        assertThat(got.documents().get(c)).isNull();
        assertThat(got.metadatas().get(c)).isNull();
        assertThat(got.embeddings().get(c)).containsExactly(1e-7f, -0.5f, 3.25f);

        GetResponse onlyMetadata = collection.get(GetRequest.builder().ids(List.of("a")).include(Include.METADATAS).build());
        assertThat(onlyMetadata.ids()).containsExactly("a");
        assertThat(onlyMetadata.metadatas()).containsExactly(Map.of("category", "fruit", "score", 95L));
        assertThat(onlyMetadata.documents()).isEmpty();
        assertThat(onlyMetadata.embeddings()).isEmpty();

        assertThat(collection.get("missing").ids()).isEmpty();
        assertThat(collection.get(List.of()).ids()).isEmpty();
        assertThat(collection.get(GetRequest.builder().limit(2).build()).ids()).hasSize(2);
        assertThat(collection.get(GetRequest.builder().limit(10).offset(1).build()).ids()).hasSize(2);
        assertThat(collection.get(GetRequest.builder().limit(0).build()).ids()).isEmpty();
        assertThat(collection.get(GetRequest.builder().offset(2).build()).ids()).hasSize(1);
        assertThat(collection.peek(2).ids()).hasSize(2);
        assertThat(collection.peek().ids()).hasSize(3);
        assertThat(collection.peek().included()).isEqualTo(Include.all());

        collection.delete(List.of("a", "missing"));
        collection.delete("b");
        assertThat(collection.count()).isEqualTo(1);
        assertThat(collection.get(List.of("a", "b")).ids()).isEmpty();
        client.deleteCollection("crud");
    }

    @Test
    void testAddOfAnExistingIdFailsWholeAndWritesNothing()
    {
        Collection collection = client.createCollection("dup", CollectionConfiguration.builder().dimension(2).build());
        collection.add("a", new float[] {1, 0}, "first", null);
        assertThatThrownBy(() -> collection.add(List.of("new", "a"), List.of(new float[] {0, 1}, new float[] {1, 1}), null, null))
                .isInstanceOfSatisfying(DuplicateKeyException.class, ex -> {
                    assertThat(ex.errorCode()).isEqualTo(1062);
                    assertThat(ex.sqlState()).contains("23000");
                })
                .hasMessageContaining("Duplicate entry 'a'");
        assertThat(collection.count()).isEqualTo(1);
        assertThat(collection.get("a").documents()).containsExactly("first");
        client.deleteCollection("dup");
    }

    @Test
    void testUpsertInsertsNewIdsAndChangesOnlyGivenFieldsOfExistingOnes()
    {
        Collection collection = client.createCollection("ups", CollectionConfiguration.builder().dimension(3).distance(Distance.L2).build());
        collection.add(List.of("a", "b"), List.of(new float[] {1, 0, 0}, new float[] {0, 1, 0}), List.of("apple", "banana"),
                List.of(Map.of("score", 1), Map.of("score", 2)));

        collection.upsert(List.of("d", "b"), List.of(new float[] {0.9f, 0.1f, 0}, new float[] {0, 2, 0}), List.of("date", "b updated"),
                List.of(Map.of("score", 70), Map.of("score", 81)));
        GetResponse both = collection.get(List.of("b", "d"));
        assertThat(row(both, "d")).isEqualTo(List.of("date", Map.of("score", 70L), List.of(0.9f, 0.1f, 0f)));
        assertThat(row(both, "b")).isEqualTo(List.of("b updated", Map.of("score", 81L), List.of(0f, 2f, 0f)));

        collection.upsert(List.of("a"), null, null, List.of(Map.of("score", 99)));
        assertThat(row(collection.get("a"), "a")).isEqualTo(List.of("apple", Map.of("score", 99L), List.of(1f, 0f, 0f)));

        collection.upsert("a", null, "apple pie", null);
        assertThat(row(collection.get("a"), "a")).isEqualTo(List.of("apple pie", Map.of("score", 99L), List.of(1f, 0f, 0f)));

        collection.upsert("a", new float[] {0, 0, 1}, null, null);
        assertThat(row(collection.get("a"), "a")).isEqualTo(List.of("apple pie", Map.of("score", 99L), List.of(0f, 0f, 1f)));

        assertThatThrownBy(() -> collection.upsert(List.of("a", "brand_new"), null, List.of("x", "y"), null))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("[brand_new]");
        assertThat(collection.get("a").documents()).containsExactly("apple pie");
        assertThat(collection.count()).isEqualTo(3);
        client.deleteCollection("ups");
    }

    @Test
    void testUpdateChangesOnlyGivenFieldsAndIgnoresMissingIds()
    {
        Collection collection = client.createCollection("upd", CollectionConfiguration.builder().dimension(2).build());
        collection.add(List.of("a", "b"), List.of(new float[] {1, 0}, new float[] {0, 1}), List.of("one", "two"), List.of(Map.of("n", 1), Map.of("n", 2)));
        collection.update(List.of("a", "missing"), null, List.of("uno", "nada"), null);
        collection.update("b", new float[] {0.5f, 0.5f}, null, Map.of("n", 22));
        GetResponse got = collection.get(List.of("a", "b"));
        assertThat(row(got, "a")).isEqualTo(List.of("uno", Map.of("n", 1L), List.of(1f, 0f)));
        assertThat(row(got, "b")).isEqualTo(List.of("two", Map.of("n", 22L), List.of(0.5f, 0.5f)));
        assertThat(collection.count()).isEqualTo(2);
        client.deleteCollection("upd");
    }

    @Test
    void testValidationHappensBeforeAnySql()
    {
        Collection collection = client.createCollection("valid", CollectionConfiguration.builder().dimension(2).build());
        assertThatThrownBy(() -> collection.add(List.of("a", "b"), List.of(new float[] {1, 0}), null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("embeddings");
        assertThatThrownBy(() -> collection.add(List.of("a"), List.of(new float[] {1, 0, 0}), null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("imension");
        assertThatThrownBy(() -> collection.add(Arrays.asList("a", null), List.of(new float[] {1, 0}, new float[] {0, 1}), null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> collection.add(List.of("a"), null, List.of("text"), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("embedding function");
        assertThatThrownBy(() -> collection.add(List.of("a"), List.of(new float[] {Float.NaN, 0}), null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> collection.add(List.of("a", "a"), List.of(new float[] {1, 0}, new float[] {0, 1}), null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("a");
        assertThatThrownBy(() -> client.createCollection("bad-name")).isInstanceOf(ValidationException.class);
        assertThat(collection.count()).isZero();
        client.deleteCollection("valid");
    }

    @Test
    void testLargeWritesAreSplitIntoAtomicBatchesAndAFailureNamesTheWrittenIds()
    {
        try (SeekdbClient small = SeekdbClient.builder().jdbcUrl(server.mariadbUrl("")).user("root").password("").maximumBatchRows(100).build()) {
            Collection collection = small.createCollection("batches", CollectionConfiguration.builder().dimension(2).build());
            List<String> ids = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            for (int index = 0; index < 250; index++) {
                ids.add("id" + index);
                vectors.add(new float[] {index, 1});
            }
            collection.upsert(ids, vectors, null, null);
            assertThat(collection.count()).isEqualTo(250);

            collection.add("id999", new float[] {1, 1}, null, null);
            List<String> more = new ArrayList<>();
            List<float[]> moreVectors = new ArrayList<>();
            for (int index = 1000; index < 1250; index++) {
                more.add("id" + (index == 1150 ? 999 : index));
                moreVectors.add(new float[] {index, 1});
            }
            assertThatThrownBy(() -> collection.add(more, moreVectors, null, null))
                    .isInstanceOfSatisfying(PartialWriteException.class, ex -> {
                        assertThat(ex.errorCode()).isEqualTo(1062);
                        assertThat(ex.writtenIds()).isEqualTo(more.subList(0, 100));
                        assertThat(ex.unwrittenIds()).isEqualTo(more.subList(100, 250));
                    });
            assertThat(collection.count()).isEqualTo(351);
            small.deleteCollection("batches");
        }
    }

    @Test
    void testAWriteOverThePacketLimitIsSplitAndEveryVectorRoundTrips()
    {
        long seed = 8_0001L;
        Random random = new Random(seed);
        Collection collection = client.createCollection("wide", CollectionConfiguration.builder().dimension(384).build());
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<Map<String, Object>> metadatas = new ArrayList<>();
        for (int index = 0; index < 1100; index++) {
            float[] vector = new float[384];
            for (int component = 0; component < vector.length; component++) {
                vector[component] = (float) random.nextGaussian();
            }
            ids.add("w" + index);
            vectors.add(vector);
            metadatas.add(Map.of("index", index, "text", "row " + index));
        }
        // about 4.5 MB of SQL: more than the 4 MiB max_allowed_packet the client assumes, so at least two atomic batches
        collection.upsert(ids, vectors, null, metadatas);
        assertThat(collection.count()).as("seed %d", seed).isEqualTo(1100);
        GetResponse got = collection.get(List.of("w0", "w777", "w1099"));
        for (String id : List.of("w0", "w777", "w1099")) {
            int index = Integer.parseInt(id.substring(1));
            assertThat(got.embeddings().get(got.ids().indexOf(id))).as("seed %d", seed).containsExactly(vectors.get(index));
            assertThat(got.metadatas().get(got.ids().indexOf(id))).isEqualTo(Map.of("index", (long) index, "text", "row " + index));
        }
        client.deleteCollection("wide");
    }

    @Test
    void testServerErrorsKeepErrnoAndSqlState()
            throws SQLException
    {
        Collection collection = client.createCollection("gone", CollectionConfiguration.builder().dimension(2).build());
        execute("DROP TABLE `" + collection.tableName() + "`");
        assertThatThrownBy(collection::count)
                .isInstanceOfSatisfying(ClientException.class, ex -> {
                    assertThat(ex.errorCode()).isEqualTo(1146);
                    assertThat(ex.sqlState()).contains("42S02");
                });
        assertThatThrownBy(() -> client.getCollection("gone"))
                .isInstanceOf(CollectionNotFoundException.class)
                .hasMessage("Collection metadata exists but table not found: gone");
        client.deleteCollection("gone");
    }

    @Test
    void testClientsFromJdbcUrlAndDataSourceShareCollections()
    {
        Collection written = client.createCollection("shared", CollectionConfiguration.builder().dimension(2).build());
        written.add("s", new float[] {1, 2}, "shared row", null);
        try (SeekdbClient fromUrl = SeekdbClient.fromJdbcUrl(server.mysqlUrl(""), "root", "");
                SeekdbClient fromDataSource = SeekdbClient.fromDataSource(ClientFixtures.dataSource(server))) {
            assertThat(fromUrl.getCollection("shared").get("s").documents()).containsExactly("shared row");
            assertThat(fromDataSource.getCollection("shared").get("s").documents()).containsExactly("shared row");
        }
        try (SeekdbClient tenant = SeekdbClient.builder().host("127.0.0.1").port(server.port()).user("root").tenant("sys").password("").database("test").build()) {
            assertThat(tenant.getCollection("shared").count()).isEqualTo(1);
        }
        client.deleteCollection("shared");
    }

    private static List<Object> row(GetResponse response, String id)
    {
        int index = response.ids().indexOf(id);
        assertThat(index).as("row %s in %s", id, response.ids()).isNotNegative();
        float[] vector = response.embeddings().get(index);
        List<Float> floats = new ArrayList<>();
        for (float each : vector) {
            floats.add(each);
        }
        return List.of(response.documents().get(index), response.metadatas().get(index), floats);
    }

    private static List<String> tables()
    {
        try (Connection connection = DriverManager.getConnection(server.mariadbUrl(""), "root", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW TABLES")) {
            List<String> tables = new ArrayList<>();
            while (result.next()) {
                tables.add(result.getString(1));
            }
            return tables;
        }
        catch (SQLException ex) {
            throw new AssertionError(ex);
        }
    }

    private static String showCreateTable(String table)
    {
        try (Connection connection = DriverManager.getConnection(server.mariadbUrl(""), "root", "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SHOW CREATE TABLE `" + table + "`")) {
            result.next();
            return result.getString(2);
        }
        catch (SQLException ex) {
            throw new AssertionError(ex);
        }
    }

    private static void execute(String sql)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection(server.mariadbUrl(""), "root", "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
