package dev.quiver.storage;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.HybridSearchRequest;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.RowCursor;
import dev.quiver.storage.table.ScanRequest;
import dev.quiver.storage.table.UpdateResult;
import dev.quiver.storage.table.WriteRequest;
import dev.quiver.storage.table.WriteResult;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A handle on one table's rows. Thread-safe. Every write method is one statement: it applies whole or not at all,
 * is durable when it returns (for durable engines), and is visible to every later read from any thread at once
 * (no refresh wait). Values written are coerced to the column types with MySQL's strict-mode checks; errors are
 * {@link dev.quiver.common.QuiverException}s with MySQL's numbers. A handle whose table was dropped fails with
 * {@code ER_NO_SUCH_TABLE}.
 */
public interface Table
{
    String databaseName();

    TableDefinition definition();

    /** INSERT / REPLACE / INSERT IGNORE / ON DUPLICATE KEY UPDATE of a batch of rows; see {@link dev.quiver.storage.table.ConflictPolicy}. */
    WriteResult write(WriteRequest request);

    /**
     * Real-time lookup by primary key: one entry per key, in order, empty when no row has it. Each key lists the
     * primary key's values in key-column order. {@code ER_NOT_SUPPORTED_YET} for a table without a primary key.
     */
    List<Optional<Row>> get(List<List<Value>> primaryKeys);

    /** Rows matching the request's filter, ordered, offset, limited and projected. */
    RowCursor scan(ScanRequest request);

    /** Number of rows matching {@code filter}. */
    long count(Filter filter);

    /**
     * UPDATE: replaces each selected row (the request's filter, order and limit choose them, its projection is
     * ignored) by {@code updater.apply(row)}, a full row. Rows are updated one by one in selection order and unique
     * keys are checked against the table as it stands, as MySQL does; any error undoes the whole statement.
     */
    UpdateResult update(ScanRequest selection, UnaryOperator<Row> updater);

    /** DELETE of the selected rows (filter, order, limit); returns how many were deleted. */
    long delete(ScanRequest selection);

    default UpdateResult update(Filter filter, UnaryOperator<Row> updater)
    {
        return update(ScanRequest.where(filter), updater);
    }

    default long delete(Filter filter)
    {
        return delete(ScanRequest.where(filter));
    }

    /** Removes every row and resets auto_increment (TRUNCATE TABLE). */
    void truncate();

    /**
     * Top-k nearest rows by vector distance ({@link VectorSearchRequest}). Errors: {@code ER_BAD_FIELD_ERROR} for an
     * unknown column, {@code ER_WRONG_ARGUMENTS} for a column that is not a VECTOR, {@code ER_VECTOR_DIMENSION_MISMATCH}
     * for a query of the wrong dimension.
     */
    default SearchResult vectorSearch(VectorSearchRequest request)
    {
        throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "vector search on this engine");
    }

    /**
     * Brings the table's search indexes to their best shape for searching now, for a caller that finished a bulk
     * load (seekdb's {@code CALL dbms_index_manager.refresh()}): the durable engine merges the table's index into one
     * segment (one HNSW graph per vector index instead of one per segment), reopens its searcher and commits, so the
     * merge survives a restart. Returns when done. Writes and reads may run meanwhile (a write during the merge may
     * leave a small new segment). Results of searches do not change. A no-op for engines without segments.
     */
    default void refreshIndexes() {}

    /** Full-text search through a FULLTEXT index ({@link TextSearchRequest}); {@code ER_FT_MATCHING_KEY_NOT_FOUND} without one. */
    default SearchResult textSearch(TextSearchRequest request)
    {
        throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "full-text search on this engine");
    }

    /** Vector and text search fused by reciprocal rank ({@link HybridSearchRequest}). */
    default SearchResult hybridSearch(HybridSearchRequest request)
    {
        throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "hybrid search on this engine");
    }
}
