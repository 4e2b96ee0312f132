package dev.quiver.storage.lucene;

import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.vector.VectorIndexOptions;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene104.Lucene104Codec;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.VectorSimilarityFunction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Lucene vector fields of a table's VECTOR indexes: one field per index ({@code _vec.<index name>}), with the
 * similarity of its distance (l2: EUCLIDEAN, cosine: COSINE, inner_product: MAXIMUM_INNER_PRODUCT, which unlike
 * DOT_PRODUCT accepts vectors that are not unit length) and the index's format through a per-field codec. The
 * graph orders candidates only: distances returned are always computed exactly from the stored rows' vectors.
 *
 * <p>A cosine index holds each vector normalised to unit length (in double precision): Lucene computes cosine in
 * float arithmetic, which overflows or underflows for very large or very small elements (a NaN score, an assertion
 * error with assertions on). A cosine index of a quantized type ({@code hnsw_sq}, {@code hnsw_bq}) moreover uses
 * EUCLIDEAN, which ranks unit vectors as cosine does: Lucene's quantized writer normalises the mean of a segment's
 * vectors under COSINE and throws when they sum to zero (rows v and -v), an exception that closes the IndexWriter
 * for good; under EUCLIDEAN the mean is used as it is. A cosine field's float vectors are not the rows' (a search
 * rescores its candidates from the decoded rows) and leave zero vectors out, so it serves only cosine searches. A
 * field's similarity is fixed once its index has segments: a quantized cosine index written with COSINE before
 * this rule keeps it (and its failure on vectors summing to zero) until the table is re-created.
 */
final class VectorFields
{
    /** {@code unit}: the field holds each vector normalised to unit length, not the row's floats (cosine). */
    record VectorField(IndexDefinition index, VectorIndexOptions options, int position, String name, VectorSimilarityFunction similarity, boolean unit) {}

    private final List<VectorField> fields = new ArrayList<>();

    VectorFields(TableDefinition definition)
    {
        this(definition, FieldInfos.EMPTY);
    }

    /** The fields, keeping COSINE for a quantized cosine index whose segments were written with it (see above). */
    VectorFields(TableDefinition definition, FieldInfos existing)
    {
        for (IndexDefinition index : definition.indexes()) {
            if (index.kind() != IndexDefinition.Kind.VECTOR) {
                continue;
            }
            VectorIndexOptions options = VectorIndexOptions.of(index);
            FieldInfo written = existing.fieldInfo(fieldName(index));
            boolean euclidean = options.metric() == VectorMetric.COSINE && options.type().quantized()
                    && (written == null || written.getVectorDimension() == 0 || written.getVectorSimilarityFunction() != VectorSimilarityFunction.COSINE);
            boolean unit = options.metric() == VectorMetric.COSINE;
            VectorSimilarityFunction similarity = euclidean ? VectorSimilarityFunction.EUCLIDEAN : similarity(options.metric());
            fields.add(new VectorField(index, options, definition.requireColumn(index.columns().get(0)), fieldName(index), similarity, unit));
        }
    }

    /** True when the table has a VECTOR index. */
    boolean any()
    {
        return !fields.isEmpty();
    }

    static String fieldName(IndexDefinition index)
    {
        return "_vec." + index.name().toLowerCase(Locale.ROOT);
    }

    static VectorSimilarityFunction similarity(VectorMetric metric)
    {
        return switch (metric) {
            case L2 -> VectorSimilarityFunction.EUCLIDEAN;
            case COSINE -> VectorSimilarityFunction.COSINE;
            case INNER_PRODUCT -> VectorSimilarityFunction.MAXIMUM_INNER_PRODUCT;
        };
    }

    /**
     * A field holding every vector of the column at {@code position} that has a distance under {@code metric}, for an
     * exact scan, or null: a cosine index leaves zero vectors out, so it serves only cosine searches.
     */
    VectorField forScan(int position, VectorMetric metric)
    {
        for (VectorField field : fields) {
            if (field.position() == position && (field.options().metric() != VectorMetric.COSINE || metric == VectorMetric.COSINE)) {
                return field;
            }
        }
        return null;
    }

    VectorField forIndex(IndexDefinition index)
    {
        for (VectorField field : fields) {
            if (field.index().name().equalsIgnoreCase(index.name())) {
                return field;
            }
        }
        return null;
    }

    /** Adds the row's vectors (NULL vectors, and zero vectors under cosine, are not indexed: they never match). */
    void addTo(Document document, Row row)
    {
        for (VectorField field : fields) {
            if (row.get(field.position()) instanceof Value.VectorValue vector) {
                float[] values = vector.value();
                if (field.options().metric() == VectorMetric.COSINE && isZero(values)) {
                    continue;
                }
                document.add(new KnnFloatVectorField(field.name(), field.unit() ? unit(values) : values, field.similarity()));
            }
        }
    }

    private static boolean isZero(float[] values)
    {
        for (float value : values) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The vector scaled to unit length, in double precision: a float's square neither overflows nor underflows to
     * zero in a double, so any finite non-zero vector has one (float arithmetic fails for very large or small ones).
     * A zero vector is returned as it is.
     */
    static float[] unit(float[] values)
    {
        double sum = 0;
        for (float value : values) {
            sum += (double) value * value;
        }
        if (sum == 0) {
            return values;
        }
        double norm = Math.sqrt(sum);
        float[] unit = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            unit[i] = (float) (values[i] / norm);
        }
        return unit;
    }

    /** Lucene's default codec with each vector field written by its index's format. */
    Lucene104Codec codec()
    {
        Map<String, KnnVectorsFormat> formats = new HashMap<>();
        for (VectorField field : fields) {
            formats.put(field.name(), QuiverVectorsFormat.forOptions(field.options()));
        }
        return new Lucene104Codec()
        {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field)
            {
                KnnVectorsFormat format = formats.get(field);
                return format != null ? format : super.getKnnVectorsFormatForField(field);
            }
        };
    }
}
