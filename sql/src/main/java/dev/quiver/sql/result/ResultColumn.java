package dev.quiver.sql.result;

import static java.util.Objects.requireNonNull;

/**
 * One column of a result set, with what the protocol's column definition needs.
 *
 * @param schema database of the underlying table, or empty
 * @param table table alias, or empty
 * @param originalTable real table name, or empty
 * @param name column label
 * @param originalName real column name, or empty
 * @param type the reported MySQL type
 * @param binary true for binary data (collation 63), false for utf8mb4 text
 * @param length maximum display length in bytes
 * @param flags MySQL column flags (NOT_NULL 1, PRI_KEY 2, UNIQUE 4, MULTIPLE_KEY 8, BLOB 16, UNSIGNED 32,
 *         BINARY 128, AUTO_INCREMENT 512, NUM 32768)
 * @param decimals scale, or 31 for floating values without a fixed scale
 */
public record ResultColumn(
        String schema,
        String table,
        String originalTable,
        String name,
        String originalName,
        MySqlType type,
        boolean binary,
        long length,
        int flags,
        int decimals)
{
    public ResultColumn
    {
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        requireNonNull(originalTable, "originalTable is null");
        requireNonNull(name, "name is null");
        requireNonNull(originalName, "originalName is null");
        requireNonNull(type, "type is null");
    }

    /** A computed column (no table behind it). */
    public static ResultColumn expression(String name, MySqlType type, boolean binary, long length, int flags, int decimals)
    {
        return new ResultColumn("", "", "", name, "", type, binary, length, flags, decimals);
    }
}
