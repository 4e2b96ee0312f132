package dev.quiver.storage.lucene;

import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.index.ByteVectorValues;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FilterCodecReader;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.AcceptDocs;
import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.store.DataAccessHint;

import java.io.IOException;
import java.util.Map;

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
            return null;
        }
        MergeSpecification rebuilding = new MergeSpecification();
        for (OneMerge merge : found.merges) {
            rebuilding.add(new RebuildingMerge(merge));
        }
        return rebuilding;
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
