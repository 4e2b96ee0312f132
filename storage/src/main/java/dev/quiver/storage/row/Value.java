package dev.quiver.storage.row;

import dev.quiver.storage.json.JsonNode;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

import static java.util.Objects.requireNonNull;

/**
 * A typed SQL value. Values written to a table are coerced to the kind the column's type stores (see
 * {@link dev.quiver.storage.catalog.ColumnType}); values read back are always of that kind. {@link #toSqlText()}
 * gives MySQL's text form, as in a result set or a 1062 message.
 */
public sealed interface Value
        permits Value.NullValue, Value.IntegerValue, Value.DoubleValue, Value.DecimalValue, Value.StringValue,
        Value.BytesValue, Value.JsonValue, Value.VectorValue, Value.DateValue, Value.DateTimeValue
{
    NullValue NULL = new NullValue();

    default boolean isNull()
    {
        return this instanceof NullValue;
    }

    /** MySQL's text form of the value; {@code NULL} for null. */
    String toSqlText();

    static IntegerValue of(long value)
    {
        return new IntegerValue(value, false);
    }

    static StringValue of(String value)
    {
        return new StringValue(value);
    }

    static DoubleValue of(double value)
    {
        return new DoubleValue(value);
    }

    static DecimalValue of(BigDecimal value)
    {
        return new DecimalValue(value);
    }

    static BytesValue of(byte[] value)
    {
        return new BytesValue(value);
    }

    static VectorValue of(float[] value)
    {
        return new VectorValue(value);
    }

    static JsonValue of(JsonNode value)
    {
        return new JsonValue(value);
    }

    record NullValue()
            implements Value
    {
        @Override
        public String toSqlText()
        {
            return "NULL";
        }
    }

    /**
     * A 64-bit integer. When {@code unsigned} is true the bits are read as an unsigned number (BIGINT UNSIGNED
     * beyond {@link Long#MAX_VALUE}); unsigned values within the signed range are normalised to signed, so
     * {@code equals} means numeric equality.
     */
    record IntegerValue(long value, boolean unsigned)
            implements Value
    {
        public IntegerValue
        {
            if (unsigned && value >= 0) {
                unsigned = false;
            }
        }

        public static IntegerValue unsignedOf(long bits)
        {
            return new IntegerValue(bits, true);
        }

        public BigInteger toBigInteger()
        {
            BigInteger result = BigInteger.valueOf(value);
            return unsigned ? result.add(BigInteger.ONE.shiftLeft(64)) : result;
        }

        public BigDecimal toBigDecimal()
        {
            return new BigDecimal(toBigInteger());
        }

        @Override
        public String toSqlText()
        {
            return unsigned ? Long.toUnsignedString(value) : Long.toString(value);
        }
    }

    /** FLOAT and DOUBLE values. */
    record DoubleValue(double value)
            implements Value
    {
        @Override
        public boolean equals(Object other)
        {
            return other instanceof DoubleValue that && (value == that.value || (Double.isNaN(value) && Double.isNaN(that.value)));
        }

        @Override
        public int hashCode()
        {
            return Double.hashCode(value == 0.0 ? 0.0 : value);
        }

        @Override
        public String toSqlText()
        {
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return Double.toString(value).replace("E", "e");
        }
    }

    /** DECIMAL values; equality is numeric ({@code 1.50 = 1.5}). */
    record DecimalValue(BigDecimal value)
            implements Value
    {
        public DecimalValue
        {
            requireNonNull(value, "value is null");
        }

        @Override
        public boolean equals(Object other)
        {
            return other instanceof DecimalValue that && value.compareTo(that.value) == 0;
        }

        @Override
        public int hashCode()
        {
            return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
        }

        @Override
        public String toSqlText()
        {
            return value.toPlainString();
        }
    }

    /** Character values; {@code equals} is exact (collation-aware comparison lives in {@link Collation}). */
    record StringValue(String value)
            implements Value
    {
        public StringValue
        {
            requireNonNull(value, "value is null");
        }

        @Override
        public String toSqlText()
        {
            return value;
        }
    }

    /** Byte strings (BINARY, VARBINARY, BLOB); compared by unsigned bytes. The array is copied in and out. */
    record BytesValue(byte[] value)
            implements Value
    {
        public BytesValue
        {
            value = requireNonNull(value, "value is null").clone();
        }

        @Override
        public byte[] value()
        {
            return value.clone();
        }

        public int length()
        {
            return value.length;
        }

        @Override
        public boolean equals(Object other)
        {
            return other instanceof BytesValue that && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode()
        {
            return Arrays.hashCode(value);
        }

        public int compareTo(BytesValue other)
        {
            return Arrays.compareUnsigned(value, other.value);
        }

        @Override
        public String toSqlText()
        {
            return new String(value, StandardCharsets.UTF_8);
        }

        @Override
        public String toString()
        {
            return "BytesValue[" + java.util.HexFormat.of().formatHex(value) + "]";
        }
    }

    /** A JSON document. */
    record JsonValue(JsonNode value)
            implements Value
    {
        public JsonValue
        {
            requireNonNull(value, "value is null");
        }

        @Override
        public String toSqlText()
        {
            return value.toString();
        }
    }

    /** A float32 vector. The array is copied in and out. */
    record VectorValue(float[] value)
            implements Value
    {
        public VectorValue
        {
            value = requireNonNull(value, "value is null").clone();
        }

        @Override
        public float[] value()
        {
            return value.clone();
        }

        public int dimensions()
        {
            return value.length;
        }

        public float get(int index)
        {
            return value[index];
        }

        @Override
        public boolean equals(Object other)
        {
            return other instanceof VectorValue that && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode()
        {
            return Arrays.hashCode(value);
        }

        /** seekdb's text form: {@code [1,2.5,3]}. */
        @Override
        public String toSqlText()
        {
            StringBuilder builder = new StringBuilder("[");
            for (int i = 0; i < value.length; i++) {
                if (i > 0) {
                    builder.append(',');
                }
                float element = value[i];
                if (element == Math.rint(element) && Math.abs(element) < 1e7f) {
                    builder.append((long) element);
                }
                else {
                    builder.append(Float.toString(element).replace("E", "e"));
                }
            }
            return builder.append(']').toString();
        }

        @Override
        public String toString()
        {
            return "VectorValue" + toSqlText();
        }
    }

    record DateValue(LocalDate value)
            implements Value
    {
        public DateValue
        {
            requireNonNull(value, "value is null");
        }

        @Override
        public String toSqlText()
        {
            return value.toString();
        }
    }

    /** DATETIME and TIMESTAMP values. */
    record DateTimeValue(LocalDateTime value)
            implements Value
    {
        private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

        public DateTimeValue
        {
            requireNonNull(value, "value is null");
        }

        @Override
        public String toSqlText()
        {
            String text = SECONDS.format(value);
            int nanos = value.getNano();
            if (nanos == 0) {
                return text;
            }
            String fraction = String.format("%09d", nanos);
            int end = fraction.length();
            while (end > 0 && fraction.charAt(end - 1) == '0') {
                end--;
            }
            return text + "." + fraction.substring(0, Math.max(end, 1));
        }
    }
}
