package dev.quiver.it.wire;

import dev.quiver.it.testing.ExternalClients;
import dev.quiver.it.testing.ProcessResult;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** PyMySQL (Debian's python3-pymysql), a pure-Python client with client-side parameter interpolation. */
class TestPyMysql
{
    private static final Path SYSTEM_PYTHON = Path.of("/usr/bin/python3");

    @Test
    void testPyMysql()
    {
        try (TestingServer server = TestingServer.start(Optional.of("py-secret"))) {
            Path folder = ExternalClients.projectRoot().resolve("it/src/test/python");
            ProcessResult probe = ProcessResult.run(List.of(python(), "-c", "import pymysql"), folder, new byte[0], Duration.ofMinutes(1));
            if (probe.exitCode() != 0) {
                ExternalClients.missing("PyMySQL is not installed (apt-get install python3-pymysql)");
            }
            ProcessResult result = ProcessResult.run(List.of(python(), "pymysql_client.py", String.valueOf(server.port()), "py-secret"),
                    folder, new byte[0], Duration.ofMinutes(2));
            assertThat(result.standardError()).isEmpty();
            assertThat(result.exitCode()).isZero();
            assertThat(result.standardOutput().lines().toList()).containsExactly(
                    "{\"name\": \"query\", \"value\": 1}",
                    "{\"name\": \"parameters\", \"value\": [41, \"h\\u00e9llo\"]}",
                    "{\"name\": \"databases\", \"value\": [\"information_schema\", \"mysql\", \"test\"]}",
                    "{\"name\": \"big\", \"value\": true}",
                    "{\"name\": \"error\", \"value\": 1064}",
                    "{\"name\": \"ping\", \"value\": true}");
        }
    }

    /** Debian's python3 has python3-pymysql; another python3 first on PATH (pyenv) may not. */
    private static String python()
    {
        if (java.nio.file.Files.isExecutable(SYSTEM_PYTHON)) {
            return SYSTEM_PYTHON.toString();
        }
        return ExternalClients.require("python3", "apt-get install python3 python3-pymysql").toString();
    }
}
