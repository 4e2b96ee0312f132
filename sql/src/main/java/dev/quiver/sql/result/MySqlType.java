package dev.quiver.sql.result;

/**
 * The MySQL type a result column is reported with (the protocol's {@code enum_field_types}). The server maps
 * each constant to the wire's column type of the same name.
 */
public enum MySqlType
{
    DECIMAL,
    TINY,
    SHORT,
    LONG,
    FLOAT,
    DOUBLE,
    NULL,
    TIMESTAMP,
    LONGLONG,
    INT24,
    DATE,
    TIME,
    DATETIME,
    YEAR,
    VARCHAR,
    BIT,
    JSON,
    NEWDECIMAL,
    ENUM,
    SET,
    TINY_BLOB,
    MEDIUM_BLOB,
    LONG_BLOB,
    BLOB,
    VAR_STRING,
    STRING,
    GEOMETRY
}
