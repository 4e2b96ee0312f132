package dev.quiver.wire.spi;

import static java.util.Objects.requireNonNull;

/**
 * One column of a result set, as the ColumnDefinition41 packet describes it.
 *
 * @param schema the database of the underlying table, or empty
 * @param table the table alias, or empty
 * @param originalTable the table's real name, or empty
 * @param name the column label (alias)
 * @param originalName the column's real name, or empty
 * @param collationId the character set/collation id (63 = binary, 45 = utf8mb4_general_ci, ...)
 * @param columnLength the maximum display length
 * @param type the MySQL column type
 * @param flags the column flags (NOT_NULL 1, PRI_KEY 2, UNIQUE 4, MULTIPLE_KEY 8, BLOB 16, UNSIGNED 32,
 *         ZEROFILL 64, BINARY 128, ENUM 256, AUTO_INCREMENT 512, TIMESTAMP 1024, SET 2048, NUM 32768)
 * @param decimals number of decimals (0x1f for floating values without a fixed scale)
 */
public record ColumnDescriptor(
        String schema,
        String table,
        String originalTable,
        String name,
        String originalName,
        int collationId,
        long columnLength,
        ColumnType type,
        int flags,
        int decimals)
{
    public static final int FLAG_NOT_NULL = 1;
    public static final int FLAG_PRIMARY_KEY = 2;
    public static final int FLAG_UNIQUE_KEY = 4;
    public static final int FLAG_MULTIPLE_KEY = 8;
    public static final int FLAG_BLOB = 16;
    public static final int FLAG_UNSIGNED = 32;
    public static final int FLAG_BINARY = 128;
    public static final int FLAG_AUTO_INCREMENT = 512;
    public static final int FLAG_TIMESTAMP = 1024;
    public static final int FLAG_NUM = 32768;

    public static final int COLLATION_BINARY = 63;
    public static final int COLLATION_UTF8MB4_GENERAL_CI = 45;

    public ColumnDescriptor
    {
        requireNonNull(schema, "schema is null");
        requireNonNull(table, "table is null");
        requireNonNull(originalTable, "originalTable is null");
        requireNonNull(name, "name is null");
        requireNonNull(originalName, "originalName is null");
        requireNonNull(type, "type is null");
    }

    /** A column computed by an expression (no table), as MySQL describes {@code SELECT 1 + 1}. */
    public static ColumnDescriptor expression(String name, ColumnType type, int collationId, long columnLength, int flags, int decimals)
    {
        return new ColumnDescriptor("", "", "", name, "", collationId, columnLength, type, flags, decimals);
    }
}
