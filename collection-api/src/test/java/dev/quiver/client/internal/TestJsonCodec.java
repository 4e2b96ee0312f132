package dev.quiver.client.internal;

import dev.quiver.client.ValidationException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestJsonCodec
{
    @Test
    void testWritesMetadataAsTheJsSdkDoes()
    {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("category", "fruit");
        metadata.put("score", 95);
        metadata.put("tag", "x");
        // seekdb-js.md Appendix A #20, after unescaping mysql2's \"
        assertThat(JsonCodec.write(metadata)).isEqualTo("{\"category\":\"fruit\",\"score\":95,\"tag\":\"x\"}");

        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("category", "misc");
        nested.put("score", 80.0);
        nested.put("nested", Map.of("k", "v"));
        nested.put("flag", true);
        nested.put("none", null);
        nested.put("list", Arrays.asList(1L, 2.5, "three", false));
        assertThat(JsonCodec.write(nested))
                .isEqualTo("{\"category\":\"misc\",\"score\":80,\"nested\":{\"k\":\"v\"},\"flag\":true,\"none\":null,\"list\":[1,2.5,\"three\",false]}");
    }

    @Test
    void testEscapesStringsLikeJsonStringify()
    {
        assertThat(JsonCodec.write("it's a \"quoted\" doc\nwith \\ and \t\u0001 ü 😀"))
                .isEqualTo("\"it's a \\\"quoted\\\" doc\\nwith \\\\ and \\t\\u0001 ü 😀\"");
        assertThat(JsonCodec.write("lone \ud800 surrogate")).isEqualTo("\"lone \\ud800 surrogate\"");
    }

    @Test
    void testRejectsValuesJsonCannotHold()
    {
        assertThatThrownBy(() -> JsonCodec.write(Map.of("x", Double.NaN))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> JsonCodec.write(Map.of("x", new Object()))).isInstanceOf(ValidationException.class)
                .hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> JsonCodec.write(Map.of(1, "x"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void testParsesServerJson()
    {
        Object parsed = JsonCodec.parse(" {\"a\": [1, -2.5e3, true, false, null, \"s\\u00e9\\n\"], \"b\": {\"c\": 12345678901234567890}} ");
        assertThat(parsed).isEqualTo(Map.of(
                "a", Arrays.asList(1L, -2500.0, true, false, null, "sé\n"),
                "b", Map.of("c", new BigInteger("12345678901234567890"))));
        assertThat(JsonCodec.parseObject("{}")).isEmpty();
    }

    @Test
    void testRoundTripKeepsKeyOrder()
    {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("z", 1L);
        metadata.put("a", List.of("x", Map.of("k", 2.25)));
        metadata.put("m", "\"quoted\" \\ text");
        String json = JsonCodec.write(metadata);
        Map<String, Object> parsed = JsonCodec.parseObject(json);
        assertThat(parsed).containsExactlyEntriesOf(metadata);
        assertThat(JsonCodec.write(parsed)).isEqualTo(json);
    }

    @Test
    void testRejectsMalformedJson()
    {
        assertThatThrownBy(() -> JsonCodec.parse("{\"a\":}")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("offset 5");
        assertThatThrownBy(() -> JsonCodec.parse("{\"a\":1} x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonCodec.parse("[01]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonCodec.parse("\"open")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JsonCodec.parseObject("[1]")).isInstanceOf(IllegalArgumentException.class);
    }
}
