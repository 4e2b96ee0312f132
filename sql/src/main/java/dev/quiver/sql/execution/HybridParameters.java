package dev.quiver.sql.execution;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.ColumnDefinition;
import dev.quiver.storage.catalog.ColumnType;
import dev.quiver.storage.catalog.IndexDefinition;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.json.JsonNode;
import dev.quiver.storage.json.JsonParser;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.search.HybridSearchRequest;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.TextMode;
import dev.quiver.storage.search.TextSearchRequest;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The search parameters of {@code DBMS_HYBRID_SEARCH} (the JSON the seekdb SDK builds, seekdb-js.md 4.16) as a storage
 * {@link HybridSearchRequest}: {@code query} ({@code query_string}, {@code match}, {@code regexp}, {@code term},
 * {@code range}, {@code bool} with must/should/filter/must_not) becomes the text search with its filter; {@code knn}
 * ({@code field}, {@code k}, {@code query_vector}, {@code filter}) the approximate vector search, in the metric of the
 * field's VECTOR index; {@code rank.rrf.rank_constant} (default 60) and {@code rank_window_size} the fusion; {@code size}
 * (default 10) the number of hits. A query with filters but no text restricts the kNN side instead. Filter fields are
 * columns or the SDK's {@code JSON_EXTRACT(metadata, '$.path')}.
 */
final class HybridParameters
{
    private static final Pattern JSON_EXTRACT = Pattern.compile("(?i)\\s*json_extract\\s*\\(\\s*`?(\\w+)`?\\s*,\\s*'([^']*)'\\s*\\)\\s*");
    private static final int DEFAULT_SIZE = 10;

    private HybridParameters()
    {
    }

    /** The query side: text to match (may be empty), the filter and a residual (regexp). */
    private record QueryPart(List<String> texts, List<String> fields, Filter filter, Predicate<Row> residual) {}

