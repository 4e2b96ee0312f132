package dev.quiver.client.internal;

import dev.quiver.client.model.HybridSearchRequest;
import dev.quiver.client.model.Where;
import dev.quiver.client.model.WhereDocument;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code search_parm} JSON for {@code DBMS_HYBRID_SEARCH}, built as seekdb JS SDK 1.4.0 builds it:
 * {@code {"query": ..., "knn": {"field":"embedding","k":..,"query_vector":[..],"filter":[..]}, "rank": {"rrf": {...}}, "size": n}}.
 * Metadata filters become {@code term} / {@code range} / {@code bool} clauses on the field
 * {@code JSON_EXTRACT(metadata, '$.<key>')} ({@code _id} for keys {@code _id} and {@code #id}).
 */
public final class HybridSearchJson
{
    private HybridSearchJson() {}

    /**
     * The JSON text of a request.
     *
     * @param queryVector the knn vector (given, or embedded from the knn text), if there is a knn part
     */
    public static String build(HybridSearchRequest request, Optional<float[]> queryVector)
    {
        Map<String, Object> result = new LinkedHashMap<>();
        request.query()
                .flatMap(query -> queryExpression(query.whereDocument(), query.where()))
                .ifPresent(expression -> result.put("query", expression));
        queryVector.ifPresent(vector -> {
            HybridSearchRequest.Knn knnRequest = request.knn().orElseThrow();
            Map<String, Object> knn = new LinkedHashMap<>();
            knn.put("field", "embedding");
            knn.put("k", knnRequest.nResults());
            knn.put("query_vector", vector);
            knnRequest.where().ifPresent(where -> knn.put("filter", List.of(filterCondition(where))));
            result.put("knn", knn);
        });
        request.rrf().ifPresent(rrf -> {
            Map<String, Object> fusion = new LinkedHashMap<>();
            rrf.rankWindowSize().ifPresent(value -> fusion.put("rank_window_size", value));
            rrf.rankConstant().ifPresent(value -> fusion.put("rank_constant", value));
            result.put("rank", Map.of("rrf", fusion));
        });
        result.put("size", request.nResults());
        return JsonCodec.write(result);
    }

    private static Optional<Object> queryExpression(Optional<WhereDocument> whereDocument, Optional<Where> where)
    {
        Optional<Map<String, Object>> filter = where.map(HybridSearchJson::filterCondition);
        if (whereDocument.isPresent()) {
            Map<String, Object> documentQuery = documentQuery(whereDocument.get());
            if (filter.isEmpty()) {
                return Optional.of(documentQuery);
            }
            Map<String, Object> bool = new LinkedHashMap<>();
            bool.put("must", List.of(documentQuery));
            bool.put("filter", List.of(filter.get()));
            return Optional.of(Map.of("bool", bool));
        }
        if (filter.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> condition = filter.get();
        if (condition.size() == 1 && (condition.containsKey("range") || condition.containsKey("term"))) {
            return Optional.of(condition);
        }
        return Optional.of(Map.of("bool", Map.of("filter", List.of(condition))));
    }

    private static Map<String, Object> documentQuery(WhereDocument whereDocument)
    {
        return switch (whereDocument) {
            case WhereDocument.Contains contains -> queryString(contains.text());
            case WhereDocument.Regex regex -> Map.of("regexp", Map.of("document", regex.pattern()));
            case WhereDocument.And and -> queryString(containedTexts(and.operands(), " "));
            case WhereDocument.Or or -> queryString(containedTexts(or.operands(), " OR "));
            case WhereDocument.AllOf allOf -> queryString(containedTexts(allOf.conditions(), " "));
        };
    }

    private static String containedTexts(List<WhereDocument> operands, String separator)
    {
        List<String> texts = new ArrayList<>();
        for (WhereDocument each : operands) {
            if (!(each instanceof WhereDocument.Contains contains)) {
                throw new dev.quiver.client.ValidationException("Hybrid search combines only $contains document filters with $and / $or, got: " + each);
            }
            texts.add(contains.text());
        }
        return String.join(separator, texts);
    }

    private static Map<String, Object> queryString(String query)
    {
        Map<String, Object> queryString = new LinkedHashMap<>();
        queryString.put("fields", List.of("document"));
        queryString.put("query", query);
        return Map.of("query_string", queryString);
    }

    /** One filter condition for {@code where}, the SDK's {@code _buildSearchFilterCondition}. */
    static Map<String, Object> filterCondition(Where where)
    {
        return switch (where) {
            case Where.And and -> bool("must", conditions(and.operands()));
            case Where.Or or -> bool("should", conditions(or.operands()));
            case Where.Not not -> bool("must_not", List.of(filterCondition(not.operand())));
            case Where.AllOf allOf -> fieldConditions(allOf.conditions());
            case Where.Comparison comparison -> fieldConditions(List.of(comparison));
            case Where.Membership membership -> fieldConditions(List.of(membership));
        };
    }

    private static List<Object> conditions(List<Where> operands)
    {
        List<Object> result = new ArrayList<>();
        operands.forEach(each -> result.add(filterCondition(each)));
        return result;
    }

    /** Leaf conditions of one filter object: ranges merged per key, then must / should / must_not, single ones unwrapped. */
    private static Map<String, Object> fieldConditions(List<Where> conditions)
    {
        List<Object> must = new ArrayList<>();
        List<Object> should = new ArrayList<>();
        List<Object> mustNot = new ArrayList<>();
        Map<String, Map<String, Object>> ranges = new LinkedHashMap<>();
        for (Where condition : conditions) {
            switch (condition) {
                case Where.Comparison comparison -> {
                    String field = fieldName(comparison.key());
                    switch (comparison.operator()) {
                        case EQ -> must.add(term(field, comparison.value()));
                        case NE -> mustNot.add(term(field, comparison.value()));
                        case GT, GTE, LT, LTE -> {
                            Map<String, Object> range = ranges.computeIfAbsent(field, ignored -> new LinkedHashMap<>());
                            if (range.isEmpty()) {
                                must.add(Map.of("range", Map.of(field, range)));
                            }
                            range.put(comparison.operator().sdkName().substring(1), comparison.value());
                        }
                    }
                }
                case Where.Membership membership -> {
                    String field = fieldName(membership.key());
                    membership.values().forEach(value -> (membership.negated() ? mustNot : should).add(term(field, value)));
                }
                default -> must.add(filterCondition(condition));
            }
        }
        Map<String, Object> bool = new LinkedHashMap<>();
        if (!must.isEmpty()) {
            bool.put("must", must);
        }
        if (!should.isEmpty()) {
            bool.put("should", should);
        }
        if (!mustNot.isEmpty()) {
            bool.put("must_not", mustNot);
        }
        if (bool.size() == 1 && !bool.containsKey("must_not")) {
            @SuppressWarnings("unchecked")
            List<Object> only = (List<Object>) bool.values().iterator().next();
            if (only.size() == 1) {
                @SuppressWarnings("unchecked")
                Map<String, Object> single = (Map<String, Object>) only.getFirst();
                return single;
            }
        }
        return Map.of("bool", bool);
    }

    private static Map<String, Object> bool(String kind, List<Object> conditions)
    {
        return Map.of("bool", Map.of(kind, conditions));
    }

    private static Map<String, Object> term(String field, Object value)
    {
        return Map.of("term", Map.of(field, Map.of("value", value)));
    }

    private static String fieldName(String key)
    {
        if (key.equals("_id") || key.equals("#id")) {
            return "_id";
        }
        return "JSON_EXTRACT(metadata, '$." + key + "')";
    }
}
