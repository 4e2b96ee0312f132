package dev.quiver.server;

import dev.quiver.common.PasswordHash;
import dev.quiver.wire.spi.StoredCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRootAccount
{
    @TempDir
    Path temporary;

    @Test
    void testFirstStartStoresTheConfiguredPassword()
            throws Exception
    {
        try (DataDirectory directory = DataDirectory.open(temporary.resolve("data"))) {
            assertThat(directory.created()).isTrue();
            RootAccount root = RootAccount.establish(directory, Optional.of("first"));
            StoredCredential credential = root.find("root", "127.0.0.1").orElseThrow();
            assertThat(credential.host()).isEqualTo("%");
            assertThat(credential.nativeHash()).isEqualTo(PasswordHash.of("first").nativeHash());
            assertThat(credential.sha2Hash()).isEqualTo(PasswordHash.of("first").sha2Hash());
            assertThat(root.find("alice", "127.0.0.1")).isEmpty();
        }
        try (DataDirectory directory = DataDirectory.open(temporary.resolve("data"))) {
            assertThat(directory.created()).isFalse();
            // Later starts keep the stored password, with or without the same flag.
            assertThat(RootAccount.establish(directory, Optional.empty()).find("root", "h").orElseThrow().sha2Hash())
                    .isEqualTo(PasswordHash.of("first").sha2Hash());
            assertThat(RootAccount.establish(directory, Optional.of("first")).find("root", "h")).isPresent();
        }
    }

    @Test
    void testADifferentPasswordOnALaterStartIsRefused()
            throws Exception
    {
        try (DataDirectory directory = DataDirectory.open(temporary)) {
            RootAccount.establish(directory, Optional.of("first"));
            assertThatThrownBy(() -> RootAccount.establish(directory, Optional.of("second")))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("ALTER USER");
        }
    }

    @Test
    void testNonLoopbackBindNeedsAPassword()
            throws Exception
    {
        RootAccount empty = new RootAccount(PasswordHash.EMPTY);
        empty.checkBindAddress("127.0.0.1");
        empty.checkBindAddress("localhost");
        empty.checkBindAddress("::1");
        assertThatThrownBy(() -> empty.checkBindAddress("0.0.0.0"))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("--root-password")
                .hasMessageContaining("QUIVER_ROOT_PASSWORD");
        new RootAccount(PasswordHash.of("set")).checkBindAddress("0.0.0.0");
    }

    @Test
    void testTheStoredPasswordDecidesNotTheFlag()
            throws Exception
    {
        try (DataDirectory directory = DataDirectory.open(temporary)) {
            RootAccount.establish(directory, Optional.empty());
            // A flag given on a later start cannot replace the stored empty password.
            assertThatThrownBy(() -> RootAccount.establish(directory, Optional.of("late"))).isInstanceOf(StartupException.class);
            assertThatThrownBy(() -> RootAccount.establish(directory, Optional.empty()).checkBindAddress("0.0.0.0"))
                    .isInstanceOf(StartupException.class);
        }
    }

    @Test
    void testOneServerPerDataDirectory()
            throws Exception
    {
        try (DataDirectory ignored = DataDirectory.open(temporary)) {
            assertThatThrownBy(() -> DataDirectory.open(temporary))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("in use by another Quiver server");
        }
    }
}
