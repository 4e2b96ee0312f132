package dev.quiver.it.client;

import dev.quiver.it.testing.ExternalClients;
import dev.quiver.it.testing.ProcessResult;
import dev.quiver.it.testing.TestingServer;
import org.junit.jupiter.api.Test;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the README's Java and JavaScript collection examples, exactly as printed there (only the port is
 * changed to the test server's), and compares their output with the README's "It prints:" blocks.
 */
class TestReadmeExamples
{
    @Test
    void testJavaExampleCompiles()
            throws IOException
    {
        Example example = Example.fromReadme("java");
        Path folder = Files.createTempDirectory("quiver-readme-");
        try {
            Path source = folder.resolve("QuickStart.java");
            Files.writeString(source, example.code());
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int status = compiler.run(null, null, errors, "-d", folder.toString(), "-cp", System.getProperty("java.class.path"), source.toString());
            assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(status).isZero();
        }
        finally {
            TestingServer.deleteRecursively(folder);
        }
    }

    @Test
    void testJavaExampleRuns()
            throws IOException
    {
        Example example = Example.fromReadme("java");
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Path folder = Files.createTempDirectory("quiver-readme-");
        try (TestingServer server = TestingServer.start()) {
            Path source = folder.resolve("QuickStart.java");
            Files.writeString(source, example.withPort(server.port()));
            ProcessResult result = ProcessResult.run(List.of(java.toString(), "-cp", System.getProperty("java.class.path"), source.toString()),
                    folder, new byte[0], Duration.ofMinutes(2));
            assertThat(result.standardError()).isEmpty();
            assertThat(result.exitCode()).isZero();
            assertThat(result.standardOutput()).isEqualTo(example.output());
        }
        finally {
            TestingServer.deleteRecursively(folder);
        }
    }

    @Test
    void testJavaScriptExampleRuns()
            throws IOException
    {
        Example example = Example.fromReadme("js");
        Path node = ExternalClients.require("node", "install Node.js 20 or newer");
        Path folder = ExternalClients.projectRoot().resolve("it/src/test/node");
        if (!Files.isDirectory(folder.resolve("node_modules/seekdb"))) {
            ExternalClients.missing("Node package seekdb is not installed (run: npm ci --legacy-peer-deps --prefix it/src/test/node)");
        }
        // written beside node_modules so that `import 'seekdb'` resolves; ignored by git
        Path script = folder.resolve("readme-example.generated.mjs");
        try (TestingServer server = TestingServer.start()) {
            Files.writeString(script, example.withPort(server.port()));
            ProcessResult result = ProcessResult.run(List.of(node.toString(), script.getFileName().toString()), folder, new byte[0], Duration.ofMinutes(2));
            assertThat(result.standardError()).isEmpty();
            assertThat(result.exitCode()).isZero();
            assertThat(result.standardOutput()).isEqualTo(example.output());
        }
        finally {
            Files.deleteIfExists(script);
        }
    }

    /**
     * A README example: the code block after {@code <!-- example: <language> ... -->} and the block after
     * the next "It prints:".
     */
    record Example(String code, String output)
    {
        static Example fromReadme(String language)
        {
            String readme = readme();
            int marker = readme.indexOf("<!-- example: " + language + " ");
            assertThat(marker).as("README marker for the %s example", language).isNotNegative();
            String code = block(readme, readme.indexOf("```" + language + "\n", marker));
            String output = block(readme, readme.indexOf("```\n", readme.indexOf("It prints:", marker)));
            return new Example(code, output);
        }

        /** The code connecting to {@code port} instead of the README's 2881 (which must appear exactly once). */
        String withPort(int port)
        {
            String java = ".port(2881)";
            String js = "port: 2881";
            String pattern = code.contains(java) ? java : js;
            assertThat(code.split(java.equals(pattern) ? "\\.port\\(2881\\)" : "port: 2881", -1)).as("occurrences of %s", pattern).hasSize(2);
            return code.replace(pattern, pattern.replace("2881", String.valueOf(port)));
        }

        private static String block(String text, int fenceStart)
        {
            assertThat(fenceStart).as("code fence").isNotNegative();
            int start = text.indexOf('\n', fenceStart) + 1;
            int end = text.indexOf("```", start);
            return text.substring(start, end);
        }

        private static String readme()
        {
            try {
                return Files.readString(ExternalClients.projectRoot().resolve("README.md"));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
