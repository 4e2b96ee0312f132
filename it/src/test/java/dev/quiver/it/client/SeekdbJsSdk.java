package dev.quiver.it.client;

import dev.quiver.it.testing.ExternalClients;
import dev.quiver.it.testing.ProcessResult;
import dev.quiver.it.testing.TestingServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs a scenario of {@code it/src/test/node/seekdb-sdk.mjs}, the official seekdb JS SDK (npm
 * {@code seekdb} 1.4.0) driven through Node, against a server. Skips (fails in CI) when Node or the
 * package is missing.
 */
final class SeekdbJsSdk
{
    private SeekdbJsSdk() {}

    /** The scenario's output lines (one JSON object per step), logged in as root. */
    static List<String> run(TestingServer server, String scenario, String... arguments)
    {
        return runAs(server, "root", "", scenario, arguments);
    }

    /** The scenario's output lines, logged in as {@code user} (the SDK appends {@code @sys}). */
    static List<String> runAs(TestingServer server, String user, String password, String scenario, String... arguments)
    {
        Path node = ExternalClients.require("node", "install Node.js 20 or newer");
        Path env = ExternalClients.require("env", "coreutils");
        Path folder = ExternalClients.projectRoot().resolve("it/src/test/node");
        if (!Files.isDirectory(folder.resolve("node_modules/seekdb"))) {
            ExternalClients.missing("Node package seekdb is not installed (run: npm ci --legacy-peer-deps --prefix it/src/test/node)");
        }
        List<String> command = new ArrayList<>(List.of(env.toString(), "SEEKDB_USER=" + user, "SEEKDB_PASSWORD=" + password,
                node.toString(), "seekdb-sdk.mjs", String.valueOf(server.port()), scenario));
        command.addAll(List.of(arguments));
        ProcessResult result = ProcessResult.run(command, folder, new byte[0], Duration.ofMinutes(2));
        assertThat(result.standardError()).as("stderr of scenario %s", scenario).isEmpty();
        assertThat(result.exitCode()).as("exit code of scenario %s", scenario).isZero();
        return result.standardOutput().lines().toList();
    }
}
