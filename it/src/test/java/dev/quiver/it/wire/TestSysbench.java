package dev.quiver.it.wire;

import dev.quiver.it.testing.ExternalClients;
import dev.quiver.it.testing.ProcessResult;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sysbench's {@code oltp_point_select} (libmysqlclient / libmariadb, server-side prepared statements): prepare
 * creates {@code sbtest1} with AUTO_INCREMENT, inserts in multi-row INSERTs (without its secondary index, see below); a 10 s run
 * answers {@code SELECT c FROM sbtest1 WHERE id=?} without errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestSysbench
{
    private TestingServer server;

    @BeforeAll
    void startServer()
    {
        server = TestingServer.start();
    }

    @AfterAll
    void stopServer()
    {
        server.close();
    }

    private ProcessResult sysbench(String command, String... extra)
    {
        Path sysbench = ExternalClients.require("sysbench", "apt-get install sysbench");
        List<String> arguments = new ArrayList<>(List.of(sysbench.toString(), "oltp_point_select", "--mysql-host=127.0.0.1",
                "--mysql-port=" + server.port(), "--mysql-user=root", "--mysql-db=test", "--tables=1", "--table-size=1000"));
        arguments.addAll(List.of(extra));
        arguments.add(command);
        return ProcessResult.run(arguments, ExternalClients.projectRoot(), new byte[0], Duration.ofMinutes(2));
    }

    @Test
    void testPointSelectPrepareAndRun()
    {
        ProcessResult prepare = sysbench("prepare");
        assertThat(prepare.exitCode()).as(prepare.standardOutput() + prepare.standardError()).isZero();
        assertThat(prepare.standardOutput()).contains("Inserting 1000 records into 'sbtest1'");
        assertThat(prepare.standardOutput()).contains("Creating a secondary index on 'sbtest1'");

        ProcessResult run = sysbench("run", "--time=10");
        assertThat(run.exitCode()).as(run.standardOutput() + run.standardError()).isZero();
        assertThat(run.standardOutput()).contains("ignored errors:                      0");
        assertThat(run.standardOutput()).containsPattern("transactions: +[1-9][0-9]*");
        assertThat(run.standardError()).doesNotContain("FATAL");
    }
}
