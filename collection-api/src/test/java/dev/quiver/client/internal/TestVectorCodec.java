package dev.quiver.client.internal;

import dev.quiver.client.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestVectorCodec
{
    @Test
    void testEncodesLikeJavaScriptJsonStringify()
    {
        assertThat(VectorCodec.encode(new float[] {1, 0, 0})).isEqualTo("[1,0,0]");
        assertThat(VectorCodec.encode(new float[] {0.9f, 0.1f, 0})).isEqualTo("[0.9,0.1,0]");
        assertThat(VectorCodec.encode(new float[] {0.5f, 0.5f, 0})).isEqualTo("[0.5,0.5,0]");
        assertThat(VectorCodec.encode(new float[] {1e-7f, -0.5f, 1e21f})).isEqualTo("[1e-7,-0.5,1e+21]");
        assertThat(VectorCodec.encode(new float[] {1.1f, 1.04f, -2})).isEqualTo("[1.1,1.04,-2]");
        assertThat(VectorCodec.encode(new float[] {-0.0f, 123456.79f, 1e20f})).isEqualTo("[0,123456.79,100000000000000000000]");
        assertThat(VectorCodec.encode(new float[] {0.000001f, 3.4028235e38f})).isEqualTo("[0.000001,3.4028235e+38]");
        assertThat(VectorCodec.encode(new float[0])).isEqualTo("[]");
    }

    @Test
    void testRejectsNonFiniteValues()
    {
        assertThatThrownBy(() -> VectorCodec.encode(new float[] {1, Float.NaN}))
                .isInstanceOf(ValidationException.class)
                .hasMessage("Vector contains invalid value: NaN at index 1");
        assertThatThrownBy(() -> VectorCodec.encode(new float[] {Float.POSITIVE_INFINITY}))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void testDecodesFullJsonNumberSyntax()
    {
        assertThat(VectorCodec.decode("[1,0.5,-2e-3,1E+2, 3 ]")).containsExactly(1, 0.5f, -0.002f, 100, 3);
        assertThat(VectorCodec.decode(" [ ] ")).isEmpty();
        assertThat(VectorCodec.decode("[1.0E-7]")).containsExactly(1e-7f);
    }

    @Test
    void testRejectsMalformedText()
    {
        assertThatThrownBy(() -> VectorCodec.decode("1,2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VectorCodec.decode("[1,,2]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VectorCodec.decode("[NaN]")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VectorCodec.decode("[.5]")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void testRoundTripsEveryFloatExactly()
    {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        for (int round = 0; round < 2000; round++) {
            float[] vector = new float[8];
            for (int index = 0; index < vector.length; index++) {
                float candidate;
                do {
                    candidate = Float.intBitsToFloat(random.nextInt());
                }
                while (!Float.isFinite(candidate));
                vector[index] = candidate;
            }
            String text = VectorCodec.encode(vector);
            assertThat(VectorCodec.decode(text)).as("seed %d, text %s", seed, text).containsExactly(vector);
        }
    }

    @Test
    void testShortestRepresentation()
    {
        // float32 0.1 is 0.100000001490116...; printing through double would give 0.10000000149011612
        assertThat(VectorCodec.encode(new float[] {0.1f})).isEqualTo("[0.1]");
        assertThat(JsNumbers.format(0.1)).isEqualTo("0.1");
        assertThat(JsNumbers.format(95.0)).isEqualTo("95");
        assertThat(JsNumbers.format(1e21)).isEqualTo("1e+21");
        assertThat(JsNumbers.format(123e-20)).isEqualTo("1.23e-18");
        assertThat(JsNumbers.format(-1.5e-7)).isEqualTo("-1.5e-7");
    }
}
