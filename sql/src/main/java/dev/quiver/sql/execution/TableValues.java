package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.Session;
import dev.quiver.sql.result.MySqlType;
import dev.quiver.sql.result.ResultColumn;
import dev.quiver.sql.tree.TableName;
import dev.quiver.sql.type.SqlType;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Value;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The seam between storage's typed {@link Value}s and the evaluator's runtime values, table name resolution, and
 * the result column a table column is reported with.
 */
final class TableValues
{
    private static final int NOT_NULL_FLAG = 1;
    private static final int PRI_KEY_FLAG = 2;
    private static final int UNIQUE_KEY_FLAG = 4;
    private static final int MULTIPLE_KEY_FLAG = 8;
    private static final int BLOB_FLAG = 16;
    private static final int UNSIGNED_FLAG = 32;
    private static final int BINARY_FLAG = 128;
    private static final int AUTO_INCREMENT_FLAG = 512;
    private static final int NUM_FLAG = 32768;
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private TableValues()
    {
    }

    /** The database of a table name: as written, else the session's, else ER_NO_DB_ERROR. */
    static String database(TableName table, Session session)
    {
        if (table.database().isPresent()) {
            return table.database().get();
        }
        if (session.database() == null) {
            throw new QuiverException(ErrorCode.ER_NO_DB_ERROR);
        }
        return session.database();
    }

    /** A stored value as the evaluator sees it: JSON and VECTOR as their text, integers as Long or BigInteger. */
    static Object toRuntime(Value value, ColumnType type)
    {
        return switch (value) {
            case Value.NullValue ignored -> null;
            case Value.IntegerValue integer -> integer.unsigned() && integer.value() < 0
                    ? BigInteger.valueOf(integer.value()).add(TWO_TO_64)
                    : (Object) integer.value();
            case Value.DoubleValue number -> type instanceof ColumnType.FloatType ? (Object) (float) number.value() : (Object) number.value();
            case Value.DecimalValue number -> number.value();
            case Value.StringValue text -> text.value();
            case Value.BytesValue bytes -> bytes.value();
            case Value.JsonValue json -> json.toSqlText();
            case Value.VectorValue vector -> vector.toSqlText();
            case Value.DateValue date -> date.value();
            case Value.DateTimeValue dateTime -> dateTime.value();
        };
    }

    /** The evaluator's value for the evaluator (FLOAT widened to DOUBLE). */
    static Object forEvaluation(Value value, ColumnType type)
    {
        Object runtime = toRuntime(value, type);
        return runtime instanceof Float number ? (Object) Double.parseDouble(number.toString()) : runtime;
    }

    /** A runtime value handed to storage, which coerces it to the column's type with MySQL's strict checks. */
    static Value toValue(Object value)
    {
        return switch (value) {
            case null -> Value.NULL;
            case Long number -> Value.of(number);
            case Integer number -> Value.of(number.longValue());
            case BigInteger number -> number.signum() >= 0 && number.bitLength() <= 64
                    ? Value.IntegerValue.unsignedOf(number.longValue())
                    : Value.of(new BigDecimal(number));
            case Double number -> Value.of(number);
            case Float number -> Value.of(Double.parseDouble(number.toString()));
            case BigDecimal number -> Value.of(number);
            case String text -> Value.of(text);
            case byte[] bytes -> Value.of(bytes);
            case LocalDate date -> new Value.DateValue(date);
            case LocalDateTime dateTime -> new Value.DateTimeValue(dateTime);
            case Duration duration -> Value.of(dev.quiver.sql.expression.Values.text(duration));
            // a JSON value (JSON_OBJECT(..), CAST(.. AS JSON)) is stored through its text: a JSON column parses it back
            case dev.quiver.storage.json.JsonNode json -> Value.of(json.toString());
            default -> throw new IllegalArgumentException("unsupported runtime value " + value.getClass().getName());
        };
    }

    /** The static type of a column for the type derivation of expressions over it. */
    static SqlType sqlType(ColumnDefinition column)
    {
        boolean nullable = column.nullable();
        return switch (column.type()) {
            case ColumnType.IntegerType integer -> integer.unsigned() ? SqlType.unsignedBigint(20, nullable) : SqlType.bigint(displayWidth(integer), nullable);
            case ColumnType.BooleanType ignored -> SqlType.bigint(1, nullable);
            case ColumnType.FloatType ignored -> SqlType.doubleType(nullable);
            case ColumnType.DoubleType ignored -> SqlType.doubleType(nullable);
            case ColumnType.DecimalType decimal -> SqlType.decimal(decimal.precision(), decimal.scale(), nullable);
            case ColumnType.StringType text -> SqlType.varchar(Math.min(text.maxLength(), 16_383), nullable);
            case ColumnType.BinaryType binary -> SqlType.varbinary(Math.min(binary.maxLength(), 65_535), nullable);
            case ColumnType.JsonType ignored -> SqlType.json(nullable);
            case ColumnType.VectorType ignored -> SqlType.varchar(16_383, nullable);
            case ColumnType.TemporalType temporal -> temporal.kind() == ColumnType.TemporalKind.DATE
                    ? SqlType.date(nullable)
                    : SqlType.datetime(temporal.fractionalDigits(), nullable);
        };
    }

