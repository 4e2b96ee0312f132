package dev.quiver.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Expected texts as a MariaDB 10.11 server prints them for {@code SELECT <literal>e0}. */
class TestNumberText
{
    @Test
    void testFixedAndExponentRanges()
    {
        assertThat(NumberText.doubleText(1.5e-5)).isEqualTo("0.000015");
        assertThat(NumberText.doubleText(1e-7)).isEqualTo("0.0000001");
        assertThat(NumberText.doubleText(1.2345e-12)).isEqualTo("0.0000000000012345");
        assertThat(NumberText.doubleText(1e-16)).isEqualTo("1e-16");
        assertThat(NumberText.doubleText(2.5e-300)).isEqualTo("2.5e-300");
        assertThat(NumberText.doubleText(1e14)).isEqualTo("100000000000000");
        assertThat(NumberText.doubleText(1e15)).isEqualTo("1e15");
        assertThat(NumberText.doubleText(123456789012345678e0)).isEqualTo("1.2345678901234568e17");
        assertThat(NumberText.doubleText(-1e20)).isEqualTo("-1e20");
    }

    @Test
    void testShortestDigits()
    {
        assertThat(NumberText.doubleText(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(NumberText.doubleText(100)).isEqualTo("100");
        assertThat(NumberText.doubleText(2.5)).isEqualTo("2.5");
        assertThat(NumberText.doubleText(-0.0)).isEqualTo("0");
        assertThat(NumberText.doubleText(0)).isEqualTo("0");
        assertThat(NumberText.floatText(0.1f)).isEqualTo("0.1");
        assertThat(NumberText.floatText(-3.25f)).isEqualTo("-3.25");
        assertThat(NumberText.floatText(1e20f)).isEqualTo("1e20");
    }
}
