package dev.quiver.sql.expression;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.sql.expression.ScalarFunctions.Definition;
import dev.quiver.sql.tree.Expression;
import dev.quiver.sql.type.SqlType;
import dev.quiver.storage.json.JsonComparison;
import dev.quiver.storage.json.JsonNode;
import dev.quiver.storage.json.JsonParser;
import dev.quiver.storage.json.JsonPath;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.quiver.sql.expression.ScalarFunctions.anyNullable;
import static dev.quiver.sql.expression.ScalarFunctions.strict;

/**
 * MySQL's JSON functions: JSON_EXTRACT (and the {@code ->}, {@code ->>} operators), JSON_UNQUOTE, JSON_CONTAINS,
 * JSON_OBJECT, JSON_ARRAY, JSON_KEYS, JSON_LENGTH, JSON_TYPE, JSON_VALID, JSON_QUOTE. JSON values are
 * {@link JsonNode}s at run time: they compare with SQL values by MySQL's JSON rules ({@link Values#compare}) and
 * print in MySQL's format ({@code {"a": 1, "b": [1, 2]}}). A missing path is SQL NULL.
 */
final class JsonFunctions
{
    private static final SqlType NULLABLE_JSON = SqlType.json(true);

    private JsonFunctions()
    {
    }

    static List<Definition> definitions()
    {
        return List.of(
                strict("json_extract", 2, Integer.MAX_VALUE, (types, arguments) -> NULLABLE_JSON, (values, context) -> extract(values)),
                strict("json_unquote", 1, 1, (types, arguments) -> SqlType.varchar(16_383, anyNullable(types)), (values, context) -> unquote(values.get(0))),
                strict("json_contains", 2, 3, (types, arguments) -> SqlType.bigint(1, true), (values, context) -> {
                    JsonNode target = document(values.get(0), 1, "json_contains");
                    JsonNode candidate = document(values.get(1), 2, "json_contains");
                    if (values.size() > 2) {
                        Optional<JsonNode> found = JsonPath.parse(Values.text(values.get(2))).extract(target);
                        if (found.isEmpty()) {
                            return null;
                        }
                        target = found.get();
                    }
                    return Values.truth(contains(target, candidate));
                }),
                new Definition("json_object", 0, Integer.MAX_VALUE, (types, arguments) -> {
                    if (arguments.size() % 2 != 0) {
                        throw new QuiverException(ErrorCode.ER_WRONG_PARAMCOUNT_TO_NATIVE_FCT, "JSON_OBJECT");
                    }
                    return SqlType.json(false);
                }, (values, arguments, context) -> {
                    Map<String, JsonNode> members = new LinkedHashMap<>();
                    for (int i = 0; i + 1 < values.size(); i += 2) {
                        if (values.get(i) == null) {
                            throw new QuiverException(ErrorCode.ER_JSON_DOCUMENT_NULL_KEY);
                        }
                        members.putIfAbsent(Values.text(values.get(i)), toJson(values.get(i + 1), arguments.get(i + 1), context));
                    }
                    return JsonNode.JsonObject.of(members);
                }),
                new Definition("json_array", 0, Integer.MAX_VALUE, (types, arguments) -> SqlType.json(false), (values, arguments, context) -> {
                    List<JsonNode> elements = new ArrayList<>();
                    for (int i = 0; i < values.size(); i++) {
                        elements.add(toJson(values.get(i), arguments.get(i), context));
                    }
                    return new JsonNode.JsonArray(elements);
                }),
                strict("json_keys", 1, 2, (types, arguments) -> NULLABLE_JSON, (values, context) -> {
                    Optional<JsonNode> node = at(values, "json_keys");
                    if (node.isEmpty() || !(node.get() instanceof JsonNode.JsonObject object)) {
                        return null;
                    }
                    return new JsonNode.JsonArray(object.members().keySet().stream().<JsonNode>map(JsonNode.JsonString::new).toList());
                }),
                strict("json_length", 1, 2, (types, arguments) -> SqlType.bigint(10, true), (values, context) -> {
                    Optional<JsonNode> node = at(values, "json_length");
                    return node.map(each -> (Object) (long) switch (each) {
                        case JsonNode.JsonArray array -> array.elements().size();
                        case JsonNode.JsonObject object -> object.members().size();
                        default -> 1;
                    }).orElse(null);
                }),
                strict("json_type", 1, 1, (types, arguments) -> SqlType.varchar(16, anyNullable(types)),
                        (values, context) -> document(values.get(0), 1, "json_type").typeName()),
                new Definition("json_valid", 1, 1, (types, arguments) -> SqlType.bigint(1, anyNullable(types)), (values, arguments, context) -> {
                    Object value = values.get(0);
                    if (value == null) {
                        return null;
                    }
                    if (value instanceof JsonNode) {
                        return 1L;
                    }
                    if (!(value instanceof String) && !(value instanceof byte[])) {
                        return 0L;
                    }
                    try {
                        JsonParser.parse(Values.text(value));
                        return 1L;
                    }
                    catch (JsonParser.MalformedJsonException ex) {
                        return 0L;
                    }
                }),
                strict("json_quote", 1, 1, (types, arguments) -> SqlType.varchar(16_383, anyNullable(types)),
                        (values, context) -> new JsonNode.JsonString(Values.text(values.get(0))).toString()));
    }