    static HybridSearchRequest request(String parameters, TableDefinition table, OptionalInt efSearch, long cap)
    {
        JsonNode root;
        try {
            root = JsonParser.parse(parameters);
        }
        catch (JsonParser.MalformedJsonException ex) {
            throw new QuiverException(ErrorCode.ER_INVALID_JSON_TEXT_IN_PARAM, 2, "DBMS_HYBRID_SEARCH", ex.reason(), ex.position());
        }
        if (!(root instanceof JsonNode.JsonObject object)) {
            throw invalid("the search parameters must be a JSON object");
        }
        Map<String, JsonNode> members = object.members();
        for (String key : members.keySet()) {
            if (!List.of("query", "knn", "rank", "size", "_source", "from").contains(key)) {
                throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "hybrid search parameter '" + key + "'");
            }
        }
        if (members.containsKey("from") && integer(members.get("from"), "from") != 0) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "hybrid search parameter 'from'");
        }
        int size = members.containsKey("size") ? integer(members.get("size"), "size") : DEFAULT_SIZE;
        size = (int) Math.min(size, cap);
        int rankConstant = HybridSearchRequest.DEFAULT_RANK_CONSTANT;
        int window = size;
        if (members.get("rank") instanceof JsonNode.JsonObject rank && rank.members().get("rrf") instanceof JsonNode.JsonObject rrf) {
            if (rrf.members().containsKey("rank_constant")) {
                rankConstant = integer(rrf.members().get("rank_constant"), "rank_constant");
            }
            if (rrf.members().containsKey("rank_window_size")) {
                window = Math.max(size, integer(rrf.members().get("rank_window_size"), "rank_window_size"));
            }
        }
        else if (members.containsKey("rank")) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "hybrid search rank other than rrf");
        }
        Optional<QueryPart> query = members.containsKey("query") ? Optional.of(query(members.get("query"), table)) : Optional.empty();
        Optional<TextSearchRequest> text = Optional.empty();
        Filter knnExtra = Filter.ALL;
        Predicate<Row> knnResidual = row -> true;
        if (query.isPresent()) {
            QueryPart part = query.get();
            if (part.texts().isEmpty()) {
                knnExtra = part.filter();
                knnResidual = part.residual();
            }
            else {
                List<String> fields = part.fields().isEmpty() ? defaultTextFields(table) : part.fields();
                text = Optional.of(new TextSearchRequest(fields, String.join(" ", part.texts()), TextMode.NATURAL_LANGUAGE, part.filter(), part.residual(),
                        OptionalInt.of(window), List.of()));
            }
        }
        Optional<VectorSearchRequest> vector = Optional.empty();
        if (members.get("knn") instanceof JsonNode.JsonObject knn) {
            vector = Optional.of(knn(knn, table, knnExtra, knnResidual, efSearch, window));
        }
        else if (members.containsKey("knn")) {
            throw invalid("knn must be an object");
        }
        else if (query.isPresent() && text.isEmpty()) {
            throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "hybrid search with only filters (no text query and no knn)");
        }
        if (vector.isEmpty() && text.isEmpty()) {
            throw invalid("neither query nor knn");
        }
        return new HybridSearchRequest(vector, text, rankConstant, size, List.of());
    }

    private static VectorSearchRequest knn(JsonNode.JsonObject knn, TableDefinition table, Filter extra, Predicate<Row> residual, OptionalInt efSearch, int window)
    {
        Map<String, JsonNode> members = knn.members();
        String field = members.get("field") instanceof JsonNode.JsonString name ? name.value() : "embedding";
        ColumnDefinition column = column(table, field);
        if (!(column.type() instanceof ColumnType.VectorType type)) {
            throw invalid("knn field '" + field + "' is not a VECTOR column");
        }
        int k = members.containsKey("k") ? integer(members.get("k"), "k") : window;
        if (!(members.get("query_vector") instanceof JsonNode.JsonArray array)) {
            throw invalid("knn needs a query_vector array");
        }
        float[] query = new float[array.elements().size()];
        for (int i = 0; i < query.length; i++) {
            if (!(array.elements().get(i) instanceof JsonNode.JsonNumber number)) {
                throw invalid("query_vector elements must be numbers");
            }
            query[i] = number.value().floatValue();
        }
        if (query.length != type.dimensions()) {
            throw new QuiverException(ErrorCode.ER_VECTOR_DIFFERENT_DIMENSIONS, type.dimensions(), query.length);
        }
        List<Filter> filters = new ArrayList<>();
        if (!(extra instanceof Filter.All)) {
            filters.add(extra);
        }
        if (members.get("filter") instanceof JsonNode.JsonArray list) {
            for (JsonNode each : list.elements()) {
                filters.add(filter(each, table));
            }
        }
        else if (members.get("filter") instanceof JsonNode.JsonObject single) {
            filters.add(filter(single, table));
        }
        Filter filter = filters.isEmpty() ? Filter.ALL : filters.size() == 1 ? filters.get(0) : new Filter.And(filters);
        VectorMetric metric = metric(table, column.name());
        return new VectorSearchRequest(column.name(), query, metric, Math.max(k, 0), filter, residual, SearchStrategy.APPROXIMATE, efSearch, List.of());
    }

    private static VectorMetric metric(TableDefinition table, String column)
    {
        for (IndexDefinition each : table.indexes()) {
            if (each.kind() == IndexDefinition.Kind.VECTOR && each.columns().get(0).equalsIgnoreCase(column)) {
                return VectorMetric.fromOption(each.options().getOrDefault("distance", "l2"));
            }
        }
        return VectorMetric.L2;
    }

    private static List<String> defaultTextFields(TableDefinition table)
    {
        for (IndexDefinition each : table.indexes()) {
            if (each.kind() == IndexDefinition.Kind.FULLTEXT) {
                return each.columns();
            }
        }
        throw new QuiverException(ErrorCode.ER_FT_MATCHING_KEY_NOT_FOUND);
    }

    private static QueryPart query(JsonNode node, TableDefinition table)
    {
        if (!(node instanceof JsonNode.JsonObject object) || object.members().size() != 1) {
            throw invalid("a query clause must be an object with one key");
        }
        Map.Entry<String, JsonNode> clause = object.members().entrySet().iterator().next();
        switch (clause.getKey()) {
            case "query_string" -> {
                JsonNode.JsonObject body = object(clause.getValue(), "query_string");
                List<String> fields = new ArrayList<>();
                if (body.members().get("fields") instanceof JsonNode.JsonArray array) {
                    for (JsonNode each : array.elements()) {
                        fields.add(column(table, text(each, "fields")).name());
                    }
                }
                String text = text(body.members().get("query"), "query").replaceAll("\\b(OR|AND)\\b", " ");
                return new QueryPart(List.of(text), fields, Filter.ALL, TextSearchRequest.NO_RESIDUAL);
            }
            case "match" -> {
                JsonNode.JsonObject body = object(clause.getValue(), "match");
                Map.Entry<String, JsonNode> field = body.members().entrySet().iterator().next();
                JsonNode value = field.getValue() instanceof JsonNode.JsonObject options ? options.members().get("query") : field.getValue();
                return new QueryPart(List.of(text(value, "match")), List.of(column(table, field.getKey()).name()), Filter.ALL, TextSearchRequest.NO_RESIDUAL);
            }
            case "regexp" -> {
                JsonNode.JsonObject body = object(clause.getValue(), "regexp");
                Map.Entry<String, JsonNode> field = body.members().entrySet().iterator().next();
                JsonNode value = field.getValue() instanceof JsonNode.JsonObject options ? options.members().get("value") : field.getValue();
                int index = table.columnIndex(column(table, field.getKey()).name()).orElseThrow();
                Pattern pattern = Pattern.compile(text(value, "regexp"), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
                return new QueryPart(List.of(), List.of(), Filter.ALL, row -> row.get(index) instanceof Value.StringValue string && pattern.matcher(string.value()).find());
            }
            case "bool" -> {
                JsonNode.JsonObject body = object(clause.getValue(), "bool");
                List<String> texts = new ArrayList<>();
                List<String> fields = new ArrayList<>();
                List<Filter> filters = new ArrayList<>();
                List<Predicate<Row>> residuals = new ArrayList<>();
                for (Map.Entry<String, JsonNode> each : body.members().entrySet()) {
                    List<JsonNode> items = each.getValue() instanceof JsonNode.JsonArray array ? array.elements() : List.of(each.getValue());
                    switch (each.getKey()) {
                        case "must", "should" -> {
                            List<Filter> alternatives = new ArrayList<>();
                            for (JsonNode item : items) {
                                if (isTextClause(item)) {
                                    QueryPart part = query(item, table);
                                    texts.addAll(part.texts());
                                    fields.addAll(part.fields());
                                    residuals.add(part.residual());
                                }
                                else {
                                    alternatives.add(filter(item, table));
                                }
                            }
                            if (!alternatives.isEmpty()) {
                                filters.add(each.getKey().equals("must") ? and(alternatives) : new Filter.Or(alternatives));
                            }
                        }
                        case "filter" -> {
                            for (JsonNode item : items) {
                                filters.add(filter(item, table));
                            }
                        }
                        case "must_not" -> {
                            List<Filter> excluded = new ArrayList<>();
                            for (JsonNode item : items) {
                                excluded.add(filter(item, table));
                            }
                            filters.add(new Filter.Not(excluded.size() == 1 ? excluded.get(0) : new Filter.Or(excluded)));
                        }
                        default -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "hybrid search bool clause '" + each.getKey() + "'");
                    }
                }
                Predicate<Row> residual = row -> residuals.stream().allMatch(each -> each.test(row));
                return new QueryPart(texts, fields, and(filters), residual);
            }
            default -> {
                return new QueryPart(List.of(), List.of(), filter(node, table), row -> true);
            }
        }
    }

    private static boolean isTextClause(JsonNode node)
    {
        return node instanceof JsonNode.JsonObject object && object.members().size() == 1
                && List.of("query_string", "match", "regexp").contains(object.members().keySet().iterator().next());
    }

    /** A filter clause: term, terms, range, bool of filters. */
    private static Filter filter(JsonNode node, TableDefinition table)
    {
        if (!(node instanceof JsonNode.JsonObject object) || object.members().size() != 1) {
            throw invalid("a filter clause must be an object with one key");
        }
        Map.Entry<String, JsonNode> clause = object.members().entrySet().iterator().next();
        JsonNode.JsonObject body = object(clause.getValue(), clause.getKey());
        switch (clause.getKey()) {
            case "term" -> {
                Map.Entry<String, JsonNode> field = single(body, "term");
                JsonNode value = field.getValue() instanceof JsonNode.JsonObject options ? options.members().get("value") : field.getValue();
                Filter.Field target = field(field.getKey(), table);
                return new Filter.Equal(target, value(value, target, table));
            }
            case "terms" -> {
                Map.Entry<String, JsonNode> field = single(body, "terms");
                Filter.Field target = field(field.getKey(), table);
                List<Value> values = new ArrayList<>();
                if (field.getValue() instanceof JsonNode.JsonArray array) {
                    for (JsonNode each : array.elements()) {
                        values.add(value(each, target, table));
                    }
                }
                return new Filter.In(target, values);
            }
            case "range" -> {
                Map.Entry<String, JsonNode> field = single(body, "range");
                Filter.Field target = field(field.getKey(), table);
                List<Filter> bounds = new ArrayList<>();
                for (Map.Entry<String, JsonNode> bound : object(field.getValue(), "range").members().entrySet()) {
                    Value value = value(bound.getValue(), target, table);
                    bounds.add(switch (bound.getKey()) {
                        case "gt" -> Filter.Range.greaterThan(target, value);
                        case "gte" -> Filter.Range.atLeast(target, value);
                        case "lt" -> Filter.Range.lessThan(target, value);
                        case "lte" -> Filter.Range.atMost(target, value);
                        default -> throw invalid("unknown range bound '" + bound.getKey() + "'");
                    });
                }
                return and(bounds);
            }
            case "bool" -> {
                List<Filter> result = new ArrayList<>();
                for (Map.Entry<String, JsonNode> each : body.members().entrySet()) {
                    List<JsonNode> items = each.getValue() instanceof JsonNode.JsonArray array ? array.elements() : List.of(each.getValue());
                    List<Filter> operands = new ArrayList<>();
                    for (JsonNode item : items) {
                        operands.add(filter(item, table));
                    }
                    result.add(switch (each.getKey()) {
                        case "must", "filter" -> and(operands);
                        case "should" -> operands.size() == 1 ? operands.get(0) : new Filter.Or(operands);
                        case "must_not" -> new Filter.Not(operands.size() == 1 ? operands.get(0) : new Filter.Or(operands));
                        default -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "hybrid search bool clause '" + each.getKey() + "'");
                    });
                }
                return and(result);
            }
            default -> throw new QuiverException(ErrorCode.ER_NOT_SUPPORTED_YET, "hybrid search clause '" + clause.getKey() + "'");
        }
    }

    private static Filter and(List<Filter> filters)
    {
        return filters.isEmpty() ? Filter.ALL : filters.size() == 1 ? filters.get(0) : new Filter.And(filters);
    }

    private static Filter.Field field(String name, TableDefinition table)
    {
        Matcher matcher = JSON_EXTRACT.matcher(name);
        if (matcher.matches()) {
            ColumnDefinition column = column(table, matcher.group(1));
            return Filter.Field.json(column.name(), matcher.group(2));
        }
        return Filter.Field.column(column(table, name).name());
    }

    /** A JSON scalar as the storage value a filter on {@code field} compares with. */
    private static Value value(JsonNode node, Filter.Field field, TableDefinition table)
    {
        if (field.path().isPresent()) {
            return switch (node) {
                case JsonNode.JsonString string -> Value.of(string.value());
                case JsonNode.JsonNumber number -> number.integral() ? Value.of(number.value().longValueExact()) : Value.of(number.value());
                default -> new Value.JsonValue(node);
            };
        }
        ColumnDefinition column = column(table, field.column());
        return switch (node) {
            case JsonNode.JsonString string -> column.type() instanceof ColumnType.BinaryType ? Value.of(string.value().getBytes(StandardCharsets.UTF_8)) : Value.of(string.value());
            case JsonNode.JsonNumber number -> number.integral() ? Value.of(number.value().longValueExact()) : Value.of(number.value());
            case JsonNode.JsonBoolean bool -> Value.of(bool.value() ? 1L : 0L);
            default -> throw invalid("unsupported filter value " + node);
        };
    }

    private static ColumnDefinition column(TableDefinition table, String name)
    {
        int index = table.columnIndex(name).orElseThrow(() -> new QuiverException(ErrorCode.ER_BAD_FIELD_ERROR, name, "hybrid search parameters"));
        return table.columns().get(index);
    }

    private static Map.Entry<String, JsonNode> single(JsonNode.JsonObject body, String clause)
    {
        if (body.members().size() != 1) {
            throw invalid(clause + " takes one field");
        }
        return body.members().entrySet().iterator().next();
    }

    private static JsonNode.JsonObject object(JsonNode node, String what)
    {
        if (!(node instanceof JsonNode.JsonObject object)) {
            throw invalid(what + " must be an object");
        }
        return object;
    }

    private static String text(JsonNode node, String what)
    {
        if (!(node instanceof JsonNode.JsonString string)) {
            throw invalid(what + " must be a string");
        }
        return string.value();
    }

    private static int integer(JsonNode node, String what)
    {
        if (!(node instanceof JsonNode.JsonNumber number) || !number.integral() || number.value().signum() < 0) {
            throw invalid(what + " must be a non-negative integer");
        }
        return number.value().intValueExact();
    }

    private static QuiverException invalid(String detail)
    {
        return new QuiverException(ErrorCode.ER_WRONG_ARGUMENTS, "DBMS_HYBRID_SEARCH (" + detail + ")");
    }

    /** A stored value as JSON for DBMS_HYBRID_SEARCH.SEARCH's hits. */
    static String jsonValue(Value value)
    {
        return switch (value) {
            case Value.NullValue ignored -> "null";
            case Value.IntegerValue integer -> Long.toString(integer.value());
            case Value.DoubleValue number -> jsonNumber(number.value());
            case Value.DecimalValue number -> number.value().toPlainString();
            case Value.StringValue text -> jsonString(text.value());
            case Value.BytesValue bytes -> jsonString(new String(bytes.value(), StandardCharsets.UTF_8));
            case Value.JsonValue json -> json.toSqlText();
            case Value.VectorValue vector -> vector.toSqlText();
            default -> jsonString(value.toSqlText());
        };
    }

    static String jsonNumber(double value)
    {
        return Double.isFinite(value) ? Double.toString(value).toLowerCase(Locale.ROOT) : "null";
    }

    static String jsonString(String text)
    {
        StringBuilder result = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> result.append("\\\"");
                case '\\' -> result.append("\\\\");
                case '\n' -> result.append("\\n");
                case '\r' -> result.append("\\r");
                case '\t' -> result.append("\\t");
                default -> {
                    if (c < 0x20) {
                        result.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    }
                    else {
                        result.append(c);
                    }
                }
            }
        }
        return result.append('"').toString();
    }
}
