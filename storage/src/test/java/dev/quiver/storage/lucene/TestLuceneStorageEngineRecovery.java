package dev.quiver.storage.lucene;

import dev.quiver.common.ErrorCode;
import dev.quiver.storage.AbstractStorageEngineTest;
import dev.quiver.storage.StorageEngine;
import dev.quiver.storage.Table;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.ScanRequest;
import dev.quiver.storage.table.WriteRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract suite against the durable engine where every restart skips the checkpoint, so all state after the
 * last checkpoint comes back by replaying the log; plus torn-log and corruption cases.
 */
class TestLuceneStorageEngineRecovery
        extends AbstractStorageEngineTest
{
    @TempDir
    Path dataDirectory;

    @Override
    protected StorageEngine createEngine()
    {
        return LuceneStorageEngine.open(dataDirectory, TestLuceneStorageEngine.options(false));
    }

    @Override
    protected StorageEngine restart(StorageEngine current)
    {
        current.close();
        return LuceneStorageEngine.open(dataDirectory, TestLuceneStorageEngine.options(false));
    }

    @Test
    void testTornLastStatementIsDroppedWhole()
            throws IOException
    {
        Table table = docs();
        insert(table, row(1, "a"));
        insert(table, row(2, "b"), row(3, "c"));
        engine.close();
        engine = null;
        Path segment = lastSegment();
        byte[] bytes = Files.readAllBytes(segment);
        Files.write(segment, Arrays.copyOf(bytes, bytes.length - 3));
        engine = createEngine();
        assertThat(engine.table(DB, "docs").scan(ScanRequest.all()).toList()).containsExactly(row(1, "a"));
        insert(engine.table(DB, "docs"), row(4, "d"));
        restart();
        assertThat(engine.table(DB, "docs").scan(ScanRequest.all()).toList()).containsExactly(row(1, "a"), row(4, "d"));
    }

    @Test
    void testCheckpointThenMoreWritesThenReplay()
    {
        Table table = counters();
        table.write(counterRequest(ConflictPolicy.ERROR, "a", 1));
        ((LuceneStorageEngine) engine).checkpoint();
        table.write(counterRequest(ConflictPolicy.update((existing, proposed) -> existing.with(1, Value.of(2))), "a", 0));
        table.write(counterRequest(ConflictPolicy.ERROR, "b", 3));
        table.delete(Filter.equal("name", Value.of("b")));
        table.write(counterRequest(ConflictPolicy.ERROR, "c", 4));
        restart();
        assertThat(engine.table(DB, "counters").scan(ScanRequest.all()).toList()).containsExactly(counter("a", 2), counter("c", 4));
        ((LuceneStorageEngine) engine).checkpoint();
        restart();
        assertThat(engine.table(DB, "counters").scan(ScanRequest.all()).toList()).containsExactly(counter("a", 2), counter("c", 4));
    }

    @Test
    void testCorruptLogIsReported()
            throws IOException
    {
        Table table = docs();
        insert(table, row(1, "a"));
        insert(table, row(2, "b"));
        insert(table, row(3, "c"));
        engine.close();
        engine = null;
        Path segment = lastSegment();
        byte[] bytes = Files.readAllBytes(segment);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(segment, bytes);
        assertFails(ErrorCode.ER_STORAGE_CORRUPT, this::createEngine);
    }

    @Test
    void testDropAndRecreateTableUnderTheSameName()
    {
        Table first = docs();
        insert(first, row(1, "old"));
        engine.dropTable(DB, "docs");
        Table second = docs();
        insert(second, row(2, "new"));
        restart();
        assertThat(engine.table(DB, "docs").scan(ScanRequest.all()).toList()).containsExactly(row(2, "new"));
        engine.dropDatabase(DB);
        restart();
        assertThat(engine.listDatabases()).isEmpty();
        engine.createDatabase(DB);
    }

    @Test
    void testEveryStatementOfABatchIsOneRecord()
    {
        Table table = counters();
        table.write(new WriteRequest(List.of("name", "value"),
                List.of(List.of(Value.of("x"), Value.of(1)), List.of(Value.of("y"), Value.of(2))), ConflictPolicy.ERROR));
        restart();
        assertThat(engine.table(DB, "counters").count(Filter.ALL)).isEqualTo(2);
        assertThat(engine.table(DB, "counters").scan(ScanRequest.all()).toList()).containsExactly(counter("x", 1), counter("y", 2));
        assertThat(Row.of(Value.of("x"), Value.of(1))).isEqualTo(counter("x", 1));
    }

    @Test
    void testCorruptCatalogSnapshotIsReported()
            throws IOException
    {
        docs();
        ((LuceneStorageEngine) engine).checkpoint();
        engine.close();
        engine = null;
        Path snapshot = dataDirectory.resolve("catalog.snapshot");
        byte[] bytes = Files.readAllBytes(snapshot);
        bytes[10] ^= 0x01;
        Files.write(snapshot, bytes);
        assertFails(ErrorCode.ER_STORAGE_CORRUPT, this::createEngine);
    }

    @Test
    void testDataDirectoryIsLocked()
    {
        assertFails(ErrorCode.ER_STORAGE_IO, this::createEngine);
        assertThat(engine.listDatabases()).containsExactly(DB);
    }

    private Path lastSegment()
            throws IOException
    {
        try (Stream<Path> files = Files.list(dataDirectory.resolve("wal"))) {
            return files.sorted().reduce((first, second) -> second).orElseThrow();
        }
    }
}
