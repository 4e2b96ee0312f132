package dev.quiver.client;

import dev.quiver.client.WritePreparation.PreparedWrite;
import dev.quiver.client.internal.BatchPlanner;
import dev.quiver.client.internal.Column;
import dev.quiver.client.internal.HybridSearchJson;
import dev.quiver.client.internal.JdbcExecutor;
import dev.quiver.client.internal.RankedRows;
import dev.quiver.client.internal.ResultMappers;
import dev.quiver.client.internal.SqlStatement;
import dev.quiver.client.internal.SqlStatementBuilder;
import dev.quiver.client.internal.WriteRow;
import dev.quiver.client.model.DeleteRequest;
import dev.quiver.client.model.Documents;
import dev.quiver.client.model.GetRequest;
import dev.quiver.client.model.GetResponse;
import dev.quiver.client.model.HybridSearchRequest;
import dev.quiver.client.model.Include;
import dev.quiver.client.model.QueryRequest;
import dev.quiver.client.model.QueryResponse;
import dev.quiver.client.model.Where;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A seekdb collection: rows of id, document, metadata JSON and vector in the table
 * {@code c$v2$<collection id>} (or a legacy {@code c$v1$<name>}), written and read with the same SQL
 * as the seekdb JS SDK, so either side reads what the other wrote. Thread-safe; obtained from
 * {@link SeekdbClient}.
 *
 * <h2>Writes</h2>
 * Every write is validated before any SQL is sent (see {@link ValidationException}).
 * <ul>
 *   <li>{@code add} sends {@code INSERT INTO T (_id, document, metadata, embedding) VALUES (CAST(? AS BINARY), ?, ?, ?), ...};
 *       an existing id fails the batch with {@link DuplicateKeyException}.</li>
 *   <li>{@code upsert} sends {@code INSERT INTO T (_id, <given columns>) VALUES ... ON DUPLICATE KEY UPDATE <column> = VALUES(<column>), ...}:
 *       existing rows keep the fields not given. It needs INSERT and UPDATE privileges. Without
 *       embeddings (and no embedding function) it first selects which ids exist and rejects new ones,
 *       since a new row needs a vector; a row deleted concurrently between that check and the write is
 *       inserted again without a vector. Documents given without embeddings and without an embedding
 *       function change only the document and keep the stored vector, as in the seekdb SDKs.</li>
 *   <li>{@code update} sends one {@code UPDATE T SET <given columns> WHERE _id = CAST(? AS BINARY)} per id, in
 *       order, as the seekdb SDKs do (not atomic across ids: a failure is a {@link PartialWriteException}
 *       naming the ids already updated); missing ids are ignored.</li>
 * </ul>
 * <b>Batches.</b> {@code add} and {@code upsert} send one statement per batch, each atomic. A batch
 * holds at most {@link SeekdbClient.Builder#maximumBatchRows(int) maximumBatchRows} rows (4096 by
 * default) and at most {@code maxAllowedPacket - 16 KiB} bytes of SQL by a worst-case estimate
 * (every string character escaped), where {@link SeekdbClient.Builder#maxAllowedPacket(long)
 * maxAllowedPacket} is the server's {@code max_allowed_packet} (4 MiB assumed by default). A call
 * within both limits is a single atomic statement. When a later batch fails,
 * {@link PartialWriteException} says which ids were written.
 */
public final class Collection
{
    private static final Pattern FORBIDDEN_DYNAMIC_SQL = Pattern.compile(
            "\\b(DROP|DELETE|UPDATE|INSERT|ALTER|CREATE|GRANT|REVOKE|TRUNCATE|REPLACE|RENAME|LOAD_FILE|OUTFILE|DUMPFILE|CALL|LOAD)\\b", Pattern.CASE_INSENSITIVE);

    private final JdbcExecutor executor;
    private final String name;
    private final Optional<String> id;
    private final String tableName;
    private final int dimension;
    private final Distance distance;
    private final Optional<EmbeddingFunction> embeddingFunction;
    private final SeekdbClient.BatchLimits batchLimits;
    private final WritePreparation preparation;

