package dev.quiver.client.internal;

import dev.quiver.client.ClientException;
import dev.quiver.client.model.GetResponse;
import dev.quiver.client.model.Include;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads result sets into values, by column name as the seekdb SDKs do: {@code _id} (VARBINARY, read
 * as UTF-8 bytes), {@code document} (text), {@code metadata} (JSON or text), {@code embedding} (vector
 * text such as {@code [1,0,0]}), {@code distance} (DOUBLE), {@code cnt} (integer).
 */
public final class ResultMappers
{
    /** Score columns of a hybrid search result, in the order the JS SDK looks for them. */
    private static final List<String> SCORE_COLUMNS = List.of("_distance", "distance", "_score", "score", "DISTANCE", "_DISTANCE", "SCORE");

    private ResultMappers() {}

    /** {@code get} rows. */
    public static JdbcExecutor.ResultSetMapper<GetResponse> getResponse(Set<Include> include)
    {
        return resultSet -> {
            RankedRows rows = readRows(resultSet, include, Optional.empty());
            return new GetResponse(rows.ids(), rows.documents(), rows.metadatas(), rows.embeddings(), include);
        };
    }

    /** The rows of one vector query, with the {@code distance} column. */
    public static JdbcExecutor.ResultSetMapper<RankedRows> queryRows(Set<Include> include)
    {
        return resultSet -> readRows(resultSet, include, Optional.of(List.of("distance")));
    }

    /** The rows of the SQL returned by {@code DBMS_HYBRID_SEARCH.GET_SQL}, scored by the first score column present (else 0). */
    public static JdbcExecutor.ResultSetMapper<RankedRows> hybridRows(Set<Include> include)
    {
        return resultSet -> readRows(resultSet, include, Optional.of(SCORE_COLUMNS));
    }

    /** The ids of the rows (e.g. which of some ids exist). */
    public static JdbcExecutor.ResultSetMapper<List<String>> ids()
    {
        return resultSet -> readRows(resultSet, Set.of(), Optional.empty()).ids();
    }

    /** {@code cnt} of {@code SELECT COUNT(*) as cnt}. */
    public static JdbcExecutor.ResultSetMapper<Long> count()
    {
        return resultSet -> resultSet.next() ? resultSet.getLong("cnt") : 0L;
    }

    /** The first row of {@code sdk_collections}, if any. */
    public static JdbcExecutor.ResultSetMapper<Optional<CatalogRow>> catalogRow()
    {
        return resultSet -> catalogRows().map(resultSet).stream().findFirst();
    }

    public static JdbcExecutor.ResultSetMapper<List<CatalogRow>> catalogRows()
    {
        return resultSet -> {
            List<CatalogRow> result = new ArrayList<>();
            while (resultSet.next()) {
                result.add(new CatalogRow(resultSet.getString("collection_id"), resultSet.getString("collection_name"), resultSet.getString("settings")));
            }
            return result;
        };
    }

    /** {@code collection_id} of the first row, if any. */
    public static JdbcExecutor.ResultSetMapper<Optional<String>> collectionId()
    {
        return resultSet -> resultSet.next() ? Optional.ofNullable(resultSet.getString("collection_id")) : Optional.empty();
    }

    /** The first column of every row ({@code SHOW TABLES}). */
    public static JdbcExecutor.ResultSetMapper<List<String>> firstColumn()
    {
        return resultSet -> {
            List<String> result = new ArrayList<>();
            while (resultSet.next()) {
                result.add(resultSet.getString(1));
            }
            return result;
        };
    }

    /** {@code DESCRIBE}: column name to type, e.g. {@code embedding -> VECTOR(3)}. */
    public static JdbcExecutor.ResultSetMapper<Map<String, String>> describedColumns()
    {
        return resultSet -> {
            Map<String, String> result = new LinkedHashMap<>();
            while (resultSet.next()) {
                result.put(resultSet.getString("Field"), resultSet.getString("Type"));
            }
            return result;
        };
    }

    /** The second column of the first row ({@code SHOW CREATE TABLE}'s {@code Create Table}), if any. */
    public static JdbcExecutor.ResultSetMapper<Optional<String>> secondColumn()
    {
        return resultSet -> resultSet.next() ? Optional.ofNullable(resultSet.getString(2)) : Optional.empty();
    }

    /** {@code query_sql} of {@code GET_SQL}, if a non-empty one was returned. */
    public static JdbcExecutor.ResultSetMapper<Optional<String>> querySql()
    {
        return resultSet -> {
            if (!resultSet.next()) {
                return Optional.empty();
            }
            String result = resultSet.getString("query_sql");
            return result == null || result.isBlank() ? Optional.empty() : Optional.of(result);
        };
    }

    private static RankedRows readRows(ResultSet resultSet, Set<Include> include, Optional<List<String>> scoreColumns)
            throws SQLException
    {
        int scoreColumn = scoreColumns.map(names -> findColumn(resultSet, names)).orElse(0);
        List<String> ids = new ArrayList<>();
        List<Double> distances = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        List<Map<String, Object>> metadatas = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        while (resultSet.next()) {
            String id = readId(resultSet);
            ids.add(id);
            if (scoreColumns.isPresent()) {
                distances.add(scoreColumn == 0 ? 0.0 : readDouble(resultSet, scoreColumn));
            }
            if (include.contains(Include.DOCUMENTS)) {
                documents.add(resultSet.getString("document"));
            }
            if (include.contains(Include.METADATAS)) {
                metadatas.add(readMetadata(resultSet.getString("metadata"), id));
            }
            if (include.contains(Include.EMBEDDINGS)) {
                embeddings.add(readEmbedding(resultSet.getString("embedding"), id));
            }
        }
        return new RankedRows(ids, distances, documents, metadatas, embeddings);
    }

    private static String readId(ResultSet resultSet)
            throws SQLException
    {
        byte[] bytes = resultSet.getBytes("_id");
        if (bytes == null) {
            throw new ClientException("The server returned a row with a NULL _id");
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Double readDouble(ResultSet resultSet, int column)
            throws SQLException
    {
        double value = resultSet.getDouble(column);
        return resultSet.wasNull() ? null : value;
    }

    private static Map<String, Object> readMetadata(String json, String id)
    {
        if (json == null) {
            return null;
        }
        try {
            return JsonCodec.parseObject(json);
        }
        catch (IllegalArgumentException ex) {
            throw new ClientException("Row '%s' has metadata that is not a JSON object: %s".formatted(id, ex.getMessage()));
        }
    }

    private static float[] readEmbedding(String text, String id)
    {
        if (text == null) {
            return null;
        }
        try {
            return VectorCodec.decode(text);
        }
        catch (IllegalArgumentException ex) {
            throw new ClientException("Row '%s' has an embedding that is not vector text: %s".formatted(id, ex.getMessage()));
        }
    }

    /** The 1-based index of the first of {@code names} among the column labels, or 0. */
    private static int findColumn(ResultSet resultSet, List<String> names)
    {
        try {
            ResultSetMetaData metaData = resultSet.getMetaData();
            for (String name : names) {
                for (int column = 1; column <= metaData.getColumnCount(); column++) {
                    if (name.equals(metaData.getColumnLabel(column))) {
                        return column;
                    }
                }
            }
            return 0;
        }
        catch (SQLException ex) {
            throw SqlErrors.translate("read result columns", ex);
        }
    }
}
