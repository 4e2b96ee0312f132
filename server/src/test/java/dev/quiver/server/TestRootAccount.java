package dev.quiver.server;

import dev.quiver.common.PasswordHash;
import dev.quiver.sql.user.Account;
import dev.quiver.sql.user.AccountGrants;
import dev.quiver.sql.user.AccountName;
import dev.quiver.sql.user.PrivilegeModel;
import dev.quiver.sql.user.UserStore;
import dev.quiver.storage.memory.InMemoryStorageEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestRootAccount
{
    @TempDir
    Path temporary;

    private static PrivilegeModel rootWith(String password)
    {
        return new PrivilegeModel(List.of(new Account(RootAccount.ROOT, Account.CACHING_SHA2_PASSWORD, PasswordHash.of(password), AccountGrants.NONE)));
    }

    @Test
    void testFirstStartStoresTheConfiguredPasswordAsTheSeed()
            throws Exception
    {
        try (DataDirectory directory = DataDirectory.open(temporary.resolve("data"))) {
            assertThat(directory.created()).isTrue();
            assertThat(RootAccount.seed(directory, Optional.of("first"))).isEqualTo(PasswordHash.of("first"));
        }
        try (DataDirectory directory = DataDirectory.open(temporary.resolve("data"))) {
            assertThat(directory.created()).isFalse();
            // Later starts keep the stored seed, whatever the flag says.
            assertThat(RootAccount.seed(directory, Optional.empty())).isEqualTo(PasswordHash.of("first"));
            assertThat(RootAccount.seed(directory, Optional.of("other"))).isEqualTo(PasswordHash.of("first"));
        }
    }

    @Test
    void testTheSeedCreatesRootOnceAndTheGrantTablesDecideAfterwards()
    {
        UserStore users = new UserStore(new InMemoryStorageEngine());
        assertThat(users.bootstrap(PasswordHash.of("first"))).isTrue();
        Account root = users.model().account(RootAccount.ROOT).orElseThrow();
        assertThat(root.password()).isEqualTo(PasswordHash.of("first"));
        assertThat(users.model().match("root", "localhost")).contains(root);
        assertThat(users.bootstrap(PasswordHash.of("second"))).isFalse();
        assertThat(users.model().account(RootAccount.ROOT).orElseThrow().password()).isEqualTo(PasswordHash.of("first"));
    }

    @Test
    void testADifferentPasswordOnALaterStartIsRefused()
            throws Exception
    {
        RootAccount.checkConfiguredPassword(rootWith("first"), Optional.of("first"));
        RootAccount.checkConfiguredPassword(rootWith("first"), Optional.empty());
        assertThatThrownBy(() -> RootAccount.checkConfiguredPassword(rootWith("first"), Optional.of("second")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("ALTER USER");
        assertThatThrownBy(() -> RootAccount.checkConfiguredPassword(PrivilegeModel.EMPTY, Optional.of("x")))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("no longer exists");
    }

    @Test
    void testNonLoopbackBindNeedsPasswords()
            throws Exception
    {
        PrivilegeModel empty = rootWith("");
        RootAccount.checkBindAddress(empty, "127.0.0.1");
        RootAccount.checkBindAddress(empty, "localhost");
        RootAccount.checkBindAddress(empty, "::1");
        assertThatThrownBy(() -> RootAccount.checkBindAddress(empty, "0.0.0.0"))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("--root-password")
                .hasMessageContaining("QUIVER_ROOT_PASSWORD");
        RootAccount.checkBindAddress(rootWith("set"), "0.0.0.0");
        PrivilegeModel localOnly = new PrivilegeModel(List.of(
                new Account(new AccountName("root", "localhost"), Account.CACHING_SHA2_PASSWORD, PasswordHash.EMPTY, AccountGrants.NONE)));
        RootAccount.checkBindAddress(localOnly, "0.0.0.0");
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
