package dev.quiver.it.wire;

import dev.quiver.it.testing.ExternalClients;
import dev.quiver.it.testing.ProcessResult;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Node's mysql2 ({@code query} over the text protocol, {@code execute} over server-side prepared statements). */
class TestNodeMysql2
{
    @Test
    void testMysql2WithoutPassword()
    {
        try (TestingServer server = TestingServer.start()) {
            assertClientWorks(server, "");
        }
    }

    @Test
    void testMysql2WithPassword()
    {
        try (TestingServer server = TestingServer.start(Optional.of("n0de-secret"))) {
            assertClientWorks(server, "n0de-secret");
        }
    }

    private static void assertClientWorks(TestingServer server, String password)
    {
        Path node = ExternalClients.require("node", "install Node.js");
        Path folder = ExternalClients.projectRoot().resolve("it/src/test/node");
        if (!Files.isDirectory(folder.resolve("node_modules/mysql2"))) {
            ExternalClients.missing("Node package mysql2 is not installed (run: npm ci --prefix it/src/test/node)");
        }
        ProcessResult result = ProcessResult.run(List.of(node.toString(), "mysql2-client.mjs", String.valueOf(server.port()), password),
                folder, new byte[0], Duration.ofMinutes(2));
        assertThat(result.standardError()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.standardOutput().lines().toList()).containsExactly(
                "{\"name\":\"query\",\"value\":1}",
                "{\"name\":\"execute\",\"value\":[41,\"héllo\"]}",
                "{\"name\":\"databases\",\"value\":[\"information_schema\",\"mysql\",\"test\"]}",
                "{\"name\":\"database\",\"value\":\"test\"}",
                "{\"name\":\"big-query\",\"value\":true}",
                "{\"name\":\"big-execute\",\"value\":true}",
                "{\"name\":\"error\",\"value\":[1064,\"42000\"]}",
                "{\"name\":\"ping\",\"value\":true}");
    }
}
