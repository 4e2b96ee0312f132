package dev.quiver.wire.connection;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.wire.auth.AuthenticationExchange;
import dev.quiver.wire.auth.AuthenticationExchange.Step;
import dev.quiver.wire.auth.Scramble;
import dev.quiver.wire.codec.InboundMessage;
import dev.quiver.wire.codec.InboundMessage.InboundPacket;
import dev.quiver.wire.codec.InboundMessage.PacketTooLarge;
import dev.quiver.wire.codec.PacketReader;
import dev.quiver.wire.command.Command;
import dev.quiver.wire.command.CommandDecoder;
import dev.quiver.wire.packet.CapabilityFlags;
import dev.quiver.wire.packet.ErrPacket;
import dev.quiver.wire.packet.HandshakeResponse41Packet;
import dev.quiver.wire.packet.HandshakeV10Packet;
import dev.quiver.wire.packet.OkPacket;
import dev.quiver.wire.packet.ServerPacket;
import dev.quiver.wire.spi.ConnectionInfo;
import dev.quiver.wire.spi.HandlerSession;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.quiver.wire.auth.AuthenticationPlugin.CACHING_SHA2_PASSWORD;
import static java.util.Objects.requireNonNull;

/**
 * One client connection, seen from its command thread: the connection phase (handshake, authentication,
 * CONNECT_WITH_DB) and then command dispatch. Packets arrive here strictly in order and one at a time.
 * This is the one place where a failure becomes an ERR packet: a {@link QuiverException} as itself, any
 * other throwable logged once and sent as {@link ErrorCode#ER_INTERNAL_ERROR}.
 */
final class Connection
{
    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    private final ServerContext server;
    private final Channel channel;
    private final PacketOutput output;
    private final long connectionId;
    private final byte[] scramble = Scramble.generate();
    private final String clientHost;
    private final AuthenticationExchange authentication;
    private volatile ConnectionState state = ConnectionState.HANDSHAKE;
    private HandshakeResponse41Packet handshakeResponse;
    private int capabilities;
    private CommandDispatcher dispatcher;
    /** A command of this connection is being processed (set and cleared on the command thread). */
    private volatile boolean busy;
    /** KILL CONNECTION reached this connection (from any session's thread). */
    private volatile boolean killed;

    Connection(ServerContext server, Channel channel, PacketOutput output, String clientHost)
    {
        this.server = requireNonNull(server, "server is null");
        this.channel = requireNonNull(channel, "channel is null");
        this.output = requireNonNull(output, "output is null");
        this.clientHost = requireNonNull(clientHost, "clientHost is null");
        this.connectionId = server.nextConnectionId();
        this.authentication = new AuthenticationExchange(server.credentials(), clientHost, scramble, Scramble::generate);
    }

    HandshakeV10Packet greeting()
    {
        return new HandshakeV10Packet(server.serverVersion(), connectionId, scramble, CapabilityFlags.SERVER_CAPABILITIES,
                server.characterSet(), ResultWriter.statusFlags(null), CACHING_SHA2_PASSWORD);
    }

    /** Whether the client got past authentication (readable from any thread). */
    boolean isAuthenticated()
    {
        return state == ConnectionState.COMMAND;
    }

    /** Handles one message and returns the future of its last response write. Releases the message. */
    ChannelFuture process(InboundMessage message)
    {
        busy = true;
        try {
            switch (message) {
                case PacketTooLarge tooLarge -> {
                    output.startExchange(tooLarge.sequenceId());
                    refuse(new QuiverException(ErrorCode.ER_NET_PACKET_TOO_LARGE));
                }
                case InboundPacket packet -> {
                    output.startExchange(packet.sequenceId());
                    process(new PacketReader(packet.payload()));
                }
            }
            ChannelFuture written = output.flush();
            busy = false;
            if (killed) {
                // killed while this command ran (possibly by itself): its response goes out, then the connection ends
                state = ConnectionState.CLOSED;
                written.addListener(ChannelFutureListener.CLOSE);
            }
            return written;
        }
        catch (ConnectionClosedException ex) {
            state = ConnectionState.CLOSED;
            output.discard();
            return channel.newSucceededFuture();
        }
        finally {
            busy = false;
            InboundMessage.release(message);
        }
    }

    /**
     * KILL CONNECTION of this connection's session, from any thread. An idle connection closes at once; a busy one
     * after its running command's response ({@link #process} checks the flag). Writing {@code killed} before reading
     * {@code busy} here, and {@code busy} before {@code killed} there, means at least one side closes.
     */
    private void kill()
    {
        killed = true;
        if (!busy) {
            channel.close();
        }
    }

