package dev.quiver.wire.auth;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.wire.packet.AuthMoreDataPacket;
import dev.quiver.wire.packet.AuthSwitchRequestPacket;
import dev.quiver.wire.packet.ServerPacket;
import dev.quiver.wire.spi.CredentialStore;
import dev.quiver.wire.spi.StoredCredential;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * The authentication part of the connection phase, as a small state machine without I/O: feed it the
 * client's HandshakeResponse41 and, after a switch, the client's raw auth response; it answers with the
 * next {@link Step}. The account's plugin decides: a client that answered with another plugin (or none we
 * know) gets an AuthSwitchRequest. Both plugins verify against the stored hashes, so caching_sha2_password
 * always takes the fast path ({@code 0x01 0x03} before OK).
 */
public final class AuthenticationExchange
{
    private final CredentialStore credentials;
    private final Supplier<byte[]> scrambles;
    private final String clientHost;
    private byte[] scramble;
    private String user;
    private Optional<StoredCredential> account = Optional.empty();
    private AuthenticationPlugin switchedTo;

    public AuthenticationExchange(CredentialStore credentials, String clientHost, byte[] scramble, Supplier<byte[]> scrambles)
    {
        this.credentials = requireNonNull(credentials, "credentials is null");
        this.clientHost = requireNonNull(clientHost, "clientHost is null");
        this.scramble = requireNonNull(scramble, "scramble is null").clone();
        this.scrambles = requireNonNull(scrambles, "scrambles is null");
    }

    /** What happens next in the exchange. */
    public sealed interface Step
    {
        /** Send the packet and wait for the client's raw response, then call {@link #onAuthSwitchResponse}. */
        record SwitchPlugin(AuthSwitchRequestPacket request)
                implements Step {}

        /** Authenticated: send {@code beforeOk} (possibly nothing), then the OK (or a database error). */
        record Success(StoredCredential account, String user, List<ServerPacket> beforeOk)
                implements Step
        {
            public Success
            {
                beforeOk = List.copyOf(beforeOk);
            }
        }

        /** Refused: send the error and close. */
        record Failure(QuiverException error)
                implements Step {}
    }

    /** A login name {@code user@tenant} (what OceanBase and seekdb clients send) names the account {@code user}. */
    public static String accountUser(String loginName)
    {
        int at = loginName.lastIndexOf('@');
        return at > 0 ? loginName.substring(0, at) : loginName;
    }

    public Step onHandshakeResponse(String loginName, String clientPluginName, byte[] response)
    {
        user = accountUser(loginName);
        account = credentials.find(user, clientHost);
        if (account.isEmpty()) {
            return denied(response);
        }
        StoredCredential credential = account.get();
        if (credential.hasEmptyPassword() && isEmpty(response)) {
            return success(null);
        }
        AuthenticationPlugin target = accountPlugin(credential);
        String clientPlugin = clientPluginName.isEmpty() ? AuthenticationPlugin.MYSQL_NATIVE_PASSWORD : clientPluginName;
        if (!target.name().equals(clientPlugin)) {
            switchedTo = target;
            scramble = scrambles.get();
            return new Step.SwitchPlugin(new AuthSwitchRequestPacket(target.name(), scramble));
        }
        return verify(target, response);
    }

    public Step onAuthSwitchResponse(byte[] response)
    {
        if (switchedTo == null || account.isEmpty()) {
            throw new IllegalStateException("no authentication switch in progress");
        }
        if (account.get().hasEmptyPassword() && isEmpty(response)) {
            return success(switchedTo);
        }
        return verify(switchedTo, response);
    }

    private Step verify(AuthenticationPlugin plugin, byte[] response)
    {
        byte[] storedHash = plugin.storedHash(account.orElseThrow());
        if (isEmpty(response) || !plugin.verify(scramble, response, storedHash)) {
            return denied(response);
        }
        return success(plugin);
    }

    private Step success(AuthenticationPlugin plugin)
    {
        List<ServerPacket> beforeOk = plugin == CachingSha2PasswordPlugin.INSTANCE
                ? List.of(new AuthMoreDataPacket(new byte[] {AuthMoreDataPacket.FAST_AUTH_SUCCESS}))
                : List.of();
        return new Step.Success(account.orElseThrow(), user, beforeOk);
    }

    private Step denied(byte[] response)
    {
        return new Step.Failure(new QuiverException(ErrorCode.ER_ACCESS_DENIED_ERROR, user, clientHost, isEmpty(response) ? "NO" : "YES"));
    }

    private static AuthenticationPlugin accountPlugin(StoredCredential credential)
    {
        return AuthenticationPlugin.byName(credential.plugin())
                .orElse(credential.sha2Hash().length > 0 ? CachingSha2PasswordPlugin.INSTANCE : NativePasswordPlugin.INSTANCE);
    }

    /** Clients send an empty response, or a single NUL, for an empty password. */
    private static boolean isEmpty(byte[] response)
    {
        return response.length == 0 || (response.length == 1 && response[0] == 0);
    }
}
