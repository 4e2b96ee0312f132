package dev.quiver.sql.parser;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.parser.Token.TokenType;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.ColumnType.IntegerWidth;

/**
 * A column's data type in a table definition, on the statement parser's cursor: the integer, decimal, floating,
 * string, binary, JSON, temporal and seekdb {@code STRING} / {@code VECTOR(n)} types with their lengths, display
 * widths and signs, checked against MySQL's limits (1074, 1425, 1426, 1439, 1063).
 */
final class ColumnTypeParser
{
    private static final int DEFAULT_CHAR_LENGTH = 1;

    private final TokenCursor cursor;

    ColumnTypeParser(TokenCursor cursor)
    {
        this.cursor = cursor;
    }

    static boolean isTypeName(String word)
    {
        return switch (word) {
            case "INT", "INTEGER", "TINYINT", "SMALLINT", "MEDIUMINT", "BIGINT", "BOOL", "BOOLEAN", "FLOAT", "DOUBLE", "REAL", "DECIMAL",
                    "NUMERIC", "DEC", "FIXED", "CHAR", "CHARACTER", "VARCHAR", "TEXT", "TINYTEXT", "MEDIUMTEXT", "LONGTEXT", "STRING", "BINARY",
                    "VARBINARY", "BLOB", "TINYBLOB", "MEDIUMBLOB", "LONGBLOB", "JSON", "VECTOR", "DATE", "DATETIME", "TIMESTAMP" -> true;
            default -> false;
        };
    }

