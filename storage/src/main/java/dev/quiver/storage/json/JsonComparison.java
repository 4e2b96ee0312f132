package dev.quiver.storage.json;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * MySQL's JSON comparison: values of different JSON types order by type precedence
 * (NULL &lt; numbers &lt; STRING &lt; OBJECT &lt; ARRAY &lt; BOOLEAN); numbers compare numerically; strings compare by
 * their UTF-8 bytes (utf8mb4_bin, i.e. case-sensitively); arrays element by element, a prefix first; objects are
 * equal when they have the same members, otherwise ordered deterministically.
 */
public final class JsonComparison
{
    private JsonComparison() {}

    public static int compare(JsonNode left, JsonNode right)
    {
        int leftRank = rank(left);
        int rightRank = rank(right);
        if (leftRank != rightRank) {
            return Integer.compare(leftRank, rightRank);
        }
        return switch (left) {
            case JsonNode.JsonNull ignored -> 0;
            case JsonNode.JsonBoolean bool -> Boolean.compare(bool.value(), ((JsonNode.JsonBoolean) right).value());
            case JsonNode.JsonNumber number -> number.value().compareTo(((JsonNode.JsonNumber) right).value());
            case JsonNode.JsonString string -> compareStrings(string.value(), ((JsonNode.JsonString) right).value());
            case JsonNode.JsonArray array -> compareArrays(array, (JsonNode.JsonArray) right);
            case JsonNode.JsonObject object -> compareObjects(object, (JsonNode.JsonObject) right);
        };
    }

    /** True when the two values are equal under JSON comparison (e.g. {@code 1 = 1.0}). */
    public static boolean equal(JsonNode left, JsonNode right)
    {
        return compare(left, right) == 0;
    }

    private static int rank(JsonNode node)
    {
        return switch (node) {
            case JsonNode.JsonNull ignored -> 0;
            case JsonNode.JsonNumber ignored -> 1;
            case JsonNode.JsonString ignored -> 2;
            case JsonNode.JsonObject ignored -> 3;
            case JsonNode.JsonArray ignored -> 4;
            case JsonNode.JsonBoolean ignored -> 5;
        };
    }

    private static int compareStrings(String left, String right)
    {
        return Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
    }

    private static int compareArrays(JsonNode.JsonArray left, JsonNode.JsonArray right)
    {
        int common = Math.min(left.elements().size(), right.elements().size());
        for (int i = 0; i < common; i++) {
            int result = compare(left.elements().get(i), right.elements().get(i));
            if (result != 0) {
                return result;
            }
        }
        return Integer.compare(left.elements().size(), right.elements().size());
    }

    private static int compareObjects(JsonNode.JsonObject left, JsonNode.JsonObject right)
    {
        Iterator<Map.Entry<String, JsonNode>> leftMembers = left.members().entrySet().iterator();
        Iterator<Map.Entry<String, JsonNode>> rightMembers = right.members().entrySet().iterator();
        while (leftMembers.hasNext() && rightMembers.hasNext()) {
            Map.Entry<String, JsonNode> l = leftMembers.next();
            Map.Entry<String, JsonNode> r = rightMembers.next();
            int result = JsonNode.KEY_ORDER.compare(l.getKey(), r.getKey());
            if (result == 0) {
                result = compare(l.getValue(), r.getValue());
            }
            if (result != 0) {
                return result;
            }
        }
        return Boolean.compare(leftMembers.hasNext(), rightMembers.hasNext());
    }
}