    Collection(JdbcExecutor executor, String name, Optional<String> id, String tableName, int dimension, Distance distance,
            Optional<EmbeddingFunction> embeddingFunction, SeekdbClient.BatchLimits batchLimits)
    {
        this.executor = requireNonNull(executor, "executor is null");
        this.name = requireNonNull(name, "name is null");
        this.id = requireNonNull(id, "id is null");
        this.tableName = requireNonNull(tableName, "tableName is null");
        this.dimension = dimension;
        this.distance = requireNonNull(distance, "distance is null");
        this.embeddingFunction = requireNonNull(embeddingFunction, "embeddingFunction is null");
        this.batchLimits = requireNonNull(batchLimits, "batchLimits is null");
        this.preparation = new WritePreparation(dimension, embeddingFunction);
    }

    /** The collection name. */
    public String name()
    {
        return name;
    }

    /** The 32-hex {@code collection_id} from {@code sdk_collections}; empty for a legacy v1 collection. */
    public Optional<String> id()
    {
        return id;
    }

    /** The table holding the rows, {@code c$v2$<id>} or {@code c$v1$<name>}. */
    public String tableName()
    {
        return tableName;
    }

    public int dimension()
    {
        return dimension;
    }

    public Distance distance()
    {
        return distance;
    }

    public Optional<EmbeddingFunction> embeddingFunction()
    {
        return embeddingFunction;
    }

    // ---- add / upsert / update -----------------------------------------------------------------

    /** Inserts new items; null lists are fields not given (embeddings may come from the embedding function). */
    public void add(List<String> ids, List<float[]> embeddings, List<String> documents, List<Map<String, Object>> metadatas)
    {
        add(Documents.of(ids, embeddings, documents, metadatas));
    }

    /** Inserts one item; null arguments are fields not given. */
    public void add(String id, float[] embedding, String document, Map<String, Object> metadata)
    {
        add(single(id, embedding, document, metadata));
    }

    public void add(Documents items)
    {
        PreparedWrite write = preparation.forAdd(requireNonNull(items, "items is null"));
        writeInBatches("add to", write, batch -> SqlStatementBuilder.insert(tableName, batch));
    }

    /** Inserts new ids and changes only the given fields of existing ones; null lists are fields not given. */
    public void upsert(List<String> ids, List<float[]> embeddings, List<String> documents, List<Map<String, Object>> metadatas)
    {
        upsert(Documents.of(ids, embeddings, documents, metadatas));
    }

    /** Upserts one item; null arguments are fields not given. */
    public void upsert(String id, float[] embedding, String document, Map<String, Object> metadata)
    {
        upsert(single(id, embedding, document, metadata));
    }

    public void upsert(Documents items)
    {
        PreparedWrite write = preparation.forPartialWrite(requireNonNull(items, "items is null"));
        if (!write.columns().contains(Column.EMBEDDING)) {
            rejectNewIds(write.ids());
        }
        writeInBatches("upsert into", write, batch -> SqlStatementBuilder.upsert(tableName, batch, write.columns()));
    }

    /** Changes only the given fields of existing ids; missing ids are ignored. */
    public void update(List<String> ids, List<float[]> embeddings, List<String> documents, List<Map<String, Object>> metadatas)
    {
        update(Documents.of(ids, embeddings, documents, metadatas));
    }

    /** Updates one item; null arguments are fields not given. */
    public void update(String id, float[] embedding, String document, Map<String, Object> metadata)
    {
        update(single(id, embedding, document, metadata));
    }

    public void update(Documents items)
    {
        PreparedWrite write = preparation.forPartialWrite(requireNonNull(items, "items is null"));
        executor.inSession(session -> {
            List<String> written = new ArrayList<>();
            for (WriteRow row : write.rows()) {
                try {
                    session.update(action("update"), SqlStatementBuilder.update(tableName, row, write.columns()));
                }
                catch (ClientException ex) {
                    throw partialFailure(ex, written, write.ids());
                }
                written.add(row.id());
            }
            return null;
        });
    }