    ColumnType type(String column)
    {
        Token token = cursor.next();
        if (token.type() != TokenType.WORD) {
            throw ParseErrors.at(cursor.original, token.start());
        }
        String word = token.upper();
        ColumnType type = switch (word) {
            case "TINYINT" -> integer(IntegerWidth.TINYINT, column);
            case "SMALLINT" -> integer(IntegerWidth.SMALLINT, column);
            case "MEDIUMINT" -> integer(IntegerWidth.MEDIUMINT, column);
            case "INT", "INTEGER" -> integer(IntegerWidth.INT, column);
            case "BIGINT" -> integer(IntegerWidth.BIGINT, column);
            case "BOOL", "BOOLEAN" -> new ColumnType.BooleanType();
            case "FLOAT" -> {
                skipPrecision();
                skipSign();
                yield new ColumnType.FloatType();
            }
            case "DOUBLE", "REAL" -> {
                cursor.acceptWord("PRECISION");
                skipPrecision();
                skipSign();
                yield new ColumnType.DoubleType();
            }
            case "DECIMAL", "NUMERIC", "DEC", "FIXED" -> decimal(column);
            case "CHAR", "CHARACTER" -> {
                if (cursor.acceptWord("VARYING")) {
                    yield new ColumnType.StringType(ColumnType.StringKind.VARCHAR, requiredLength(column));
                }
                yield new ColumnType.StringType(ColumnType.StringKind.CHAR, optionalLength(DEFAULT_CHAR_LENGTH));
            }
            case "VARCHAR" -> new ColumnType.StringType(ColumnType.StringKind.VARCHAR, requiredLength(column));
            case "TINYTEXT" -> new ColumnType.StringType(ColumnType.StringKind.VARCHAR, 255);
            case "TEXT" -> {
                optionalLength(0);
                yield ColumnType.StringType.text();
            }
            case "MEDIUMTEXT" -> new ColumnType.StringType(ColumnType.StringKind.MEDIUMTEXT, 16_777_215);
            case "LONGTEXT" -> ColumnType.StringType.longText();
            case "STRING" -> ColumnType.StringType.string();
            case "BINARY" -> new ColumnType.BinaryType(ColumnType.BinaryKind.BINARY, optionalLength(1));
            case "VARBINARY" -> new ColumnType.BinaryType(ColumnType.BinaryKind.VARBINARY, requiredLength(column));
            case "TINYBLOB" -> new ColumnType.BinaryType(ColumnType.BinaryKind.VARBINARY, 255);
            case "BLOB" -> {
                optionalLength(0);
                yield ColumnType.BinaryType.blob();
            }
            case "MEDIUMBLOB" -> new ColumnType.BinaryType(ColumnType.BinaryKind.MEDIUMBLOB, 16_777_215);
            case "LONGBLOB" -> new ColumnType.BinaryType(ColumnType.BinaryKind.LONGBLOB, 4_294_967_295L);
            case "JSON" -> new ColumnType.JsonType();
            case "VECTOR" -> {
                long dimensions = requiredLength(column);
                if (dimensions < 1 || dimensions > ColumnType.MAX_VECTOR_DIMENSIONS) {
                    throw new QuiverException(ErrorCode.ER_TOO_BIG_FIELDLENGTH, column, (long) ColumnType.MAX_VECTOR_DIMENSIONS);
                }
                yield new ColumnType.VectorType((int) dimensions);
            }
            case "DATE" -> ColumnType.TemporalType.date();
            case "DATETIME" -> new ColumnType.TemporalType(ColumnType.TemporalKind.DATETIME, fractionalDigits(column));
            case "TIMESTAMP" -> new ColumnType.TemporalType(ColumnType.TemporalKind.TIMESTAMP, fractionalDigits(column));
            default -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "column type " + word);
        };
        return type;
    }

    private ColumnType integer(IntegerWidth width, String column)
    {
        if (cursor.acceptSymbol("(")) {
            long display = cursor.number();
            cursor.expectSymbol(")");
            if (display > 255) {
                throw new QuiverException(ErrorCode.ER_TOO_BIG_DISPLAYWIDTH, column, 255L);
            }
            if (width == IntegerWidth.TINYINT && display == 1 && !cursor.peek().isWord("UNSIGNED")) {
                return new ColumnType.BooleanType();
            }
        }
        boolean unsigned = skipSign();
        return new ColumnType.IntegerType(width, unsigned);
    }

    private boolean skipSign()
    {
        boolean unsigned = false;
        while (true) {
            if (cursor.acceptWord("UNSIGNED")) {
                unsigned = true;
            }
            else if (cursor.acceptWord("ZEROFILL")) {
                unsigned = true;
            }
            else if (!cursor.acceptWord("SIGNED")) {
                return unsigned;
            }
        }
    }

    private void skipPrecision()
    {
        if (cursor.acceptSymbol("(")) {
            cursor.number();
            if (cursor.acceptSymbol(",")) {
                cursor.number();
            }
            cursor.expectSymbol(")");
        }
    }

    private ColumnType decimal(String column)
    {
        long precision = 10;
        long scale = 0;
        if (cursor.acceptSymbol("(")) {
            precision = cursor.number();
            if (cursor.acceptSymbol(",")) {
                scale = cursor.number();
            }
            cursor.expectSymbol(")");
        }
        skipSign();
        if (precision > ColumnType.MAX_DECIMAL_PRECISION) {
            throw new QuiverException(ErrorCode.ER_TOO_BIG_PRECISION, precision, column, (long) ColumnType.MAX_DECIMAL_PRECISION);
        }
        if (scale > ColumnType.MAX_DECIMAL_SCALE) {
            throw new QuiverException(ErrorCode.ER_TOO_BIG_SCALE, scale, column, (long) ColumnType.MAX_DECIMAL_SCALE);
        }
        if (scale > precision) {
            throw new QuiverException(ErrorCode.ER_WRONG_FIELD_SPEC, column);
        }
        return new ColumnType.DecimalType((int) precision, (int) scale);
    }

    private int fractionalDigits(String column)
    {
        long digits = optionalLength(0);
        if (digits > 6) {
            throw new QuiverException(ErrorCode.ER_TOO_BIG_PRECISION, digits, column, 6L);
        }
        return (int) digits;
    }

    private long requiredLength(String column)
    {
        if (!cursor.peek().isSymbol("(")) {
            throw cursor.errorHere();
        }
        return optionalLength(0);
    }

    private long optionalLength(long otherwise)
    {
        if (!cursor.acceptSymbol("(")) {
            return otherwise;
        }
        long length = cursor.number();
        cursor.expectSymbol(")");
        return length;
    }
}
