package dev.quiver.wire;

import dev.quiver.wire.codec.PacketEncoder;
import dev.quiver.wire.codec.PacketFrameDecoder;
import dev.quiver.wire.connection.ConnectionHandler;
import dev.quiver.wire.connection.ServerContext;
import dev.quiver.wire.spi.CredentialStore;
import dev.quiver.wire.spi.QueryHandler;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The MySQL protocol server: accepts connections on Netty's NIO transport, runs each connection's
 * commands in order on virtual threads and hands them to the {@link QueryHandler}.
 *
 * <p>Lifecycle: {@link #start()} once, then {@link #close()} (idempotent). Thread-safe.
 */
public final class MySqlServer
        implements AutoCloseable
{
    private static final Logger log = LoggerFactory.getLogger(MySqlServer.class);
    private static final long SHUTDOWN_TIMEOUT_SECONDS = 10;

    private final WireConfig config;
    private final QueryHandler handler;
    private final CredentialStore credentials;
    private final Object lifecycleLock = new Object();
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private ExecutorService commandExecutor;
    private ChannelGroup channels;
    private ServerContext context;
    private Channel serverChannel;
    private boolean started;
    private boolean closed;

    public MySqlServer(WireConfig config, QueryHandler handler, CredentialStore credentials)
    {
        this.config = requireNonNull(config, "config is null");
        this.handler = requireNonNull(handler, "handler is null");
        this.credentials = requireNonNull(credentials, "credentials is null");
    }

    /**
     * Binds and starts accepting connections.
     *
     * @throws UncheckedIOException wrapping a {@link BindException} when the address cannot be bound (port taken)
     * @throws IllegalStateException when called twice or after {@link #close()}
     */
    public void start()
    {
        synchronized (lifecycleLock) {
            if (started || closed) {
                throw new IllegalStateException("MySqlServer can be started only once");
            }
            started = true;
            bossGroup = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("quiver-wire-accept"), NioIoHandler.newFactory());
            workerGroup = new MultiThreadIoEventLoopGroup(config.ioThreads(), new DefaultThreadFactory("quiver-wire-io"), NioIoHandler.newFactory());
            commandExecutor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("quiver-command-", 0).factory());
            channels = new DefaultChannelGroup("quiver-wire", GlobalEventExecutor.INSTANCE);
            context = new ServerContext(handler, credentials, commandExecutor, config.serverVersion(), config.characterSet(), config.maxConnections(),
                    config.connectTimeoutMillis(), config.maxAllowedPacket());
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(bossGroup, workerGroup)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.SO_KEEPALIVE, true)
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                            new WriteBufferWaterMark(config.writeBufferLowWaterMark(), config.writeBufferHighWaterMark()))
                    .childHandler(new ChannelInitializer<SocketChannel>()
                    {
                        @Override
                        protected void initChannel(SocketChannel channel)
                        {
                            channels.add(channel);
                            channel.pipeline()
                                    .addLast("frameDecoder", new PacketFrameDecoder(config.maxAllowedPacket()))
                                    .addLast("packetEncoder", PacketEncoder.INSTANCE)
                                    .addLast("connection", new ConnectionHandler(context));
                        }
                    });
            ChannelFuture bind = bootstrap.bind(config.bindAddress(), config.port()).awaitUninterruptibly();
            if (!bind.isSuccess()) {
                Throwable cause = bind.cause();
                shutdownResources();
                closed = true;
                BindException exception = new BindException("Cannot listen on " + config.bindAddress() + ":" + config.port() + ": " + cause.getMessage());
                exception.initCause(cause);
                throw new UncheckedIOException(exception.getMessage(), exception);
            }
            serverChannel = bind.channel();
            log.info("Listening for MySQL clients on {}", serverChannel.localAddress());
        }
    }

    /** The bound address (with the real port when {@link WireConfig#port()} was 0). */
    public InetSocketAddress localAddress()
    {
        synchronized (lifecycleLock) {
            if (serverChannel == null) {
                throw new IllegalStateException("MySqlServer is not started");
            }
            return (InetSocketAddress) serverChannel.localAddress();
        }
    }

    /**
     * Stops accepting, closes every connection (running commands finish or fail on the closed channel),
     * releases the handler's sessions and shuts the event loops down.
     */
    @Override
    public void close()
    {
        synchronized (lifecycleLock) {
            if (closed) {
                return;
            }
            closed = true;
            if (!started) {
                return;
            }
            serverChannel.close().awaitUninterruptibly();
            channels.close().awaitUninterruptibly();
            awaitConnectionsReleased();
            shutdownResources();
        }
    }

    /** Lets every connection's command thread finish its running command and release its session. */
    private void awaitConnectionsReleased()
    {
        try {
            if (!context.awaitConnectionsReleased(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("Connections still busy after {} s; shutting down anyway", SHUTDOWN_TIMEOUT_SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private void shutdownResources()
    {
        if (commandExecutor != null) {
            commandExecutor.shutdown();
            try {
                if (!commandExecutor.awaitTermination(SHUTDOWN_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    log.warn("Commands still running after {} s; interrupting them", SHUTDOWN_TIMEOUT_SECONDS);
                    commandExecutor.shutdownNow();
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                commandExecutor.shutdownNow();
            }
        }
        bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
