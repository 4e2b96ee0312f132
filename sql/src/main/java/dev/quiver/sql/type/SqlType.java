package dev.quiver.sql.type;

import dev.quiver.sql.result.MySqlType;
import dev.quiver.sql.result.ResultColumn;

import static java.util.Objects.requireNonNull;

/**
 * The static type of an expression, as MySQL infers it before evaluation: the kind, the display length (in
 * characters for strings), the scale (decimal digits; 31 for floating values without a fixed scale), whether
 * the value may be NULL, and signedness.
 */
public record SqlType(Kind kind, long length, int scale, boolean nullable, boolean unsigned)
{
    public static final int NOT_FIXED_SCALE = 31;
    /** The characters of a LONGTEXT (and of a JSON value): 4 GiB - 1 bytes of utf8mb4. */
    public static final long LONGTEXT_CHARACTERS = 1_073_741_823L;
    /** The longest utf8mb4 VARCHAR (65,535 bytes); MySQL reports longer text as a BLOB type (MEDIUMTEXT, LONGTEXT). */
    private static final long MAXIMUM_VARCHAR_CHARACTERS = 16_383;
    private static final long LONGTEXT_BYTES = 4_294_967_295L;
    /** utf8mb4 needs up to four bytes per character; MySQL reports column lengths in bytes. */
    private static final int UTF8MB4_MAX_BYTES = 4;

    private static final int NOT_NULL_FLAG = 1;
    private static final int BLOB_FLAG = 16;
    private static final int UNSIGNED_FLAG = 32;
    private static final int BINARY_FLAG = 128;
    private static final int NUM_FLAG = 32768;

    public enum Kind
    {
        NULL, BIGINT, DECIMAL, DOUBLE, VARCHAR, VARBINARY, DATE, DATETIME, TIME,
        /**
         * MySQL 8's JSON: JSON columns and the JSON-returning functions (JSON_EXTRACT, {@code ->}, JSON_OBJECT,
         * JSON_ARRAY, JSON_KEYS, CAST(.. AS JSON)). Reported as MYSQL_TYPE_JSON (245) with the binary charset; at run
         * time a {@code JsonNode}, or the JSON text of a JSON column.
         */
        JSON;

        public boolean isNumeric()
        {
            return this == BIGINT || this == DECIMAL || this == DOUBLE;
        }

        public boolean isString()
        {
            return this == VARCHAR || this == VARBINARY;
        }

        public boolean isTemporal()
        {
            return this == DATE || this == DATETIME || this == TIME;
        }
    }

    public SqlType
    {
        requireNonNull(kind, "kind is null");
    }

    public static SqlType nullType()
    {
        return new SqlType(Kind.NULL, 0, 0, true, false);
    }

    public static SqlType bigint(long length, boolean nullable)
    {
        return new SqlType(Kind.BIGINT, length, 0, nullable, false);
    }

    public static SqlType unsignedBigint(long length, boolean nullable)
    {
        return new SqlType(Kind.BIGINT, length, 0, nullable, true);
    }

    /** A DECIMAL with {@code precision} digits of which {@code scale} after the point. */
    public static SqlType decimal(int precision, int scale, boolean nullable)
    {
        return new SqlType(Kind.DECIMAL, precision, scale, nullable, false);
    }

    public static SqlType doubleType(boolean nullable)
    {
        return new SqlType(Kind.DOUBLE, 22, NOT_FIXED_SCALE, nullable, false);
    }

    public static SqlType varchar(long characters, boolean nullable)
    {
        return new SqlType(Kind.VARCHAR, characters, 0, nullable, false);
    }

    public static SqlType varbinary(long bytes, boolean nullable)
    {
        return new SqlType(Kind.VARBINARY, bytes, 0, nullable, false);
    }

    /** A JSON value (MySQL 8's JSON type; MariaDB's JSON is LONGTEXT instead). */
    public static SqlType json(boolean nullable)
    {
        return new SqlType(Kind.JSON, LONGTEXT_CHARACTERS, 0, nullable, false);
    }

    public static SqlType date(boolean nullable)
    {
        return new SqlType(Kind.DATE, 10, 0, nullable, false);
    }

    public static SqlType datetime(int fractionalDigits, boolean nullable)
    {
        return new SqlType(Kind.DATETIME, fractionalDigits == 0 ? 19 : 20 + fractionalDigits, fractionalDigits, nullable, false);
    }

    public static SqlType time(boolean nullable)
    {
        return new SqlType(Kind.TIME, 10, 0, nullable, false);
    }

    public SqlType withNullable(boolean value)
    {
        return new SqlType(kind, length, scale, value, unsigned);
    }

    /** The precision of a DECIMAL (its digit count). */
    public int precision()
    {
        return (int) length;
    }

    /** The column definition MySQL sends for a computed column of this type. */
    public ResultColumn toColumn(String name)
    {
        int notNull = nullable ? 0 : NOT_NULL_FLAG;
        return switch (kind) {
            case NULL -> ResultColumn.expression(name, MySqlType.NULL, true, 0, BINARY_FLAG | NUM_FLAG, 0);
            case BIGINT -> ResultColumn.expression(name, MySqlType.LONGLONG, true, length, notNull | BINARY_FLAG | NUM_FLAG | (unsigned ? UNSIGNED_FLAG : 0), 0);
            case DECIMAL -> ResultColumn.expression(name, MySqlType.NEWDECIMAL, true, decimalDisplayLength(), notNull | BINARY_FLAG | NUM_FLAG, scale);
            case DOUBLE -> ResultColumn.expression(name, MySqlType.DOUBLE, true, length, notNull | BINARY_FLAG | NUM_FLAG, scale);
            case VARCHAR -> length > MAXIMUM_VARCHAR_CHARACTERS
                    ? ResultColumn.expression(name, MySqlType.BLOB, false, (length >= LONGTEXT_CHARACTERS ? LONGTEXT_BYTES : length * UTF8MB4_MAX_BYTES), notNull | BLOB_FLAG, NOT_FIXED_SCALE)
                    : ResultColumn.expression(name, MySqlType.VAR_STRING, false, length * UTF8MB4_MAX_BYTES, notNull, NOT_FIXED_SCALE);
            case VARBINARY -> ResultColumn.expression(name, MySqlType.VAR_STRING, true, length, notNull | BINARY_FLAG, NOT_FIXED_SCALE);
            case JSON -> ResultColumn.expression(name, MySqlType.JSON, true, LONGTEXT_BYTES, notNull | BLOB_FLAG | BINARY_FLAG, NOT_FIXED_SCALE);
            case DATE -> ResultColumn.expression(name, MySqlType.DATE, true, length, notNull | BINARY_FLAG, 0);
            case DATETIME -> ResultColumn.expression(name, MySqlType.DATETIME, true, length, notNull | BINARY_FLAG, scale);
            case TIME -> ResultColumn.expression(name, MySqlType.TIME, true, length, notNull | BINARY_FLAG, scale);
        };
    }

    /** MySQL's display length of a DECIMAL: digits, a sign and the point when there is a scale. */
    private long decimalDisplayLength()
    {
        return length + 1 + (scale > 0 ? 1 : 0);
    }
}