    /** A JSON document argument: a JSON value as is, a string parsed (3141 when malformed), anything else 3146. */
    static JsonNode document(Object value, int position, String function)
    {
        return switch (value) {
            case JsonNode json -> json;
            case String text -> parse(text, position, function);
            case byte[] bytes -> parse(Values.text(bytes), position, function);
            default -> throw new QuiverException(ErrorCode.ER_INVALID_TYPE_FOR_JSON, position, function);
        };
    }

    private static JsonNode parse(String text, int position, String function)
    {
        try {
            return JsonParser.parse(text);
        }
        catch (JsonParser.MalformedJsonException ex) {
            throw new QuiverException(ErrorCode.ER_INVALID_JSON_TEXT_IN_PARAM, position, function, ex.reason(), ex.position());
        }
    }

    private static Optional<JsonNode> at(List<Object> values, String function)
    {
        JsonNode document = document(values.get(0), 1, function);
        if (values.size() < 2) {
            return Optional.of(document);
        }
        return JsonPath.parse(Values.text(values.get(1))).extract(document);
    }

    /** One path: the value there or NULL; several: an array of the values found, NULL when none is. */
    private static Object extract(List<Object> values)
    {
        JsonNode document = document(values.get(0), 1, "json_extract");
        if (values.size() == 2) {
            return JsonPath.parse(Values.text(values.get(1))).extract(document).orElse(null);
        }
        List<JsonNode> found = new ArrayList<>();
        for (Object each : values.subList(1, values.size())) {
            JsonPath.parse(Values.text(each)).extract(document).ifPresent(found::add);
        }
        return found.isEmpty() ? null : new JsonNode.JsonArray(found);
    }

