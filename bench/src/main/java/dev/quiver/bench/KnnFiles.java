package dev.quiver.bench;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Sizes of index files on disk, for the bytes-per-row figures. */
final class KnnFiles
{
    /** Lucene's vector files: the graph (vex), the raw vectors (vec), quantized vectors (veq/veb), their metadata. */
    private static final Set<String> VECTOR_EXTENSIONS = Set.of("vex", "vec", "vem", "vemf", "veq", "vemq", "veb", "vemb");

    private KnnFiles()
    {
    }

    static long totalBytes(Path directory)
    {
        return sum(directory, false);
    }

    static long vectorBytes(Path directory)
    {
        return sum(directory, true);
    }

    /**
     * The number of vector graphs a search visits: the segments with vectors in the last commit of every Lucene index
     * under {@code directory} (read-only; segments in compound files count too).
     */
    static int graphs(Path directory)
    {
        int graphs = 0;
        List<Path> indexes = files(directory).stream().filter(path -> path.getFileName().toString().startsWith("segments_"))
                .map(Path::getParent).distinct().toList();
        for (Path index : indexes) {
            try (FSDirectory lucene = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(lucene)) {
                for (LeafReaderContext leaf : reader.leaves()) {
                    boolean vectors = false;
                    for (FieldInfo field : leaf.reader().getFieldInfos()) {
                        vectors |= field.getVectorDimension() > 0;
                    }
                    graphs += vectors ? 1 : 0;
                }
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return graphs;
    }

    /**
     * Reads every file of an index once, front to back, before its engine is timed: the page cache then holds each
     * engine's files as a sequential read leaves them. Searched through memory maps, the same bytes were measured up
     * to ~17 % apart depending on how their pages came into the cache (written, faulted in at random, read ahead).
     */
    static void readThrough(Path directory)
    {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocateDirect(1 << 20);
        for (Path path : files(directory)) {
            try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(path)) {
                while (channel.read(buffer.clear()) > 0) {
                    // only the page cache matters
                }
            }
            catch (IOException ex) {
                // a file merged away while we listed: not part of the index any more
            }
        }
    }

    private static long sum(Path directory, boolean vectorsOnly)
    {
        long bytes = 0;
        for (Path path : files(directory)) {
            if (!vectorsOnly || VECTOR_EXTENSIONS.contains(extension(path))) {
                try {
                    bytes += Files.size(path);
                }
                catch (IOException ex) {
                    // a file merged away while we listed: not part of the index any more
                }
            }
        }
        return bytes;
    }

    private static List<Path> files(Path directory)
    {
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String extension(Path path)
    {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
