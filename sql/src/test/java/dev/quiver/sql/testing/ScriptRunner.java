package dev.quiver.sql.testing;

import dev.quiver.common.ErrorCode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * Runs SQL scripts with inline expectations (the H2 {@code TestScript} format, see aesthetics.md B6) against a
 * {@link ScriptTarget}:
 * <pre>
 * -- comment
 * SELECT 1 + 1 AS two;
 * &gt; two
 * &gt; ---
 * &gt; 2
 * &gt; rows: 1
 *
 * SET @a = 1;
 * &gt; ok
 *
 * SELECT * FROM t;
 * &gt; exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'SELECT from a table'
 * </pre>
 * A statement ends with a line ending in {@code ;}; one text may hold several statements (each outcome is listed).
 * With {@code -Dscripts.record=true} the runner rewrites the expectations of scripts found on disk instead of
 * comparing, so reviewers read the diff.
 */
public final class ScriptRunner
{
    public static final String SCRIPTS_ROOT = "scripts";
    private static final String EXPECTATION = ">";

    private final Supplier<ScriptTarget> targets;

    public ScriptRunner(Supplier<ScriptTarget> targets)
    {
        this.targets = requireNonNull(targets, "targets is null");
    }

    /** The classpath names ({@code scripts/session/set.sql}) of every script, from a directory or a jar. */
    public static List<String> listScripts()
    {
        URL root = ScriptRunner.class.getClassLoader().getResource(SCRIPTS_ROOT);
        if (root == null) {
            return List.of();
        }
        try {
            if (root.getProtocol().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(root.toURI(), Map.of())) {
                    return list(jar.getPath("/" + SCRIPTS_ROOT), jar.getPath("/"));
                }
                catch (FileSystemAlreadyExistsException ex) {
                    FileSystem jar = FileSystems.getFileSystem(root.toURI());
                    return list(jar.getPath("/" + SCRIPTS_ROOT), jar.getPath("/"));
                }
            }
            Path directory = Path.of(root.toURI());
            return list(directory, directory.getParent());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> list(Path directory, Path base)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(each -> each.toString().endsWith(".sql"))
                    .map(each -> base.relativize(each).toString().replace('\\', '/'))
                    .map(each -> each.startsWith("/") ? each.substring(1) : each)
                    .sorted()
                    .toList();
        }
    }

    /** Runs one classpath script; throws {@link AssertionError} listing every mismatch. */
    public void run(String resourceName)
    {
        String text;
        try (var input = requireNonNull(ScriptRunner.class.getClassLoader().getResourceAsStream(resourceName), resourceName)) {
            text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        String recorded = run(resourceName, text);
        if (Boolean.getBoolean("scripts.record")) {
            Path source = Path.of("src", "test", "resources", resourceName);
            if (Files.exists(source)) {
                try {
                    Files.writeString(source, recorded, StandardCharsets.UTF_8);
                }
                catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            }
        }
    }

    /** Runs a script text; answers the script with the actual outcomes written in (the recording). */
    public String run(String name, String script)
    {
        List<String> lines = Arrays.asList(script.split("\n", -1));
        if (script.endsWith("\n")) {
            lines = lines.subList(0, lines.size() - 1);
        }
        StringBuilder recorded = new StringBuilder();
        List<String> failures = new ArrayList<>();
        try (ScriptTarget target = targets.get()) {
            int i = 0;
            while (i < lines.size()) {
                String line = lines.get(i);
                if (line.isBlank() || line.startsWith("--") || line.startsWith(EXPECTATION)) {
                    if (!line.startsWith(EXPECTATION)) {
                        recorded.append(line).append('\n');
                    }
                    i++;
                    continue;
                }
                int statementLine = i + 1;
                StringBuilder statement = new StringBuilder();
                while (i < lines.size()) {
                    String each = lines.get(i++);
                    recorded.append(each).append('\n');
                    statement.append(each).append('\n');
                    if (each.trim().endsWith(";")) {
                        break;
                    }
                }
                List<String> expected = new ArrayList<>();
                while (i < lines.size() && lines.get(i).startsWith(EXPECTATION)) {
                    expected.add(stripExpectation(lines.get(i++)));
                }
                String sql = statement.toString().trim();
                sql = sql.substring(0, sql.length() - 1);
                List<String> actual = render(target.execute(sql));
                for (String each : actual) {
                    recorded.append(each.isEmpty() ? EXPECTATION : EXPECTATION + " " + each).append('\n');
                }
                if (!expected.equals(actual)) {
                    failures.add(String.format("%s:%d: %s%n  expected:%n    %s%n  actual:%n    %s", name, statementLine, sql,
                            String.join("\n    ", expected), String.join("\n    ", actual)));
                }
            }
        }
        String result = recorded.toString();
        if (!script.endsWith("\n") && result.endsWith("\n")) {
            result = result.substring(0, result.length() - 1);
        }
        if (!failures.isEmpty() && !Boolean.getBoolean("scripts.record")) {
            throw new AssertionError(failures.size() + " mismatch(es)\n" + String.join("\n", failures));
        }
        return result;
    }

    private static String stripExpectation(String line)
    {
        String body = line.substring(EXPECTATION.length());
        return (body.startsWith(" ") ? body.substring(1) : body).stripTrailing();
    }

    static List<String> render(List<ScriptOutcome> outcomes)
    {
        List<String> result = new ArrayList<>();
        for (ScriptOutcome each : outcomes) {
            switch (each) {
                case ScriptOutcome.UpdateCount update -> result.add(update.count() == 0 ? "ok" : "update count: " + update.count());
                case ScriptOutcome.Error error -> result.add("exception " + errorName(error.vendorCode()) + ": " + error.message());
                case ScriptOutcome.Rows rows -> result.addAll(table(rows));
            }
        }
        return result;
    }

    private static String errorName(int vendorCode)
    {
        return Arrays.stream(ErrorCode.values())
                .filter(each -> each.vendorCode() == vendorCode)
                .map(ErrorCode::name)
                .findFirst()
                .orElse(Integer.toString(vendorCode));
    }

    private static List<String> table(ScriptOutcome.Rows rows)
    {
        int columns = rows.labels().size();
        int[] widths = new int[columns];
        for (int i = 0; i < columns; i++) {
            widths[i] = Math.max(1, cell(rows.labels().get(i)).length());
            for (List<String> each : rows.rows()) {
                widths[i] = Math.max(widths[i], cell(each.get(i)).length());
            }
        }
        List<String> result = new ArrayList<>();
        result.add(line(rows.labels().stream().map(ScriptRunner::cell).toList(), widths));
        result.add(line(Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths));
        for (List<String> each : rows.rows()) {
            result.add(line(each.stream().map(ScriptRunner::cell).toList(), widths));
        }
        result.add("rows: " + rows.rows().size());
        return result;
    }

    private static String cell(String value)
    {
        if (value == null) {
            return "null";
        }
        return value.replace("\n", "\\n").replace("\t", "\\t").replace("\0", "\\0");
    }

    private static String line(List<String> cells, int[] widths)
    {
        return java.util.stream.IntStream.range(0, cells.size())
                .mapToObj(i -> String.format("%-" + widths[i] + "s", cells.get(i)))
                .collect(Collectors.joining(" "))
                .stripTrailing();
    }
}
