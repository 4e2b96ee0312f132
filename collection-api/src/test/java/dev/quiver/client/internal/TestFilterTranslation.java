package dev.quiver.client.internal;

import dev.quiver.client.ValidationException;
import dev.quiver.client.model.Where;
import dev.quiver.client.model.WhereDocument;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Filters become SQL with every key path and value bound, in the SDK's FilterBuilder shape (seekdb-js.md §5). */
class TestFilterTranslation
{
    @Test
    void testEveryComparisonOperator()
    {
        assertTranslation(Where.eq("k", "v"), "JSON_EXTRACT(metadata, ?) = ?", "$.k", "v");
        assertTranslation(Where.ne("k", "v"), "JSON_EXTRACT(metadata, ?) != ?", "$.k", "v");
        assertTranslation(Where.gt("k", 1), "JSON_EXTRACT(metadata, ?) > ?", "$.k", 1L);
        assertTranslation(Where.gte("k", 1.5), "JSON_EXTRACT(metadata, ?) >= ?", "$.k", 1.5);
        assertTranslation(Where.lt("k", 2.5f), "JSON_EXTRACT(metadata, ?) < ?", "$.k", 2.5);
        assertTranslation(Where.lte("k", (short) 3), "JSON_EXTRACT(metadata, ?) <= ?", "$.k", 3L);
        assertTranslation(Where.eq("flag", true), "JSON_EXTRACT(metadata, ?) = true", "$.flag");
        assertTranslation(Where.ne("flag", false), "JSON_EXTRACT(metadata, ?) != false", "$.flag");
        assertTranslation(Where.eq("big", new BigInteger("12345678901234567890")), "JSON_EXTRACT(metadata, ?) = ?", "$.big", new BigDecimal("12345678901234567890"));
        assertTranslation(Where.eq("a.b", "nested"), "JSON_EXTRACT(metadata, ?) = ?", "$.a.b", "nested");
    }

    @Test
    void testMembershipOperators()
    {
        assertTranslation(Where.in("tag", List.of("x", "y")), "JSON_EXTRACT(metadata, ?) IN (?, ?)", "$.tag", "x", "y");
        assertTranslation(Where.nin("tag", List.of(1, "z", false)), "JSON_EXTRACT(metadata, ?) NOT IN (?, ?, false)", "$.tag", 1L, "z");
        assertThat(MySqlTextRenderer.render(new SqlStatement("SELECT _id FROM t WHERE (" + translate(Where.in("tag", List.of("x", "y")), new ArrayList<>()) + ")",
                List.of("$.tag", "x", "y"))))
                .isEqualTo("SELECT _id FROM t WHERE (JSON_EXTRACT(metadata, '$.tag') IN ('x', 'y'))");
    }

    @Test
    void testLogicalOperatorsAndNesting()
    {
        assertTranslation(Where.and(Where.eq("a", 1), Where.ne("b", "x")),
                "(JSON_EXTRACT(metadata, ?) = ? AND JSON_EXTRACT(metadata, ?) != ?)", "$.a", 1L, "$.b", "x");
        assertTranslation(Where.or(Where.eq("category", "misc"), Where.lte("score", 88)),
                "(JSON_EXTRACT(metadata, ?) = ? OR JSON_EXTRACT(metadata, ?) <= ?)", "$.category", "misc", "$.score", 88L);
        assertTranslation(Where.not(Where.eq("a", 1)), "NOT (JSON_EXTRACT(metadata, ?) = ?)", "$.a", 1L);
        assertTranslation(Where.or(Where.and(Where.gt("a", 1), Where.in("b", List.of("p"))), Where.not(Where.or(Where.eq("c", true), Where.nin("d", List.of(2))))),
                "((JSON_EXTRACT(metadata, ?) > ? AND JSON_EXTRACT(metadata, ?) IN (?)) OR NOT ((JSON_EXTRACT(metadata, ?) = true OR JSON_EXTRACT(metadata, ?) NOT IN (?))))",
                "$.a", 1L, "$.b", "p", "$.c", "$.d", 2L);
    }

