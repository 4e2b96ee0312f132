package dev.quiver.storage.search;

/** {@link LaneSums} in plain Java: four scalar accumulators, four independent additions in flight. */
final class ScalarLaneSums
        implements LaneSums
{
    @Override
    public double squareDistance(float[] a, float[] b)
    {
        double l0 = 0;
        double l1 = 0;
        double l2 = 0;
        double l3 = 0;
        int i = 0;
        for (int end = a.length & ~3; i < end; i += 4) {
            double d0 = (double) a[i] - b[i];
            double d1 = (double) a[i + 1] - b[i + 1];
            double d2 = (double) a[i + 2] - b[i + 2];
            double d3 = (double) a[i + 3] - b[i + 3];
            l0 += d0 * d0;
            l1 += d1 * d1;
            l2 += d2 * d2;
            l3 += d3 * d3;
        }
        return tailSquareDistance(a, b, i, l0, l1, l2, l3);
    }

    @Override
    public double dot(float[] a, float[] b)
    {
        double l0 = 0;
        double l1 = 0;
        double l2 = 0;
        double l3 = 0;
        int i = 0;
        for (int end = a.length & ~3; i < end; i += 4) {
            l0 += (double) a[i] * b[i];
            l1 += (double) a[i + 1] * b[i + 1];
            l2 += (double) a[i + 2] * b[i + 2];
            l3 += (double) a[i + 3] * b[i + 3];
        }
        return tailDot(a, b, i, l0, l1, l2, l3);
    }

    /** The last {@code length mod 4} terms (into lanes 0-2), then the lanes added as the definition says. */
    static double tailSquareDistance(float[] a, float[] b, int from, double l0, double l1, double l2, double l3)
    {
        for (int i = from; i < a.length; i++) {
            double d = (double) a[i] - b[i];
            switch (i & 3) {
                case 0 -> l0 += d * d;
                case 1 -> l1 += d * d;
                default -> l2 += d * d;
            }
        }
        return (l0 + l1) + (l2 + l3);
    }

    /** As {@link #tailSquareDistance}, for products. */
    static double tailDot(float[] a, float[] b, int from, double l0, double l1, double l2, double l3)
    {
        for (int i = from; i < a.length; i++) {
            double product = (double) a[i] * b[i];
            switch (i & 3) {
                case 0 -> l0 += product;
                case 1 -> l1 += product;
                default -> l2 += product;
            }
        }
        return (l0 + l1) + (l2 + l3);
    }
}
