package dev.quiver.client;

import dev.quiver.client.model.DeleteRequest;
import dev.quiver.client.model.GetRequest;
import dev.quiver.client.model.GetResponse;
import dev.quiver.client.model.HybridSearchRequest;
import dev.quiver.client.model.Include;
import dev.quiver.client.model.QueryRequest;
import dev.quiver.client.model.QueryResponse;
import dev.quiver.client.model.Where;
import dev.quiver.client.model.WhereDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.quiver.client.CollectionFixtures.collection;
import static dev.quiver.client.CollectionFixtures.databaseWithCollection;
import static dev.quiver.client.FakeDatabase.error;
import static dev.quiver.client.FakeDatabase.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TestCollection
{
    private static final String T = "`c$v2$605991322cb843b29205530ae2d2b7c3`";
    private static final List<String> ROW_COLUMNS = List.of("_id", "document", "metadata", "embedding");

    @Test
    void testAddSendsOneInsert()
    {
        FakeDatabase database = databaseWithCollection("l2");
        Collection collection = collection(database);
        collection.add(List.of("a", "b"), List.of(new float[] {1, 0, 0}, new float[] {0.9f, 0.1f, 0}), Arrays.asList("apple", null),
                Arrays.asList(metadata("category", "fruit", "score", 95), null));
        assertThat(database.renderedStatements()).containsExactly("INSERT INTO " + T + " (_id, document, metadata, embedding) VALUES "
                + "(CAST('a' AS BINARY), 'apple', '{\\\"category\\\":\\\"fruit\\\",\\\"score\\\":95}', '[1,0,0]'), (CAST('b' AS BINARY), NULL, NULL, '[0.9,0.1,0]')");
    }

    @Test
    void testAddOfAnExistingIdIsADuplicateKeyError()
    {
        FakeDatabase database = databaseWithCollection("l2").on("INSERT INTO `c$v2$", error(1062, "23000", "Duplicate entry 'a' for key 'PRIMARY'"));
        Collection collection = collection(database);
        assertThatThrownBy(() -> collection.add("a", new float[] {1, 1, 1}, null, null))
                .isInstanceOfSatisfying(DuplicateKeyException.class, ex -> {
                    assertThat(ex.errorCode()).isEqualTo(1062);
                    assertThat(ex.sqlState()).contains("23000");
                })
                .hasMessage("Failed to add to collection 'docs': Duplicate entry 'a' for key 'PRIMARY'");
    }

    @Test
    void testUpsertSendsOneOnDuplicateKeyUpdate()
    {
        FakeDatabase database = databaseWithCollection("l2");
        Collection collection = collection(database);
        collection.upsert(List.of("d", "b"), List.of(new float[] {0.9f, 0.1f, 0}, new float[] {0, 2, 0}), List.of("date", "b updated"),
                List.of(metadata("category", "fruit", "score", 70), metadata("category", "misc", "score", 81)));
        assertThat(database.renderedStatements()).containsExactly("INSERT INTO " + T + " (_id, document, metadata, embedding) VALUES "
                + "(CAST('d' AS BINARY), 'date', '{\\\"category\\\":\\\"fruit\\\",\\\"score\\\":70}', '[0.9,0.1,0]'), "
                + "(CAST('b' AS BINARY), 'b updated', '{\\\"category\\\":\\\"misc\\\",\\\"score\\\":81}', '[0,2,0]') "
                + "ON DUPLICATE KEY UPDATE document = VALUES(document), metadata = VALUES(metadata), embedding = VALUES(embedding)");
    }

    @Test
    void testUpsertOfEmbeddingsOnlyKeepsOtherFields()
    {
        FakeDatabase database = databaseWithCollection("l2");
        collection(database).upsert("a", new float[] {1, 2, 3}, null, null);
        assertThat(database.renderedStatements()).containsExactly("INSERT INTO " + T + " (_id, embedding) VALUES (CAST('a' AS BINARY), '[1,2,3]') "
                + "ON DUPLICATE KEY UPDATE embedding = VALUES(embedding)");
    }

    @Test
    void testUpsertWithoutEmbeddingsChecksIdsExistFirst()
    {
        FakeDatabase database = databaseWithCollection("l2").on("SELECT _id FROM", rows(List.of("_id"), List.of("a".getBytes(StandardCharsets.UTF_8))));
        Collection collection = collection(database);
        assertThatThrownBy(() -> collection.upsert(List.of("a", "new"), null, null, List.of(metadata("k", 1), metadata("k", 2))))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Cannot insert new ids without embeddings (no embedding function): [new]");
        assertThat(database.renderedStatements()).containsExactly(
                "SELECT _id FROM " + T + " WHERE (_id = CAST('a' AS BINARY) OR _id = CAST('new' AS BINARY))");

        database.clearExecuted();
        collection.upsert(List.of("a"), null, List.of("only the document"), null);
        assertThat(database.renderedStatements()).containsExactly(
                "SELECT _id FROM " + T + " WHERE (_id = CAST('a' AS BINARY))",
                "INSERT INTO " + T + " (_id, document) VALUES (CAST('a' AS BINARY), 'only the document') ON DUPLICATE KEY UPDATE document = VALUES(document)");
    }

    @Test
    void testEmbeddingFunctionEmbedsDocuments()
    {
        FakeDatabase database = databaseWithCollection("cosine");
        Collection collection = SeekdbClient.builder().dataSource(database).build().getCollection("docs", toyFunction());
        database.clearExecuted();
        collection.add(List.of("t1"), null, List.of("hello"), null);
        collection.upsert(List.of("t2"), null, List.of("hi"), null);
        collection.queryTexts(List.of("ab"), 1);
        List<String> statements = database.renderedStatements();
        assertThat(statements.get(0)).endsWith("VALUES (CAST('t1' AS BINARY), 'hello', NULL, '[5,1,1]')");
        assertThat(statements.get(1)).isEqualTo("INSERT INTO " + T + " (_id, document, embedding) VALUES (CAST('t2' AS BINARY), 'hi', '[2,1,1]') "
                + "ON DUPLICATE KEY UPDATE document = VALUES(document), embedding = VALUES(embedding)");
        assertThat(statements.get(2)).contains("cosine_distance(embedding, '[2,1,1]') AS distance");
    }

    @Test
    void testValidationFailuresSendNoSql()
    {
        FakeDatabase database = databaseWithCollection("l2");
        Collection collection = collection(database);
        float[] good = {1, 2, 3};
        assertRejected(database, "embeddings has 1 items but ids has 2",
                () -> collection.upsert(List.of("a", "b"), List.of(good), null, null));
        assertRejected(database, "documents has 2 items but ids has 1",
                () -> collection.add(List.of("a"), List.of(good), List.of("x", "y"), null));
        assertRejected(database, "metadatas has 0 items but ids has 1",
                () -> collection.update(List.of("a"), null, null, List.of()));
        assertRejected(database, "Dimension mismatch at index 1. Expected 3, got 2",
                () -> collection.add(List.of("a", "b"), List.of(good, new float[] {1, 2}), null, null));
        assertRejected(database, "Missing id at index 1", () -> collection.upsert(Arrays.asList("a", null), List.of(good, good), null, null));
        assertRejected(database, "Missing id at index 0", () -> collection.upsert(List.of(""), List.of(good), null, null));
        assertRejected(database, "ids must not be empty", () -> collection.upsert(List.of(), List.of(), null, null));
        assertRejected(database, "Duplicate id 'a' at index 1", () -> collection.add(List.of("a", "a"), List.of(good, good), null, null));
        assertRejected(database, "Id at index 0 is longer than 512 bytes", () -> collection.add(List.of("é".repeat(257)), List.of(good), null, null));
        assertRejected(database, "Documents provided but no embeddings and no embedding function",
                () -> collection.add(List.of("a"), null, List.of("text"), null));
        assertRejected(database, "Either embeddings or documents must be provided", () -> collection.add(List.of("a"), null, null, List.of(metadata("k", 1))));
        assertRejected(database, "At least one of embeddings, documents or metadatas must be provided", () -> collection.upsert(List.of("a"), null, null, null));
        assertRejected(database, "Vector contains invalid value: NaN at index 0", () -> collection.upsert("a", new float[] {1, Float.NaN, 3}, null, null));
        assertRejected(database, "Missing embedding at index 0", () -> collection.add(List.of("a"), Arrays.asList((float[]) null), null, null));
        assertRejected(database, "Metadata at index 0: Cannot store a value of type java.lang.Object in JSON",
                () -> collection.add("a", good, null, Map.of("k", new Object())));
        assertRejected(database, "queryTexts provided but no queryEmbeddings and no embedding function", () -> collection.queryTexts(List.of("q"), 3));
        assertRejected(database, "Dimension mismatch at index 0. Expected 3, got 4", () -> collection.query(new float[] {1, 2, 3, 4}, 3));
        assertRejected(database, "nResults must be positive, got 0", () -> collection.query(good, 0));
        assertRejected(database, "Give exactly one of queryEmbeddings and queryTexts", () -> collection.query(QueryRequest.builder().build()));
        assertRejected(database, "delete needs ids, where or whereDocument",
                () -> collection.delete(new DeleteRequest(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty())));
        assertRejected(database, "limit must not be negative, got -1", () -> collection.get(GetRequest.builder().limit(-1).build()));
        assertRejected(database, "hybridSearch needs a query or a knn part", () -> collection.hybridSearch(HybridSearchRequest.builder().build()));
        assertRejected(database, "knn queryText provided but no query embedding and no embedding function",
                () -> collection.hybridSearch(HybridSearchRequest.builder().knnText("q", 5).build()));
        assertRejected(database, "Dimension mismatch at index 0. Expected 3, got 1",
                () -> collection.hybridSearch(HybridSearchRequest.builder().knn(new float[] {1}, 5).build()));
    }

    @Test
    void testEmbeddingFunctionOutputIsChecked()
    {
        FakeDatabase database = databaseWithCollection("l2");
        Collection wrongDimension = SeekdbClient.builder().dataSource(database).build().getCollection("docs", new ToyFunction(3)
        {
            @Override
            public List<float[]> embed(List<String> texts)
            {
                return texts.stream().map(text -> new float[] {1}).toList();
            }
        });
        database.clearExecuted();
        assertRejected(database, "Dimension mismatch at index 0. Expected 3, got 1", () -> wrongDimension.add(List.of("a"), null, List.of("x"), null));
        assertRejected(database, "Cannot embed a null document at index 0", () -> wrongDimension.add(List.of("a"), null, Arrays.asList((String) null), null));
    }

    @Test
    void testBatchesAndPartialFailure()
    {
        AtomicInteger inserts = new AtomicInteger();
        FakeDatabase database = databaseWithCollection("l2").on(statement -> statement.sql().startsWith("INSERT INTO `c$v2$"),
                statement -> inserts.incrementAndGet() == 2
                        ? error(1142, "42000", "UPDATE command denied to user 'w'@'%' for table 'c$v2$x'")
                        : new FakeDatabase.UpdateCount(2));
        Collection collection = collection(database, SeekdbClient.builder().maximumBatchRows(2));
        List<String> ids = List.of("a", "b", "c", "d", "e");
        List<float[]> vectors = ids.stream().map(id -> new float[] {1, 2, 3}).toList();
        assertThatThrownBy(() -> collection.upsert(ids, vectors, null, null))
                .isInstanceOfSatisfying(PartialWriteException.class, ex -> {
                    assertThat(ex.writtenIds()).containsExactly("a", "b");
                    assertThat(ex.unwrittenIds()).containsExactly("c", "d", "e");
                    assertThat(ex.errorCode()).isEqualTo(1142);
                    assertThat(ex.sqlState()).contains("42000");
                    assertThat(ex.getCause()).isInstanceOf(AccessDeniedException.class);
                })
                .hasMessageStartingWith("Write partially applied: 2 ids written [a, b], 3 ids not written [c, d, e]: Failed to upsert into collection 'docs'");
        assertThat(database.renderedStatements()).hasSize(2);
        assertThat(database.renderedStatements().getFirst()).contains("(CAST('a' AS BINARY), '[1,2,3]'), (CAST('b' AS BINARY), '[1,2,3]') ON DUPLICATE");
    }

    @Test
    void testFailureOfTheFirstBatchWritesNothing()
    {
        FakeDatabase database = databaseWithCollection("l2").on("INSERT INTO `c$v2$", error(1142, "42000", "INSERT command denied"));
        Collection collection = collection(database, SeekdbClient.builder().maximumBatchRows(1));
        assertThatThrownBy(() -> collection.upsert(List.of("a", "b"), List.of(new float[] {1, 2, 3}, new float[] {1, 2, 3}), null, null))
                .isExactlyInstanceOf(AccessDeniedException.class);
        assertThat(database.renderedStatements()).hasSize(1);
    }

    @Test
    void testBatchesFollowThePacketLimit()
    {
        FakeDatabase database = databaseWithCollection("l2");
        Collection collection = collection(database, SeekdbClient.builder().maxAllowedPacket(64 * 1024));
        List<String> ids = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        for (int index = 0; index < 20; index++) {
            ids.add("id" + index);
            vectors.add(new float[] {index, 0, 0});
            documents.add("x".repeat(10_000));
        }
        collection.add(ids, vectors, documents, null);
        // each row is estimated at 20 KB+ (every character possibly escaped); 48 KiB of budget holds two
        assertThat(database.renderedStatements()).hasSize(10).allSatisfy(sql -> assertThat(sql.length()).isLessThan(48 * 1024));
    }

    @Test
    void testUpdateSendsOneStatementPerId()
    {
        FakeDatabase database = databaseWithCollection("l2");
        collection(database).update(List.of("e", "a"), null, List.of("eggplant", "apple"), null);
        assertThat(database.renderedStatements()).containsExactly(
                "UPDATE " + T + " SET document = 'eggplant' WHERE _id = CAST('e' AS BINARY)",
                "UPDATE " + T + " SET document = 'apple' WHERE _id = CAST('a' AS BINARY)");
    }

    @Test
    void testUpdateFailureNamesTheUpdatedIds()
    {
        FakeDatabase database = databaseWithCollection("l2")
                .on(statement -> statement.sql().startsWith("UPDATE") && statement.parameters().getLast().equals("c"),
                        statement -> error(1142, "42000", "UPDATE command denied to user 'r'@'%' for table 'c$v2$x'"));
        Collection collection = collection(database);
        assertThatThrownBy(() -> collection.update(List.of("a", "b", "c", "d"), null, null, List.of(metadata("k", 1), metadata("k", 2), metadata("k", 3), metadata("k", 4))))
                .isInstanceOfSatisfying(PartialWriteException.class, ex -> {
                    assertThat(ex.writtenIds()).containsExactly("a", "b");
                    assertThat(ex.unwrittenIds()).containsExactly("c", "d");
                    assertThat(ex.errorCode()).isEqualTo(1142);
                });
        assertThat(database.renderedStatements()).hasSize(3);
    }

    @Test
    void testGetMapsRows()
    {
        FakeDatabase database = databaseWithCollection("l2").on("SELECT _id, document, metadata, embedding FROM", rows(ROW_COLUMNS,
                List.of("a".getBytes(StandardCharsets.UTF_8), "apple banana", "{\"category\":\"fruit\",\"score\":95,\"nested\":{\"k\":[1,2.5]}}", "[1,0,0]"),
                Arrays.asList("ü".getBytes(StandardCharsets.UTF_8), null, null, null)));
        Collection collection = collection(database);
        GetResponse response = collection.get(List.of("a", "ü"));
        assertThat(response.ids()).containsExactly("a", "ü");
        assertThat(response.documents()).containsExactly("apple banana", null);
        assertThat(response.metadatas().getFirst()).containsExactly(Map.entry("category", "fruit"), Map.entry("score", 95L),
                Map.entry("nested", Map.of("k", List.of(1L, 2.5))));
        assertThat(response.metadatas().get(1)).isNull();
        assertThat(response.embeddings().getFirst()).containsExactly(1, 0, 0);
        assertThat(response.embeddings().get(1)).isNull();
        assertThat(response.included()).isEqualTo(Include.all());
        assertThat(database.renderedStatements()).containsExactly(
                "SELECT _id, document, metadata, embedding FROM " + T + " WHERE (_id = CAST('a' AS BINARY) OR _id = CAST('ü' AS BINARY))");
    }

    @Test
    void testGetWithFiltersLimitOffsetAndInclude()
    {
        FakeDatabase database = databaseWithCollection("l2")
                .on("SELECT _id, metadata FROM", rows(List.of("_id", "metadata"), List.of("a", "{\"k\":1}")));
        Collection collection = collection(database);
        GetResponse response = collection.get(GetRequest.builder().where(Where.gte("k", 1)).whereDocument(WhereDocument.contains("apple"))
                .limit(2).offset(1).include(Include.METADATAS).build());
        assertThat(response.ids()).containsExactly("a");
        assertThat(response.documents()).isEmpty();
        assertThat(response.embeddings()).isEmpty();
        assertThat(response.metadatas()).containsExactly(Map.of("k", 1L));
        assertThat(database.renderedStatements()).containsExactly("SELECT _id, metadata FROM " + T
                + " WHERE (JSON_EXTRACT(metadata, '$.k') >= 1) AND (MATCH(document) AGAINST ('apple' IN NATURAL LANGUAGE MODE)) LIMIT 2 OFFSET 1");
    }

    @Test
    void testEmptyIdListsSendNothing()
    {
        FakeDatabase database = databaseWithCollection("l2");
        Collection collection = collection(database);
        assertThat(collection.get(List.of()).ids()).isEmpty();
        collection.delete(List.of());
        assertThat(database.executed()).isEmpty();
    }

    @Test
    void testMalformedServerValuesAreReported()
    {
        FakeDatabase database = databaseWithCollection("l2")
                .on("SELECT _id, document, metadata, embedding FROM", rows(ROW_COLUMNS, List.of("a", "d", "{}", "[1,x]")));
        Collection collection = collection(database);
        assertThatThrownBy(() -> collection.get("a")).isInstanceOf(ClientException.class).hasMessageContaining("Row 'a' has an embedding that is not vector text");
    }

    @Test
    void testPeekCountAndDelete()
    {
        FakeDatabase database = databaseWithCollection("l2").on("SELECT COUNT(*) as cnt", rows(List.of("cnt"), List.of(3L)));
        Collection collection = collection(database);
        assertThat(collection.count()).isEqualTo(3);
        collection.peek();
        collection.peek(2);
        collection.delete("b");
        collection.delete(Where.lt("score", 75));
        collection.delete(DeleteRequest.of(WhereDocument.contains("baz")));
        assertThat(database.renderedStatements()).containsExactly(
                "SELECT COUNT(*) as cnt FROM " + T,
                "SELECT _id, document, metadata, embedding FROM " + T + " LIMIT 10",
                "SELECT _id, document, metadata, embedding FROM " + T + " LIMIT 2",
                "DELETE FROM " + T + " WHERE (_id = CAST('b' AS BINARY))",
                "DELETE FROM " + T + " WHERE (JSON_EXTRACT(metadata, '$.score') < 75)",
                "DELETE FROM " + T + " WHERE (MATCH(document) AGAINST ('baz' IN NATURAL LANGUAGE MODE))");
    }

    @Test
    void testQueryRunsOneStatementPerVector()
    {
        AtomicInteger queries = new AtomicInteger();
        FakeDatabase database = databaseWithCollection("inner_product").on(statement -> statement.sql().contains("AS distance"), statement -> queries.incrementAndGet() == 1
                ? rows(List.of("_id", "document", "metadata", "distance"), List.of("a", "apple", "{\"k\":1}", 3.0), Arrays.asList("b", null, null, 1.5))
                : rows(List.of("_id", "document", "metadata", "distance"), List.of("c", "cherry", "{}", 0.25)));
        Collection collection = collection(database);
        QueryResponse response = collection.query(List.of(new float[] {1, 1, 1}, new float[] {0, 0, 1}), 2);
        assertThat(response.ids()).containsExactly(List.of("a", "b"), List.of("c"));
        assertThat(response.distances()).containsExactly(List.of(3.0, 1.5), List.of(0.25));
        assertThat(response.documents()).containsExactly(Arrays.asList("apple", null), List.of("cherry"));
        assertThat(response.metadatas()).containsExactly(Arrays.asList(Map.of("k", 1L), null), List.of(Map.of()));
        assertThat(response.embeddings()).containsExactly(List.of(), List.of());
        List<String> statements = database.renderedStatements();
        assertThat(statements).hasSize(2);
        assertThat(statements.getFirst()).isEqualTo("SELECT _id, document, metadata,\n"
                + "             inner_product(embedding, '[1,1,1]') AS distance\n"
                + "      FROM " + T + "\n"
                + "      \n"
                + "      ORDER BY inner_product(embedding, '[1,1,1]') DESC\n"
                + "      APPROXIMATE\n"
                + "      LIMIT 2");
        assertThat(database.executed()).extracting(FakeDatabase.Executed::connection).containsOnly(1);
    }

    @Test
    void testQueryOptions()
    {
        FakeDatabase database = databaseWithCollection("l2");
        Collection collection = collection(database);
        collection.query(QueryRequest.builder().queryEmbedding(new float[] {0, 0, 1}).nResults(2).where(Where.eq("category", "fruit"))
                .include(Include.EMBEDDINGS).distance(Distance.COSINE).approximate(false).build());
        assertThat(database.renderedStatements()).containsExactly("SELECT _id, embedding,\n"
                + "             cosine_distance(embedding, '[0,0,1]') AS distance\n"
                + "      FROM " + T + "\n"
                + "      WHERE (JSON_EXTRACT(metadata, '$.category') = 'fruit')\n"
                + "      ORDER BY cosine_distance(embedding, '[0,0,1]')\n"
                + "      \n"
                + "      LIMIT 2");
    }

    @Test
    void testHybridSearchRunsThreeStatementsOnOneConnection()
    {
        String generated = "SELECT _id, document, metadata, _score FROM hybrid_search('c$v2$605991322cb843b29205530ae2d2b7c3', @search_parm)";
        FakeDatabase database = databaseWithCollection("l2")
                .on("DBMS_HYBRID_SEARCH.GET_SQL", rows(List.of("query_sql"), List.of("'" + generated + "'")))
                .on("hybrid_search(", rows(List.of("_id", "document", "metadata", "_score"), List.of("a", "", "{\"t\":\"p\"}", 0.5), List.of("b", "doc", "{}", 0.25)));
        Collection collection = collection(database);
        QueryResponse response = collection.hybridSearch(HybridSearchRequest.builder()
                .query(WhereDocument.contains("foo"), Where.gte("a.b", 1))
                .knn(new float[] {1, 2, 3}, Where.in("t", List.of("p")), 10)
                .rrf(60, 60)
                .nResults(5)
                .build());
        assertThat(response.ids()).containsExactly(List.of("a", "b"));
        assertThat(response.distances()).containsExactly(List.of(0.5, 0.25));
        assertThat(response.documents()).containsExactly(List.of("", "doc"));
        List<String> statements = database.renderedStatements();
        assertThat(statements).hasSize(3);
        assertThat(statements.get(0)).startsWith("SET @search_parm = '{\\\"query\\\":{\\\"bool\\\":{\\\"must\\\":[{\\\"query_string\\\"");
        assertThat(statements.get(1)).isEqualTo("SELECT DBMS_HYBRID_SEARCH.GET_SQL('c$v2$605991322cb843b29205530ae2d2b7c3', @search_parm) as query_sql FROM dual");
        assertThat(statements.get(2)).isEqualTo(generated);
        assertThat(database.executed()).extracting(FakeDatabase.Executed::connection).containsOnly(1);
    }

    @Test
    void testHybridSearchWithoutGeneratedSql()
    {
        FakeDatabase database = databaseWithCollection("l2").on("DBMS_HYBRID_SEARCH.GET_SQL", rows(List.of("query_sql"), Arrays.asList((Object) null)));
        QueryResponse response = collection(database).hybridSearch(HybridSearchRequest.builder().query(WhereDocument.contains("x")).build());
        assertThat(response.ids()).containsExactly(List.of());
        assertThat(database.renderedStatements()).hasSize(2);
    }

    @Test
    void testHybridSearchRejectsUnsafeGeneratedSql()
    {
        for (String unsafe : List.of("SELECT 1; DROP TABLE t", "DELETE FROM t", "/* x */ UPDATE t SET a = 1", "SELECT * FROM t INTO OUTFILE 'rows.csv'")) {
            FakeDatabase database = databaseWithCollection("l2").on("DBMS_HYBRID_SEARCH.GET_SQL", rows(List.of("query_sql"), List.of(unsafe)));
            assertThatThrownBy(() -> collection(database).hybridSearch(HybridSearchRequest.builder().query(WhereDocument.contains("x")).build()))
                    .as(unsafe).isInstanceOf(ClientException.class).hasMessageContaining("hybrid search SQL");
        }
        assertThat(Collection.checkDynamicSql("-- comment\nSELECT _id FROM t;")).isEqualTo("-- comment\nSELECT _id FROM t;");
    }

    @Test
    void testServerErrorsKeepErrnoAndSqlState()
    {
        FakeDatabase database = databaseWithCollection("l2").on("SELECT COUNT(*)", error(1146, "42S02", "Table 'test.c$v2$x' doesn't exist"));
        Collection collection = collection(database);
        ClientException failure = assertThrows(ClientException.class, collection::count);
        assertThat(failure.errorCode()).isEqualTo(1146);
        assertThat(failure.sqlState()).contains("42S02");
        assertThat(failure).hasMessage("Failed to count collection 'docs': Table 'test.c$v2$x' doesn't exist");
    }

    private static void assertRejected(FakeDatabase database, String message, Executable call)
    {
        ValidationException failure = assertThrows(ValidationException.class, call, message);
        assertThat(failure.getMessage()).startsWith(message);
        assertThat(failure.errorCode()).isZero();
        assertThat(failure.sqlState()).isEmpty();
        assertThat(database.executed()).as("statements sent before '%s' was rejected", message).isEmpty();
    }

    private static Map<String, Object> metadata(Object... keysAndValues)
    {
        Map<String, Object> result = new LinkedHashMap<>();
        for (int index = 0; index < keysAndValues.length; index += 2) {
            result.put((String) keysAndValues[index], keysAndValues[index + 1]);
        }
        return result;
    }

    static EmbeddingFunction toyFunction()
    {
        return new ToyFunction(3);
    }

    /** Embeds a text as {@code [length, 1, 1, ...]}. */
    static class ToyFunction
            implements EmbeddingFunction
    {
        private final int dimension;

        ToyFunction(int dimension)
        {
            this.dimension = dimension;
        }

        @Override
        public String name()
        {
            return "toy" + dimension;
        }

        @Override
        public int dimension()
        {
            return dimension;
        }

        @Override
        public List<float[]> embed(List<String> texts)
        {
            return texts.stream().map(text -> {
                float[] result = new float[dimension];
                Arrays.fill(result, 1);
                result[0] = text.length();
                return result;
            }).toList();
        }
    }
}
