package dev.quiver.storage.lucene;

import dev.quiver.storage.json.JsonNode;
import dev.quiver.storage.json.JsonPath;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON documents flattened to terms so that equality, IN and range filters on {@code $.a.b} paths run as term
 * queries. Every value reachable through object members gets one term: the path, a marker, the JSON comparison rank
 * of its type (null, number, string, object, array, boolean, as in
 * {@link dev.quiver.storage.json.JsonComparison}) and, for scalars, an order-preserving encoding of the value
 * (numbers as sortable doubles, strings by their UTF-8 bytes). Term order within a path is thus JSON comparison
 * order, up to double rounding; queries are built inclusive so they return a superset, and the caller re-checks
 * every candidate. Paths through array elements are not flattened (filters on them scan).
 */
final class JsonTerms
{
    private static final int MARKER = 0xFE;
    private static final int TOP_RANK = 0xFF;

    private JsonTerms() {}

    /** Every term of a document. */
    static List<BytesRef> terms(JsonNode document)
    {
        List<BytesRef> terms = new ArrayList<>();
        collect(new ByteArrayOutputStream(), document, terms);
        return terms;
    }

    private static void collect(ByteArrayOutputStream path, JsonNode node, List<BytesRef> terms)
    {
        terms.add(term(path.toByteArray(), node));
        if (node instanceof JsonNode.JsonObject object) {
            for (Map.Entry<String, JsonNode> member : object.members().entrySet()) {
                ByteArrayOutputStream child = new ByteArrayOutputStream();
                child.writeBytes(path.toByteArray());
                child.writeBytes(segment(member.getKey()));
                collect(child, member.getValue(), terms);
            }
        }
    }

    /** The encoded path, or null when the path steps into arrays. */
    static byte[] path(JsonPath path)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (JsonPath.Step step : path.steps()) {
            if (!(step instanceof JsonPath.Member member)) {
                return null;
            }
            bytes.writeBytes(segment(member.name()));
        }
        return bytes.toByteArray();
    }

    /** The term of {@code value} at {@code path}. */
    static BytesRef term(byte[] path, JsonNode value)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(path);
        bytes.write(MARKER);
        bytes.write(rank(value));
        switch (value) {
            case JsonNode.JsonNumber number -> {
                byte[] sortable = new byte[Long.BYTES];
                NumericUtils.longToSortableBytes(NumericUtils.doubleToSortableLong(number.value().doubleValue()), sortable, 0);
                bytes.writeBytes(sortable);
            }
            case JsonNode.JsonString string -> bytes.writeBytes(string.value().getBytes(StandardCharsets.UTF_8));
            case JsonNode.JsonBoolean bool -> bytes.write(bool.value() ? 1 : 0);
            default -> {}
        }
        return new BytesRef(bytes.toByteArray());
    }

    /** The smallest term at {@code path}. */
    static BytesRef lowest(byte[] path)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(path);
        bytes.write(MARKER);
        return new BytesRef(bytes.toByteArray());
    }

    /** A term above every term at {@code path}. */
    static BytesRef highest(byte[] path)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(path);
        bytes.write(MARKER);
        bytes.write(TOP_RANK);
        return new BytesRef(bytes.toByteArray());
    }

    private static byte[] segment(String name)
    {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + utf8.length).putInt(utf8.length).put(utf8).array();
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
}
