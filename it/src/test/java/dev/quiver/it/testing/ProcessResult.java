package dev.quiver.it.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A finished child process: exit code and what it printed. */
public record ProcessResult(int exitCode, String standardOutput, String standardError)
{
    /** Runs a command to completion (bounded by {@code timeout}), feeding it {@code input} on stdin. */
    public static ProcessResult run(List<String> command, Path workingDirectory, byte[] input, Duration timeout)
    {
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
            CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            }
            catch (IOException ignored) {
                // The process may exit before reading its input; its exit code and output tell why.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("timed out after " + timeout + ": " + command);
            }
            return new ProcessResult(process.exitValue(),
                    new String(stdout.get(), StandardCharsets.UTF_8),
                    new String(stderr.get(), StandardCharsets.UTF_8));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
        catch (ExecutionException ex) {
            throw new AssertionError(ex);
        }
    }

    private static byte[] readAll(InputStream stream)
    {
        try (stream) {
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            stream.transferTo(buffer);
            return buffer.toByteArray();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