    /** The idle timeout of the session in milliseconds (its wait_timeout), or 0 before login or when unlimited. */
    long idleTimeoutMillis()
    {
        CommandDispatcher current = dispatcher;
        if (current == null || state != ConnectionState.COMMAND) {
            return 0;
        }
        long seconds = current.session().idleTimeoutSeconds();
        return seconds <= 0 ? 0 : Math.multiplyExact(Math.min(seconds, 31_536_000L), 1000L);
    }

    private void process(PacketReader reader)
    {
        switch (state) {
            case HANDSHAKE -> onHandshakeResponse(reader);
            case AUTHENTICATION -> onAuthSwitchResponse(reader);
            case COMMAND -> onCommand(reader);
            case CLOSED -> {}
        }
    }

    private void onHandshakeResponse(PacketReader reader)
    {
        try {
            handshakeResponse = HandshakeResponse41Packet.decode(reader);
            capabilities = handshakeResponse.capabilities() & CapabilityFlags.SERVER_CAPABILITIES;
            Step step = authentication.onHandshakeResponse(handshakeResponse.user(), handshakeResponse.authPluginName(), handshakeResponse.authResponse());
            onStep(step);
        }
        catch (ConnectionClosedException ex) {
            throw ex;
        }
        catch (Throwable ex) {
            refuse(ex);
        }
    }

    private void onAuthSwitchResponse(PacketReader reader)
    {
        try {
            onStep(authentication.onAuthSwitchResponse(reader.readRestOfPacketBytes()));
        }
        catch (ConnectionClosedException ex) {
            throw ex;
        }
        catch (Throwable ex) {
            refuse(ex);
        }
    }

    private void onStep(Step step)
    {
        switch (step) {
            case Step.SwitchPlugin switchPlugin -> {
                state = ConnectionState.AUTHENTICATION;
                output.write(switchPlugin.request());
            }
            case Step.Failure failure -> refuse(failure.error());
            case Step.Success success -> {
                for (ServerPacket each : success.beforeOk()) {
                    output.write(each);
                }
                openSession(success);
            }
        }
    }

    private void openSession(Step.Success success)
    {
        ConnectionInfo info = new ConnectionInfo(connectionId, success.user(), clientHost, success.account().user(), success.account().host(),
                CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_FOUND_ROWS),
                CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_MULTI_STATEMENTS),
                CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_INTERACTIVE));
        HandlerSession session = server.handler().openSession(info);
        session.onKill(this::kill);
        dispatcher = new CommandDispatcher(server, session, output, CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_DEPRECATE_EOF));
        if (handshakeResponse.database().isPresent()) {
            server.handler().initDatabase(session, handshakeResponse.database().get());
        }
        handshakeResponse = null;
        state = ConnectionState.COMMAND;
        output.write(OkPacket.ok(0, 0, ResultWriter.statusFlags(session), 0, null));
    }

    private void onCommand(PacketReader reader)
    {
        Command command;
        try {
            command = CommandDecoder.decode(reader);
        }
        catch (QuiverException ex) {
            output.write(errorPacket(ex));
            return;
        }
        ResultWriter sink = dispatcher.newResultWriter(command);
        try {
            if (dispatcher.dispatch(command, sink) == CommandDispatcher.Outcome.CLOSE) {
                state = ConnectionState.CLOSED;
                output.flush().addListener(ChannelFutureListener.CLOSE);
            }
        }
        catch (ConnectionClosedException ex) {
            throw ex;
        }
        catch (Throwable ex) {
            sink.fail(errorPacket(ex));
        }
    }

    /** Sends the error, then closes the connection. */
    private void refuse(Throwable error)
    {
        state = ConnectionState.CLOSED;
        output.write(errorPacket(error));
        output.flush().addListener(ChannelFutureListener.CLOSE);
    }

    /** The one place where a failure becomes an ERR packet. */
    private ErrPacket errorPacket(Throwable error)
    {
        if (error instanceof QuiverException quiverException) {
            log.debug("Connection {}: {}", connectionId, quiverException.getMessage());
            return ErrPacket.of(quiverException);
        }
        log.error("Connection {}: internal error", connectionId, error);
        return ErrPacket.of(new QuiverException(ErrorCode.ER_INTERNAL_ERROR, String.valueOf(error)));
    }

    /** The channel is gone: release the handler's session. Runs after the last command finished. */
    void close()
    {
        state = ConnectionState.CLOSED;
        if (dispatcher == null) {
            return;
        }
        CommandDispatcher closing = dispatcher;
        dispatcher = null;
        try {
            closing.closeAllStatements();
        }
        finally {
            server.handler().closeSession(closing.session());
        }
    }
}