    @Test
    void testFilterObjectsAsTheSdkWritesThem()
    {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("category", "fruit");
        filter.put("score", ordered("$gte", 1, "$lte", 5));
        // several keys and several operators on one key: joined with AND, no parentheses (the caller wraps the whole clause)
        assertTranslation(Where.fromMap(filter),
                "JSON_EXTRACT(metadata, ?) = ? AND JSON_EXTRACT(metadata, ?) >= ? AND JSON_EXTRACT(metadata, ?) <= ?",
                "$.category", "fruit", "$.score", 1L, "$.score", 5L);
        assertTranslation(Where.fromMap(Map.of("$and", List.of(Map.of("a", Map.of("$eq", "x")), Map.of("b", Map.of("$ne", 2))))),
                "(JSON_EXTRACT(metadata, ?) = ? AND JSON_EXTRACT(metadata, ?) != ?)", "$.a", "x", "$.b", 2L);
        assertTranslation(Where.fromMap(Map.of("$or", List.of(Map.of("a", Map.of("$in", List.of("x", "y"))), Map.of("b", Map.of("$nin", List.of("z")))))),
                "(JSON_EXTRACT(metadata, ?) IN (?, ?) OR JSON_EXTRACT(metadata, ?) NOT IN (?))", "$.a", "x", "y", "$.b", "z");
        assertTranslation(Where.fromMap(Map.of("$not", Map.of("a", Map.of("$gt", 1, "$lt", 1).entrySet().stream()
                        .filter(each -> each.getKey().equals("$gt")).collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))))),
                "NOT (JSON_EXTRACT(metadata, ?) > ?)", "$.a", 1L);
    }

    @Test
    void testInvalidFiltersAreRejectedBeforeSql()
    {
        assertThatThrownBy(() -> Where.in("k", List.of())).isInstanceOf(ValidationException.class).hasMessage("$in on key 'k' needs at least one value");
        assertThatThrownBy(() -> Where.nin("k", List.of())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Where.eq("k", null)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Where.eq("k", List.of("a"))).isInstanceOf(ValidationException.class).hasMessageContaining("string, number or boolean");
        assertThatThrownBy(() -> Where.eq("k", Double.NaN)).isInstanceOf(ValidationException.class).hasMessageContaining("finite");
        assertThatThrownBy(() -> Where.eq("", 1)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Where.and()).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Where.fromMap(Map.of("k", Map.of("$contains", "x")))).isInstanceOf(ValidationException.class).hasMessageContaining("$contains");
        assertThatThrownBy(() -> Where.fromMap(Map.of("$xor", List.of()))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Where.fromMap(Map.of())).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Where.fromMap(Map.of("$and", "x"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void testDocumentFilters()
    {
        assertDocumentTranslation(WhereDocument.contains("python"), "MATCH(document) AGAINST (? IN NATURAL LANGUAGE MODE)", "python");
        assertDocumentTranslation(WhereDocument.regex("^hello.*world$"), "document REGEXP ?", "^hello.*world$");
        assertDocumentTranslation(WhereDocument.and(WhereDocument.contains("a"), WhereDocument.regex("b")),
                "(MATCH(document) AGAINST (? IN NATURAL LANGUAGE MODE) AND document REGEXP ?)", "a", "b");
        assertDocumentTranslation(WhereDocument.or(WhereDocument.contains("a"), WhereDocument.and(WhereDocument.regex("b"), WhereDocument.contains("c"))),
                "(MATCH(document) AGAINST (? IN NATURAL LANGUAGE MODE) OR (document REGEXP ? AND MATCH(document) AGAINST (? IN NATURAL LANGUAGE MODE)))", "a", "b", "c");
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("$contains", "x");
        filter.put("$regex", "y");
        assertDocumentTranslation(WhereDocument.fromMap(filter), "MATCH(document) AGAINST (? IN NATURAL LANGUAGE MODE) AND document REGEXP ?", "x", "y");
        assertDocumentTranslation(WhereDocument.fromMap(Map.of("$or", List.of(Map.of("$contains", "foo"), Map.of("$regex", "^b")))),
                "(MATCH(document) AGAINST (? IN NATURAL LANGUAGE MODE) OR document REGEXP ?)", "foo", "^b");
        assertThatThrownBy(() -> WhereDocument.fromMap(Map.of("$not_contains", "x"))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> WhereDocument.fromMap(Map.of("$contains", 3))).isInstanceOf(ValidationException.class);
    }

    private static void assertTranslation(Where where, String expectedSql, Object... expectedParameters)
    {
        List<Object> parameters = new ArrayList<>();
        assertThat(translate(where, parameters)).isEqualTo(expectedSql);
        assertThat(parameters).containsExactly(expectedParameters);
    }

    private static String translate(Where where, List<Object> parameters)
    {
        return SqlStatementBuilder.metadataCondition(where, parameters);
    }

    private static void assertDocumentTranslation(WhereDocument whereDocument, String expectedSql, Object... expectedParameters)
    {
        List<Object> parameters = new ArrayList<>();
        assertThat(SqlStatementBuilder.documentCondition(whereDocument, parameters)).isEqualTo(expectedSql);
        assertThat(parameters).containsExactly(expectedParameters);
    }

    private static Map<String, Object> ordered(String firstKey, Object firstValue, String secondKey, Object secondValue)
    {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(firstKey, firstValue);
        result.put(secondKey, secondValue);
        return result;
    }
}
