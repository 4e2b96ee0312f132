package dev.quiver.storage.lucene;

import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterCodecReader;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Sorter;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.store.DataAccessHint;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.IntroSorter;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executor;

import static java.util.Objects.requireNonNull;

/**
 * A merge policy whose forced merges ({@link org.apache.lucene.index.IndexWriter#forceMerge}: the refresh call and the
 * idle merge, see {@link IndexMerges}) build each vector field's HNSW graph in one piece, inserting every vector, as a
 * segment written at once is built; every other merge, and everything else about a forced one, is the wrapped
 * policy's.
 *
 * <p>Why: Lucene's HNSW merge ({@code IncrementalHnswGraphMerger}) reuses the graphs of the merged segments that have
 * no deletions: it sorts them by size and hands them to {@code MergingHnswGraphBuilder}, which keeps the largest and
 * joins the others into it through a subset of their nodes instead of inserting every vector. A table loaded through
 * the log is applied in many segments (8-27 at 100k rows), so a merged graph was mostly joined pieces, and its recall
 * at a given {@code ef} was below a one-piece graph's (0.927 against 0.950 at ef=16 on 100k x 768; BENCHMARKS.md).
 *
 * <p>How: each reader of a forced merge is wrapped so that its vector reader is not an
 * {@link org.apache.lucene.codecs.hnsw.HnswGraphProvider} (nor the per-field reader Lucene unwraps to find one): the
 * merger then finds no graph to start from and builds a new one. Vectors, quantized or not, are read as before (the
 * wrapper only forwards); a quantized field's merge recomputes its centroid from the float vectors, as a flush does,
 * since it finds no stored one either. Background merges keep Lucene's graph reuse: they are cheaper, and a table
 * that stops taking writes is force-merged in the end anyway.
 *
 * <p>Order: a forced merge also puts the documents in row-id order ({@link OneMerge#reorder}), so the new graph takes
 * its vectors in the order the rows were first written, whatever segments the load left and however the wrapped
 * policy ordered them (TieredMergePolicy orders a forced merge's segments by size). The graph of a refreshed table is
 * then the graph an index written at once in that order has, node for node: it no longer depends on the load's flush
 * and merge history, and a rebuild is reproducible from the rows alone. It also leaves row ids rising with document
 * order inside the merged segment. The cost is that the merge reads stored fields and postings through Lucene's
 * sorting view; a merge whose documents are already in order skips it.
 */
