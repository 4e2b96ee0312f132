package dev.quiver.bench;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import static java.util.Objects.requireNonNull;

/**
 * One row of a seekdb collection as the benchmarks write it: an id, a document, metadata JSON and a vector.
 * Generated from a seed, so every engine in a run writes exactly the same rows.
 */
record CollectionRow(byte[] id, String document, String metadata, float[] embedding)
{
    private static final String[] WORDS = {
            "vector", "search", "index", "quiver", "lucene", "graph", "upsert", "durable", "segment", "merge",
            "recall", "filter", "metadata", "document", "cosine", "distance", "neighbor", "cluster", "batch", "commit"};
    private static final String[] CATEGORIES = {"news", "docs", "blog", "paper", "code", "forum", "wiki", "faq"};

    CollectionRow
    {
        requireNonNull(id, "id is null");
        requireNonNull(document, "document is null");
        requireNonNull(metadata, "metadata is null");
        requireNonNull(embedding, "embedding is null");
    }

    /** The row for key {@code key}, its content drawn from {@code random}. */
    static CollectionRow generate(long key, int dimensions, Random random)
    {
        byte[] id = ("doc-" + key).getBytes(StandardCharsets.UTF_8);
        StringBuilder document = new StringBuilder(200);
        while (document.length() < 180) {
            document.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        String metadata = "{\"category\":\"" + CATEGORIES[random.nextInt(CATEGORIES.length)] + "\",\"score\":" + random.nextInt(1000)
                + ",\"published\":" + (random.nextBoolean() ? "true" : "false") + ",\"tags\":[\"t" + random.nextInt(50) + "\"]}";
        float[] embedding = new float[dimensions];
        for (int i = 0; i < dimensions; i++) {
            embedding[i] = random.nextFloat() * 2 - 1;
        }
        return new CollectionRow(id, document.toString().trim(), metadata, embedding);
    }
}
