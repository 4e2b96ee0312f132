package dev.quiver.wire.auth;

import dev.quiver.wire.auth.AuthenticationExchange.Step;
import dev.quiver.wire.packet.AuthMoreDataPacket;
import dev.quiver.wire.testing.FakeCredentialStore;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static dev.quiver.wire.auth.AuthenticationPlugin.CACHING_SHA2_PASSWORD;
import static dev.quiver.wire.auth.AuthenticationPlugin.MYSQL_NATIVE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestAuthenticationExchange
{
    private static final byte[] SCRAMBLE = "01234567890123456789".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SWITCH_SCRAMBLE = "abcdefghijabcdefghij".getBytes(StandardCharsets.US_ASCII);

    private final FakeCredentialStore credentials = new FakeCredentialStore()
            .withAccount("sha2", CACHING_SHA2_PASSWORD, "pw")
            .withAccount("native", MYSQL_NATIVE_PASSWORD, "pw")
            .withAccount("legacy", "auth_socket", "pw");

    private AuthenticationExchange exchange()
    {
        return new AuthenticationExchange(credentials, "10.0.0.1", SCRAMBLE, SWITCH_SCRAMBLE::clone);
    }

    private static byte[] bytes(String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void testKnownClientComputations()
    {
        // SHA1("pw") etc. checked through the verify path of each plugin
        byte[] nativeStored = credentials.find("native", "x").orElseThrow().nativeHash();
        assertThat(NativePasswordPlugin.INSTANCE.verify(SCRAMBLE, NativePasswordPlugin.scramblePassword(bytes("pw"), SCRAMBLE), nativeStored)).isTrue();
        assertThat(NativePasswordPlugin.INSTANCE.verify(SCRAMBLE, NativePasswordPlugin.scramblePassword(bytes("pX"), SCRAMBLE), nativeStored)).isFalse();
        byte[] sha2Stored = credentials.find("sha2", "x").orElseThrow().sha2Hash();
        assertThat(CachingSha2PasswordPlugin.INSTANCE.verify(SCRAMBLE, CachingSha2PasswordPlugin.scramblePassword(bytes("pw"), SCRAMBLE), sha2Stored)).isTrue();
        assertThat(CachingSha2PasswordPlugin.INSTANCE.verify(SCRAMBLE, new byte[31], sha2Stored)).isFalse();
        assertThat(CachingSha2PasswordPlugin.INSTANCE.verify(SCRAMBLE, new byte[32], new byte[0])).isFalse();
    }

    @Test
    void testFastPathSendsAuthMoreData()
    {
        Step step = exchange().onHandshakeResponse("sha2", CACHING_SHA2_PASSWORD, CachingSha2PasswordPlugin.scramblePassword(bytes("pw"), SCRAMBLE));
        assertThat(step).isInstanceOfSatisfying(Step.Success.class, success -> {
            assertThat(success.user()).isEqualTo("sha2");
            assertThat(success.beforeOk()).singleElement().isInstanceOfSatisfying(AuthMoreDataPacket.class,
                    packet -> assertThat(packet.data()).containsExactly(3));
        });
    }

    @Test
    void testUnknownAccountPluginFallsBackToAStoredHash()
    {
        AuthenticationExchange exchange = exchange();
        Step step = exchange.onHandshakeResponse("legacy@tenant#cluster", MYSQL_NATIVE_PASSWORD, NativePasswordPlugin.scramblePassword(bytes("pw"), SCRAMBLE));
        assertThat(step).isInstanceOf(Step.SwitchPlugin.class);
        Step switched = exchange.onAuthSwitchResponse(CachingSha2PasswordPlugin.scramblePassword(bytes("pw"), SWITCH_SCRAMBLE));
        assertThat(switched).isInstanceOfSatisfying(Step.Success.class, success -> assertThat(success.user()).isEqualTo("legacy"));
    }

    @Test
    void testDeniedMessageNamesTheMappedUserAndHost()
    {
        Step step = exchange().onHandshakeResponse("native@sys", MYSQL_NATIVE_PASSWORD, new byte[20]);
        assertThat(step).isInstanceOfSatisfying(Step.Failure.class, failure ->
                assertThat(failure.error().getMessage()).isEqualTo("Access denied for user 'native'@'10.0.0.1' (using password: YES)"));
    }

    @Test
    void testAccountUser()
    {
        assertThat(AuthenticationExchange.accountUser("root@sys")).isEqualTo("root");
        assertThat(AuthenticationExchange.accountUser("root")).isEqualTo("root");
        assertThat(AuthenticationExchange.accountUser("@x")).isEqualTo("@x");
        assertThat(AuthenticationExchange.accountUser("a@b@c")).isEqualTo("a@b");
    }

    @Test
    void testSwitchResponseWithoutSwitchIsABug()
    {
        assertThatThrownBy(() -> exchange().onAuthSwitchResponse(new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void testScrambleIsPrintableAndFresh()
    {
        byte[] first = Scramble.generate();
        assertThat(first).hasSize(20).doesNotContain((byte) 0, (byte) '$');
        assertThat(Scramble.generate()).isNotEqualTo(first);
    }
}
