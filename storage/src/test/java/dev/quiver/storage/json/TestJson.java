package dev.quiver.storage.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestJson
{
    @Test
    void testParseAndPrintLikeMySql()
            throws Exception
    {
        assertThat(JsonParser.parse(" {\"bb\": 1, \"a\": [true, null, 1.5e2, -0, \"\\u00e9\\n\"], \"a\": 2} ").toString())
                .isEqualTo("{\"a\": 2, \"bb\": 1}");
        assertThat(JsonParser.parse("[1.5e2, 1e300, 10, 0.1]").toString()).isEqualTo("[150.0, 1e300, 10, 0.1]");
        assertThat(JsonParser.parse("\"\\u00e9\\n\"").toString()).isEqualTo("\"é\\n\"");
        assertThat(JsonParser.parse("{\"b\": 1, \"aa\": 2, \"c\": 3}").toString()).isEqualTo("{\"b\": 1, \"c\": 3, \"aa\": 2}");
    }

    @Test
    void testMalformedJsonReportsMySqlReasonAndPosition()
    {
        assertMalformed("", "The document is empty.", 0);
        assertMalformed("{\"a\": }", "Invalid value.", 6);
        assertMalformed("[1, 2", "Missing a comma or ']' after an array element.", 5);
        assertMalformed("{\"a\" 1}", "Missing a colon after a name of object member.", 5);
        assertMalformed("{1: 2}", "Missing a name for object member.", 1);
        assertMalformed("[1] x", "The document root must not be followed by other values.", 4);
        assertMalformed("\"abc", "Missing a closing quotation mark in string.", 0);
        assertMalformed("tru", "Invalid value.", 0);
    }

    @Test
    void testPathsAndComparison()
            throws Exception
    {
        JsonNode document = JsonParser.parse("{\"a\": {\"b\": [10, 20]}, \"key with space\": 1}");
        assertThat(JsonPath.parse("$.a.b[1]").extract(document)).contains(JsonNode.JsonNumber.of(20));
        assertThat(JsonPath.parse("$.\"key with space\"").extract(document)).contains(JsonNode.JsonNumber.of(1));
        assertThat(JsonPath.parse("$.a.missing").extract(document)).isEmpty();
        assertThat(JsonPath.parse("$.a.b[1]").toString()).isEqualTo("$.a.b[1]");
        assertThat(JsonComparison.equal(JsonParser.parse("1"), JsonParser.parse("1.0"))).isTrue();
        assertThat(JsonComparison.compare(JsonParser.parse("\"a\""), JsonParser.parse("\"B\""))).isPositive();
        assertThat(JsonComparison.compare(JsonParser.parse("\"1\""), JsonParser.parse("2"))).isPositive();
        assertThat(JsonComparison.compare(JsonParser.parse("true"), JsonParser.parse("[1]"))).isPositive();
        assertThat(JsonComparison.compare(JsonParser.parse("null"), JsonParser.parse("0"))).isNegative();
        assertThat(JsonComparison.equal(JsonParser.parse("{\"a\": [1, 2]}"), JsonParser.parse("{\"a\": [1.0, 2]}"))).isTrue();
    }

    private static void assertMalformed(String text, String reason, int position)
    {
        assertThatThrownBy(() -> JsonParser.parse(text))
                .isInstanceOfSatisfying(JsonParser.MalformedJsonException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.position()).isEqualTo(position);
                });
    }
}
