package dev.quiver.storage.lucene;

import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.format.BinaryReader;
import dev.quiver.storage.format.BinaryWriter;
import dev.quiver.storage.format.ValueFormat;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.row.ValueCoercion;
import dev.quiver.storage.row.ValueComparison;
import dev.quiver.storage.table.RowChange;
import dev.quiver.storage.text.AnalyzedText;
import dev.quiver.storage.text.TextAnalyzers;
import dev.quiver.storage.text.TextPlan;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.util.BytesRef;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The document layout of one table's index ({@link LuceneRowStore}): what a row's document holds (the
 * {@code _rowid} term, stored value and doc value, the binary row {@code _row}, a {@code _u<n>} term per unique key,
 * the ordered {@code _ix<position>} and JSON {@code _j<position>} terms, the FULLTEXT fields, the vector fields and the
 * key doc values), how a stored row is decoded, and the queries over its ordered and JSON terms.
 */
final class RowDocuments
{
    /** The index directory (names the index in errors). */
    private final Path indexPath;
    private final TableDefinition definition;
    private final List<int[]> uniquePositions = new ArrayList<>();
    /** Columns with an ordered term ({@code _ix<position>}): the first column of each plain, primary or unique index. */
    private final List<Integer> orderedPositions = new ArrayList<>();
    /** JSON columns, flattened to {@code _j<position>} terms (see {@link JsonTerms}). */
    private final List<Integer> jsonPositions = new ArrayList<>();
    /** FULLTEXT indexes: position among the indexes (names the field), column positions, analysis. */
    private final List<FulltextIndex> fulltextIndexes = new ArrayList<>();
    private final KeyDocValues keyDocValues;
    private final VectorFields vectorFields;

    private record FulltextIndex(int indexPosition, int[] columnPositions, TextAnalyzers.Spec spec) {}

    RowDocuments(Path path, TableDefinition definition, VectorFields vectorFields)
    {
        this.indexPath = path;
        this.definition = definition;
        this.vectorFields = vectorFields;
        this.keyDocValues = new KeyDocValues(definition);
        for (IndexDefinition index : definition.indexes()) {
            if (index.kind() == IndexDefinition.Kind.VECTOR || index.kind() == IndexDefinition.Kind.FULLTEXT) {
                continue;
            }
            int position = definition.requireColumn(index.columns().get(0));
            if (OrderedKeys.supports(definition.columns().get(position).type()) && !orderedPositions.contains(position)) {
                orderedPositions.add(position);
            }
        }
        for (int i = 0; i < definition.indexes().size(); i++) {
            IndexDefinition index = definition.indexes().get(i);
            if (index.kind() == IndexDefinition.Kind.FULLTEXT) {
                fulltextIndexes.add(new FulltextIndex(i, definition.columnPositions(index.columns()), TextAnalyzers.spec(index)));
            }
        }
        for (int i = 0; i < definition.columns().size(); i++) {
            if (definition.columns().get(i).type() instanceof dev.quiver.storage.catalog.ColumnType.JsonType) {
                jsonPositions.add(i);
            }
        }
        for (IndexDefinition key : definition.uniqueKeys()) {
            uniquePositions.add(definition.columnPositions(key.columns()));
        }
    }

    /** The column positions of each unique key, by ordinal. */
    List<int[]> uniquePositions()
    {
        return uniquePositions;
    }

    VectorFields vectorFields()
    {
        return vectorFields;
    }

    KeyDocValues keyDocValues()
    {
        return keyDocValues;
    }

    /** The document of a row put. */
    Document document(RowChange.Put put)
    {
        Document document = new Document();
        document.add(new StringField(LuceneRowStore.ROW_ID, rowIdBytes(put.rowId()), Field.Store.NO));
        document.add(new StoredField(LuceneRowStore.ROW_ID_VALUE, put.rowId()));
        document.add(new NumericDocValuesField(LuceneRowStore.ROW_ID_DOC_VALUE, put.rowId()));
        keyDocValues.addTo(document, put.row());
        for (int position : jsonPositions) {
            if (put.row().get(position) instanceof Value.JsonValue json) {
                for (BytesRef jsonTerm : JsonTerms.terms(json.value())) {
                    document.add(new StringField(jsonField(position), jsonTerm, Field.Store.NO));
                }
            }
        }
        for (int position : orderedPositions) {
            BytesRef ordered = OrderedKeys.encode(definition.columns().get(position).type(), put.row().get(position));
            if (ordered != null) {
                document.add(new StringField(orderedField(position), ordered, Field.Store.NO));
            }
        }
        vectorFields.addTo(document, put.row());
        document.add(new StoredField(LuceneRowStore.ROW, ValueFormat.encodeRow(put.row())));
        for (FulltextIndex fulltext : fulltextIndexes) {
            AnalyzedText text = TextPlan.analyze(put.row(), fulltext.columnPositions(), fulltext.spec());
            if (text.tokenCount() > 0) {
                document.add(new Field(TextPlan.field(fulltext.indexPosition()), text.tokenStream(), TextField.TYPE_NOT_STORED));
                document.add(new NumericDocValuesField(LuceneTextSearch.countField(fulltext.indexPosition()), text.tokenCount()));
            }
        }
        for (int i = 0; i < uniquePositions.size(); i++) {
            List<Object> key = ValueComparison.indexKey(put.row(), uniquePositions.get(i));
            if (key != null) {
                document.add(new StringField(uniqueField(i), keyBytes(key), Field.Store.NO));
            }
        }
        return document;
    }

