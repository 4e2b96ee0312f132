package dev.quiver.storage.vector;

import dev.quiver.storage.search.VectorMetric;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FloatScreen}'s bound is a lower bound of seekdb's double distance for every metric, at every scale float can
 * hold (where it gives one), and tight enough to be useful; pairs it cannot bound (overflow, zero or subnormal norms
 * under cosine) give NaN. {@code -Dtests.seed=S} replays.
 */
class TestFloatScreen
{
    private static final int[] DIMENSIONS = {1, 3, 16, 128, 768};
    private static final double[] SCALES = {1e-30, 1e-12, 1e-3, 1, 1e3, 1e12, 1e18};

    @Test
    void testBoundsNeverExceedTheDoubleDistance()
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "replay with -Dtests.seed=" + seed;
        long bounded = 0;
        for (int round = 0; round < 3000; round++) {
            int dimensions = DIMENSIONS[random.nextInt(DIMENSIONS.length)];
            double scale = SCALES[random.nextInt(SCALES.length)];
            float[] query = vector(random, dimensions, scale);
            // near duplicates, opposite and unrelated vectors, other scales: the cancellations floats get wrong
            float[] stored = switch (random.nextInt(4)) {
                case 0 -> perturbed(random, query, 1e-6);
                case 1 -> perturbed(random, negated(query), 1e-3);
                case 2 -> vector(random, dimensions, scale);
                default -> vector(random, dimensions, SCALES[random.nextInt(SCALES.length)]);
            };
            for (VectorMetric metric : VectorMetric.values()) {
                double exact = metric.distance(query, stored);
                double bound = FloatScreen.of(metric, query).lowerBound(stored);
                if (Double.isNaN(bound)) {
                    continue;
                }
                bounded++;
                assertThat(exact).as("%s: %s distance at %d dimensions, scale %s", context, metric, dimensions, scale).isNotNaN();
                assertThat(bound).as("%s: %s bound at %d dimensions, scale %s", context, metric, dimensions, scale).isLessThanOrEqualTo(exact);
                if (!representable(query) || !representable(stored)) {
                    // float's squares underflow or come near overflow: the bound is sound, not tight
                    continue;
                }
                // useful: within a small part of the distance's scale
                double magnitude = switch (metric) {
                    case L2 -> exact;
                    case COSINE -> 1;
                    case INNER_PRODUCT -> norm(query) * norm(stored);
                };
                assertThat(exact - bound).as("%s: %s bound's slack", context, metric).isLessThanOrEqualTo(1e-3 * magnitude + 1e-15);
            }
        }
        assertThat(bounded).as(context).isGreaterThan(5000);
    }

    /** The bound from a Lucene EUCLIDEAN score (an HNSW hit's, no vector read) is below the exact L2 distance. */
    @Test
    void testScoreBoundsNeverExceedTheDoubleDistance()
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "replay with -Dtests.seed=" + seed;
        long bounded = 0;
        for (int round = 0; round < 3000; round++) {
            int dimensions = DIMENSIONS[random.nextInt(DIMENSIONS.length)];
            double scale = SCALES[random.nextInt(4)];
            float[] query = vector(random, dimensions, scale);
            float[] stored = switch (random.nextInt(3)) {
                case 0 -> perturbed(random, query, 1e-6);
                case 1 -> perturbed(random, query, 1e-2);
                default -> vector(random, dimensions, scale);
            };
            float score = org.apache.lucene.index.VectorSimilarityFunction.EUCLIDEAN.compare(query, stored);
            double exact = VectorMetric.L2.distance(query, stored);
            double bound = FloatScreen.of(VectorMetric.L2, query).lowerBoundFromEuclideanScore(score);
            if (Double.isNaN(bound)) {
                continue;
            }
            bounded++;
            assertThat(bound).as("%s: bound from score %s at %d dimensions, scale %s", context, score, dimensions, scale).isLessThanOrEqualTo(exact);
            // useful where the square distance is not far below 1 (the score's float keeps 24 bits of 1 + d)
            assertThat(exact * exact - bound * bound).as("%s: slack", context).isLessThanOrEqualTo(1e-3 * exact * exact + 1e-5);
        }
        assertThat(bounded).as(context).isGreaterThan(2500);
        // other metrics, and scores that bound nothing
        assertThat(FloatScreen.of(VectorMetric.COSINE, new float[] {1, 0}).lowerBoundFromEuclideanScore(0.5f)).isNaN();
        assertThat(FloatScreen.of(VectorMetric.L2, new float[] {1, 0}).lowerBoundFromEuclideanScore(0f)).isNaN();
        assertThat(FloatScreen.of(VectorMetric.L2, new float[] {1, 0}).lowerBoundFromEuclideanScore(Float.NaN)).isNaN();
    }

    @Test
    void testUnboundablePairsGiveNaN()
    {
        float[] zero = new float[4];
        float[] some = {1, 2, 3, 4};
        assertThat(FloatScreen.of(VectorMetric.COSINE, some).lowerBound(zero)).isNaN();
        assertThat(FloatScreen.of(VectorMetric.COSINE, zero).lowerBound(some)).isNaN();
        float[] huge = {3e38f, -3e38f, 1, 1};
        assertThat(FloatScreen.of(VectorMetric.L2, huge).lowerBound(some)).isNaN();
        assertThat(FloatScreen.of(VectorMetric.INNER_PRODUCT, huge).lowerBound(huge)).isNaN();
        // the exact distances exist: the caller computes them in doubles
        assertThat(VectorMetric.L2.distance(huge, some)).isFinite();
        float[] tiny = {1e-30f, 1e-30f, 0, 0};
        assertThat(FloatScreen.of(VectorMetric.COSINE, some).lowerBound(tiny)).isNaN();
        assertThat(VectorMetric.COSINE.distance(some, tiny)).isFinite();
    }

    private static float[] vector(Random random, int dimensions, double scale)
    {
        float[] vector = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            vector[i] = (float) (random.nextGaussian() * scale);
        }
        return vector;
    }

    private static float[] perturbed(Random random, float[] base, double relative)
    {
        float[] vector = base.clone();
        for (int i = 0; i < vector.length; i++) {
            vector[i] = (float) (vector[i] * (1 + random.nextGaussian() * relative));
        }
        return vector;
    }

    private static float[] negated(float[] base)
    {
        float[] vector = new float[base.length];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = -base[i];
        }
        return vector;
    }

    /** Squares and products of its elements lie well inside float's normal range. */
    private static boolean representable(float[] vector)
    {
        double norm = norm(vector);
        return norm == 0 || (norm > 1e-15 && norm < 1e15);
    }

    private static double norm(float[] vector)
    {
        double sum = 0;
        for (float value : vector) {
            sum += (double) value * value;
        }
        return Math.sqrt(sum);
    }
}
