package dev.quiver.storage.json;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * An immutable JSON document, normalised the way MySQL stores its JSON type: object members sorted by key length
 * then key bytes, the last duplicate key winning. {@link #toString()} prints MySQL's text form
 * ({@code {"a": 1, "b": [true, null]}}).
 */
public sealed interface JsonNode
        permits JsonNode.JsonNull, JsonNode.JsonBoolean, JsonNode.JsonNumber, JsonNode.JsonString, JsonNode.JsonArray, JsonNode.JsonObject
{
    /** MySQL's order of object keys: shorter first, then by UTF-8 bytes. */
    Comparator<String> KEY_ORDER = Comparator.comparingInt((String key) -> key.getBytes(StandardCharsets.UTF_8).length)
            .thenComparing((left, right) -> Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8)));

    JsonNull NULL = new JsonNull();

    /** MySQL's JSON_TYPE name: NULL, BOOLEAN, INTEGER, DOUBLE, DECIMAL, STRING, ARRAY, OBJECT. */
    String typeName();

    record JsonNull()
            implements JsonNode
    {
        @Override
        public String typeName()
        {
            return "NULL";
        }

        @Override
        public String toString()
        {
            return "null";
        }
    }

    record JsonBoolean(boolean value)
            implements JsonNode
    {
        @Override
        public String typeName()
        {
            return "BOOLEAN";
        }

        @Override
        public String toString()
        {
            return Boolean.toString(value);
        }
    }

    /** A number; {@code integral} numbers print without a fraction, the others as doubles ({@code 150.0}). */
    record JsonNumber(BigDecimal value, boolean integral)
            implements JsonNode
    {
        public JsonNumber
        {
            requireNonNull(value, "value is null");
        }

        public static JsonNumber of(long value)
        {
            return new JsonNumber(BigDecimal.valueOf(value), true);
        }

        public static JsonNumber of(double value)
        {
            return new JsonNumber(new BigDecimal(Double.toString(value)), false);
        }

        @Override
        public String typeName()
        {
            return integral ? "INTEGER" : "DOUBLE";
        }

        @Override
        public boolean equals(Object other)
        {
            return other instanceof JsonNumber that && value.compareTo(that.value) == 0;
        }

        @Override
        public int hashCode()
        {
            return value.signum() == 0 ? 0 : value.stripTrailingZeros().hashCode();
        }

        @Override
        public String toString()
        {
            if (integral) {
                return value.toPlainString();
            }
            String text = Double.toString(value.doubleValue());
            int exponent = text.indexOf('E');
            if (exponent < 0) {
                return text;
            }
            String mantissa = text.substring(0, exponent);
            if (mantissa.endsWith(".0")) {
                mantissa = mantissa.substring(0, mantissa.length() - 2);
            }
            return mantissa + "e" + text.substring(exponent + 1);
        }
    }

    record JsonString(String value)
            implements JsonNode
    {
        public JsonString
        {
            requireNonNull(value, "value is null");
        }

        @Override
        public String typeName()
        {
            return "STRING";
        }

        @Override
        public String toString()
        {
            return JsonWriter.quote(value);
        }
    }

    record JsonArray(List<JsonNode> elements)
            implements JsonNode
    {
        public JsonArray
        {
            elements = List.copyOf(requireNonNull(elements, "elements is null"));
        }

        @Override
        public String typeName()
        {
            return "ARRAY";
        }

        @Override
        public String toString()
        {
            return JsonWriter.write(this);
        }
    }

    /** An object; members are kept in MySQL's key order. */
    record JsonObject(SortedMap<String, JsonNode> members)
            implements JsonNode
    {
        public JsonObject
        {
            TreeMap<String, JsonNode> copy = new TreeMap<>(KEY_ORDER);
            copy.putAll(requireNonNull(members, "members is null"));
            members = Collections.unmodifiableSortedMap(copy);
        }

        public static JsonObject of(Map<String, JsonNode> members)
        {
            TreeMap<String, JsonNode> sorted = new TreeMap<>(KEY_ORDER);
            sorted.putAll(members);
            return new JsonObject(sorted);
        }

        @Override
        public String typeName()
        {
            return "OBJECT";
        }

        @Override
        public String toString()
        {
            return JsonWriter.write(this);
        }
    }
}
