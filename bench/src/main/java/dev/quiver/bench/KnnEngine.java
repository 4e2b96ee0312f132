package dev.quiver.bench;

/**
 * One kNN engine under test. {@link #build} indexes every row of the data set (row {@code i} gets id {@code i} and
 * tag {@code tags[i]}) so that every row is searchable through the graph; {@link #search} returns the ids of the
 * {@link KnnData#K} nearest rows by L2 (restricted to {@code tag = 0} when {@code filtered}), searching with beam
 * width {@code ef}, on the calling thread.
 */
interface KnnEngine
        extends AutoCloseable
{
    String name();

    Build build(KnnData data)
            throws Exception;

    int[] search(float[] query, int ef, boolean filtered)
            throws Exception;

    /** Nodes (or rows) whose distance the searches so far computed, as the engine reports them; -1 when unknown. */
    long examined();

    /**
     * What a build cost: wall and thread-CPU seconds (the CPU of the thread that called build; background merges
     * and flushes on other threads are not in it), the bytes of every index file on disk, and of the vector files
     * alone (graph, vectors, their metadata), and the number of HNSW graphs (segments) searched per query.
     */
    record Build(double seconds, double cpuSeconds, long indexBytes, long vectorBytes, int graphs) {}

    @Override
    void close()
            throws Exception;
}