    private static Documents single(String id, float[] embedding, String document, Map<String, Object> metadata)
    {
        return Documents.of(
                Collections.singletonList(id),
                embedding == null ? null : Collections.singletonList(embedding),
                document == null ? null : Collections.singletonList(document),
                metadata == null ? null : Collections.singletonList(metadata));
    }

    private void rejectNewIds(List<String> ids)
    {
        Set<String> existing = new HashSet<>();
        List<List<String>> chunks = chunks(ids, batchLimits.maximumRows());
        executor.inSession(session -> {
            for (List<String> chunk : chunks) {
                SqlStatement select = SqlStatementBuilder.select(tableName, Optional.of(chunk), Optional.empty(), Optional.empty(),
                        OptionalLong.empty(), OptionalLong.empty(), Set.of());
                existing.addAll(session.query(action("check ids in"), select, ResultMappers.ids()));
            }
            return null;
        });
        List<String> missing = ids.stream().filter(each -> !existing.contains(each)).toList();
        if (!missing.isEmpty()) {
            throw new ValidationException("Cannot insert new ids without embeddings (%s): %s".formatted(
                    embeddingFunction.isPresent() ? "no documents to embed" : "no embedding function", missing));
        }
    }

    private void writeInBatches(String verb, PreparedWrite write, Function<List<WriteRow>, SqlStatement> statement)
    {
        List<List<WriteRow>> batches = BatchPlanner.plan(write.rows(), write.columns(), batchLimits.maximumStatementBytes(), batchLimits.maximumRows());
        executor.inSession(session -> {
            List<String> written = new ArrayList<>();
            for (List<WriteRow> batch : batches) {
                try {
                    session.update(action(verb), statement.apply(batch));
                }
                catch (ClientException ex) {
                    throw partialFailure(ex, written, write.ids());
                }
                batch.forEach(row -> written.add(row.id()));
            }
            return null;
        });
    }

    private static ClientException partialFailure(ClientException failure, List<String> written, List<String> all)
    {
        if (written.isEmpty()) {
            return failure;
        }
        return new PartialWriteException(failure, written, all.subList(written.size(), all.size()));
    }

    // ---- get / peek / count / delete -----------------------------------------------------------

    /** The rows with these ids (all fields). */
    public GetResponse get(List<String> ids)
    {
        return get(GetRequest.builder().ids(ids).build());
    }

    /** The row with this id, if it exists (all fields). */
    public GetResponse get(String id)
    {
        return get(List.of(id));
    }

    /** The rows matching a metadata filter (all fields). */
    public GetResponse get(Where where)
    {
        return get(GetRequest.builder().where(where).build());
    }

    public GetResponse get(GetRequest request)
    {
        requireNonNull(request, "request is null");
        checkIds(request.ids());
        checkNotNegative("limit", request.limit().orElse(0));
        checkNotNegative("offset", request.offset().orElse(0));
        if (request.ids().isPresent() && request.ids().get().isEmpty()) {
            return new GetResponse(List.of(), List.of(), List.of(), List.of(), request.include());
        }
        SqlStatement select = SqlStatementBuilder.select(tableName, request.ids(), request.where(), request.whereDocument(), request.limit(), request.offset(),
                request.include());
        return executor.query(action("get from"), select, ResultMappers.getResponse(request.include()));
    }

    /** The first {@code limit} rows with all fields. */
    public GetResponse peek(int limit)
    {
        return get(GetRequest.builder().limit(limit).include(Include.all()).build());
    }

    /** The first 10 rows with all fields. */
    public GetResponse peek()
    {
        return peek(10);
    }

    /** The number of rows. */
    public long count()
    {
        return executor.query(action("count"), SqlStatementBuilder.count(tableName), ResultMappers.count());
    }

    /** Deletes the rows with these ids; an empty list deletes nothing. */
    public void delete(List<String> ids)
    {
        delete(DeleteRequest.ofIds(ids));
    }

    /** Deletes the row with this id, if it exists. */
    public void delete(String id)
    {
        delete(List.of(id));
    }

    /** Deletes the rows matching a metadata filter. */
    public void delete(Where where)
    {
        delete(DeleteRequest.of(where));
    }

