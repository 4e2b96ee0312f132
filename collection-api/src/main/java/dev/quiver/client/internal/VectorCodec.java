package dev.quiver.client.internal;

import dev.quiver.client.ValidationException;

import static java.util.Objects.requireNonNull;

/**
 * Vectors as the text seekdb exchanges: a JSON array such as {@code [0.1,0.2,1e-7]}, each element the
 * shortest decimal that round-trips the float32 value, written in JavaScript number form (the JS
 * SDK's {@code JSON.stringify}). Reading accepts the full JSON number syntax and whitespace.
 */
public final class VectorCodec
{
    private VectorCodec() {}

    /** The text of a vector; non-finite elements are a {@link ValidationException}. */
    public static String encode(float[] vector)
    {
        requireNonNull(vector, "vector is null");
        StringBuilder result = new StringBuilder(vector.length * 8 + 2).append('[');
        for (int index = 0; index < vector.length; index++) {
            float each = vector[index];
            if (!Float.isFinite(each)) {
                throw new ValidationException("Vector contains invalid value: %s at index %d".formatted(each, index));
            }
            if (index > 0) {
                result.append(',');
            }
            result.append(JsNumbers.format(each));
        }
        return result.append(']').toString();
    }

    /** Parses vector text such as {@code [1,0.5,-2e-3]}; malformed text is an {@link IllegalArgumentException}. */
    public static float[] decode(String text)
    {
        requireNonNull(text, "text is null");
        String trimmed = text.strip();
        if (trimmed.length() < 2 || trimmed.charAt(0) != '[' || trimmed.charAt(trimmed.length() - 1) != ']') {
            throw new IllegalArgumentException("Malformed vector text: " + text);
        }
        String body = trimmed.substring(1, trimmed.length() - 1).strip();
        if (body.isEmpty()) {
            return new float[0];
        }
        String[] elements = body.split(",", -1);
        float[] result = new float[elements.length];
        for (int index = 0; index < elements.length; index++) {
            String element = elements[index].strip();
            if (!element.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                throw new IllegalArgumentException("Malformed vector element '%s' in: %s".formatted(element, text));
            }
            result[index] = Float.parseFloat(element);
        }
        return result;
    }
}
