package dev.quiver.server;

import dev.quiver.sql.EngineConfig;
import dev.quiver.sql.QueryEngine;
import dev.quiver.common.PasswordHash;
import dev.quiver.sql.security.GrantAccessControl;
import dev.quiver.sql.user.UserStore;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.lucene.LuceneStorageEngine;
import dev.quiver.wire.MySqlServer;
import dev.quiver.wire.WireConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * The composition root: builds the storage engine, the SQL engine and the protocol server through their
 * constructors, starts them in order and closes them in reverse. Nothing else constructs engines.
 */
public final class Server
        implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    /** Databases a fresh data directory holds: seekdb's default {@code test}, and {@code mysql}. */
    static final List<String> INITIAL_DATABASES = List.of("mysql", "test");

    /**
     * A crash point for tests (MySQL's debug crash points, as a system property): with
     * {@code -Dquiver.debug.haltAfterAccountWrites=N} the process halts, as kill -9 would stop it, before the grant table
     * write that follows the N-th one since the start. Unset in every real deployment.
     */
    static final String HALT_AFTER_ACCOUNT_WRITES = "quiver.debug.haltAfterAccountWrites";

    /** The storage engine's folder inside the data directory. */
    static final String STORAGE_FOLDER = "storage";

    private final ServerConfig config;
    private final DataDirectory dataDirectory;
    private final StorageEngine storage;
    private final MySqlServer wire;

    private Server(ServerConfig config, DataDirectory dataDirectory, StorageEngine storage, MySqlServer wire)
    {
        this.config = requireNonNull(config, "config is null");
        this.dataDirectory = requireNonNull(dataDirectory, "dataDirectory is null");
        this.storage = requireNonNull(storage, "storage is null");
        this.wire = requireNonNull(wire, "wire is null");
    }

    /** Opens the data directory, checks the root password rules, and starts listening. */
    public static Server start(ServerConfig config)
            throws IOException, StartupException
    {
        DataDirectory dataDirectory = DataDirectory.open(config.dataDirectory());
        StorageEngine storage = null;
        try {
            PasswordHash rootSeed = RootAccount.seed(dataDirectory, config.rootPassword());

            storage = LuceneStorageEngine.open(dataDirectory.path().resolve(STORAGE_FOLDER));
            createInitialDatabases(storage);
            UserStore users = new UserStore(storage, crashPoint());
            if (users.bootstrap(rootSeed)) {
                LOG.info("created the grant tables in the mysql database with root@'%'");
            }
            RootAccount.checkConfiguredPassword(users.model(), config.rootPassword());
            RootAccount.checkBindAddress(users.model(), config.bindAddress());

            int port = config.port() == 0 ? freePort(config.bindAddress()) : config.port();
            WireConfig wireConfig = WireConfig.defaults()
                    .withBindAddress(config.bindAddress())
                    .withPort(port)
                    .withServerVersion(config.serverVersion());
            EngineConfig engineConfig = new EngineConfig(config.serverVersion(), wireConfig.maxAllowedPacket(), port,
                    EngineConfig.DEFAULT_VERSION_COMMENT, hostName(), dataDirectory.path() + "/");
            QueryEngine queryEngine = new QueryEngine(storage, new GrantAccessControl(users::model), users, engineConfig);
            MySqlServer wire = new MySqlServer(wireConfig, new SqlQueryHandler(queryEngine), new AccountCredentials(users));
            wire.start();
            return new Server(config, dataDirectory, storage, wire);
        }
        catch (IOException | StartupException | RuntimeException ex) {
            if (storage != null) {
                storage.close();
            }
            dataDirectory.close();
            throw ex;
        }
    }

    private static Runnable crashPoint()
    {
        String setting = System.getProperty(HALT_AFTER_ACCOUNT_WRITES);
        if (setting == null) {
            return () -> {};
        }
        int budget = Integer.parseInt(setting);
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        LOG.warn("{}={}: this process halts before grant table write {}", HALT_AFTER_ACCOUNT_WRITES, budget, budget + 1);
        return () -> {
            if (writes.getAndIncrement() >= budget) {
                Runtime.getRuntime().halt(9);
            }
        };
    }

    private static void createInitialDatabases(StorageEngine storage)
    {
        if (!storage.listDatabases().isEmpty()) {
            return;
        }
        for (String each : INITIAL_DATABASES) {
            storage.createDatabase(each);
        }
    }

    /**
     * Port 0 asks for any free port; it is chosen before anything starts so that {@code @@port} and the log
     * report the port clients use.
     */
    private static int freePort(String bindAddress)
            throws IOException
    {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(bindAddress))) {
            return socket.getLocalPort();
        }
    }

    private static String hostName()
    {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        }
        catch (java.net.UnknownHostException ex) {
            return "localhost";
        }
    }

    public InetSocketAddress address()
    {
        return wire.localAddress();
    }

    public ServerConfig config()
    {
        return config;
    }

    /** The storage engine the server's SQL runs on (benchmarks time SQL against the engine's own API on it). */
    public StorageEngine storage()
    {
        return storage;
    }

    @Override
    public void close()
    {
        try {
            wire.close();
        }
        finally {
            try {
                storage.close();
            }
            finally {
                try {
                    dataDirectory.close();
                }
                catch (IOException ex) {
                    LOG.warn("could not release the data directory lock", ex);
                }
            }
        }
    }
}
