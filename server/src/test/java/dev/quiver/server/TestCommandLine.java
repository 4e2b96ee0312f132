package dev.quiver.server;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestCommandLine
{
    @Test
    void testDefaults()
            throws Exception
    {
        ServerConfig config = CommandLine.parse(List.of(), Map.of());
        assertThat(config.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(2881);
        assertThat(config.dataDirectory()).isEqualTo(Path.of("data"));
        assertThat(config.rootPassword()).isEmpty();
        assertThat(config.serverVersion()).contains("seekdb-v1.4.0.0");
    }

    @Test
    void testBothOptionSpellings()
            throws Exception
    {
        ServerConfig config = CommandLine.parse(List.of("--port", "3307", "--bind=0.0.0.0", "--data-dir", "/tmp/q", "--root-password=pw"), Map.of());
        assertThat(config.port()).isEqualTo(3307);
        assertThat(config.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(config.dataDirectory()).isEqualTo(Path.of("/tmp/q"));
        assertThat(config.rootPassword()).isEqualTo(Optional.of("pw"));
    }

    @Test
    void testPasswordFromEnvironmentAndFlagWins()
            throws Exception
    {
        assertThat(CommandLine.parse(List.of(), Map.of("QUIVER_ROOT_PASSWORD", "env")).rootPassword()).contains("env");
        assertThat(CommandLine.parse(List.of("--root-password", "flag"), Map.of("QUIVER_ROOT_PASSWORD", "env")).rootPassword()).contains("flag");
    }

    @Test
    void testBadArguments()
    {
        assertThatThrownBy(() -> CommandLine.parse(List.of("--port", "70000"), Map.of())).hasMessageContaining("out of range");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--port", "x"), Map.of())).hasMessageContaining("not a number");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--port"), Map.of())).hasMessageContaining("missing value");
        assertThatThrownBy(() -> CommandLine.parse(List.of("--colour", "red"), Map.of())).hasMessageContaining("unknown option");
        assertThatThrownBy(() -> CommandLine.parse(List.of("stray"), Map.of())).hasMessageContaining("unexpected argument");
    }
}