    /** JSON_UNQUOTE: a JSON string's value; a text in double quotes is unescaped as a JSON string; else as is. */
    private static Object unquote(Object value)
    {
        if (value instanceof JsonNode.JsonString string) {
            return string.value();
        }
        if (value instanceof JsonNode json) {
            return json.toString();
        }
        String text = Values.text(value);
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            try {
                if (JsonParser.parse(text) instanceof JsonNode.JsonString string) {
                    return string.value();
                }
            }
            catch (JsonParser.MalformedJsonException ex) {
                throw new QuiverException(ErrorCode.ER_INVALID_JSON_TEXT_IN_PARAM, 1, "json_unquote", ex.reason(), ex.position());
            }
        }
        return text;
    }

    /**
     * MySQL's containment: a scalar contains an equal scalar; an array contains a value (or every element of an
     * array) some element contains; an object contains an object whose every member it has with a containing value.
     */
    static boolean contains(JsonNode target, JsonNode candidate)
    {
        if (target instanceof JsonNode.JsonObject object) {
            if (!(candidate instanceof JsonNode.JsonObject wanted)) {
                return false;
            }
            for (Map.Entry<String, JsonNode> each : wanted.members().entrySet()) {
                JsonNode member = object.members().get(each.getKey());
                if (member == null || !contains(member, each.getValue())) {
                    return false;
                }
            }
            return true;
        }
        if (target instanceof JsonNode.JsonArray array) {
            if (candidate instanceof JsonNode.JsonArray wanted) {
                for (JsonNode each : wanted.elements()) {
                    if (!contains(array, each)) {
                        return false;
                    }
                }
                return true;
            }
            for (JsonNode each : array.elements()) {
                if (contains(each, candidate)) {
                    return true;
                }
            }
            return false;
        }
        return !(candidate instanceof JsonNode.JsonArray) && !(candidate instanceof JsonNode.JsonObject) && JsonComparison.equal(target, candidate);
    }

    /**
     * A SQL value inside JSON_OBJECT/JSON_ARRAY: a JSON-typed expression (a JSON column, a JSON function, CAST AS JSON)
     * as the JSON value it holds, booleans (TRUE, comparisons) as JSON true/false, dates as strings, other text as a
     * JSON string.
     */
    static JsonNode toJson(Object value, Expression expression, EvaluationContext context)
    {
        if (value == null) {
            return new JsonNode.JsonNull();
        }
        if (isJsonText(value, expression, context)) {
            return parse(Values.text(value), 1, "json_object");
        }
        if (isBoolean(expression)) {
            return new JsonNode.JsonBoolean(Boolean.TRUE.equals(Values.isTrue(value, ignored -> { })));
        }
        if (value instanceof LocalDate || value instanceof LocalDateTime) {
            return new JsonNode.JsonString(Values.text(value));
        }
        return Values.toJson(value);
    }

    /**
     * True when a value is the text of a JSON value: the JSON column of a table (held as its text at run time) or
     * another JSON-typed expression whose value went through text (a scalar subquery). A JsonNode is not text.
     */
    static boolean isJsonText(Object value, Expression expression, EvaluationContext context)
    {
        return value instanceof String && ExpressionTypes.typeOf(expression, context).kind() == SqlType.Kind.JSON;
    }

    /**
     * CAST(value AS JSON): a JSON value as is, the text of a string parsed (3141 when it is not JSON), booleans (TRUE,
     * comparisons) as true/false, numbers as JSON numbers, dates as JSON strings; NULL stays SQL NULL.
     */
    static Object castToJson(Object value, Expression expression, EvaluationContext context)
    {
        return switch (value) {
            case null -> null;
            case JsonNode json -> json;
            case String text -> {
                try {
                    yield JsonParser.parse(text);
                }
                catch (JsonParser.MalformedJsonException ex) {
                    throw new QuiverException(ErrorCode.ER_INVALID_JSON_TEXT_IN_PARAM, 1, "cast_as_json", ex.reason(), ex.position());
                }
            }
            case byte[] ignored -> throw new QuiverException(ErrorCode.ER_INVALID_JSON_CHARSET, "binary");
            default -> toJson(value, expression, context);
        };
    }

    /** An expression MySQL types as boolean: TRUE/FALSE, comparisons and logical operators. */
    static boolean isBoolean(Expression expression)
    {
        return expression instanceof Expression.BooleanLiteral || expression instanceof Expression.Comparison || expression instanceof Expression.Logical
                || expression instanceof Expression.Not || expression instanceof Expression.IsNull || expression instanceof Expression.IsBoolean
                || expression instanceof Expression.InList || expression instanceof Expression.Between || expression instanceof Expression.Like;
    }
}
