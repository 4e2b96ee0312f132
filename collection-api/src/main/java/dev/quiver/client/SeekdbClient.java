package dev.quiver.client;

import dev.quiver.client.internal.CatalogRow;
import dev.quiver.client.internal.CollectionSettings;
import dev.quiver.client.internal.ConnectionPool;
import dev.quiver.client.internal.JdbcExecutor;
import dev.quiver.client.internal.ResultMappers;
import dev.quiver.client.internal.SqlErrors;
import dev.quiver.client.internal.SqlStatementBuilder;

import javax.sql.DataSource;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A client of a seekdb-compatible server (Quiver, seekdb) over JDBC, managing collections the way the
 * seekdb SDKs do: a catalog table {@code sdk_collections} in the current database and one table
 * {@code c$v2$<collection id>} per collection, so collections are shared with the seekdb JS SDK.
 *
 * <pre>{@code
 * try (SeekdbClient client = SeekdbClient.builder().host("127.0.0.1").port(2881).user("root").password("").database("test").build()) {
 *     Collection docs = client.getOrCreateCollection("docs", CollectionConfiguration.builder().dimension(3).distance(Distance.L2).build());
 *     docs.upsert(List.of("a"), List.of(new float[] {1, 0, 0}), List.of("apple"), List.of(Map.of("kind", "fruit")));
 *     QueryResponse nearest = docs.query(List.of(new float[] {1, 0, 0}), 5);
 * }
 * }</pre>
 *
 * <p>Connections come from a small pool of this client's own (4 by default) over
 * {@link DriverManager} or a given {@link DataSource}; a MySQL-protocol JDBC driver (MariaDB
 * Connector/J or MySQL Connector/J) must be on the runtime classpath. Thread-safe; close it to close
 * the pooled connections.
 */
