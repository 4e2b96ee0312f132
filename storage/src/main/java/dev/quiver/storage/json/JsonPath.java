package dev.quiver.storage.json;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * A MySQL JSON path without wildcards: {@code $}, {@code $.a.b}, {@code $."key with space"}, {@code $.tags[0]}.
 * Used by filters over JSON columns ({@code metadata->'$.a.b'}).
 */
public record JsonPath(List<Step> steps)
{
    public sealed interface Step
            permits Member, Element {}

    public record Member(String name)
            implements Step
    {
        public Member
        {
            requireNonNull(name, "name is null");
        }
    }

    public record Element(int index)
            implements Step
    {
        public Element
        {
            if (index < 0) {
                throw new IllegalArgumentException("negative index");
            }
        }
    }

    public JsonPath
    {
        steps = List.copyOf(requireNonNull(steps, "steps is null"));
    }

    /** Parses {@code $.a.b[2]}; {@code ER_INVALID_JSON_PATH} (3143) or 3149 for wildcards. */
    public static JsonPath parse(String text)
    {
        requireNonNull(text, "text is null");
        String path = text.strip();
        if (!path.startsWith("$")) {
            throw new QuiverException(ErrorCode.ER_INVALID_JSON_PATH, 0);
        }
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (c == '.') {
                i++;
                if (i < path.length() && path.charAt(i) == '*') {
                    throw new QuiverException(ErrorCode.ER_INVALID_JSON_PATH_WILDCARD);
                }
                if (i < path.length() && path.charAt(i) == '"') {
                    int end = path.indexOf('"', i + 1);
                    if (end < 0) {
                        throw new QuiverException(ErrorCode.ER_INVALID_JSON_PATH, i);
                    }
                    steps.add(new Member(path.substring(i + 1, end)));
                    i = end + 1;
                    continue;
                }
                int start = i;
                while (i < path.length() && (Character.isLetterOrDigit(path.charAt(i)) || path.charAt(i) == '_' || path.charAt(i) == '$')) {
                    i++;
                }
                if (start == i) {
                    throw new QuiverException(ErrorCode.ER_INVALID_JSON_PATH, i);
                }
                steps.add(new Member(path.substring(start, i)));
                continue;
            }
            if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    throw new QuiverException(ErrorCode.ER_INVALID_JSON_PATH, i);
                }
                String index = path.substring(i + 1, end).strip();
                if (index.equals("*")) {
                    throw new QuiverException(ErrorCode.ER_INVALID_JSON_PATH_WILDCARD);
                }
                try {
                    steps.add(new Element(Integer.parseInt(index)));
                }
                catch (IllegalArgumentException e) {
                    throw new QuiverException(ErrorCode.ER_INVALID_JSON_PATH, i + 1);
                }
                i = end + 1;
                continue;
            }
            if (c == '*') {
                throw new QuiverException(ErrorCode.ER_INVALID_JSON_PATH_WILDCARD);
            }
            throw new QuiverException(ErrorCode.ER_INVALID_JSON_PATH, i);
        }
        return new JsonPath(steps);
    }

    /** The value at this path, or empty when the path does not exist (SQL NULL to the caller). */
    public Optional<JsonNode> extract(JsonNode document)
    {
        JsonNode current = requireNonNull(document, "document is null");
        for (Step step : steps) {
            switch (step) {
                case Member member -> {
                    if (!(current instanceof JsonNode.JsonObject object) || !object.members().containsKey(member.name())) {
                        return Optional.empty();
                    }
                    current = object.members().get(member.name());
                }
                case Element element -> {
                    if (current instanceof JsonNode.JsonArray array) {
                        if (element.index() >= array.elements().size()) {
                            return Optional.empty();
                        }
                        current = array.elements().get(element.index());
                    }
                    else if (element.index() != 0) {
                        // MySQL treats a scalar as a one-element array: $[0] of 5 is 5.
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.of(current);
    }

    @Override
    public String toString()
    {
        StringBuilder builder = new StringBuilder("$");
        for (Step step : steps) {
            switch (step) {
                case Member member -> {
                    boolean plain = !member.name().isEmpty() && member.name().chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')
                            && !Character.isDigit(member.name().charAt(0));
                    builder.append('.').append(plain ? member.name() : JsonWriter.quote(member.name()));
                }
                case Element element -> builder.append('[').append(element.index()).append(']');
            }
        }
        return builder.toString();
    }
}
