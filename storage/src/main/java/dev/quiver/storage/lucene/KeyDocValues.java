package dev.quiver.storage.lucene;

import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.format.BinaryReader;
import dev.quiver.storage.format.BinaryWriter;
import dev.quiver.storage.format.ValueFormat;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The primary key's values as binary doc values ({@code _pk<column position>}, each value in {@link ValueFormat}), so
 * that a search whose result needs only key columns (e.g. {@code SELECT id ... ORDER BY score LIMIT 10}) reads them
 * per hit instead of decompressing the stored row. Segments written before this field existed have none: a search
 * then falls back to the stored row ({@link #reader} returns null).
 */
final class KeyDocValues
{
    private final int[] keyPositions;

    KeyDocValues(TableDefinition definition)
    {
        this.keyPositions = definition.primaryKey()
                .map(key -> definition.columnPositions(key.columns()))
                .orElse(new int[0]);
    }

    static String field(int columnPosition)
    {
        return "_pk" + columnPosition;
    }

    /** Adds the row's key values to its document (nothing for a table without a primary key). */
    void addTo(Document document, Row row)
    {
        for (int position : keyPositions) {
            BinaryWriter writer = new BinaryWriter();
            ValueFormat.writeValue(writer, row.get(position));
            document.add(new BinaryDocValuesField(field(position), new BytesRef(writer.toByteArray())));
        }
    }

    /** True when every position of the projection is a key column (a projection of nothing is not covered). */
    boolean covers(int[] projection)
    {
        if (projection == null || projection.length == 0) {
            return false;
        }
        for (int position : projection) {
            boolean found = false;
            for (int key : keyPositions) {
                found |= key == position;
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** The projected key values of one segment's documents, or null when the segment lacks one of the fields. */
    static Reader reader(LeafReader leaf, int[] projection)
            throws IOException
    {
        BinaryDocValues[] values = new BinaryDocValues[projection.length];
        for (int i = 0; i < projection.length; i++) {
            values[i] = leaf.getBinaryDocValues(field(projection[i]));
            if (values[i] == null) {
                return null;
            }
        }
        return new Reader(values);
    }

    /** Reads documents of one segment in increasing doc id order (doc values iterate forward only). */
    static final class Reader
    {
        private final BinaryDocValues[] values;

        private Reader(BinaryDocValues[] values)
        {
            this.values = values;
        }

        /** The projected row of the document, or null when it has no value (a document of an older layout). */
        Row read(int doc)
                throws IOException
        {
            List<Value> row = new ArrayList<>(values.length);
            for (BinaryDocValues value : values) {
                if (!value.advanceExact(doc)) {
                    return null;
                }
                BytesRef bytes = value.binaryValue();
                row.add(ValueFormat.readValue(new BinaryReader(bytes.bytes, bytes.offset, bytes.length, "key doc values")));
            }
            return new Row(row);
        }
    }
}