public final class SeekdbClient
        implements AutoCloseable
{
    private static final Pattern COLLECTION_NAME = Pattern.compile("[A-Za-z0-9_]+");
    private static final Pattern COLLECTION_ID = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern VECTOR_TYPE = Pattern.compile("VECTOR\\((\\d+)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DISTANCE_OPTION = Pattern.compile("with\\s*\\([^)]*distance\\s*=\\s*['\"]?(\\w+)['\"]?", Pattern.CASE_INSENSITIVE);
    private static final int MAXIMUM_NAME_LENGTH = 512;
    private static final String V2_PREFIX = "c$v2$";
    private static final String V1_PREFIX = "c$v1$";

    /** Limits of one write batch; see {@link Collection}. */
    record BatchLimits(long maximumStatementBytes, int maximumRows) {}

    private final JdbcExecutor executor;
    private final BatchLimits batchLimits;

    SeekdbClient(JdbcExecutor executor, BatchLimits batchLimits)
    {
        this.executor = requireNonNull(executor, "executor is null");
        this.batchLimits = requireNonNull(batchLimits, "batchLimits is null");
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** A client connecting with a JDBC URL (e.g. {@code jdbc:mariadb://127.0.0.1:2881/test}) as {@code user}. */
    public static SeekdbClient fromJdbcUrl(String jdbcUrl, String user, String password)
    {
        return builder().jdbcUrl(jdbcUrl).user(user).password(password).build();
    }

    /** A client taking connections (with their credentials) from a data source. */
    public static SeekdbClient fromDataSource(DataSource dataSource)
    {
        return builder().dataSource(dataSource).build();
    }

    // ---- collections ---------------------------------------------------------------------------

    /** Creates a collection with the default configuration (cosine, dimension 384). */
    public Collection createCollection(String name)
    {
        return createCollection(name, CollectionConfiguration.defaults());
    }

    /**
     * Creates a collection: ensures {@code sdk_collections} exists, inserts the catalog row (the server
     * assigns the id), reads the id back, and creates the table {@code c$v2$<id>} with its full-text and
     * vector indexes. If the table cannot be created the catalog row is removed again.
     *
     * @throws CollectionAlreadyExistsException if the name is taken
     */
    public Collection createCollection(String name, CollectionConfiguration configuration)
    {
        checkName(name);
        requireNonNull(configuration, "configuration is null");
        int dimension = configuration.resolvedDimension();
        String settings = CollectionSettings.toJson(dimension, configuration.distance(), configuration.hnsw(), configuration.embeddingFunction());
        String action = "create collection '%s'".formatted(name);
        return executor.inSession(session -> {
            session.update(action, SqlStatementBuilder.createCatalogTable());
            try {
                session.update(action, SqlStatementBuilder.insertCatalogRow(name, settings));
            }
            catch (DuplicateKeyException ex) {
                throw new CollectionAlreadyExistsException("Collection already exists: " + name, ex.errorCode(), ex.sqlState().orElse(null), ex);
            }
            String id = session.query(action, SqlStatementBuilder.selectCollectionId(name), ResultMappers.collectionId())
                    .orElseThrow(() -> new ClientException("Failed to read the collection_id of collection '%s' after inserting it".formatted(name)));
            String tableName = v2TableName(name, id);
            try {
                session.update(action, SqlStatementBuilder.createCollectionTable(tableName, dimension, configuration.distance(), configuration.hnsw()));
            }
            catch (ClientException ex) {
                try {
                    session.update(action, SqlStatementBuilder.deleteCatalogRow(name));
                }
                catch (ClientException cleanupFailure) {
                    ex.addSuppressed(cleanupFailure);
                }
                throw ex;
            }
            return new Collection(executor, name, Optional.of(id), tableName, dimension, configuration.distance(), configuration.embeddingFunction(), batchLimits);
        });
    }

    /**
     * An existing collection, with the embedding function its catalog settings record when an
     * {@link EmbeddingFunctionProvider} of that name is on the classpath, else without one.
     */
    public Collection getCollection(String name)
    {
        return findCollection(name, Optional.empty()).orElseThrow(() -> new CollectionNotFoundException("Collection not found: " + name));
    }

    /**
     * An existing collection using {@code embeddingFunction} for documents and query texts (the
     * catalog only records an embedding function's name; it cannot be instantiated from it).
     */
    public Collection getCollection(String name, EmbeddingFunction embeddingFunction)
    {
        requireNonNull(embeddingFunction, "embeddingFunction is null");
        return findCollection(name, Optional.of(embeddingFunction)).orElseThrow(() -> new CollectionNotFoundException("Collection not found: " + name));
    }

    /** The existing collection of that name (with the configuration's embedding function), or a new one. */
    public Collection getOrCreateCollection(String name, CollectionConfiguration configuration)
    {
        requireNonNull(configuration, "configuration is null");
        Optional<Collection> existing = findCollection(name, configuration.embeddingFunction());
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            return createCollection(name, configuration);
        }
        catch (CollectionAlreadyExistsException ex) {
            return findCollection(name, configuration.embeddingFunction()).orElseThrow(() -> ex);
        }
    }

    public Collection getOrCreateCollection(String name)
    {
        return getOrCreateCollection(name, CollectionConfiguration.defaults());
    }

    /** Whether a catalog row or a legacy {@code c$v1$<name>} table exists. */
    public boolean hasCollection(String name)
    {
        checkName(name);
        return executor.inSession(session -> findCatalogRow(session, name).isPresent() || tableExists(session, V1_PREFIX + name));
    }

    /** The number of collections {@link #listCollections()} returns. */
    public long countCollection()
    {
        return listCollections().size();
    }

    /**
     * All collections: the catalog's (newest first) whose tables exist, then legacy v1 tables.
     * Collections that cannot be read (table missing, malformed settings) are skipped, as in the SDKs.
     */
    public List<Collection> listCollections()
    {
        return executor.inSession(session -> {
            List<Collection> result = new ArrayList<>();
            List<CatalogRow> rows;
            try {
                rows = session.query("list collections", SqlStatementBuilder.selectCatalogRows(), ResultMappers.catalogRows());
            }
            catch (ClientException ex) {
                if (!SqlErrors.isMissingTable(ex)) {
                    throw ex;
                }
                rows = List.of();
            }
            for (CatalogRow row : rows) {
                try {
                    v2Collection(session, row, Optional.empty()).ifPresent(result::add);
                }
                catch (ClientException ex) {
                    if (ex.errorCode() != 0) {
                        throw ex;
                    }
                }
            }
            for (String table : session.query("list collections", SqlStatementBuilder.showTablesLike(V1_PREFIX + "%"), ResultMappers.firstColumn())) {
                String name = table.substring(V1_PREFIX.length());
                if (table.startsWith(V1_PREFIX) && COLLECTION_NAME.matcher(name).matches()) {
                    try {
                        result.add(v1Collection(session, name, Optional.empty()));
                    }
                    catch (ClientException ex) {
                        if (ex.errorCode() != 0) {
                            throw ex;
                        }
                    }
                }
            }
            return result;
        });
    }

    /**
     * Drops the collection's table and removes its catalog row ({@code DROP TABLE IF EXISTS}, then
     * {@code DELETE FROM sdk_collections}), or drops a legacy v1 table.
     *
     * @throws CollectionNotFoundException if there is no such collection
     */
    public void deleteCollection(String name)
    {
        checkName(name);
        String action = "delete collection '%s'".formatted(name);
        executor.inSession(session -> {
            Optional<CatalogRow> row = findCatalogRow(session, name);
            if (row.isPresent()) {
                session.update(action, SqlStatementBuilder.dropTable(v2TableName(name, row.get().collectionId())));
                session.update(action, SqlStatementBuilder.deleteCatalogRow(name));
                return null;
            }
            if (!tableExists(session, V1_PREFIX + name)) {
                throw new CollectionNotFoundException("Collection not found: " + name);
            }
            session.update(action, SqlStatementBuilder.dropTable(V1_PREFIX + name));
            return null;
        });
    }

    /** Closes the idle pooled connections; connections in use close when their call finishes. */
    @Override
    public void close()
    {
        executor.close();
    }

    // ---- catalog reading -----------------------------------------------------------------------

    private Optional<Collection> findCollection(String name, Optional<EmbeddingFunction> embeddingFunction)
    {
        checkName(name);
        return executor.inSession(session -> {
            Optional<CatalogRow> row = findCatalogRow(session, name);
            if (row.isPresent()) {
                return Optional.of(v2Collection(session, row.get(), embeddingFunction)
                        .orElseThrow(() -> new CollectionNotFoundException("Collection metadata exists but table not found: " + name)));
            }
            if (!tableExists(session, V1_PREFIX + name)) {
                return Optional.empty();
            }
            return Optional.of(v1Collection(session, name, embeddingFunction));
        });
    }

    /** The catalog row; a missing {@code sdk_collections} means no row, as in the SDKs. */
    private static Optional<CatalogRow> findCatalogRow(JdbcExecutor.Session session, String name)
    {
        try {
            return session.query("read collection '%s'".formatted(name), SqlStatementBuilder.selectCatalogRow(name), ResultMappers.catalogRow());
        }
        catch (ClientException ex) {
            if (SqlErrors.isMissingTable(ex)) {
                return Optional.empty();
            }
            throw ex;
        }
    }

    private Optional<Collection> v2Collection(JdbcExecutor.Session session, CatalogRow row, Optional<EmbeddingFunction> embeddingFunction)
    {
        String name = row.collectionName();
        String tableName = v2TableName(name, row.collectionId());
        if (!tableExists(session, tableName)) {
            return Optional.empty();
        }
        CollectionSettings settings = CollectionSettings.parse(name, row.settingsJson());
        Optional<EmbeddingFunction> function = embeddingFunction.isPresent() ? embeddingFunction : restoreEmbeddingFunction(settings);
        checkEmbeddingFunction(name, settings.dimension(), function);
        return Optional.of(new Collection(executor, name, Optional.of(row.collectionId()), tableName, settings.dimension(), settings.distance(),
                function, batchLimits));
    }

    /** A legacy collection: dimension from {@code DESCRIBE}, distance from {@code SHOW CREATE TABLE} (cosine if absent). */
    private Collection v1Collection(JdbcExecutor.Session session, String name, Optional<EmbeddingFunction> embeddingFunction)
    {
        String tableName = V1_PREFIX + name;
        String action = "read collection '%s'".formatted(name);
        Map<String, String> columns = session.query(action, SqlStatementBuilder.describeTable(tableName), ResultMappers.describedColumns());
        Matcher vectorType = VECTOR_TYPE.matcher(columns.getOrDefault("embedding", ""));
        if (!vectorType.find()) {
            throw new ClientException("Legacy collection '%s' has no VECTOR embedding column".formatted(name));
        }
        int dimension = Integer.parseInt(vectorType.group(1));
        Distance distance = Distance.COSINE;
        try {
            Optional<String> ddl = session.query(action, SqlStatementBuilder.showCreateTable(tableName), ResultMappers.secondColumn());
            Matcher option = DISTANCE_OPTION.matcher(ddl.orElse(""));
            if (option.find()) {
                distance = Distance.fromSettingName(option.group(1));
            }
        }
        catch (ClientException ignored) {
            // as in the SDKs: an unreadable DDL leaves the default distance
        }
        checkEmbeddingFunction(name, dimension, embeddingFunction);
        return new Collection(executor, name, Optional.empty(), tableName, dimension, distance, embeddingFunction, batchLimits);
    }

    /**
     * The embedding function the catalog records, made by the {@link EmbeddingFunctionProvider} of that
     * name on the classpath; none when nothing is recorded or no provider has the name (the seekdb SDKs
     * would fail there; this client opens the collection without one, so vectors must be given).
     */
    private static Optional<EmbeddingFunction> restoreEmbeddingFunction(CollectionSettings settings)
    {
        if (settings.embeddingFunctionName().isEmpty()) {
            return Optional.empty();
        }
        String recorded = settings.embeddingFunctionName().get();
        for (EmbeddingFunctionProvider provider : ServiceLoader.load(EmbeddingFunctionProvider.class, SeekdbClient.class.getClassLoader())) {
            if (provider.name().equals(recorded)) {
                return Optional.of(provider.create(settings.embeddingFunctionProperties()));
            }
        }
        return Optional.empty();
    }

    private static void checkEmbeddingFunction(String name, int dimension, Optional<EmbeddingFunction> embeddingFunction)
    {
        if (embeddingFunction.isPresent() && embeddingFunction.get().dimension() != dimension) {
            throw new ValidationException("Embedding function '%s' makes vectors of dimension %d but collection '%s' has dimension %d".formatted(
                    embeddingFunction.get().name(), embeddingFunction.get().dimension(), name, dimension));
        }
    }

    /** Whether {@code SHOW TABLES LIKE '<table>'} lists exactly that table ({@code _} is a LIKE wildcard). */
    private static boolean tableExists(JdbcExecutor.Session session, String tableName)
    {
        List<String> tables = session.query("look up table " + tableName, SqlStatementBuilder.showTablesLike(tableName), ResultMappers.firstColumn());
        return tables.contains(tableName);
    }

    private static String v2TableName(String name, String collectionId)
    {
        if (!COLLECTION_ID.matcher(collectionId).matches()) {
            throw new ClientException("Collection '%s' has an unexpected collection_id '%s' (expected 32 hex digits)".formatted(name, collectionId));
        }
        return V2_PREFIX + collectionId;
    }

    private static void checkName(String name)
    {
        requireNonNull(name, "name is null");
        if (name.isEmpty() || name.length() > MAXIMUM_NAME_LENGTH || !COLLECTION_NAME.matcher(name).matches()) {
            throw new ValidationException("Invalid collection name '%s': use 1 to %d letters, digits and underscores".formatted(name, MAXIMUM_NAME_LENGTH));
        }
    }

    // ---- builder -------------------------------------------------------------------------------

    /**
     * Builds a {@link SeekdbClient} from a host and port (seekdb's defaults: {@code 127.0.0.1:2881},
     * user {@code root}, empty password, database {@code test}), from a JDBC URL, or from a
     * {@link DataSource}. With {@link #tenant(String)} the login user is {@code user@tenant} (the JS SDK
     * always logs in as {@code root@sys}; this client sends the plain user unless a tenant is set).
     */
    public static final class Builder
    {
        private String host = "127.0.0.1";
        private int port = 2881;
        private String user = "root";
        private boolean userGiven;
        private String password = "";
        private String database = "test";
        private String tenant;
        private String jdbcUrl;
        private DataSource dataSource;
        private final Properties driverProperties = new Properties();
        private int maximumPoolSize = 4;
        private Duration acquireTimeout = Duration.ofSeconds(30);
        private long maxAllowedPacket = 4L * 1024 * 1024;
        private int maximumBatchRows = 4096;

        private Builder() {}

        public Builder host(String host)
        {
            this.host = requireNonNull(host, "host is null");
            return this;
        }

        public Builder port(int port)
        {
            if (port < 1 || port > 65535) {
                throw new ValidationException("Invalid port: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder user(String user)
        {
            this.user = requireNonNull(user, "user is null");
            this.userGiven = true;
            return this;
        }

        public Builder password(String password)
        {
            this.password = requireNonNull(password, "password is null");
            return this;
        }

        public Builder database(String database)
        {
            this.database = requireNonNull(database, "database is null");
            return this;
        }

        /** Logs in as {@code user@tenant}, as seekdb/OceanBase tenants expect. */
        public Builder tenant(String tenant)
        {
            this.tenant = requireNonNull(tenant, "tenant is null");
            return this;
        }

        /** Connects with this JDBC URL (host, port and database are then ignored); user and password still apply. */
        public Builder jdbcUrl(String jdbcUrl)
        {
            this.jdbcUrl = requireNonNull(jdbcUrl, "jdbcUrl is null");
            return this;
        }

        /**
         * Connects through this data source. Its own credentials are used unless {@link #user(String)}
         * is called, in which case {@code getConnection(user[@tenant], password)} is.
         */
        public Builder dataSource(DataSource dataSource)
        {
            this.dataSource = requireNonNull(dataSource, "dataSource is null");
            return this;
        }

        /** An extra JDBC connection property (DriverManager only), e.g. {@code connectTimeout}. */
        public Builder driverProperty(String key, String value)
        {
            driverProperties.setProperty(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
            return this;
        }

        /** The most connections open at once (4 by default). */
        public Builder maximumPoolSize(int maximumPoolSize)
        {
            if (maximumPoolSize < 1) {
                throw new ValidationException("maximumPoolSize must be positive, got " + maximumPoolSize);
            }
            this.maximumPoolSize = maximumPoolSize;
            return this;
        }

        /** How long a call waits for a free pooled connection (30 s by default). */
        public Builder acquireTimeout(Duration acquireTimeout)
        {
            this.acquireTimeout = requireNonNull(acquireTimeout, "acquireTimeout is null");
            return this;
        }

        /**
         * The server's {@code max_allowed_packet} in bytes (4 MiB assumed by default, MySQL 5.7's
         * default). Write batches are kept to this minus 16 KiB by a worst-case size estimate.
         */
        public Builder maxAllowedPacket(long maxAllowedPacket)
        {
            if (maxAllowedPacket < 64 * 1024) {
                throw new ValidationException("maxAllowedPacket must be at least 64 KiB, got " + maxAllowedPacket);
            }
            this.maxAllowedPacket = maxAllowedPacket;
            return this;
        }

        /** The most rows in one write statement (4096 by default). */
        public Builder maximumBatchRows(int maximumBatchRows)
        {
            if (maximumBatchRows < 1) {
                throw new ValidationException("maximumBatchRows must be positive, got " + maximumBatchRows);
            }
            this.maximumBatchRows = maximumBatchRows;
            return this;
        }

        /** The login user: {@code user}, or {@code user@tenant} when a tenant is set. */
        String login()
        {
            return tenant == null || tenant.isEmpty() ? user : user + "@" + tenant;
        }

        public SeekdbClient build()
        {
            ConnectionPool.ConnectionFactory factory = connectionFactory();
            ConnectionPool pool = new ConnectionPool(factory, maximumPoolSize, acquireTimeout, Duration.ofSeconds(30));
            return new SeekdbClient(new JdbcExecutor(pool), new BatchLimits(maxAllowedPacket - 16 * 1024, maximumBatchRows));
        }

        private ConnectionPool.ConnectionFactory connectionFactory()
        {
            String login = login();
            String secret = password;
            if (dataSource != null) {
                DataSource source = dataSource;
                if (userGiven || tenant != null) {
                    return () -> source.getConnection(login, secret);
                }
                return source::getConnection;
            }
            String url = jdbcUrl != null ? jdbcUrl : defaultUrl();
            Properties properties = new Properties();
            properties.putAll(driverProperties);
            properties.setProperty("user", login);
            properties.setProperty("password", secret);
            return () -> DriverManager.getConnection(url, properties);
        }

        /** {@code jdbc:mariadb://host:port/db} if MariaDB Connector/J is present, else {@code jdbc:mysql://...}. */
        private String defaultUrl()
        {
            String address = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
            for (String scheme : List.of("mariadb", "mysql")) {
                String url = "jdbc:%s://%s:%d/%s".formatted(scheme, address, port, database);
                try {
                    DriverManager.getDriver(url);
                    return url;
                }
                catch (SQLException ignored) {
                    // try the next driver
                }
            }
            throw new ConnectionException("No MySQL-protocol JDBC driver found: add org.mariadb.jdbc:mariadb-java-client or com.mysql:mysql-connector-j to the classpath",
                    0, "08001", null);
        }
    }
}
