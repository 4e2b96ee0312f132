package dev.quiver.storage.lucene;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.format.BinaryReader;
import dev.quiver.storage.format.ValueFormat;
import dev.quiver.storage.memory.RowChange;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * One table's rows in a Lucene index: a document per row, keyed by the internal row id ({@code _rowid} term), the
 * row itself stored in binary form ({@code _row}). Changes are applied as statements are logged; a
 * {@link #commit} at a checkpoint makes them durable in the index and records the log position they cover
 * ({@code lsn} in the commit user data), which is where recovery resumes replaying the log for this table.
 * The writer never commits on close: whatever is not committed is recovered from the log.
 */
public final class LuceneRowStore
        implements AutoCloseable
{
    static final String ROW_ID = "_rowid";
    static final String ROW_ID_VALUE = "_rowid_v";
    static final String ROW = "_row";
    private static final String LSN = "lsn";
    private static final String AUTO_INCREMENT = "auto_increment";

    private final Path path;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final long committedLsn;
    private final long committedAutoIncrement;

    private LuceneRowStore(Path path, FSDirectory directory, IndexWriter writer)
    {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        Map<String, String> commitData = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> commitData.put(entry.getKey(), entry.getValue()));
        }
        this.committedLsn = Long.parseLong(commitData.getOrDefault(LSN, "0"));
        this.committedAutoIncrement = Long.parseLong(commitData.getOrDefault(AUTO_INCREMENT, "0"));
    }

    public static LuceneRowStore open(Path path)
    {
        requireNonNull(path, "path is null");
        try {
            Files.createDirectories(path);
            FSDirectory directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false);
            return new LuceneRowStore(path, directory, new IndexWriter(directory, config));
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "opening table index " + path.getFileName() + ": " + e.getMessage());
        }
    }

    /** The log position the last commit covers (0 when the index was never committed). */
    public long committedLsn()
    {
        return committedLsn;
    }

    public long committedAutoIncrement()
    {
        return committedAutoIncrement;
    }

    /** Every row of the index as opened (the last commit), in row id order. */
    public List<RowChange.Put> committedRows()
    {
        List<RowChange.Put> rows = new ArrayList<>();
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            for (LeafReaderContext leaf : reader.leaves()) {
                // a merge instance decompresses each block once for sequential reads
                StoredFields storedFields = leaf.reader() instanceof CodecReader codecReader
                        ? codecReader.getFieldsReader().getMergeInstance()
                        : leaf.reader().storedFields();
                Bits liveDocs = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (liveDocs != null && !liveDocs.get(doc)) {
                        continue;
                    }
                    Document document = storedFields.document(doc);
                    long rowId = document.getField(ROW_ID_VALUE).numericValue().longValue();
                    BytesRef bytes = document.getBinaryValue(ROW);
                    BinaryReader rowReader = new BinaryReader(bytes.bytes, bytes.offset, bytes.length, "row " + rowId + " of " + path.getFileName());
                    rows.add(new RowChange.Put(rowId, ValueFormat.readRow(rowReader)));
                }
            }
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "reading table index " + path.getFileName() + ": " + e.getMessage());
        }
        rows.sort(Comparator.comparingLong(RowChange.Put::rowId));
        return rows;
    }

    /** Applies one statement's changes to the index writer (not yet committed). */
    public void apply(List<RowChange> changes)
            throws IOException
    {
        for (RowChange change : changes) {
            Term term = new Term(ROW_ID, rowIdBytes(change.rowId()));
            switch (change) {
                case RowChange.Put put -> {
                    Document document = new Document();
                    document.add(new StringField(ROW_ID, rowIdBytes(put.rowId()), Field.Store.NO));
                    document.add(new StoredField(ROW_ID_VALUE, put.rowId()));
                    document.add(new StoredField(ROW, ValueFormat.encodeRow(put.row())));
                    writer.updateDocument(term, document);
                }
                case RowChange.Delete ignored -> writer.deleteDocuments(term);
            }
        }
    }

    /** Commits everything applied so far, recording the log position and auto_increment counter it covers. */
    public void commit(long lsn, long autoIncrement)
            throws IOException
    {
        writer.setLiveCommitData(Map.of(LSN, Long.toString(lsn), AUTO_INCREMENT, Long.toString(autoIncrement)).entrySet());
        writer.commit();
    }

    private static BytesRef rowIdBytes(long rowId)
    {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (rowId >>> (56 - 8 * i));
        }
        return new BytesRef(bytes);
    }

    /** Closes without committing. */
    @Override
    public void close()
    {
        try {
            writer.close();
            directory.close();
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "closing table index " + path.getFileName() + ": " + e.getMessage());
        }
    }

    /**
     * Closes, discarding uncommitted changes (DROP TABLE). The files stay until a checkpoint no longer lists the
     * table, so a crash before then still finds what the last catalog snapshot names.
     */
    public void discard()
    {
        try {
            writer.rollback();
            directory.close();
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "closing table index " + path.getFileName() + ": " + e.getMessage());
        }
    }

    static void deleteRecursively(Path root)
            throws IOException
    {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }
}
