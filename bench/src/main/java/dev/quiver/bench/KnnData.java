package dev.quiver.bench;

import org.apache.lucene.util.VectorUtil;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static java.util.Objects.requireNonNull;

/**
 * The data every kNN engine gets in one run: {@code rows} base vectors and {@code queries} query vectors of
 * {@code dimensions} from the clustered Gaussian mixture of the vector reference (32-dim latent space, 256 clusters,
 * spread 0.5, noise 0.05; structure seed, base seed 1, query seed 2), a tag per row in [0, 100) for the 1 %
 * filter ({@code tag = 0}), and the exact L2 top-{@value #K} of every query, unfiltered and under the filter
 * (brute force, ties by row number). Everything is cached as little-endian binary files in a directory named by the
 * parameters, so reruns and the hnswlib script read exactly the same vectors and truth.
 */
record KnnData(int rows, int dimensions, long seed, float[][] base, float[][] queries, int[] tags, int[][] truth, int[][] filteredTruth, Path directory)
{
    static final int K = 10;
    static final int FILTER_TAG = 0;
    /**
     * The filter passes the rows whose tag is below this ({@code -Dknn.filterTags=N}, default 1: {@code tag = 0}, 1 %
     * of the rows; 10 passes 10 %, which at 100k rows makes the planners walk the graph rather than scan).
     */
    static final int FILTER_TAGS = Integer.getInteger("knn.filterTags", 1);
    static final int TAGS = 100;
    private static final int LATENT = 32;
    private static final int CLUSTERS = 256;

    KnnData
    {
        requireNonNull(base, "base is null");
        requireNonNull(queries, "queries is null");
        requireNonNull(tags, "tags is null");
        requireNonNull(truth, "truth is null");
        requireNonNull(filteredTruth, "filteredTruth is null");
        requireNonNull(directory, "directory is null");
    }

    /** Loads the cached data set from {@code work}, generating and writing what is missing. */
    static KnnData load(Path work, int rows, int dimensions, int queryCount, long seed, java.io.PrintStream log)
            throws Exception
    {
        Path directory = work.resolve(String.format(Locale.ROOT, "knn-n%d-d%d-q%d-s%d", rows, dimensions, queryCount, seed));
        Files.createDirectories(directory);
        Path basePath = directory.resolve("base.f32");
        Path queryPath = directory.resolve("queries.f32");
        Path tagPath = directory.resolve("tags.i32");
        Path truthPath = directory.resolve("truth10.i32");
        Path filteredPath = directory.resolve(FILTER_TAGS == 1 ? "truth10-tag0.i32" : "truth10-taglt" + FILTER_TAGS + ".i32");
        float[][] base;
        float[][] queries;
        int[] tags;
        if (Files.exists(basePath) && Files.exists(queryPath) && Files.exists(tagPath)) {
            base = readFloats(basePath, rows, dimensions);
            queries = readFloats(queryPath, queryCount, dimensions);
            tags = readInts(tagPath, 1, rows)[0];
        }
        else {
            long start = System.nanoTime();
            base = generate(rows, dimensions, seed, 1);
            queries = generate(queryCount, dimensions, seed, 2);
            tags = new int[rows];
            Random random = new Random(seed + 3);
            for (int i = 0; i < rows; i++) {
                tags[i] = random.nextInt(TAGS);
            }
            writeFloats(basePath, base);
            writeFloats(queryPath, queries);
            writeInts(tagPath, new int[][] {tags});
            log.printf(Locale.ROOT, "generated %,d x %d (+%,d queries) in %.1f s%n", rows, dimensions, queryCount, (System.nanoTime() - start) / 1e9);
        }
        int[][] truth = cachedTruth(truthPath, base, queries, null, log);
        int[][] filteredTruth = cachedTruth(filteredPath, base, queries, tags, log);
        return new KnnData(rows, dimensions, seed, base, queries, tags, truth, filteredTruth, directory);
    }

    private static int[][] cachedTruth(Path path, float[][] base, float[][] queries, int[] tags, java.io.PrintStream log)
            throws Exception
    {
        if (Files.exists(path)) {
            return readInts(path, queries.length, K);
        }
        long start = System.nanoTime();
        int[][] truth = bruteForce(base, queries, tags);
        writeInts(path, truth);
        log.printf(Locale.ROOT, "exact top-%d of %,d queries%s in %.1f s%n", K, queries.length, tags == null ? "" : " (" + filterName() + ")", (System.nanoTime() - start) / 1e9);
        return truth;
    }

