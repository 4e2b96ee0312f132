package dev.quiver.storage.lucene;

import dev.quiver.storage.vector.VectorIndexOptions;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.KnnVectorsWriter;
import org.apache.lucene.codecs.lucene104.Lucene104HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.index.SegmentReadState;
import org.apache.lucene.index.SegmentWriteState;
import org.apache.lucene.util.quantization.QuantizedByteVectorValues.ScalarEncoding;

import java.io.IOException;

import static java.util.Objects.requireNonNull;

/**
 * The vector formats of VECTOR indexes: Lucene's HNSW formats with the dimension limit raised to
 * {@value VectorIndexOptions#MAX_INDEXED_DIMENSIONS} (Lucene's default is 1024). Each type has its own name,
 * registered in {@code META-INF/services/org.apache.lucene.codecs.KnnVectorsFormat}, so a segment written with it
 * resolves the same format on reopen (the graph parameters and the quantization are read from the segment; the
 * no-argument instances SPI creates only read). {@code hnsw} is {@code Lucene99HnswVectorsFormat}, {@code hnsw_sq}
 * {@code Lucene104HnswScalarQuantizedVectorsFormat} with 7-bit scalars, {@code hnsw_bq} the same format with 1-bit
 * vectors and 4-bit queries (Lucene's binary quantization); the float originals stay on disk for rescoring.
 */
public abstract class QuiverVectorsFormat
        extends KnnVectorsFormat
{
    private final KnnVectorsFormat delegate;

    protected QuiverVectorsFormat(String name, KnnVectorsFormat delegate)
    {
        super(name);
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    /** The format that writes an index with these options. */
    static KnnVectorsFormat forOptions(VectorIndexOptions options)
    {
        return switch (options.type()) {
            case HNSW -> new Hnsw(options.m(), options.efConstruction());
            case HNSW_SQ -> new HnswSq(options.m(), options.efConstruction());
            case HNSW_BQ -> new HnswBq(options.m(), options.efConstruction());
        };
    }

    @Override
    public KnnVectorsWriter fieldsWriter(SegmentWriteState state)
            throws IOException
    {
        return delegate.fieldsWriter(state);
    }

    @Override
    public KnnVectorsReader fieldsReader(SegmentReadState state)
            throws IOException
    {
        return delegate.fieldsReader(state);
    }

    @Override
    public int getMaxDimensions(String fieldName)
    {
        return VectorIndexOptions.MAX_INDEXED_DIMENSIONS;
    }

    @Override
    public String toString()
    {
        return getName() + "(" + delegate + ")";
    }

    /** {@code type=hnsw}. */
    public static final class Hnsw
            extends QuiverVectorsFormat
    {
        public Hnsw()
        {
            this(VectorIndexOptions.DEFAULT_M, VectorIndexOptions.DEFAULT_EF_CONSTRUCTION);
        }

        Hnsw(int m, int efConstruction)
        {
            super("QuiverHnsw", new Lucene99HnswVectorsFormat(m, efConstruction));
        }
    }

    /** {@code type=hnsw_sq}. */
    public static final class HnswSq
            extends QuiverVectorsFormat
    {
        public HnswSq()
        {
            this(VectorIndexOptions.DEFAULT_M, VectorIndexOptions.DEFAULT_EF_CONSTRUCTION);
        }

        HnswSq(int m, int efConstruction)
        {
            super("QuiverHnswSq", new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.SEVEN_BIT, m, efConstruction));
        }
    }

    /** {@code type=hnsw_bq}. */
    public static final class HnswBq
            extends QuiverVectorsFormat
    {
        public HnswBq()
        {
            this(VectorIndexOptions.DEFAULT_M, VectorIndexOptions.DEFAULT_EF_CONSTRUCTION);
        }

        HnswBq(int m, int efConstruction)
        {
            super("QuiverHnswBq", new Lucene104HnswScalarQuantizedVectorsFormat(ScalarEncoding.SINGLE_BIT_QUERY_NIBBLE, m, efConstruction));
        }
    }
}