    Row decode(long rowId, Document document)
    {
        BytesRef bytes = document.getBinaryValue(LuceneRowStore.ROW);
        return ValueFormat.readRow(new BinaryReader(bytes.bytes, bytes.offset, bytes.length, "row " + rowId + " of table index " + indexPath.getFileName()));
    }

    /** A query over an ordered-term field that returns a superset of the conjunct's rows, or null. */
    Query orderedQuery(Filter conjunct)
    {
        Filter.Field field = switch (conjunct) {
            case Filter.Equal equal -> equal.field();
            case Filter.In in -> in.field();
            case Filter.Range range -> range.field();
            default -> null;
        };
        if (field == null) {
            return null;
        }
        java.util.OptionalInt position = definition.columnIndex(field.column());
        if (position.isPresent() && field.path().isPresent() && jsonPositions.contains(position.getAsInt())) {
            byte[] path = JsonTerms.path(field.path().get());
            return path == null ? null : jsonQuery(jsonField(position.getAsInt()), path, conjunct);
        }
        if (position.isEmpty() || field.path().isPresent() || !orderedPositions.contains(position.getAsInt())) {
            return null;
        }
        String name = orderedField(position.getAsInt());
        dev.quiver.storage.catalog.ColumnType type = definition.columns().get(position.getAsInt()).type();
        switch (conjunct) {
            case Filter.Equal equal -> {
                BytesRef term = OrderedKeys.encode(type, equal.value());
                return term == null ? null : new TermQuery(new Term(name, term));
            }
            case Filter.In in -> {
                List<BytesRef> terms = new ArrayList<>();
                for (Value value : in.values()) {
                    if (value.isNull()) {
                        continue;
                    }
                    BytesRef term = OrderedKeys.encode(type, value);
                    if (term == null) {
                        return null;
                    }
                    terms.add(term);
                }
                return new TermInSetQuery(name, terms);
            }
            case Filter.Range range -> {
                BytesRef lower = null;
                BytesRef upper = null;
                if (range.lower().isPresent()) {
                    lower = OrderedKeys.encode(type, range.lower().get());
                    if (lower == null) {
                        return null;
                    }
                }
                if (range.upper().isPresent()) {
                    upper = OrderedKeys.encode(type, range.upper().get());
                    if (upper == null) {
                        return null;
                    }
                }
                return new TermRangeQuery(name, lower, upper, range.lowerInclusive() || lower == null, range.upperInclusive() || upper == null);
            }
            default -> {
                return null;
            }
        }
    }

    /** A superset query for a filter on a JSON path (bounds inclusive: the terms order numbers as doubles). */
    private static Query jsonQuery(String name, byte[] path, Filter conjunct)
    {
        return switch (conjunct) {
            case Filter.Equal equal -> equal.value().isNull() ? null
                    : new TermQuery(new Term(name, JsonTerms.term(path, ValueCoercion.toJsonNode(equal.value()))));
            case Filter.In in -> new TermInSetQuery(name, in.values().stream()
                    .filter(value -> !value.isNull())
                    .map(value -> JsonTerms.term(path, ValueCoercion.toJsonNode(value)))
                    .toList());
            case Filter.Range range -> {
                if (range.lower().map(Value::isNull).orElse(false) || range.upper().map(Value::isNull).orElse(false)) {
                    yield null;
                }
                BytesRef lower = range.lower().map(value -> JsonTerms.term(path, ValueCoercion.toJsonNode(value))).orElse(JsonTerms.lowest(path));
                BytesRef upper = range.upper().map(value -> JsonTerms.term(path, ValueCoercion.toJsonNode(value))).orElse(JsonTerms.highest(path));
                yield new TermRangeQuery(name, lower, upper, true, true);
            }
            default -> null;
        };
    }

    private static String jsonField(int position)
    {
        return "_j" + position;
    }

    private static String orderedField(int position)
    {
        return "_ix" + position;
    }

    static String uniqueField(int ordinal)
    {
        return "_u" + ordinal;
    }

    /** A unique key as index bytes: collation keys for text, normalised numbers, raw bytes for binary. */
    static BytesRef keyBytes(List<Object> key)
    {
        BinaryWriter out = new BinaryWriter();
        for (Object part : key) {
            switch (part) {
                case ValueComparison.CollatedKey collated -> out.writeByte('s').writeBytes(collated.key().getBytes(StandardCharsets.UTF_8));
                case Value.DecimalValue decimal -> {
                    BigDecimal normalized = decimal.value().signum() == 0 ? BigDecimal.ZERO : decimal.value().stripTrailingZeros();
                    out.writeByte('d').writeString(normalized.toPlainString());
                }
                case Value.DoubleValue real -> out.writeByte('f').writeDouble(real.value() == 0.0 ? 0.0 : real.value());
                case Value value -> {
                    out.writeByte('v');
                    ValueFormat.writeValue(out, value);
                }
                default -> throw new IllegalArgumentException("unexpected key part " + part);
            }
        }
        return new BytesRef(out.toByteArray());
    }

    static BytesRef rowIdBytes(long rowId)
    {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (rowId >>> (56 - 8 * i));
        }
        return new BytesRef(bytes);
    }
}
