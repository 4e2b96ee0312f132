package dev.quiver.storage.catalog;

import static java.util.Objects.requireNonNull;

/**
 * The type of a column, as MySQL/seekdb spells it. The storage engine coerces every value written to a column to
 * the one {@link dev.quiver.storage.row.Value} kind its type stores (see {@link #describe()} for the SQL text).
 */
public sealed interface ColumnType
        permits ColumnType.IntegerType, ColumnType.BooleanType, ColumnType.FloatType, ColumnType.DoubleType,
        ColumnType.DecimalType, ColumnType.StringType, ColumnType.BinaryType, ColumnType.JsonType,
        ColumnType.VectorType, ColumnType.TemporalType
{
    /** Largest VECTOR dimension a column may declare. */
    int MAX_VECTOR_DIMENSIONS = 16_000;
    /** Largest DECIMAL precision. */
    int MAX_DECIMAL_PRECISION = 65;
    /** Largest DECIMAL scale. */
    int MAX_DECIMAL_SCALE = 30;

    /** The type as SQL text, e.g. {@code bigint unsigned}, {@code varchar(64)}, {@code vector(128)}. */
    String describe();

    /** True for character types compared with {@code utf8mb4_general_ci}. */
    default boolean isText()
    {
        return this instanceof StringType;
    }

    enum IntegerWidth
    {
        TINYINT(8), SMALLINT(16), MEDIUMINT(24), INT(32), BIGINT(64);

        private final int bits;

        IntegerWidth(int bits)
        {
            this.bits = bits;
        }

        public int bits()
        {
            return bits;
        }
    }

    /** TINYINT..BIGINT, signed or unsigned; stores {@code IntegerValue}. */
    record IntegerType(IntegerWidth width, boolean unsigned)
            implements ColumnType
    {
        public IntegerType
        {
            requireNonNull(width, "width is null");
        }

        public static IntegerType signed(IntegerWidth width)
        {
            return new IntegerType(width, false);
        }

        public static IntegerType unsigned(IntegerWidth width)
        {
            return new IntegerType(width, true);
        }

        /** Smallest value, as a signed long (0 when unsigned). */
        public long minimum()
        {
            return unsigned ? 0 : -(1L << (width.bits() - 1));
        }

        /** Largest value; for BIGINT UNSIGNED this is -1, i.e. 2^64-1 read as unsigned. */
        public long maximum()
        {
            if (unsigned) {
                return width == IntegerWidth.BIGINT ? -1L : (1L << width.bits()) - 1;
            }
            return width == IntegerWidth.BIGINT ? Long.MAX_VALUE : (1L << (width.bits() - 1)) - 1;
        }

        @Override
        public String describe()
        {
            return width.name().toLowerCase(java.util.Locale.ROOT) + (unsigned ? " unsigned" : "");
        }
    }

    /** BOOLEAN, i.e. TINYINT(1); stores {@code IntegerValue} in the TINYINT range. */
    record BooleanType()
            implements ColumnType
    {
        @Override
        public String describe()
        {
            return "tinyint(1)";
        }
    }

    /** FLOAT (single precision); stores {@code DoubleValue} rounded to float precision. */
    record FloatType()
            implements ColumnType
    {
        @Override
        public String describe()
        {
            return "float";
        }
    }

    /** DOUBLE; stores {@code DoubleValue}. */
    record DoubleType()
            implements ColumnType
    {
        @Override
        public String describe()
        {
            return "double";
        }
    }

    /** DECIMAL(p,s); stores {@code DecimalValue} with exactly {@code scale} fraction digits. */
    record DecimalType(int precision, int scale)
            implements ColumnType
    {
        public DecimalType
        {
            if (precision < 1 || precision > MAX_DECIMAL_PRECISION || scale < 0 || scale > MAX_DECIMAL_SCALE || scale > precision) {
                throw new IllegalArgumentException("bad decimal(" + precision + "," + scale + ")");
            }
        }

        @Override
        public String describe()
        {
            return "decimal(" + precision + "," + scale + ")";
        }
    }

    enum StringKind
    {
        CHAR, VARCHAR, TEXT, MEDIUMTEXT, LONGTEXT, STRING
    }

    /**
     * Character types; stores {@code StringValue}. {@code maxLength} counts characters for CHAR/VARCHAR and bytes
     * (UTF-8) for the TEXT family, as MySQL does. CHAR values lose trailing spaces when stored.
     */
    record StringType(StringKind kind, long maxLength)
            implements ColumnType
    {
        public StringType
        {
            requireNonNull(kind, "kind is null");
            if (maxLength < 0) {
                throw new IllegalArgumentException("negative length");
            }
        }

        public static StringType charType(int length)
        {
            return new StringType(StringKind.CHAR, length);
        }

        public static StringType varchar(int length)
        {
            return new StringType(StringKind.VARCHAR, length);
        }

        public static StringType text()
        {
            return new StringType(StringKind.TEXT, 65_535);
        }

        public static StringType longText()
        {
            return new StringType(StringKind.LONGTEXT, 4_294_967_295L);
        }

        /** seekdb's STRING: unbounded text (we cap it at LONGTEXT's size). */
        public static StringType string()
        {
            return new StringType(StringKind.STRING, 4_294_967_295L);
        }

        /** True when {@link #maxLength()} counts characters rather than bytes. */
        public boolean lengthInCharacters()
        {
            return kind == StringKind.CHAR || kind == StringKind.VARCHAR;
        }

        @Override
        public String describe()
        {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            return lengthInCharacters() ? name + "(" + maxLength + ")" : name;
        }
    }

    enum BinaryKind
    {
        BINARY, VARBINARY, BLOB, MEDIUMBLOB, LONGBLOB
    }

    /** Byte strings compared by bytes; stores {@code BytesValue}. BINARY(n) values are padded with 0x00 to n. */
    record BinaryType(BinaryKind kind, long maxLength)
            implements ColumnType
    {
        public BinaryType
        {
            requireNonNull(kind, "kind is null");
            if (maxLength < 0) {
                throw new IllegalArgumentException("negative length");
            }
        }

        public static BinaryType binary(int length)
        {
            return new BinaryType(BinaryKind.BINARY, length);
        }

        public static BinaryType varbinary(int length)
        {
            return new BinaryType(BinaryKind.VARBINARY, length);
        }

        public static BinaryType blob()
        {
            return new BinaryType(BinaryKind.BLOB, 65_535);
        }

        @Override
        public String describe()
        {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            return kind == BinaryKind.BINARY || kind == BinaryKind.VARBINARY ? name + "(" + maxLength + ")" : name;
        }
    }

    /** JSON; stores {@code JsonValue} (validated, normalised). */
    record JsonType()
            implements ColumnType
    {
        @Override
        public String describe()
        {
            return "json";
        }
    }

    /** VECTOR(n) of float32; stores {@code VectorValue} with exactly n elements. */
    record VectorType(int dimensions)
            implements ColumnType
    {
        public VectorType
        {
            if (dimensions < 1 || dimensions > MAX_VECTOR_DIMENSIONS) {
                throw new IllegalArgumentException("bad vector dimensions: " + dimensions);
            }
        }

        @Override
        public String describe()
        {
            return "vector(" + dimensions + ")";
        }
    }

    enum TemporalKind
    {
        DATE, DATETIME, TIMESTAMP
    }

    /**
     * DATE stores {@code DateValue}; DATETIME and TIMESTAMP store {@code DateTimeValue} rounded to
     * {@code fractionalDigits} (0..6). TIMESTAMP values are kept as given (the session time zone is the SQL
     * layer's concern).
     */
    record TemporalType(TemporalKind kind, int fractionalDigits)
            implements ColumnType
    {
        public TemporalType
        {
            requireNonNull(kind, "kind is null");
            if (fractionalDigits < 0 || fractionalDigits > 6 || (kind == TemporalKind.DATE && fractionalDigits != 0)) {
                throw new IllegalArgumentException("bad fractional digits: " + fractionalDigits);
            }
        }

        public static TemporalType date()
        {
            return new TemporalType(TemporalKind.DATE, 0);
        }

        public static TemporalType datetime()
        {
            return new TemporalType(TemporalKind.DATETIME, 0);
        }

        public static TemporalType timestamp()
        {
            return new TemporalType(TemporalKind.TIMESTAMP, 0);
        }

        @Override
        public String describe()
        {
            String name = kind.name().toLowerCase(java.util.Locale.ROOT);
            return fractionalDigits == 0 ? name : name + "(" + fractionalDigits + ")";
        }
    }
}