final class OnePieceGraphMergePolicy
        extends FilterMergePolicy
{
    OnePieceGraphMergePolicy(MergePolicy in)
    {
        super(requireNonNull(in, "in is null"));
    }

    @Override
    public MergeSpecification findForcedMerges(SegmentInfos segmentInfos, int maxSegmentCount, Map<SegmentCommitInfo, Boolean> segmentsToMerge,
            MergeContext mergeContext)
            throws IOException
    {
        MergeSpecification found = super.findForcedMerges(segmentInfos, maxSegmentCount, segmentsToMerge, mergeContext);
        if (found == null) {
            return maxSegmentCount == 1 ? rebuildJoined(segmentInfos, segmentsToMerge, mergeContext) : null;
        }
        MergeSpecification rebuilding = new MergeSpecification();
        for (OneMerge merge : found.merges) {
            rebuilding.add(new RebuildingMerge(merge));
        }
        return rebuilding;
    }

    /**
     * A forced merge into one segment whose segments a background merge had already joined into one (it can finish
     * while the refresh call starts, under load): the wrapped policy sees a merged index and does nothing, which would
     * leave the joined graph and the segments' order. That segment is merged once more, alone, rebuilding its graph in
     * row-id order; a segment a forced merge wrote (diagnostic {@code mergeMaxNumSegments}) or a flush wrote is left.
     */
    private static MergeSpecification rebuildJoined(SegmentInfos segmentInfos, Map<SegmentCommitInfo, Boolean> segmentsToMerge,
            MergeContext mergeContext)
    {
        if (segmentInfos.size() != 1) {
            return null;
        }
        SegmentCommitInfo only = segmentInfos.info(0);
        Map<String, String> diagnostics = only.info.getDiagnostics();
        boolean joinedInTheBackground = "merge".equals(diagnostics.get("source")) && !"1".equals(diagnostics.get("mergeMaxNumSegments"));
        if (!joinedInTheBackground || !segmentsToMerge.containsKey(only) || mergeContext.getMergingSegments().contains(only)) {
            return null;
        }
        MergeSpecification rebuild = new MergeSpecification();
        rebuild.add(new RebuildingMerge(new OneMerge(java.util.List.of(only))));
        return rebuild;
    }

    /** A forced merge: as the wrapped policy's, each reader's graphs hidden. */
    private static final class RebuildingMerge
            extends OneMerge
    {
        RebuildingMerge(OneMerge merge)
        {
            super(merge);
        }

        @Override
        public CodecReader wrapForMerge(CodecReader reader)
                throws IOException
        {
            CodecReader wrapped = super.wrapForMerge(reader);
            return wrapped.getVectorReader() == null ? wrapped : new GraphlessReader(wrapped);
        }

        @Override
        public Sorter.DocMap reorder(CodecReader reader, Directory directory, Executor executor)
                throws IOException
        {
            return rowIdOrder(reader);
        }
    }

    /** Each document's row id by document number, {@code Long.MAX_VALUE} for a document without one. */
    static long[] rowIdKeys(LeafReader segment)
            throws IOException
    {
        long[] keys = new long[segment.maxDoc()];
        Arrays.fill(keys, Long.MAX_VALUE);
        NumericDocValues rowIds = segment.getNumericDocValues(LuceneRowStore.ROW_ID_DOC_VALUE);
        if (rowIds != null) {
            for (int doc = rowIds.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = rowIds.nextDoc()) {
                keys[doc] = rowIds.longValue();
            }
        }
        return keys;
    }

    /** True when the keys never fall. */
    static boolean rising(long[] keys)
    {
        for (int doc = 1; doc < keys.length; doc++) {
            if (keys[doc - 1] > keys[doc]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The documents of {@code reader} ordered by row id ({@link LuceneRowStore#ROW_ID_DOC_VALUE}), documents without one
     * last, ties (none in a table: a row id has one live document) by document number; {@code null} when the documents
     * are in that order already.
     */
    static Sorter.DocMap rowIdOrder(CodecReader reader)
            throws IOException
    {
        int maxDoc = reader.maxDoc();
        long[] keys = rowIdKeys(reader);
        if (rising(keys)) {
            return null;
        }
        int[] newToOld = new int[maxDoc];
        for (int doc = 0; doc < maxDoc; doc++) {
            newToOld[doc] = doc;
        }
        new IntroSorter()
        {
            private long pivotKey;
            private int pivotDoc;

            @Override
            protected void swap(int i, int j)
            {
                int old = newToOld[i];
                newToOld[i] = newToOld[j];
                newToOld[j] = old;
            }

            @Override
            protected void setPivot(int i)
            {
                pivotDoc = newToOld[i];
                pivotKey = keys[pivotDoc];
            }

            @Override
            protected int comparePivot(int j)
            {
                int other = newToOld[j];
                int byKey = Long.compare(pivotKey, keys[other]);
                return byKey != 0 ? byKey : Integer.compare(pivotDoc, other);
            }
        }.sort(0, maxDoc);
        int[] oldToNew = new int[maxDoc];
        for (int doc = 0; doc < maxDoc; doc++) {
            oldToNew[newToOld[doc]] = doc;
        }
        return new Sorter.DocMap()
        {
            @Override
            public int oldToNew(int docID)
            {
                return oldToNew[docID];
            }

            @Override
            public int newToOld(int docID)
            {
                return newToOld[docID];
            }

            @Override
            public int size()
            {
                return maxDoc;
            }
        };
    }

    /** A segment reader whose vector reader hides the graphs. */
    private static final class GraphlessReader
            extends FilterCodecReader
    {
        private final KnnVectorsReader vectors;

        GraphlessReader(CodecReader in)
        {
            super(in);
            this.vectors = new GraphlessVectorsReader(in.getVectorReader());
        }

        @Override
        public KnnVectorsReader getVectorReader()
        {
            return vectors;
        }

        @Override
        public CacheHelper getCoreCacheHelper()
        {
            return null;
        }

        @Override
        public CacheHelper getReaderCacheHelper()
        {
            return null;
        }
    }

    /**
     * Forwards everything to a segment's vector reader but is neither an {@code HnswGraphProvider} nor a per-field
     * reader, so a merge finds no graph in it. It owns nothing: closing it leaves the segment's reader open.
     */
    private static final class GraphlessVectorsReader
            extends KnnVectorsReader
    {
        private final KnnVectorsReader in;

        GraphlessVectorsReader(KnnVectorsReader in)
        {
            this.in = requireNonNull(in, "in is null");
        }

        @Override
        public void checkIntegrity()
                throws IOException
        {
            in.checkIntegrity();
        }

        @Override
        public FloatVectorValues getFloatVectorValues(String field)
                throws IOException
        {
            return in.getFloatVectorValues(field);
        }

        @Override
        public FloatVectorValues getFloatVectorValues(String field, DataAccessHint hint)
                throws IOException
        {
            return in.getFloatVectorValues(field, hint);
        }

        @Override
        public ByteVectorValues getByteVectorValues(String field)
                throws IOException
        {
            return in.getByteVectorValues(field);
        }

        @Override
        public void search(String field, float[] target, KnnCollector collector, AcceptDocs acceptDocs)
                throws IOException
        {
            in.search(field, target, collector, acceptDocs);
        }

        @Override
        public void search(String field, byte[] target, KnnCollector collector, AcceptDocs acceptDocs)
                throws IOException
        {
            in.search(field, target, collector, acceptDocs);
        }

        @Override
        public KnnVectorsReader getMergeInstance()
                throws IOException
        {
            return new GraphlessVectorsReader(in.getMergeInstance());
        }

        @Override
        public void finishMerge()
                throws IOException
        {
            in.finishMerge();
        }

        @Override
        public int getVectorCount(FieldInfo fieldInfo)
                throws IOException
        {
            return in.getVectorCount(fieldInfo);
        }

        @Override
        public Map<String, Long> getOffHeapByteSize(FieldInfo fieldInfo)
        {
            return in.getOffHeapByteSize(fieldInfo);
        }

        @Override
        public void close()
        {
        }
    }
}
