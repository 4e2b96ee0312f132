package dev.quiver.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Splits the rows of one {@code add} or {@code upsert} into batches, each sent as one atomic
 * statement. A batch holds at most {@code maximumRows} rows and at most {@code maximumStatementBytes}
 * of SQL text, estimated in the worst case: every character of an id, document or metadata JSON
 * escaped (twice its UTF-8 bytes), vector text as is, plus fixed overhead per row and per statement.
 * A single row larger than the budget still goes alone in its own batch (the server then decides).
 */
public final class BatchPlanner
{
    /** Fixed cost of a statement: INSERT INTO, table name, column list, ON DUPLICATE KEY UPDATE clause. */
    static final int STATEMENT_OVERHEAD_BYTES = 512;
    /** Fixed cost of a row: {@code (CAST('' AS BINARY), '', '', ''), } and NULLs. */
    static final int ROW_OVERHEAD_BYTES = 64;

    private BatchPlanner() {}

    public static List<List<WriteRow>> plan(List<WriteRow> rows, Set<Column> columns, long maximumStatementBytes, int maximumRows)
    {
        requireNonNull(rows, "rows is null");
        requireNonNull(columns, "columns is null");
        if (maximumRows < 1 || maximumStatementBytes < 1) {
            throw new IllegalArgumentException("batch limits must be positive");
        }
        List<List<WriteRow>> result = new ArrayList<>();
        List<WriteRow> current = new ArrayList<>();
        long currentBytes = STATEMENT_OVERHEAD_BYTES;
        for (WriteRow row : rows) {
            long rowBytes = estimatedBytes(row, columns);
            boolean full = current.size() >= maximumRows || currentBytes + rowBytes > maximumStatementBytes;
            if (!current.isEmpty() && full) {
                result.add(List.copyOf(current));
                current = new ArrayList<>();
                currentBytes = STATEMENT_OVERHEAD_BYTES;
            }
            current.add(row);
            currentBytes += rowBytes;
        }
        if (!current.isEmpty()) {
            result.add(List.copyOf(current));
        }
        return result;
    }

    /** The worst-case number of bytes a row adds to an INSERT statement. */
    static long estimatedBytes(WriteRow row, Set<Column> columns)
    {
        long result = ROW_OVERHEAD_BYTES + escapedBytes(row.id());
        if (columns.contains(Column.DOCUMENT)) {
            result += escapedBytes(row.document());
        }
        if (columns.contains(Column.METADATA)) {
            result += escapedBytes(row.metadataJson());
        }
        if (columns.contains(Column.EMBEDDING) && row.embeddingText() != null) {
            result += row.embeddingText().length();
        }
        return result;
    }

    private static long escapedBytes(String text)
    {
        return text == null ? 0 : 2L * text.getBytes(StandardCharsets.UTF_8).length;
    }
}
