package dev.quiver.common;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class TestPasswordHash
{
    @Test
    void testNativeHashMatchesMySqlPasswordFunction()
    {
        // MySQL 5.7: SELECT PASSWORD('secret') = '*14E65567ABDB5135D0CFD9A70B3032C179A49EE7'
        assertThat(HexFormat.of().withUpperCase().formatHex(PasswordHash.of("secret").nativeHash()))
                .isEqualTo("14E65567ABDB5135D0CFD9A70B3032C179A49EE7");
    }

    @Test
    void testEmptyPasswordStoresNothing()
    {
        assertThat(PasswordHash.of("").isEmpty()).isTrue();
        assertThat(PasswordHash.of("x").isEmpty()).isFalse();
    }

    @Test
    void testRoundTripThroughText()
    {
        PasswordHash hash = PasswordHash.of("pässword");
        assertThat(PasswordHash.parse(hash.toString())).isEqualTo(hash);
        assertThat(PasswordHash.parse(PasswordHash.EMPTY.toString())).isEqualTo(PasswordHash.EMPTY);
        assertThat(hash.matches("pässword")).isTrue();
        assertThat(hash.matches("password")).isFalse();
    }
}
