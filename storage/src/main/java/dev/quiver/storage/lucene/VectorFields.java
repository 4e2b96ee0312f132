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
 * graph orders candidates only: distances returned are always computed exactly from the stored float vectors.
 */
final class VectorFields
{
    record VectorField(IndexDefinition index, VectorIndexOptions options, int position, String name, VectorSimilarityFunction similarity) {}

    private final List<VectorField> fields = new ArrayList<>();

    VectorFields(TableDefinition definition)
    {
        for (IndexDefinition index : definition.indexes()) {
            if (index.kind() != IndexDefinition.Kind.VECTOR) {
                continue;
            }
            VectorIndexOptions options = VectorIndexOptions.of(index);
            fields.add(new VectorField(index, options, definition.requireColumn(index.columns().get(0)), fieldName(index), similarity(options.metric())));
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
            if (field.position() == position && (field.similarity() != VectorSimilarityFunction.COSINE || metric == VectorMetric.COSINE)) {
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
                if (field.similarity() == VectorSimilarityFunction.COSINE && isZero(values)) {
                    continue;
                }
                document.add(new KnnFloatVectorField(field.name(), values, field.similarity()));
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
