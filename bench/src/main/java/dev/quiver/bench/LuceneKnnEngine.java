package dev.quiver.bench;

import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.MMapDirectory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;

/**
 * The peer: Lucene used directly, as an application would: one segment built by an {@link IndexWriter} with
 * {@code Lucene99HnswVectorsFormat(m, efConstruction)} (a RAM buffer large enough that the rows flush as one
 * segment, then {@code forceMerge(1)} in case they did not), searched with {@code IndexSearcher.search(new
 * KnnFloatVectorQuery(field, q, ef[, filter]), ef)} keeping the first K hits, ids read from doc values. The filter is
 * an {@code IntField} exact query on the tag, as Lucene's own filtered kNN runs it (pre-filter bitset, graph walk
 * with accept-docs, exact fallback when the filter is smaller than the visit limit).
 * {@code -Dlucene.reuse=true} searches the index an earlier run built from the same cached data (build time 0).
 */
final class LuceneKnnEngine
        implements KnnEngine
{
    private static final String VECTOR = "v";
    private static final String TAG = "tag";
    private static final String ID = "id";

    private final Path path;
    private final int m;
    private final int efConstruction;
    private final Query filter = KnnData.FILTER_TAGS == 1 ? IntField.newExactQuery(TAG, KnnData.FILTER_TAG)
            : IntField.newRangeQuery(TAG, KnnData.FILTER_TAG, KnnData.FILTER_TAG + KnnData.FILTER_TAGS - 1);
    private MMapDirectory directory;
    private DirectoryReader reader;
    private IndexSearcher searcher;
    private List<LeafReaderContext> leaves;
    private long examined;

    LuceneKnnEngine(Path path, int m, int efConstruction)
    {
        this.path = path;
        this.m = m;
        this.efConstruction = efConstruction;
    }

    @Override
    public String name()
    {
        return "Lucene direct";
    }

    @Override
    public Build build(KnnData data)
            throws Exception
    {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        if (Boolean.getBoolean("lucene.reuse") && DirectoryReader.indexExists(new MMapDirectory(path))) {
            // the index an earlier run built from the same cached data (Lucene's build is ours to time only once):
            // build time 0 in the tables, the earlier run's build figures stand
            directory = new MMapDirectory(path);
            open();
            return new Build(0, 0, KnnFiles.totalBytes(path), KnnFiles.vectorBytes(path), KnnFiles.graphs(path));
        }
        directory = new MMapDirectory(BenchMain.fresh(path));
        KnnVectorsFormat format = new Lucene99HnswVectorsFormat(m, efConstruction);
        IndexWriterConfig config = new IndexWriterConfig()
                .setCodec(new Lucene104Codec()
                {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field)
                    {
                        return format;
                    }
                })
                .setRAMPerThreadHardLimitMB(1945)
                .setRAMBufferSizeMB(1900)
                .setUseCompoundFile(false);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < data.rows(); i++) {
                Document document = new Document();
                document.add(new NumericDocValuesField(ID, i));
                document.add(new IntField(TAG, data.tags()[i], Field.Store.NO));
                document.add(new KnnFloatVectorField(VECTOR, data.base()[i], VectorSimilarityFunction.EUCLIDEAN));
                writer.addDocument(document);
            }
            writer.forceMerge(1);
            writer.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        open();
        return new Build(seconds, cpuSeconds, KnnFiles.totalBytes(path), KnnFiles.vectorBytes(path), KnnFiles.graphs(path));
    }

    private void open()
            throws java.io.IOException
    {
        reader = DirectoryReader.open(directory);
        searcher = new IndexSearcher(reader);
        searcher.setQueryCache(null);
        leaves = reader.leaves();
    }

    @Override
    public int[] search(float[] query, int ef, boolean filtered)
            throws Exception
    {
        int candidates = Math.max(ef, KnnData.K);
        Query knn = filtered ? new KnnFloatVectorQuery(VECTOR, query, candidates, filter) : new KnnFloatVectorQuery(VECTOR, query, candidates);
        return ids(searcher.search(knn, candidates).scoreDocs);
    }

    /** The ids of the first K hits, read from doc values in doc order (their iterators only go forwards). */
    private int[] ids(ScoreDoc[] hits)
            throws java.io.IOException
    {
        int count = Math.min(KnnData.K, hits.length);
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            int j = i;
            while (j > 0 && hits[order[j - 1]].doc > hits[i].doc) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = i;
        }
        int[] ids = new int[count];
        NumericDocValues values = null;
        LeafReaderContext current = null;
        for (int i : order) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hits[i].doc, leaves));
            if (leaf != current) {
                current = leaf;
                values = leaf.reader().getNumericDocValues(ID);
            }
            values.advanceExact(hits[i].doc - leaf.docBase);
            ids[i] = (int) values.longValue();
        }
        return ids;
    }

    @Override
    public long examined()
    {
        return -1;
    }

    /**
     * The same index searched one level lower, as the vector reference measured it: {@code
     * LeafReader.searchNearestVectors(field, q, ef, liveDocs, no visit limit)} on the single segment, ids from doc
     * values, no Query/IndexSearcher machinery (unfiltered only; a filtered search goes through the query). Its
     * {@link #examined()} is Lucene's visited-node count.
     */
    KnnEngine leafApi()
    {
        return new KnnEngine()
        {
            @Override
            public String name()
            {
                return "Lucene leaf API";
            }

            @Override
            public Build build(KnnData data)
            {
                throw new UnsupportedOperationException("shares the Lucene direct index");
            }

            @Override
            public int[] search(float[] query, int ef, boolean filtered)
                    throws Exception
            {
                if (filtered || leaves.size() != 1) {
                    return LuceneKnnEngine.this.search(query, ef, filtered);
                }
                LeafReaderContext leaf = leaves.get(0);
                int candidates = Math.max(ef, KnnData.K);
                TopDocs top = leaf.reader().searchNearestVectors(VECTOR, query, candidates,
                        AcceptDocs.fromLiveDocs(leaf.reader().getLiveDocs(), leaf.reader().maxDoc()), Integer.MAX_VALUE);
                examined += top.totalHits.value();
                return ids(top.scoreDocs);
            }

            @Override
            public long examined()
            {
                return examined;
            }

            @Override
            public void close()
            {
            }
        };
    }

    @Override
    public void close()
            throws Exception
    {
        if (reader != null) {
            reader.close();
        }
        if (directory != null) {
            directory.close();
        }
    }
}
