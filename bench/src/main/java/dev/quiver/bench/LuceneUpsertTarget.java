package dev.quiver.bench;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;

/**
 * The peer: Lucene used directly, as an application would make upserts durable with it: one
 * {@code updateDocument} per row keyed by the id term, then {@code commit()} (which fsyncs) per batch. The
 * document keeps the same fields Quiver keeps (id, document, metadata, the vector as stored bytes).
 */
final class LuceneUpsertTarget
        implements UpsertTarget
{
    private final FSDirectory directory;
    private final IndexWriter writer;

    LuceneUpsertTarget(Path path)
            throws IOException
    {
        this.directory = FSDirectory.open(path);
        this.writer = new IndexWriter(directory, new IndexWriterConfig());
    }

    @Override
    public String name()
    {
        return "Lucene direct";
    }

    @Override
    public void upsert(List<CollectionRow> batch)
            throws IOException
    {
        for (CollectionRow each : batch) {
            BytesRef id = new BytesRef(each.id());
            Document document = new Document();
            document.add(new StringField("_id", id, Field.Store.YES));
            document.add(new StoredField("document", each.document()));
            document.add(new StoredField("metadata", each.metadata()));
            document.add(new StoredField("embedding", toBytes(each.embedding())));
            writer.updateDocument(new Term("_id", id), document);
        }
        writer.commit();
    }

    private static byte[] toBytes(float[] vector)
    {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    @Override
    public void close()
            throws IOException
    {
        writer.close();
        directory.close();
    }
}
