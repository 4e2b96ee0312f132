package dev.quiver.wire.connection;

import dev.quiver.wire.auth.CachingSha2PasswordPlugin;
import dev.quiver.wire.auth.NativePasswordPlugin;
import dev.quiver.wire.codec.PacketEncoder;
import dev.quiver.wire.codec.PacketFrameDecoder;
import dev.quiver.wire.packet.CapabilityFlags;
import dev.quiver.wire.spi.CredentialStore;
import dev.quiver.wire.spi.QueryHandler;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A client speaking raw packets to a {@link ConnectionHandler} pipeline in an {@link EmbeddedChannel}.
 * Commands run synchronously on the test thread (the command executor is {@code Runnable::run}).
 */
final class TestingClient
        implements AutoCloseable
{
    static final int BASE_CAPABILITIES = CapabilityFlags.CLIENT_LONG_PASSWORD | CapabilityFlags.CLIENT_LONG_FLAG
            | CapabilityFlags.CLIENT_PROTOCOL_41 | CapabilityFlags.CLIENT_TRANSACTIONS | CapabilityFlags.CLIENT_SECURE_CONNECTION
            | CapabilityFlags.CLIENT_MULTI_RESULTS | CapabilityFlags.CLIENT_PS_MULTI_RESULTS | CapabilityFlags.CLIENT_PLUGIN_AUTH
            | CapabilityFlags.CLIENT_CONNECT_ATTRS | CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA;

    /** One packet as received. */
    record Packet(int sequenceId, byte[] payload)
    {
        int first()
        {
            return payload[0] & 0xFF;
        }

        boolean isOk()
        {
            return payload.length >= 7 && first() == 0x00;
        }

        boolean isErr()
        {
            return first() == 0xFF;
        }

        boolean isEof()
        {
            return first() == 0xFE && payload.length < 9;
        }

        int errorCode()
        {
            assertThat(isErr()).as("ERR packet expected: %s", this).isTrue();
            return (payload[1] & 0xFF) | (payload[2] & 0xFF) << 8;
        }

        String errorMessage()
        {
            return new String(payload, 9, payload.length - 9, StandardCharsets.UTF_8);
        }

        /** Status flags of an OK (with one-byte lenenc counts) or EOF packet. */
        int statusFlags()
        {
            if (isEof() && payload.length == 5) {
                return (payload[3] & 0xFF) | (payload[4] & 0xFF) << 8;
            }
            return (payload[3] & 0xFF) | (payload[4] & 0xFF) << 8;
        }

        int warnings()
        {
            if (isEof() && payload.length == 5) {
                return (payload[1] & 0xFF) | (payload[2] & 0xFF) << 8;
            }
            return (payload[5] & 0xFF) | (payload[6] & 0xFF) << 8;
        }

        String text()
        {
            return new String(payload, StandardCharsets.UTF_8);
        }

        @Override
        public String toString()
        {
            return "Packet(" + sequenceId + ", " + ByteBufUtil.hexDump(payload) + ")";
        }
    }

    final EmbeddedChannel channel;
    private final ByteBuf received = Unpooled.buffer();
    private byte[] scramble;
    private Packet greeting;

    TestingClient(ServerContext server, long maxAllowedPacket)
    {
        channel = new EmbeddedChannel(new PacketFrameDecoder(maxAllowedPacket), PacketEncoder.INSTANCE, new ConnectionHandler(server));
    }

    static ServerContext server(QueryHandler handler, CredentialStore credentials, int maxConnections)
    {
        return new ServerContext(handler, credentials, Runnable::run, "8.0.36-seekdb-v1.4.0.0", 45, maxConnections);
    }

    Packet greeting()
    {
        if (greeting == null) {
            greeting = read();
            byte[] payload = greeting.payload();
            int versionEnd = indexOf(payload, 1, (byte) 0);
            int part1 = versionEnd + 1 + 4;
            scramble = new byte[20];
            System.arraycopy(payload, part1, scramble, 0, 8);
            System.arraycopy(payload, part1 + 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10, scramble, 8, 12);
        }
        return greeting;
    }

    byte[] scramble()
    {
        greeting();
        return scramble.clone();
    }

    void send(int sequenceId, byte[] payload)
    {
        byte[] frame = new byte[payload.length + 4];
        frame[0] = (byte) payload.length;
        frame[1] = (byte) (payload.length >>> 8);
        frame[2] = (byte) (payload.length >>> 16);
        frame[3] = (byte) sequenceId;
        System.arraycopy(payload, 0, frame, 4, payload.length);
        channel.writeInbound(Unpooled.wrappedBuffer(frame));
        channel.runPendingTasks();
    }

    void sendRaw(byte[] bytes)
    {
        channel.writeInbound(Unpooled.wrappedBuffer(bytes));
        channel.runPendingTasks();
    }

    void command(int command, byte[] arguments)
    {
        byte[] payload = new byte[arguments.length + 1];
        payload[0] = (byte) command;
        System.arraycopy(arguments, 0, payload, 1, arguments.length);
        send(0, payload);
    }

    void query(String sql)
    {
        command(0x03, sql.getBytes(StandardCharsets.UTF_8));
    }

    /** The next packet; fails if none was sent. */
    Packet read()
    {
        Packet result = poll();
        assertThat(result).as("a packet from the server").isNotNull();
        return result;
    }

    Packet poll()
    {
        channel.runPendingTasks();
        for (ByteBuf each = channel.readOutbound(); each != null; each = channel.readOutbound()) {
            received.writeBytes(each);
            each.release();
        }
        if (received.readableBytes() < 4) {
            return null;
        }
        int length = received.getUnsignedMediumLE(received.readerIndex());
        if (received.readableBytes() < 4 + length) {
            return null;
        }
        int sequenceId = received.getUnsignedByte(received.readerIndex() + 3);
        received.skipBytes(4);
        byte[] payload = new byte[length];
        received.readBytes(payload);
        return new Packet(sequenceId, payload);
    }

    List<Packet> readAll()
    {
        List<Packet> result = new ArrayList<>();
        for (Packet each = poll(); each != null; each = poll()) {
            result.add(each);
        }
        return result;
    }

    /** Sends HandshakeResponse41 and returns nothing; read the server's answer. */
    void handshakeResponse(int capabilities, String user, byte[] authResponse, String database, String plugin)
    {
        greeting();
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        int caps = capabilities | (database != null ? CapabilityFlags.CLIENT_CONNECT_WITH_DB : 0);
        writeInt4(payload, caps);
        writeInt4(payload, 16 * 1024 * 1024);
        payload.write(45);
        payload.writeBytes(new byte[23]);
        payload.writeBytes(user.getBytes(StandardCharsets.UTF_8));
        payload.write(0);
        if ((caps & CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA) != 0) {
            payload.write(authResponse.length);
        }
        else {
            payload.write(authResponse.length);
        }
        payload.writeBytes(authResponse);
        if (database != null) {
            payload.writeBytes(database.getBytes(StandardCharsets.UTF_8));
            payload.write(0);
        }
        if ((caps & CapabilityFlags.CLIENT_PLUGIN_AUTH) != 0) {
            payload.writeBytes(plugin.getBytes(StandardCharsets.UTF_8));
            payload.write(0);
        }
        if ((caps & CapabilityFlags.CLIENT_CONNECT_ATTRS) != 0) {
            byte[] attributes = {4, '_', 'o', 's', 'x', 1, 'y'};
            payload.write(attributes.length);
            payload.writeBytes(attributes);
        }
        send(1, payload.toByteArray());
    }

    static byte[] sha2Response(String password, byte[] scramble)
    {
        return password.isEmpty() ? new byte[0] : CachingSha2PasswordPlugin.scramblePassword(password.getBytes(StandardCharsets.UTF_8), scramble);
    }

    static byte[] nativeResponse(String password, byte[] scramble)
    {
        return password.isEmpty() ? new byte[0] : NativePasswordPlugin.scramblePassword(password.getBytes(StandardCharsets.UTF_8), scramble);
    }

    /** Logs in as root (empty password) with the given extra capabilities; asserts the OK. */
    TestingClient login(int extraCapabilities)
    {
        handshakeResponse(BASE_CAPABILITIES | extraCapabilities, "root", new byte[0], null, "caching_sha2_password");
        Packet ok = read();
        assertThat(ok.isOk()).as("login OK: %s", ok).isTrue();
        assertThat(ok.sequenceId()).isEqualTo(2);
        return this;
    }

    private static void writeInt4(ByteArrayOutputStream out, int value)
    {
        out.write(value);
        out.write(value >>> 8);
        out.write(value >>> 16);
        out.write(value >>> 24);
    }

    private static int indexOf(byte[] bytes, int from, byte value)
    {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == value) {
                return i;
            }
        }
        return -1;
    }

    static byte[] bytes(int... values)
    {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    static byte[] concat(byte[]... parts)
    {
        ByteArrayOutputStream result = new ByteArrayOutputStream();
        Arrays.stream(parts).forEach(result::writeBytes);
        return result.toByteArray();
    }

    @Override
    public void close()
    {
        List<Packet> unread = readAll();
        received.release();
        channel.close();
        channel.runPendingTasks();
        assertThat(unread).as("unread packets").isEmpty();
        assertFalse(channel.finish());
    }
}
