package dev.quiver.storage.search;

/**
 * The two sums every seekdb distance is made of, {@code Σ (a[i] - b[i])²} and {@code Σ a[i]·b[i]}, in doubles from
 * the floats, in four interleaved lanes: element i goes into lane {@code i mod 4}, each lane adds its terms in order,
 * and the lanes are added as {@code (l0 + l1) + (l2 + l3)}. That order is the definition: every implementation returns
 * the same bits for the same vectors ({@code TestLaneSums}), on every machine and in every caller.
 *
 * <p>Two implementations: {@link ScalarLaneSums} (plain Java), and {@code PanamaLaneSums}, which computes the four
 * lanes as one 256-bit vector of doubles (Java's Vector API, when the JVM runs with {@code --add-modules
 * jdk.incubator.vector}, as {@code bin/quiver-server} does, and the CPU has 256-bit vectors). A search rescores its
 * candidates with these sums, which at 768 dimensions was Quiver's largest cost outside Lucene's graph search.
 * {@code -Dquiver.vector.panama=false} keeps the plain one.
 */
interface LaneSums
{
    LaneSums INSTANCE = choose();

    double squareDistance(float[] a, float[] b);

    double dot(float[] a, float[] b);

    private static LaneSums choose()
    {
        if (!Boolean.parseBoolean(System.getProperty("quiver.vector.panama", "true"))
                || ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return new ScalarLaneSums();
        }
        try {
            // loaded by name: the class links against the incubator module, which may be absent
            Class<?> panama = Class.forName("dev.quiver.storage.search.PanamaLaneSums");
            return (LaneSums) panama.getDeclaredConstructor().newInstance();
        }
        catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            // no incubator module after all, or a CPU without 256-bit vectors (the constructor refuses)
            return new ScalarLaneSums();
        }
    }
}
