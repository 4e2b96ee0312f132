package dev.quiver.storage.json;

import java.util.Iterator;
import java.util.Map;

/** Prints JSON in MySQL's text form: {@code ", "} between elements and {@code ": "} after keys. */
final class JsonWriter
{
    private JsonWriter() {}

    static String write(JsonNode node)
    {
        StringBuilder builder = new StringBuilder();
        append(builder, node);
        return builder.toString();
    }

    private static void append(StringBuilder builder, JsonNode node)
    {
        switch (node) {
            case JsonNode.JsonArray array -> {
                builder.append('[');
                for (int i = 0; i < array.elements().size(); i++) {
                    if (i > 0) {
                        builder.append(", ");
                    }
                    append(builder, array.elements().get(i));
                }
                builder.append(']');
            }
            case JsonNode.JsonObject object -> {
                builder.append('{');
                Iterator<Map.Entry<String, JsonNode>> members = object.members().entrySet().iterator();
                while (members.hasNext()) {
                    Map.Entry<String, JsonNode> member = members.next();
                    builder.append(quote(member.getKey())).append(": ");
                    append(builder, member.getValue());
                    if (members.hasNext()) {
                        builder.append(", ");
                    }
                }
                builder.append('}');
            }
            default -> builder.append(node);
        }
    }

    static String quote(String value)
    {
        StringBuilder builder = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> builder.append("\\\"");
                case '\\' -> builder.append("\\\\");
                case '\n' -> builder.append("\\n");
                case '\r' -> builder.append("\\r");
                case '\t' -> builder.append("\\t");
                case '\b' -> builder.append("\\b");
                case '\f' -> builder.append("\\f");
                default -> {
                    if (c < 0x20) {
                        builder.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        builder.append(c);
                    }
                }
            }
        }
        return builder.append('"').toString();
    }
}
