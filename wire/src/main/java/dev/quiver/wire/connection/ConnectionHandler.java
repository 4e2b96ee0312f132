package dev.quiver.wire.connection;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.wire.codec.InboundMessage;
import dev.quiver.wire.codec.OutboundPacket;
import dev.quiver.wire.codec.PacketWriter;
import dev.quiver.wire.packet.ErrPacket;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import static java.util.Objects.requireNonNull;

/**
 * The per-channel handler on the event loop. It only admits the connection, sends the greeting and hands
 * every decoded packet to the connection's command thread, strictly in order: each packet's work is
 * chained after the previous one's on the server's command executor. Reading pauses ({@code autoRead(false)})
 * while any command is queued or running, and resumes once the last response has been written.
 */
public final class ConnectionHandler
        extends ChannelInboundHandlerAdapter
{
    private static final Logger log = LoggerFactory.getLogger(ConnectionHandler.class);

    private final ServerContext server;
    private Connection connection;
    private PacketOutput output;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private int commandsInFlight;
    private boolean admitted;
    /** Closes the connection once it has waited wait_timeout for a command; event-loop confined like the counter. */
    private ScheduledFuture<?> idleTimer;

    public ConnectionHandler(ServerContext server)
    {
        this.server = requireNonNull(server, "server is null");
    }

    @Override
    public void channelActive(ChannelHandlerContext context)
    {
        if (!server.tryOpenConnection()) {
            ByteBuf buffer = OutboundPacket.allocate(context.alloc(), 32);
            ErrPacket.of(new QuiverException(ErrorCode.ER_CON_COUNT_ERROR)).write(new PacketWriter(buffer));
            context.writeAndFlush(new OutboundPacket(0, buffer)).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        admitted = true;
        server.connectionStarted();
        output = new PacketOutput(context.channel());
        connection = new Connection(server, context.channel(), output, hostOf(context.channel().remoteAddress()));
        ByteBuf buffer = OutboundPacket.allocate(context.alloc(), 128);
        connection.greeting().write(new PacketWriter(buffer));
        context.writeAndFlush(new OutboundPacket(0, buffer));
        Connection connecting = connection;
        context.executor().schedule(() -> {
            if (!connecting.isAuthenticated() && context.channel().isActive()) {
                log.debug("Closing {}: no authentication within {} ms", context.channel().remoteAddress(), server.connectTimeoutMillis());
                context.close();
            }
        }, server.connectTimeoutMillis(), TimeUnit.MILLISECONDS);
        context.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object message)
    {
        if (!(message instanceof InboundMessage inbound) || connection == null) {
            InboundMessage.release(message);
            return;
        }
        commandsInFlight++;
        cancelIdleTimer();
        context.channel().config().setAutoRead(false);
        Connection target = connection;
        tail = tail.thenRunAsync(() -> target.process(inbound).addListener(future -> commandDone(context)), server.commandExecutor())
                .exceptionally(ex -> {
                    if (ex.getCause() instanceof RejectedExecutionException) {
                        // the task never ran, so the message is still ours
                        InboundMessage.release(inbound);
                    }
                    failed(context, ex);
                    return null;
                });
    }

    private void commandDone(ChannelHandlerContext context)
    {
        commandsInFlight--;
        if (commandsInFlight == 0 && context.channel().isActive()) {
            context.channel().config().setAutoRead(true);
            armIdleTimer(context);
        }
    }

    /**
     * Starts the wait for the next command: after the session's wait_timeout without one, the server closes the
     * connection, as MySQL and MariaDB do (quietly, as MariaDB and MySQL before 8.0.24: the unsolicited error packet
     * of later MySQL versions would arrive out of sequence for clients that do not expect it).
     */
    private void armIdleTimer(ChannelHandlerContext context)
    {
        long millis = connection.idleTimeoutMillis();
        if (millis <= 0) {
            return;
        }
        idleTimer = context.executor().schedule(() -> {
            if (commandsInFlight == 0 && context.channel().isActive()) {
                log.debug("Closing {}: no command within wait_timeout ({} ms)", context.channel().remoteAddress(), millis);
                context.close();
            }
        }, millis, TimeUnit.MILLISECONDS);
    }

    private void cancelIdleTimer()
    {
        if (idleTimer != null) {
            idleTimer.cancel(false);
            idleTimer = null;
        }
    }

    private void failed(ChannelHandlerContext context, Throwable ex)
    {
        if (!(ex.getCause() instanceof RejectedExecutionException)) {
            log.error("Connection task failed; closing the connection", ex);
        }
        context.channel().close();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context)
    {
        if (output != null) {
            output.signal();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context)
    {
        cancelIdleTimer();
        if (admitted) {
            admitted = false;
            server.connectionClosed();
            output.signal();
            Connection closing = connection;
            Runnable release = () -> {
                try {
                    closing.close();
                }
                catch (RuntimeException ex) {
                    log.warn("Closing the handler session failed", ex);
                }
                finally {
                    server.connectionReleased();
                }
            };
            tail = tail.thenRunAsync(release, server.commandExecutor()).exceptionally(ex -> {
                log.warn("Could not schedule the release of a connection; releasing it on the event loop", ex);
                release.run();
                return null;
            });
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause)
    {
        log.debug("Closing connection {} after an I/O error", context.channel().remoteAddress(), cause);
        context.close();
    }

    /**
     * The client's host as MySQL names it in USER() and in denials: {@code localhost} for a loopback address (as
     * MySQL resolves 127.0.0.1 and ::1), otherwise the IP address (as with {@code skip_name_resolve}).
     */
    static String hostOf(SocketAddress address)
    {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null && !inet.getAddress().isLoopbackAddress()) {
            return inet.getAddress().getHostAddress();
        }
        return "localhost";
    }
}