    /** The clustered Gaussian mixture of the vector reference's appendix, bit for bit. */
    static float[][] generate(int count, int dimensions, long seed, long pointSeed)
    {
        Random random = new Random(seed);
        float[][] map = new float[dimensions][LATENT];
        for (float[] row : map) {
            for (int j = 0; j < LATENT; j++) {
                row[j] = (float) (random.nextGaussian() / Math.sqrt(LATENT));
            }
        }
        float[][] centres = new float[CLUSTERS][LATENT];
        for (float[] centre : centres) {
            for (int j = 0; j < LATENT; j++) {
                centre[j] = (float) random.nextGaussian();
            }
        }
        Random points = new Random(pointSeed);
        float[][] out = new float[count][dimensions];
        float[] z = new float[LATENT];
        for (int i = 0; i < count; i++) {
            float[] centre = centres[points.nextInt(CLUSTERS)];
            for (int j = 0; j < LATENT; j++) {
                z[j] = centre[j] + (float) (0.5 * points.nextGaussian());
            }
            for (int k = 0; k < dimensions; k++) {
                float sum = 0;
                for (int j = 0; j < LATENT; j++) {
                    sum += map[k][j] * z[j];
                }
                out[i][k] = sum + (float) (0.05 * points.nextGaussian());
            }
        }
        return out;
    }

    /** The filter, as the report names it. */
    static String filterName()
    {
        return FILTER_TAGS == 1 ? "tag = 0" : "tag < " + FILTER_TAGS;
    }

    /** Exact L2 top-K per query over the rows whose tag passes the filter (all rows when {@code tags} is null). */
    static int[][] bruteForce(float[][] base, float[][] queries, int[] tags)
            throws Exception
    {
        int[][] result = new int[queries.length][];
        AtomicInteger next = new AtomicInteger();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Future<?>[] futures = new Future<?>[threads];
            for (int t = 0; t < threads; t++) {
                futures[t] = pool.submit(() -> {
                    for (int q = next.getAndIncrement(); q < queries.length; q = next.getAndIncrement()) {
                        result[q] = topK(base, queries[q], tags);
                    }
                });
            }
            for (Future<?> future : futures) {
                future.get();
            }
        }
        finally {
            pool.shutdown();
        }
        return result;
    }

    private static int[] topK(float[][] base, float[] query, int[] tags)
    {
        // a max-heap of the K best by (distance, row), kept as parallel sorted arrays (K is tiny)
        float[] distances = new float[K];
        int[] ids = new int[K];
        Arrays.fill(distances, Float.POSITIVE_INFINITY);
        Arrays.fill(ids, Integer.MAX_VALUE);
        for (int i = 0; i < base.length; i++) {
            if (tags != null && tags[i] >= FILTER_TAG + FILTER_TAGS) {
                continue;
            }
            float distance = VectorUtil.squareDistance(query, base[i]);
            if (distance < distances[K - 1] || (distance == distances[K - 1] && i < ids[K - 1])) {
                int position = K - 1;
                while (position > 0 && (distances[position - 1] > distance || (distances[position - 1] == distance && ids[position - 1] > i))) {
                    distances[position] = distances[position - 1];
                    ids[position] = ids[position - 1];
                    position--;
                }
                distances[position] = distance;
                ids[position] = i;
            }
        }
        return ids;
    }

    /** Recall@K of {@code found} (row numbers, best first) against the exact answer. */
    static double recall(int[] exact, int[] found)
    {
        int hits = 0;
        for (int i = 0; i < Math.min(K, found.length); i++) {
            for (int e : exact) {
                if (e == found[i]) {
                    hits++;
                    break;
                }
            }
        }
        return hits / (double) K;
    }

    static void writeFloats(Path path, float[][] vectors)
            throws IOException
    {
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 20)) {
            ByteBuffer buffer = ByteBuffer.allocate(vectors.length == 0 ? 0 : vectors[0].length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (float[] vector : vectors) {
                buffer.clear();
                buffer.asFloatBuffer().put(vector);
                out.write(buffer.array());
            }
        }
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void writeInts(Path path, int[][] rows)
            throws IOException
    {
        Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 20)) {
            for (int[] row : rows) {
                ByteBuffer buffer = ByteBuffer.allocate(row.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
                buffer.asIntBuffer().put(row);
                out.write(buffer.array());
            }
        }
        Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static float[][] readFloats(Path path, int count, int dimensions)
            throws IOException
    {
        expectSize(path, (long) count * dimensions * Float.BYTES);
        float[][] out = new float[count][dimensions];
        byte[] bytes = new byte[dimensions * Float.BYTES];
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 20))) {
            for (float[] vector : out) {
                in.readFully(bytes);
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
            }
        }
        return out;
    }

    static int[][] readInts(Path path, int count, int width)
            throws IOException
    {
        expectSize(path, (long) count * width * Integer.BYTES);
        int[][] out = new int[count][width];
        byte[] bytes = new byte[width * Integer.BYTES];
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 20)) {
            for (int[] row : out) {
                if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
                    throw new IOException("short file " + path);
                }
                ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(row);
            }
        }
        return out;
    }

    private static void expectSize(Path path, long bytes)
            throws IOException
    {
        if (Files.size(path) != bytes) {
            throw new UncheckedIOException(new IOException(path + " has " + Files.size(path) + " bytes, expected " + bytes));
        }
    }
}
