package dev.quiver.storage.recovery;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.format.BinaryReader;
import dev.quiver.storage.format.BinaryWriter;
import dev.quiver.storage.format.DefinitionFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32C;

import static java.util.Objects.requireNonNull;

/**
 * The catalog as of a checkpoint: every database and table (with its id and auto_increment counter) and the LSN
 * the snapshot covers. Written atomically (temporary file, force, rename, force of the directory) and checked with
 * CRC32C on read. Recovery starts from it and replays the log after {@link #coveredLsn()}.
 */
public record CatalogSnapshot(long coveredLsn, long nextTableId, List<String> databases, List<TableEntry> tables)
{
    private static final String FILE = "catalog.snapshot";
    private static final int MAGIC = 0x51434154; // "QCAT"
    private static final int VERSION = 1;

    public record TableEntry(long tableId, String database, TableDefinition definition, long autoIncrement)
    {
        public TableEntry
        {
            requireNonNull(database, "database is null");
            requireNonNull(definition, "definition is null");
        }
    }

    public CatalogSnapshot
    {
        databases = List.copyOf(requireNonNull(databases, "databases is null"));
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
    }

    public static CatalogSnapshot empty()
    {
        return new CatalogSnapshot(0, 1, List.of(), List.of());
    }

    public static Optional<CatalogSnapshot> read(Path directory)
    {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length < 4) {
                throw new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, FILE + ": too short");
            }
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 4);
            if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
                throw new QuiverException(ErrorCode.ER_STORAGE_CORRUPT, FILE + ": checksum mismatch");
            }
            BinaryReader reader = new BinaryReader(bytes, 0, bytes.length - 4, FILE);
            if (reader.readInt() != MAGIC || reader.readInt() != VERSION) {
                throw reader.corrupt("wrong magic or version");
            }
            long coveredLsn = reader.readLong();
            long nextTableId = reader.readLong();
            int databaseCount = reader.readInt();
            List<String> databases = new ArrayList<>();
            for (int i = 0; i < databaseCount; i++) {
                databases.add(reader.readString());
            }
            int tableCount = reader.readInt();
            List<TableEntry> tables = new ArrayList<>();
            for (int i = 0; i < tableCount; i++) {
                long tableId = reader.readLong();
                String database = reader.readString();
                long autoIncrement = reader.readLong();
                tables.add(new TableEntry(tableId, database, DefinitionFormat.read(reader), autoIncrement));
            }
            return Optional.of(new CatalogSnapshot(coveredLsn, nextTableId, databases, tables));
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "reading " + FILE + ": " + e.getMessage());
        }
    }

    public void write(Path directory)
    {
        BinaryWriter writer = new BinaryWriter().writeInt(MAGIC).writeInt(VERSION).writeLong(coveredLsn).writeLong(nextTableId);
        writer.writeInt(databases.size());
        databases.forEach(writer::writeString);
        writer.writeInt(tables.size());
        for (TableEntry table : tables) {
            writer.writeLong(table.tableId()).writeString(table.database()).writeLong(table.autoIncrement());
            DefinitionFormat.write(writer, table.definition());
        }
        byte[] body = writer.toByteArray();
        CRC32C crc = new CRC32C();
        crc.update(body);
        ByteBuffer content = ByteBuffer.allocate(body.length + 4).put(body).putInt((int) crc.getValue()).flip();
        Path temporary = directory.resolve(FILE + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                while (content.hasRemaining()) {
                    channel.write(content);
                }
                channel.force(true);
            }
            Files.move(temporary, directory.resolve(FILE), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "writing " + FILE + ": " + e.getMessage());
        }
    }
}
