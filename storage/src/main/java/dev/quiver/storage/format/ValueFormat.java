package dev.quiver.storage.format;

import dev.quiver.storage.json.JsonNode;
import dev.quiver.storage.json.JsonParser;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Binary form of values and rows, used in log records and stored fields. Tags are part of the on-disk format. */
public final class ValueFormat
{
    private static final int NULL = 0;
    private static final int SIGNED = 1;
    private static final int UNSIGNED = 2;
    private static final int DOUBLE = 3;
    private static final int DECIMAL = 4;
    private static final int STRING = 5;
    private static final int BYTES = 6;
    private static final int JSON = 7;
    private static final int VECTOR = 8;
    private static final int DATE = 9;
    private static final int DATETIME = 10;

    private ValueFormat() {}

    public static void writeRow(BinaryWriter writer, Row row)
    {
        writer.writeInt(row.size());
        for (Value value : row.values()) {
            writeValue(writer, value);
        }
    }

    public static Row readRow(BinaryReader reader)
    {
        int size = reader.readInt();
        if (size < 0 || size > 100_000) {
            throw reader.corrupt("bad row width " + size);
        }
        List<Value> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            values.add(readValue(reader));
        }
        return new Row(values);
    }

    public static byte[] encodeRow(Row row)
    {
        BinaryWriter writer = new BinaryWriter();
        writeRow(writer, row);
        return writer.toByteArray();
    }

    public static void writeValue(BinaryWriter writer, Value value)
    {
        switch (value) {
            case Value.NullValue ignored -> writer.writeByte(NULL);
            case Value.IntegerValue integer -> writer.writeByte(integer.unsigned() ? UNSIGNED : SIGNED).writeLong(integer.value());
            case Value.DoubleValue real -> writer.writeByte(DOUBLE).writeDouble(real.value());
            case Value.DecimalValue decimal -> writer.writeByte(DECIMAL).writeInt(decimal.value().scale()).writeBytes(decimal.value().unscaledValue().toByteArray());
            case Value.StringValue string -> writer.writeByte(STRING).writeString(string.value());
            case Value.BytesValue bytes -> writer.writeByte(BYTES).writeBytes(bytes.value());
            case Value.JsonValue json -> writer.writeByte(JSON).writeString(json.value().toString());
            case Value.VectorValue vector -> {
                writer.writeByte(VECTOR).writeInt(vector.dimensions());
                for (int i = 0; i < vector.dimensions(); i++) {
                    writer.writeFloat(vector.get(i));
                }
            }
            case Value.DateValue date -> writer.writeByte(DATE).writeLong(date.value().toEpochDay());
            case Value.DateTimeValue dateTime -> writer.writeByte(DATETIME)
                    .writeLong(dateTime.value().toEpochSecond(ZoneOffset.UTC)).writeInt(dateTime.value().getNano());
        }
    }

    public static Value readValue(BinaryReader reader)
    {
        int tag = reader.readByte();
        return switch (tag) {
            case NULL -> Value.NULL;
            case SIGNED -> Value.of(reader.readLong());
            case UNSIGNED -> Value.IntegerValue.unsignedOf(reader.readLong());
            case DOUBLE -> Value.of(reader.readDouble());
            case DECIMAL -> {
                int scale = reader.readInt();
                yield Value.of(new BigDecimal(new BigInteger(reader.readBytes()), scale));
            }
            case STRING -> Value.of(reader.readString());
            case BYTES -> Value.of(reader.readBytes());
            case JSON -> {
                String text = reader.readString();
                try {
                    JsonNode node = JsonParser.parse(text);
                    yield Value.of(node);
                }
                catch (JsonParser.MalformedJsonException e) {
                    throw reader.corrupt("stored JSON does not parse: " + e.getMessage());
                }
            }
            case VECTOR -> {
                int dimensions = reader.readInt();
                if (dimensions < 0 || dimensions > 1_000_000) {
                    throw reader.corrupt("bad vector dimensions " + dimensions);
                }
                float[] elements = new float[dimensions];
                for (int i = 0; i < dimensions; i++) {
                    elements[i] = reader.readFloat();
                }
                yield Value.of(elements);
            }
            case DATE -> new Value.DateValue(LocalDate.ofEpochDay(reader.readLong()));
            case DATETIME -> {
                long seconds = reader.readLong();
                int nanos = reader.readInt();
                yield new Value.DateTimeValue(LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC));
            }
            default -> throw reader.corrupt("unknown value tag " + tag);
        };
    }
}
