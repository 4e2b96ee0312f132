package dev.quiver.it.testing;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.fail;

/**
 * Finds the clients and oracles tests drive as processes (the mysql CLI, Node with its packages, Python with
 * PyMySQL, sysbench, mariadbd). A missing one skips the test with a visible reason, except in CI
 * ({@code CI=true}), where it fails the test: CI must run every client.
 */
public final class ExternalClients
{
    private ExternalClients()
    {
    }

    public static boolean inCi()
    {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** The executable's path, or a skip (a failure in CI) saying what is missing and how to get it. */
    public static Path require(String executable, String howToInstall)
    {
        Optional<Path> found = findOnPath(executable);
        if (found.isPresent()) {
            return found.get();
        }
        missing(executable + " is not installed (" + howToInstall + ")");
        throw new AssertionError("unreachable");
    }

    /** Skips (or fails in CI) with the reason given. */
    public static void missing(String reason)
    {
        if (inCi()) {
            fail("CI=true and a required client is missing: " + reason);
        }
        Assumptions.abort("skipped: " + reason);
    }

    public static Optional<Path> findOnPath(String executable)
    {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String each : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(each, executable);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The project's root folder (where {@code bin/} and {@code it/} are). */
    public static Path projectRoot()
    {
        String root = System.getProperty("quiver.projectRoot");
        if (root != null) {
            return Path.of(root);
        }
        return Path.of("").toAbsolutePath().getParent();
    }
}
