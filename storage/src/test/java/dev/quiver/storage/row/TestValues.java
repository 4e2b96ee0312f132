package dev.quiver.storage.row;

import dev.quiver.storage.format.BinaryReader;
import dev.quiver.storage.format.BinaryWriter;
import dev.quiver.storage.format.ValueFormat;
import dev.quiver.storage.json.JsonParser;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TestValues
{
    @Test
    void testGeneralCiCollation()
    {
        assertThat(Collation.equal("Docs", "docs")).isTrue();
        assertThat(Collation.equal("docs   ", "DOCS")).isTrue();
        assertThat(Collation.equal(" docs", "docs")).isFalse();
        assertThat(Collation.equal("résumé", "RESUME")).isTrue();
        assertThat(Collation.equal("straße", "STRASE")).isTrue();
        assertThat(Collation.equal("😀", "😃")).isTrue();
        assertThat(Collation.compare("a", "B")).isNegative();
        assertThat(Collation.compare("b", "A")).isPositive();
    }

    @Test
    void testComparisonAcrossKinds()
    {
        assertThat(ValueComparison.compare(Value.of(2), Value.of(new BigDecimal("2.0")))).isZero();
        assertThat(ValueComparison.compare(Value.of(2), Value.of(2.5))).isNegative();
        assertThat(ValueComparison.compare(Value.of(10), Value.of("9"))).isPositive();
        assertThat(ValueComparison.compare(Value.IntegerValue.unsignedOf(-1L), Value.of(Long.MAX_VALUE))).isPositive();
        assertThat(ValueComparison.compare(Value.of("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8)), Value.of("ABC"))).isPositive();
        assertThat(ValueComparison.compare(new Value.DateValue(LocalDate.of(2024, 1, 2)), Value.of("2024-01-01 23:59:59"))).isPositive();
        assertThat(ValueComparison.compareForSort(Value.NULL, Value.of(1))).isNegative();
    }

    @Test
    void testBinaryFormatRoundTripsEveryKind()
            throws Exception
    {
        Row row = new Row(List.of(Value.NULL, Value.of(-5), Value.IntegerValue.unsignedOf(-2L), Value.of(1.5), Value.of(new BigDecimal("-12.340")),
                Value.of("tëxt"), Value.of(new byte[] {0, -1, 7}), Value.of(JsonParser.parse("{\"a\": [1, 2.5, null]}")),
                Value.of(new float[] {1, -2.5f}), new Value.DateValue(LocalDate.of(1999, 12, 31)),
                new Value.DateTimeValue(LocalDateTime.of(2038, 1, 19, 3, 14, 7, 999_999_000))));
        BinaryWriter writer = new BinaryWriter();
        ValueFormat.writeRow(writer, row);
        byte[] bytes = writer.toByteArray();
        Row decoded = ValueFormat.readRow(new BinaryReader(bytes, "test"));
        assertThat(decoded).isEqualTo(row);
        assertThat(((Value.DecimalValue) decoded.get(4)).value().scale()).isEqualTo(3);
    }
}
