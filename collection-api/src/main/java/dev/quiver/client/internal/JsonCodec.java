package dev.quiver.client.internal;

import dev.quiver.client.ValidationException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * JSON text as the seekdb JS SDK writes it ({@code JSON.stringify}: no spaces, keys in insertion
 * order, numbers in JavaScript form) and a strict parser for what the server returns.
 *
 * <p>Writable values: {@code null}, {@link String}, {@link Boolean}, {@link Number} (finite),
 * {@link Map} with string keys, {@link List}, {@code float[]}. Parsed values: {@link LinkedHashMap},
 * {@link ArrayList}, {@link String}, {@link Boolean}, {@link Long} (or {@link BigInteger} past its
 * range) for integers, {@link Double} for other numbers, and {@code null}.
 */
public final class JsonCodec
{
    private JsonCodec() {}

    /** The JSON text of a value; a value that JSON cannot hold is a {@link ValidationException}. */
    public static String write(Object value)
    {
        StringBuilder result = new StringBuilder();
        write(value, result);
        return result.toString();
    }

    private static void write(Object value, StringBuilder out)
    {
        switch (value) {
            case null -> out.append("null");
            case String text -> writeString(text, out);
            case Boolean bool -> out.append(bool);
            case Double number -> out.append(formatFinite(number));
            case Float number -> out.append(formatFinite(number.doubleValue()));
            case Integer number -> out.append(number);
            case Long number -> out.append(number);
            case Short number -> out.append(number);
            case Byte number -> out.append(number);
            case BigInteger number -> out.append(number);
            case BigDecimal number -> out.append(number);
            case float[] vector -> out.append(VectorCodec.encode(vector));
            case Map<?, ?> map -> writeObject(map, out);
            case List<?> list -> writeArray(list, out);
            default -> throw new ValidationException("Cannot store a value of type %s in JSON: %s".formatted(value.getClass().getName(), value));
        }
    }

    private static String formatFinite(double number)
    {
        if (!Double.isFinite(number)) {
            throw new ValidationException("JSON cannot hold the number " + number);
        }
        return JsNumbers.format(number);
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out)
    {
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> each : map.entrySet()) {
            if (!(each.getKey() instanceof String key)) {
                throw new ValidationException("JSON object keys must be strings, got: " + each.getKey());
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(key, out);
            out.append(':');
            write(each.getValue(), out);
        }
        out.append('}');
    }

    private static void writeArray(List<?> list, StringBuilder out)
    {
        out.append('[');
        for (int index = 0; index < list.size(); index++) {
            if (index > 0) {
                out.append(',');
            }
            write(list.get(index), out);
        }
        out.append(']');
    }

    private static void writeString(String text, StringBuilder out)
    {
        out.append('"');
        for (int index = 0; index < text.length(); index++) {
            char each = text.charAt(index);
            switch (each) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (each < 0x20 || isLoneSurrogate(text, index)) {
                        out.append("\\u%04x".formatted((int) each));
                    }
                    else {
                        out.append(each);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String text, int index)
    {
        char each = text.charAt(index);
        if (Character.isHighSurrogate(each)) {
            return index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1));
        }
        if (Character.isLowSurrogate(each)) {
            return index == 0 || !Character.isHighSurrogate(text.charAt(index - 1));
        }
        return false;
    }

    /** Parses JSON text; malformed text is an {@link IllegalArgumentException} naming the offset. */
    public static Object parse(String text)
    {
        requireNonNull(text, "text is null");
        Parser parser = new Parser(text);
        parser.skipWhitespace();
        Object result = parser.readValue();
        parser.skipWhitespace();
        if (!parser.atEnd()) {
            throw parser.error("trailing characters");
        }
        return result;
    }

