package dev.quiver.wire.packet;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static dev.quiver.wire.packet.TextValueFormatter.formatDouble;
import static dev.quiver.wire.packet.TextValueFormatter.formatFloat;
import static dev.quiver.wire.packet.TextValueFormatter.formatToString;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTextValueFormatter
{
    @Test
    void testDoublesPrintLikeMySql()
    {
        // Expectations checked against MariaDB 10.11 (SELECT <literal>e0 and DOUBLE/FLOAT columns).
        assertThat(formatDouble(1.5)).isEqualTo("1.5");
        assertThat(formatDouble(1)).isEqualTo("1");
        assertThat(formatDouble(-0.0)).isEqualTo("0");
        assertThat(formatDouble(0.0)).isEqualTo("0");
        assertThat(formatDouble(1e20)).isEqualTo("1e20");
        assertThat(formatDouble(1e15)).isEqualTo("1e15");
        assertThat(formatDouble(1e14)).isEqualTo("100000000000000");
        assertThat(formatDouble(123456789012345.0)).isEqualTo("123456789012345");
        assertThat(formatDouble(1234567890123456.0)).isEqualTo("1.234567890123456e15");
        assertThat(formatDouble(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(formatDouble(0.0001)).isEqualTo("0.0001");
        assertThat(formatDouble(0.00001)).isEqualTo("0.00001");
        assertThat(formatDouble(-1.25e-10)).isEqualTo("-0.000000000125");
        assertThat(formatDouble(1e-16)).isEqualTo("1e-16");
        assertThat(formatDouble(1.7976931348623157e308)).isEqualTo("1.7976931348623157e308");
        assertThat(formatDouble(100)).isEqualTo("100");
        assertThat(formatDouble(-3.14159)).isEqualTo("-3.14159");
    }

    @Test
    void testFloatsUseShortestFloatDigits()
    {
        assertThat(formatFloat(3.14f)).isEqualTo("3.14");
        assertThat(formatFloat(0.1f)).isEqualTo("0.1");
        assertThat(formatFloat(1e20f)).isEqualTo("1e20");
        assertThat(formatFloat(-0.0f)).isEqualTo("0");
    }

    @Test
    void testNumbersAndTemporals()
    {
        assertThat(formatToString(Long.MIN_VALUE, 0)).isEqualTo("-9223372036854775808");
        assertThat(formatToString(new BigInteger("18446744073709551615"), 0)).isEqualTo("18446744073709551615");
        assertThat(formatToString(new BigDecimal("1E+3"), 0)).isEqualTo("1000");
        assertThat(formatToString(new BigDecimal("0.000001"), 6)).isEqualTo("0.000001");
        assertThat(formatToString(true, 0)).isEqualTo("1");
        assertThat(formatToString(LocalDate.of(7, 1, 2), 0)).isEqualTo("0007-01-02");
        assertThat(formatToString(LocalDateTime.of(2024, 1, 2, 3, 4, 5), 0)).isEqualTo("2024-01-02 03:04:05");
        assertThat(formatToString(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000), 0)).isEqualTo("2024-01-02 03:04:05.120000");
        assertThat(formatToString(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 120_000_000), 2)).isEqualTo("2024-01-02 03:04:05.12");
        assertThat(formatToString(LocalDateTime.of(2024, 1, 2, 3, 4, 5), 6)).isEqualTo("2024-01-02 03:04:05.000000");
        assertThat(formatToString(Duration.ofHours(-838).minusMinutes(59).minusSeconds(59), 0)).isEqualTo("-838:59:59");
        assertThat(formatToString(Duration.ofSeconds(3723), 0)).isEqualTo("01:02:03");
        assertThat(formatToString(Duration.ofMillis(1500), 0)).isEqualTo("00:00:01.500000");
        assertThat(formatToString(Duration.ofMillis(1500), 1)).isEqualTo("00:00:01.5");
    }

    @Test
    void testUnknownValueTypeIsABug()
    {
        assertThatThrownBy(() -> formatToString(new Object(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