    public void delete(DeleteRequest request)
    {
        requireNonNull(request, "request is null");
        checkIds(request.ids());
        if (request.ids().isEmpty() && request.where().isEmpty() && request.whereDocument().isEmpty()) {
            throw new ValidationException("delete needs ids, where or whereDocument");
        }
        if (request.ids().isPresent() && request.ids().get().isEmpty()) {
            return;
        }
        executor.update(action("delete from"), SqlStatementBuilder.delete(tableName, request.ids(), request.where(), request.whereDocument()));
    }

    // ---- query / hybrid search -----------------------------------------------------------------

    /** The {@code nResults} nearest rows to each query vector (documents, metadatas and distances). */
    public QueryResponse query(List<float[]> queryEmbeddings, int nResults)
    {
        return query(QueryRequest.builder().queryEmbeddings(queryEmbeddings).nResults(nResults).build());
    }

    /** The {@code nResults} nearest rows to one query vector. */
    public QueryResponse query(float[] queryEmbedding, int nResults)
    {
        return query(QueryRequest.builder().queryEmbedding(queryEmbedding).nResults(nResults).build());
    }

    /** The {@code nResults} nearest rows to each query text, embedded by the collection's embedding function. */
    public QueryResponse queryTexts(List<String> queryTexts, int nResults)
    {
        return query(QueryRequest.builder().queryTexts(queryTexts).nResults(nResults).build());
    }

    /** One SQL statement per query vector, run in order; see {@link QueryRequest}. */
    public QueryResponse query(QueryRequest request)
    {
        requireNonNull(request, "request is null");
        if (request.nResults() < 1) {
            throw new ValidationException("nResults must be positive, got " + request.nResults());
        }
        List<float[]> vectors = queryVectors(request);
        List<String> vectorTexts = new ArrayList<>();
        for (int index = 0; index < vectors.size(); index++) {
            vectorTexts.add(preparation.encodeQueryVector(vectors.get(index), index));
        }
        Distance metric = request.distance().orElse(distance);
        List<RankedRows> results = executor.inSession(session -> {
            List<RankedRows> result = new ArrayList<>();
            for (String vectorText : vectorTexts) {
                SqlStatement statement = SqlStatementBuilder.vectorQuery(tableName, vectorText, request.nResults(), request.where(), request.whereDocument(),
                        request.include(), metric, request.approximate());
                result.add(session.query(action("query"), statement, ResultMappers.queryRows(request.include())));
            }
            return result;
        });
        return toResponse(results, request.include());
    }

    private List<float[]> queryVectors(QueryRequest request)
    {
        if (request.queryEmbeddings().isPresent() == request.queryTexts().isPresent()) {
            throw new ValidationException("Give exactly one of queryEmbeddings and queryTexts");
        }
        if (request.queryEmbeddings().isPresent()) {
            List<float[]> result = request.queryEmbeddings().get();
            if (result.isEmpty()) {
                throw new ValidationException("queryEmbeddings must not be empty");
            }
            return result;
        }
        List<String> texts = request.queryTexts().get();
        if (texts.isEmpty()) {
            throw new ValidationException("queryTexts must not be empty");
        }
        if (embeddingFunction.isEmpty()) {
            throw new ValidationException("queryTexts provided but no queryEmbeddings and no embedding function");
        }
        return preparation.embed(texts);
    }