    /** Parses JSON text that must be an object (metadata, collection settings). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text)
    {
        Object result = parse(text);
        if (!(result instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("expected a JSON object but got: " + text);
        }
        return (Map<String, Object>) result;
    }

    private static final class Parser
    {
        private final String text;
        private int position;

        Parser(String text)
        {
            this.text = text;
        }

        boolean atEnd()
        {
            return position >= text.length();
        }

        IllegalArgumentException error(String problem)
        {
            return new IllegalArgumentException("Malformed JSON at offset %d (%s): %s".formatted(position, problem, text));
        }

        void skipWhitespace()
        {
            while (!atEnd() && " \t\n\r".indexOf(text.charAt(position)) >= 0) {
                position++;
            }
        }

        Object readValue()
        {
            if (atEnd()) {
                throw error("unexpected end");
            }
            char first = text.charAt(position);
            return switch (first) {
                case '{' -> readObject();
                case '[' -> readArray();
                case '"' -> readString();
                case 't' -> readLiteral("true", Boolean.TRUE);
                case 'f' -> readLiteral("false", Boolean.FALSE);
                case 'n' -> readLiteral("null", null);
                default -> readNumber();
            };
        }

        private Object readLiteral(String literal, Object value)
        {
            if (!text.startsWith(literal, position)) {
                throw error("expected " + literal);
            }
            position += literal.length();
            return value;
        }

        private Map<String, Object> readObject()
        {
            Map<String, Object> result = new LinkedHashMap<>();
            position++;
            skipWhitespace();
            if (consume('}')) {
                return result;
            }
            do {
                skipWhitespace();
                if (atEnd() || text.charAt(position) != '"') {
                    throw error("expected a string key");
                }
                String key = readString();
                skipWhitespace();
                expect(':');
                skipWhitespace();
                result.put(key, readValue());
                skipWhitespace();
            }
            while (consume(','));
            expect('}');
            return result;
        }

        private List<Object> readArray()
        {
            List<Object> result = new ArrayList<>();
            position++;
            skipWhitespace();
            if (consume(']')) {
                return result;
            }
            do {
                skipWhitespace();
                result.add(readValue());
                skipWhitespace();
            }
            while (consume(','));
            expect(']');
            return result;
        }

        private String readString()
        {
            position++;
            StringBuilder result = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw error("unterminated string");
                }
                char each = text.charAt(position++);
                if (each == '"') {
                    return result.toString();
                }
                if (each != '\\') {
                    result.append(each);
                    continue;
                }
                if (atEnd()) {
                    throw error("unterminated escape");
                }
                char escaped = text.charAt(position++);
                switch (escaped) {
                    case '"', '\\', '/' -> result.append(escaped);
                    case 'b' -> result.append('\b');
                    case 'f' -> result.append('\f');
                    case 'n' -> result.append('\n');
                    case 'r' -> result.append('\r');
                    case 't' -> result.append('\t');
                    case 'u' -> {
                        if (position + 4 > text.length()) {
                            throw error("short unicode escape");
                        }
                        try {
                            result.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                        }
                        catch (NumberFormatException ex) {
                            throw error("bad unicode escape");
                        }
                        position += 4;
                    }
                    default -> throw error("bad escape \\" + escaped);
                }
            }
        }

        private Object readNumber()
        {
            int start = position;
            boolean integral = true;
            while (!atEnd() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
                char each = text.charAt(position);
                if (each == '.' || each == 'e' || each == 'E') {
                    integral = false;
                }
                position++;
            }
            String number = text.substring(start, position);
            if (number.isEmpty() || !number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                position = start;
                throw error("bad value");
            }
            if (!integral) {
                return Double.parseDouble(number);
            }
            BigInteger result = new BigInteger(number);
            return result.bitLength() < 64 ? (Object) result.longValue() : result;
        }

        private boolean consume(char expected)
        {
            if (!atEnd() && text.charAt(position) == expected) {
                position++;
                return true;
            }
            return false;
        }

        private void expect(char expected)
        {
            if (!consume(expected)) {
                throw error("expected '" + expected + "'");
            }
        }
    }

    /** An unmodifiable deep copy of parsed or user JSON (maps keep their order). */
    static Object unmodifiableCopy(Object value)
    {
        return switch (value) {
            case Map<?, ?> map -> {
                Map<Object, Object> result = new LinkedHashMap<>();
                map.forEach((key, each) -> result.put(key, unmodifiableCopy(each)));
                yield Collections.unmodifiableMap(result);
            }
            case List<?> list -> {
                List<Object> result = new ArrayList<>();
                list.forEach(each -> result.add(unmodifiableCopy(each)));
                yield Collections.unmodifiableList(result);
            }
            case null, default -> value;
        };
    }
}
