package dev.quiver.server;

import dev.quiver.common.PasswordHash;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The server's data directory: locked for one server at a time, and holding the password hash root@% is first
 * created with (the seed; afterwards the grant tables of the mysql database decide, see RootAccount).
 */
final class DataDirectory
        implements AutoCloseable
{
    private static final String LOCK_FILE = "quiver.lock";
    private static final String ROOT_ACCOUNT_FILE = "root.account";

    private final Path path;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final boolean created;

    private DataDirectory(Path path, FileChannel lockChannel, FileLock lock, boolean created)
    {
        this.path = requireNonNull(path, "path is null");
        this.lockChannel = requireNonNull(lockChannel, "lockChannel is null");
        this.lock = requireNonNull(lock, "lock is null");
        this.created = created;
    }

    /** Opens (creating when missing) and locks the directory; fails when another server holds it. */
    static DataDirectory open(Path path)
            throws IOException, StartupException
    {
        Path absolute = path.toAbsolutePath().normalize();
        Files.createDirectories(absolute);
        boolean created = !Files.exists(absolute.resolve(ROOT_ACCOUNT_FILE));
        FileChannel channel = FileChannel.open(absolute.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        }
        catch (OverlappingFileLockException ex) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new StartupException("data directory " + absolute + " is in use by another Quiver server");
        }
        return new DataDirectory(absolute, channel, lock, created);
    }

    Path path()
    {
        return path;
    }

    /** True when this start created the directory's content (the first start on it). */
    boolean created()
    {
        return created;
    }

    Optional<PasswordHash> readRootPassword()
            throws IOException
    {
        Path file = path.resolve(ROOT_ACCOUNT_FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.startsWith("password=")) {
                return Optional.of(PasswordHash.parse(line.substring("password=".length()).trim()));
            }
        }
        throw new IOException("no password line in " + file);
    }

    /** Stores root's password hash durably: a temporary file, forced, then moved into place atomically. */
    void writeRootPassword(PasswordHash hash)
            throws IOException
    {
        Path target = path.resolve(ROOT_ACCOUNT_FILE);
        Path temporary = path.resolve(ROOT_ACCOUNT_FILE + ".tmp");
        String content = "# root@% authentication data: hex SHA1(SHA1(pw)) : hex SHA256(SHA256(pw))\npassword=" + hash + "\n";
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(StandardCharsets.UTF_8.encode(content));
            channel.force(true);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (AtomicMoveNotSupportedException ex) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel directory = FileChannel.open(path, StandardOpenOption.READ)) {
            directory.force(true);
        }
        catch (IOException ignored) {
            // Some file systems cannot force a directory; the file itself is forced already.
        }
    }

    @Override
    public void close()
            throws IOException
    {
        try {
            lock.release();
        }
        finally {
            lockChannel.close();
        }
    }
}
