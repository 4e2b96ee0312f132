package dev.quiver.sql.testing;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs every script under {@code scripts/} in-process. */
public class TestSqlScripts
{
    @TestFactory
    public Stream<DynamicTest> scripts()
    {
        assertThat(ScriptRunner.listScripts()).isNotEmpty();
        ScriptRunner runner = new ScriptRunner(InProcessTarget::new);
        return ScriptRunner.listScripts().stream().map(each -> DynamicTest.dynamicTest(each, () -> runner.run(each)));
    }
}
