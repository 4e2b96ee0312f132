package dev.quiver.storage.format;

import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Binary form of table definitions, for the catalog's log records and snapshots. Enum names are stored as text. */
public final class DefinitionFormat
{
    private DefinitionFormat() {}

    public static void write(BinaryWriter writer, TableDefinition definition)
    {
        writer.writeString(definition.name());
        writer.writeInt(definition.columns().size());
        for (ColumnDefinition column : definition.columns()) {
            writer.writeString(column.name());
            writeType(writer, column.type());
            writer.writeBoolean(column.nullable());
            writer.writeBoolean(column.defaultValue().isPresent());
            column.defaultValue().ifPresent(value -> ValueFormat.writeValue(writer, value));
            writer.writeBoolean(column.autoIncrement());
        }
        writer.writeInt(definition.indexes().size());
        for (IndexDefinition index : definition.indexes()) {
            writer.writeString(index.name());
            writer.writeString(index.kind().name());
            writer.writeInt(index.columns().size());
            index.columns().forEach(writer::writeString);
            writer.writeInt(index.options().size());
            index.options().forEach((key, value) -> writer.writeString(key).writeString(value));
        }
    }

    public static TableDefinition read(BinaryReader reader)
    {
        String name = reader.readString();
        int columnCount = reader.readInt();
        List<ColumnDefinition> columns = new ArrayList<>();
        for (int i = 0; i < columnCount; i++) {
            String columnName = reader.readString();
            ColumnType type = readType(reader);
            boolean nullable = reader.readBoolean();
            Optional<dev.quiver.storage.row.Value> defaultValue = reader.readBoolean() ? Optional.of(ValueFormat.readValue(reader)) : Optional.empty();
            boolean autoIncrement = reader.readBoolean();
            columns.add(new ColumnDefinition(columnName, type, nullable, defaultValue, autoIncrement));
        }
        int indexCount = reader.readInt();
        List<IndexDefinition> indexes = new ArrayList<>();
        for (int i = 0; i < indexCount; i++) {
            String indexName = reader.readString();
            IndexDefinition.Kind kind = IndexDefinition.Kind.valueOf(reader.readString());
            int size = reader.readInt();
            List<String> indexColumns = new ArrayList<>();
            for (int c = 0; c < size; c++) {
                indexColumns.add(reader.readString());
            }
            int optionCount = reader.readInt();
            Map<String, String> options = new LinkedHashMap<>();
            for (int o = 0; o < optionCount; o++) {
                options.put(reader.readString(), reader.readString());
            }
            indexes.add(new IndexDefinition(indexName, kind, indexColumns, options));
        }
        return new TableDefinition(name, columns, indexes);
    }

    private static void writeType(BinaryWriter writer, ColumnType type)
    {
        switch (type) {
            case ColumnType.IntegerType integer -> writer.writeString("INTEGER").writeString(integer.width().name()).writeBoolean(integer.unsigned());
            case ColumnType.BooleanType ignored -> writer.writeString("BOOLEAN");
            case ColumnType.FloatType ignored -> writer.writeString("FLOAT");
            case ColumnType.DoubleType ignored -> writer.writeString("DOUBLE");
            case ColumnType.DecimalType decimal -> writer.writeString("DECIMAL").writeInt(decimal.precision()).writeInt(decimal.scale());
            case ColumnType.StringType string -> writer.writeString("STRING").writeString(string.kind().name()).writeLong(string.maxLength());
            case ColumnType.BinaryType binary -> writer.writeString("BINARY").writeString(binary.kind().name()).writeLong(binary.maxLength());
            case ColumnType.JsonType ignored -> writer.writeString("JSON");
            case ColumnType.VectorType vector -> writer.writeString("VECTOR").writeInt(vector.dimensions());
            case ColumnType.TemporalType temporal -> writer.writeString("TEMPORAL").writeString(temporal.kind().name()).writeInt(temporal.fractionalDigits());
        }
    }

    private static ColumnType readType(BinaryReader reader)
    {
        String tag = reader.readString();
        return switch (tag) {
            case "INTEGER" -> new ColumnType.IntegerType(ColumnType.IntegerWidth.valueOf(reader.readString()), reader.readBoolean());
            case "BOOLEAN" -> new ColumnType.BooleanType();
            case "FLOAT" -> new ColumnType.FloatType();
            case "DOUBLE" -> new ColumnType.DoubleType();
            case "DECIMAL" -> new ColumnType.DecimalType(reader.readInt(), reader.readInt());
            case "STRING" -> new ColumnType.StringType(ColumnType.StringKind.valueOf(reader.readString()), reader.readLong());
            case "BINARY" -> new ColumnType.BinaryType(ColumnType.BinaryKind.valueOf(reader.readString()), reader.readLong());
            case "JSON" -> new ColumnType.JsonType();
            case "VECTOR" -> new ColumnType.VectorType(reader.readInt());
            case "TEMPORAL" -> new ColumnType.TemporalType(ColumnType.TemporalKind.valueOf(reader.readString()), reader.readInt());
            default -> throw reader.corrupt("unknown column type " + tag);
        };
    }
}
