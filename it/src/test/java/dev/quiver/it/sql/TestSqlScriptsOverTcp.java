package dev.quiver.it.sql;

import dev.quiver.it.testing.TestingServer;
import dev.quiver.sql.testing.ScriptRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The sql module's script suite again, over real TCP against a running server, with the same expectations. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestSqlScriptsOverTcp
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

    @TestFactory
    Stream<DynamicTest> scripts()
    {
        assertThat(ScriptRunner.listScripts()).isNotEmpty();
        ScriptRunner runner = new ScriptRunner(() -> new JdbcTarget(server.port()));
        return ScriptRunner.listScripts().stream().map(each -> DynamicTest.dynamicTest(each, () -> runner.run(each)));
    }
}