    /**
     * Full-text and vector search fused by the server: sends {@code SET @search_parm = '<json>'}, then
     * {@code SELECT DBMS_HYBRID_SEARCH.GET_SQL('<table>', @search_parm) as query_sql FROM dual} on the
     * same connection, then runs the returned SELECT (after the JS SDK's safety checks). The result has
     * a single list, best first; distances hold the server's scores.
     */
    public QueryResponse hybridSearch(HybridSearchRequest request)
    {
        requireNonNull(request, "request is null");
        if (request.query().isEmpty() && request.knn().isEmpty()) {
            throw new ValidationException("hybridSearch needs a query or a knn part");
        }
        if (request.nResults() < 1) {
            throw new ValidationException("nResults must be positive, got " + request.nResults());
        }
        Optional<float[]> queryVector = request.knn().map(this::knnVector);
        String searchParameters = HybridSearchJson.build(request, queryVector);
        List<RankedRows> results = executor.inSession(session -> {
            session.update(action("hybrid search"), SqlStatementBuilder.setSearchParameters(searchParameters));
            Optional<String> querySql = session.query(action("hybrid search"), SqlStatementBuilder.hybridSearchGetSql(tableName), ResultMappers.querySql());
            if (querySql.isEmpty()) {
                return List.of(new RankedRows(List.of(), List.of(), List.of(), List.of(), List.of()));
            }
            String sql = checkDynamicSql(querySql.get().strip().replaceAll("^['\"]|['\"]$", ""));
            return List.of(session.queryText(action("hybrid search"), sql, ResultMappers.hybridRows(request.include())));
        });
        return toResponse(results, request.include());
    }

    private float[] knnVector(HybridSearchRequest.Knn knn)
    {
        if (knn.nResults() < 1) {
            throw new ValidationException("knn nResults must be positive, got " + knn.nResults());
        }
        if (knn.queryEmbedding().isPresent() == knn.queryText().isPresent()) {
            throw new ValidationException("knn needs exactly one of a query embedding and a query text");
        }
        if (knn.queryEmbedding().isPresent()) {
            float[] vector = knn.queryEmbedding().get();
            preparation.encodeQueryVector(vector, 0);
            return vector;
        }
        if (embeddingFunction.isEmpty()) {
            throw new ValidationException("knn queryText provided but no query embedding and no embedding function");
        }
        return preparation.embed(List.of(knn.queryText().get())).getFirst();
    }

    /** The JS SDK's {@code validateDynamicSql}: a single SELECT without data-changing keywords. */
    static String checkDynamicSql(String sql)
    {
        String withoutComments = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)(--|#).*$", " ").strip();
        if (!withoutComments.regionMatches(true, 0, "SELECT", 0, 6)) {
            throw new ClientException("The server's hybrid search SQL is not a SELECT: " + sql);
        }
        if (FORBIDDEN_DYNAMIC_SQL.matcher(withoutComments).find()) {
            throw new ClientException("The server's hybrid search SQL contains a forbidden keyword: " + sql);
        }
        if (withoutComments.matches("(?s).*;\\s*\\S.*")) {
            throw new ClientException("The server's hybrid search SQL contains several statements: " + sql);
        }
        return sql;
    }

    private static QueryResponse toResponse(List<RankedRows> results, Set<Include> include)
    {
        List<List<String>> ids = new ArrayList<>();
        List<List<Double>> distances = new ArrayList<>();
        List<List<String>> documents = new ArrayList<>();
        List<List<Map<String, Object>>> metadatas = new ArrayList<>();
        List<List<float[]>> embeddings = new ArrayList<>();
        for (RankedRows each : results) {
            ids.add(each.ids());
            distances.add(each.distances());
            documents.add(each.documents());
            metadatas.add(each.metadatas());
            embeddings.add(each.embeddings());
        }
        return new QueryResponse(ids, distances, documents, metadatas, embeddings, include);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String action(String verb)
    {
        return "%s collection '%s'".formatted(verb, name);
    }

    private static void checkIds(Optional<List<String>> ids)
    {
        ids.ifPresent(list -> {
            for (int index = 0; index < list.size(); index++) {
                if (list.get(index) == null) {
                    throw new ValidationException("Missing id at index %d".formatted(index));
                }
            }
        });
    }

    private static void checkNotNegative(String name, long value)
    {
        if (value < 0) {
            throw new ValidationException("%s must not be negative, got %d".formatted(name, value));
        }
    }

    private static <T> List<List<T>> chunks(List<T> list, int size)
    {
        List<List<T>> result = new ArrayList<>();
        for (int start = 0; start < list.size(); start += size) {
            result.add(list.subList(start, Math.min(list.size(), start + size)));
        }
        return result;
    }

    @Override
    public String toString()
    {
        return "Collection[name=%s, table=%s, dimension=%d, distance=%s]".formatted(name, tableName, dimension, distance.settingName());
    }
}
