package dev.quiver.storage.search;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Vector API's lane sums return the plain ones' bits, for every length (the tail lanes included) and for values
 * from subnormal to near overflow, and the test JVM (run with the module, as the server is) really uses them.
 */
class TestLaneSums
{
    private static final long SEED = 2026_11_22_4L;

    @Test
    void testTheTestJvmUsesTheVectorApi()
    {
        assertThat(LaneSums.INSTANCE).as("surefire runs with --add-modules jdk.incubator.vector on a CPU with 256-bit vectors")
                .isInstanceOf(PanamaLaneSums.class);
    }

    @Test
    void testPanamaSumsEqualScalarSumsBitForBit()
    {
        LaneSums scalar = new ScalarLaneSums();
        LaneSums panama = new PanamaLaneSums();
        Random random = new Random(SEED);
        for (int round = 0; round < 3_000; round++) {
            int length = round < 40 ? round : random.nextInt(round % 10 == 0 ? 4_097 : 70);
            float scale = switch (round % 5) {
                case 0 -> 1e-40f;
                case 1 -> 1e18f;
                default -> (float) Math.pow(10, random.nextInt(9) - 4);
            };
            float[] a = new float[length];
            float[] b = new float[length];
            for (int i = 0; i < length; i++) {
                a[i] = (float) random.nextGaussian() * scale;
                b[i] = random.nextInt(7) == 0 ? a[i] : (float) random.nextGaussian() * scale;
            }
            String context = "round " + round + ", length " + length;
            assertThat(Double.doubleToLongBits(panama.squareDistance(a, b))).as(context).isEqualTo(Double.doubleToLongBits(scalar.squareDistance(a, b)));
            assertThat(Double.doubleToLongBits(panama.dot(a, b))).as(context).isEqualTo(Double.doubleToLongBits(scalar.dot(a, b)));
        }
    }

    @Test
    void testOverflowAndInfinitiesAsThePlainSums()
    {
        LaneSums scalar = new ScalarLaneSums();
        LaneSums panama = new PanamaLaneSums();
        float[][] cases = {
                {Float.MAX_VALUE, -Float.MAX_VALUE, 1, 2, 3},
                {Float.POSITIVE_INFINITY, 1, 2, 3, 4, 5, 6, 7},
                {Float.MIN_VALUE, -Float.MIN_VALUE, 0, -0f, Float.MIN_VALUE, 0, 0, 0, 1},
        };
        for (float[] a : cases) {
            float[] b = new float[a.length];
            for (int i = 0; i < a.length; i++) {
                b[i] = -a[a.length - 1 - i];
            }
            assertThat(Double.doubleToLongBits(panama.squareDistance(a, b))).isEqualTo(Double.doubleToLongBits(scalar.squareDistance(a, b)));
            assertThat(Double.doubleToLongBits(panama.dot(a, b))).isEqualTo(Double.doubleToLongBits(scalar.dot(a, b)));
        }
    }
}
