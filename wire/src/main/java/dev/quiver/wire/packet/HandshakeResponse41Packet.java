package dev.quiver.wire.packet;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.wire.codec.PacketReader;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The client's answer to the greeting, parsed with the client's own capability flags (mysql2 sends its
 * fixed set whatever the server offered).
 *
 * @param capabilities the client's flags, as sent
 * @param database the CONNECT_WITH_DB database, if sent and non-empty
 * @param authPluginName the client's plugin, or empty when it sent none (treated as mysql_native_password)
 * @see <a href="https://dev.mysql.com/doc/dev/mysql-server/latest/page_protocol_connection_phase_packets_protocol_handshake_response.html">Protocol::HandshakeResponse41</a>
 */
public record HandshakeResponse41Packet(
        int capabilities,
        long maxPacketSize,
        int characterSet,
        String user,
        byte[] authResponse,
        Optional<String> database,
        String authPluginName,
        Map<String, String> connectAttributes)
{
    public HandshakeResponse41Packet
    {
        requireNonNull(user, "user is null");
        authResponse = requireNonNull(authResponse, "authResponse is null").clone();
        requireNonNull(database, "database is null");
        requireNonNull(authPluginName, "authPluginName is null");
        connectAttributes = Collections.unmodifiableMap(new LinkedHashMap<>(connectAttributes));
    }

    @Override
    public byte[] authResponse()
    {
        return authResponse.clone();
    }

    /**
     * Parses the response. An SSLRequest (only 32 bytes) or a pre-4.1 response is rejected, since we offer
     * neither TLS nor the old protocol.
     */
    public static HandshakeResponse41Packet decode(PacketReader reader)
    {
        int capabilities = (int) reader.readFixedInt4();
        if (!CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_PROTOCOL_41)) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_AUTH_MODE);
        }
        long maxPacketSize = reader.readFixedInt4();
        int characterSet = reader.readFixedInt1();
        reader.skipBytes(23);
        if (!reader.isReadable()) {
            throw new QuiverException(ErrorCode.ER_HANDSHAKE_ERROR);
        }
        String user = reader.readNullTerminatedString();
        byte[] authResponse = readAuthResponse(reader, capabilities);
        Optional<String> database = Optional.empty();
        if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_CONNECT_WITH_DB) && reader.isReadable()) {
            database = Optional.of(reader.readNullTerminatedString()).filter(name -> !name.isEmpty());
        }
        String plugin = "";
        if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_PLUGIN_AUTH) && reader.isReadable()) {
            plugin = reader.readNullTerminatedString();
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_CONNECT_ATTRS) && reader.isReadable()) {
            readConnectAttributes(reader, attributes);
        }
        return new HandshakeResponse41Packet(capabilities, maxPacketSize, characterSet, user, authResponse, database, plugin, attributes);
    }

    private static byte[] readAuthResponse(PacketReader reader, int capabilities)
    {
        if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA)) {
            return reader.readLengthEncodedBytes();
        }
        if (CapabilityFlags.has(capabilities, CapabilityFlags.CLIENT_SECURE_CONNECTION)) {
            return reader.readFixedBytes(reader.readFixedInt1());
        }
        return reader.readNullTerminatedBytes();
    }

    private static void readConnectAttributes(PacketReader reader, Map<String, String> attributes)
    {
        long length = reader.readLengthEncodedInteger();
        if (length < 0 || length > reader.readableBytes()) {
            throw new QuiverException(ErrorCode.ER_MALFORMED_PACKET);
        }
        int end = reader.readableBytes() - (int) length;
        while (reader.readableBytes() > end) {
            String key = reader.readLengthEncodedString();
            String value = reader.readLengthEncodedString();
            attributes.put(key, value);
        }
        if (reader.readableBytes() != end) {
            throw new QuiverException(ErrorCode.ER_MALFORMED_PACKET);
        }
    }
}
