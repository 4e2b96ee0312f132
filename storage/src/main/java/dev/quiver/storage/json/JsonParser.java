package dev.quiver.storage.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * Parses JSON text (RFC 8259). Errors carry MySQL's (RapidJSON's) message and the character position, so the
 * caller can raise {@code ER_INVALID_JSON_TEXT} exactly as MySQL words it.
 */
public final class JsonParser
{
    /** Malformed JSON: MySQL's reason text and the position it refers to. */
    public static final class MalformedJsonException
            extends Exception
    {
        private static final long serialVersionUID = 1L;
        private final String reason;
        private final int position;

        MalformedJsonException(String reason, int position)
        {
            super(reason + " at position " + position);
            this.reason = reason;
            this.position = position;
        }

        public String reason()
        {
            return reason;
        }

        public int position()
        {
            return position;
        }
    }

    private static final int MAX_DEPTH = 100;

    private final String text;
    private int position;

    private JsonParser(String text)
    {
        this.text = requireNonNull(text, "text is null");
    }

    public static JsonNode parse(String text)
            throws MalformedJsonException
    {
        JsonParser parser = new JsonParser(text);
        parser.skipWhitespace();
        if (parser.position == text.length()) {
            throw new MalformedJsonException("The document is empty.", 0);
        }
        JsonNode node = parser.value(0);
        parser.skipWhitespace();
        if (parser.position != text.length()) {
            throw new MalformedJsonException("The document root must not be followed by other values.", parser.position);
        }
        return node;
    }

    private JsonNode value(int depth)
            throws MalformedJsonException
    {
        if (depth > MAX_DEPTH) {
            throw new MalformedJsonException("The JSON document exceeds the maximum depth.", position);
        }
        if (position >= text.length()) {
            throw new MalformedJsonException("Invalid value.", position);
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> new JsonNode.JsonString(string());
            case 't' -> literal("true", new JsonNode.JsonBoolean(true));
            case 'f' -> literal("false", new JsonNode.JsonBoolean(false));
            case 'n' -> literal("null", JsonNode.NULL);
            default -> number();
        };
    }

    private JsonNode literal(String word, JsonNode node)
            throws MalformedJsonException
    {
        if (!text.startsWith(word, position)) {
            throw new MalformedJsonException("Invalid value.", position);
        }
        position += word.length();
        return node;
    }

    private JsonNode number()
            throws MalformedJsonException
    {
        int start = position;
        boolean integral = true;
        if (peek() == '-') {
            position++;
        }
        if (!isAsciiDigit(peek())) {
            throw new MalformedJsonException("Invalid value.", start);
        }
        if (peek() == '0') {
            position++;
        }
        else {
            digits();
        }
        if (peek() == '.') {
            integral = false;
            position++;
            if (!isAsciiDigit(peek())) {
                throw new MalformedJsonException("Miss fraction part in number.", position);
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isAsciiDigit(peek())) {
                throw new MalformedJsonException("Miss exponent in number.", position);
            }
            digits();
        }
        BigDecimal value = new BigDecimal(text.substring(start, position));
        if (!integral) {
            double asDouble = value.doubleValue();
            if (Double.isInfinite(asDouble)) {
                throw new MalformedJsonException("Number too big to be stored in double.", start);
            }
            value = new BigDecimal(Double.toString(asDouble));
        }
        return new JsonNode.JsonNumber(value, integral);
    }

    private void digits()
    {
        while (isAsciiDigit(peek())) {
            position++;
        }
    }

    private static boolean isAsciiDigit(char c)
    {
        return c >= '0' && c <= '9';
    }

    private char peek()
    {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private JsonNode array(int depth)
            throws MalformedJsonException
    {
        position++;
        List<JsonNode> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return new JsonNode.JsonArray(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth + 1));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                position++;
                continue;
            }
            if (c == ']') {
                position++;
                return new JsonNode.JsonArray(elements);
            }
            throw new MalformedJsonException("Missing a comma or ']' after an array element.", position);
        }
    }

    private JsonNode object(int depth)
            throws MalformedJsonException
    {
        position++;
        TreeMap<String, JsonNode> members = new TreeMap<>(JsonNode.KEY_ORDER);
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return new JsonNode.JsonObject(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw new MalformedJsonException("Missing a name for object member.", position);
            }
            String key = string();
            skipWhitespace();
            if (peek() != ':') {
                throw new MalformedJsonException("Missing a colon after a name of object member.", position);
            }
            position++;
            skipWhitespace();
            members.put(key, value(depth + 1));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                position++;
                continue;
            }
            if (c == '}') {
                position++;
                return new JsonNode.JsonObject(members);
            }
            throw new MalformedJsonException("Missing a comma or '}' after an object member.", position);
        }
    }

    private String string()
            throws MalformedJsonException
    {
        int start = position;
        position++;
        StringBuilder builder = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw new MalformedJsonException("Missing a closing quotation mark in string.", start);
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return builder.toString();
            }
            if (c < 0x20) {
                throw new MalformedJsonException("Invalid encoding in string.", position - 1);
            }
            if (c != '\\') {
                builder.append(c);
                continue;
            }
            if (position >= text.length()) {
                throw new MalformedJsonException("Invalid escape character in string.", position - 1);
            }
            char escape = text.charAt(position++);
            switch (escape) {
                case '"' -> builder.append('"');
                case '\\' -> builder.append('\\');
                case '/' -> builder.append('/');
                case 'b' -> builder.append('\b');
                case 'f' -> builder.append('\f');
                case 'n' -> builder.append('\n');
                case 'r' -> builder.append('\r');
                case 't' -> builder.append('\t');
                case 'u' -> {
                    if (position + 4 > text.length()) {
                        throw new MalformedJsonException("Incorrect hex digit after \\u escape in string.", position);
                    }
                    try {
                        builder.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    }
                    catch (NumberFormatException e) {
                        throw new MalformedJsonException("Incorrect hex digit after \\u escape in string.", position);
                    }
                    position += 4;
                }
                default -> throw new MalformedJsonException("Invalid escape character in string.", position - 2);
            }
        }
    }

    private void skipWhitespace()
    {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }
}