    private static int displayWidth(ColumnType.IntegerType integer)
    {
        return switch (integer.width()) {
            case TINYINT -> integer.unsigned() ? 3 : 4;
            case SMALLINT -> integer.unsigned() ? 5 : 6;
            case MEDIUMINT -> integer.unsigned() ? 8 : 9;
            case INT -> integer.unsigned() ? 10 : 11;
            case BIGINT -> 20;
        };
    }

    /** The column definition MySQL sends for a table column selected as is. */
    static ResultColumn resultColumn(String schema, String tableAlias, TableDefinition table, ColumnDefinition column, String label)
    {
        int flags = column.nullable() ? 0 : NOT_NULL_FLAG;
        for (IndexDefinition index : table.indexes()) {
            boolean first = index.columns().get(0).equalsIgnoreCase(column.name());
            boolean member = index.columns().stream().anyMatch(each -> each.equalsIgnoreCase(column.name()));
            if (index.kind() == IndexDefinition.Kind.PRIMARY && member) {
                flags |= PRI_KEY_FLAG;
            }
            else if (index.kind() == IndexDefinition.Kind.UNIQUE && first && index.columns().size() == 1) {
                flags |= UNIQUE_KEY_FLAG;
            }
            else if (first && index.kind() != IndexDefinition.Kind.PRIMARY) {
                flags |= MULTIPLE_KEY_FLAG;
            }
        }
        if (column.autoIncrement()) {
            flags |= AUTO_INCREMENT_FLAG;
        }
        MySqlType type;
        boolean binary = true;
        long length;
        int decimals = 0;
        switch (column.type()) {
            case ColumnType.IntegerType integer -> {
                type = switch (integer.width()) {
                    case TINYINT -> MySqlType.TINY;
                    case SMALLINT -> MySqlType.SHORT;
                    case MEDIUMINT -> MySqlType.INT24;
                    case INT -> MySqlType.LONG;
                    case BIGINT -> MySqlType.LONGLONG;
                };
                length = displayWidth(integer);
                flags |= NUM_FLAG | (integer.unsigned() ? UNSIGNED_FLAG : 0);
            }
            case ColumnType.BooleanType ignored -> {
                type = MySqlType.TINY;
                length = 1;
                flags |= NUM_FLAG;
            }
            case ColumnType.FloatType ignored -> {
                type = MySqlType.FLOAT;
                length = 12;
                decimals = SqlType.NOT_FIXED_SCALE;
                flags |= NUM_FLAG;
            }
            case ColumnType.DoubleType ignored -> {
                type = MySqlType.DOUBLE;
                length = 22;
                decimals = SqlType.NOT_FIXED_SCALE;
                flags |= NUM_FLAG;
            }
            case ColumnType.DecimalType decimal -> {
                type = MySqlType.NEWDECIMAL;
                length = decimal.precision() + 1 + (decimal.scale() > 0 ? 1 : 0);
                decimals = decimal.scale();
                flags |= NUM_FLAG;
            }
            case ColumnType.StringType text -> {
                binary = false;
                switch (text.kind()) {
                    case CHAR -> type = MySqlType.STRING;
                    case VARCHAR -> type = MySqlType.VAR_STRING;
                    default -> {
                        type = MySqlType.BLOB;
                        flags |= BLOB_FLAG;
                    }
                }
                length = text.lengthInCharacters() ? text.maxLength() * 4 : text.maxLength();
            }
            case ColumnType.BinaryType bytes -> {
                flags |= BINARY_FLAG;
                switch (bytes.kind()) {
                    case BINARY -> type = MySqlType.STRING;
                    case VARBINARY -> type = MySqlType.VAR_STRING;
                    default -> {
                        type = MySqlType.BLOB;
                        flags |= BLOB_FLAG;
                    }
                }
                length = bytes.maxLength();
            }
            case ColumnType.JsonType ignored -> {
                type = MySqlType.JSON;
                length = 4_294_967_295L;
                flags |= BLOB_FLAG | BINARY_FLAG;
            }
            case ColumnType.VectorType vector -> {
                type = MySqlType.VAR_STRING;
                binary = false;
                length = Math.min(65_532L, vector.dimensions() * 16L * 4);
            }
            case ColumnType.TemporalType temporal -> {
                int fsp = temporal.fractionalDigits();
                type = switch (temporal.kind()) {
                    case DATE -> MySqlType.DATE;
                    case DATETIME -> MySqlType.DATETIME;
                    case TIMESTAMP -> MySqlType.TIMESTAMP;
                };
                length = temporal.kind() == ColumnType.TemporalKind.DATE ? 10 : (fsp == 0 ? 19 : 20 + fsp);
                decimals = fsp;
                flags |= BINARY_FLAG;
            }
        }
        return new ResultColumn(schema, tableAlias, table.name(), label, column.name(), type, binary, length, flags, decimals);
    }
}
