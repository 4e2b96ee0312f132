package dev.quiver.storage.lucene;

import dev.quiver.storage.Table;
import dev.quiver.storage.VectorFixtures;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.search.SearchStrategy;
import dev.quiver.storage.search.VectorMetric;
import dev.quiver.storage.search.VectorSearchRequest;
import dev.quiver.storage.table.ConflictPolicy;
import dev.quiver.storage.table.WriteRequest;
import org.apache.lucene.codecs.KnnVectorsReader;
import org.apache.lucene.codecs.hnsw.HnswGraphProvider;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LogDocMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Sorter;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refresh call builds a table's vector graphs in one piece, as a table written at once would have them, rather
 * than joining the graphs of the segments the load left (Lucene's default merge, which found lower recall at a given
 * ef): after {@link Table#refreshIndexes} of a table loaded in many segments, each VECTOR index's graph (plain, 7-bit
 * and 1-bit quantized) is exactly the graph built from the same vectors in the same order in one piece, whatever the
 * segments were. Graph construction is deterministic in Lucene (a fixed seed for the node levels, one merge thread),
 * so equality is exact.
 */
class TestOnePieceGraphMerge
{
    private static final long SEED = 2026_11_22_3L;
    private static final int ROWS = 2_000;
    private static final List<String> COLUMNS = List.of("id", "category", "meta", "embedding");

    @TempDir
    Path dataDirectory;

    @TempDir
    Path referenceDirectory;

    private LuceneStorageEngine engine;

    @AfterEach
    void close()
    {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void testRefreshBuildsEachGraphInOnePiece()
            throws IOException
    {
        TableDefinition definition = VectorFixtures.vectorTable("vecs");
        engine = LuceneStorageEngine.open(dataDirectory, TestLuceneStorageEngine.options(true).withMergeWhenIdle(Duration.ZERO));
        engine.createDatabase("db");
        engine.createTable("db", definition);
        Table table = engine.table("db", "vecs");
        List<Row> data = VectorFixtures.rows(SEED, ROWS);
        for (int from = 0; from < data.size(); from += 20) {
            table.write(new WriteRequest(COLUMNS, data.subList(from, Math.min(data.size(), from + 20)).stream().map(Row::values).toList(),
                    ConflictPolicy.ERROR));
        }
        assertThat(engine.drainIndexApplier()).isTrue();
        // Lucene's background merges may just have folded the load's segments into one: a few rows more, until there
        // are several graphs to merge (each batch is refreshed into a segment of its own)
        for (int extra = 0; engine.vectorSegments("db", "vecs") < 2; extra++) {
            assertThat(extra).as("a new batch leaves a second segment").isLessThan(10);
            long offset = 10_000L * (extra + 1);
            table.write(new WriteRequest(COLUMNS, VectorFixtures.rows(SEED + 1 + extra, 20).stream()
                    .map(row -> List.of(dev.quiver.storage.row.Value.of(offset + VectorFixtures.id(row)), row.get(1), row.get(2), row.get(3)))
                    .toList(), ConflictPolicy.ERROR));
            assertThat(engine.drainIndexApplier()).isTrue();
        }
        table.refreshIndexes();
        assertThat(engine.vectorSegments("db", "vecs")).isEqualTo(1);
        engine.close();
        engine = null;

        try (Directory directory = FSDirectory.open(tableDirectory()); DirectoryReader merged = DirectoryReader.open(directory)) {
            assertThat(merged.leaves()).hasSize(1);
            LeafReader leaf = merged.leaves().get(0).reader();
            assertThat(leaf.numDeletedDocs()).isZero();
            // the documents (and so the graph's insertion order) follow the row ids, not the order of the segments
            assertThat(rowIds(leaf)).isSorted().doesNotHaveDuplicates().hasSize(leaf.maxDoc());
            List<String> fields = vectorFields(leaf);
            assertThat(fields).containsExactlyInAnyOrder("_vec.v_l2", "_vec.v_cos", "_vec.v_ip");
            List<Document> documents = vectorDocuments(leaf, fields);

            // the plain field: the graph a segment written at once has (no merge at all)
            try (DirectoryReader flushed = reference(definition, documents, documents.size(), NoMergePolicy.INSTANCE)) {
                assertThat(differences(graph(leaf, "_vec.v_l2"), graph(flushed.leaves().get(0).reader(), "_vec.v_l2"))).isZero();
            }
            // every field: the graphs of the same documents merged from two segments instead of the table's many (a
            // quantized field is scored by its quantized vectors at a merge, by its floats at a flush)
            try (DirectoryReader twoSegments = reference(definition, documents, documents.size() / 3,
                    new OnePieceGraphMergePolicy(new LogDocMergePolicy()))) {
                for (String field : fields) {
                    assertThat(differences(graph(leaf, field), graph(twoSegments.leaves().get(0).reader(), field))).as(field).isZero();
                }
            }
        }

        // the rebuilt graphs search, quantized ones too, after a reopen
        engine = LuceneStorageEngine.open(dataDirectory, TestLuceneStorageEngine.options(true).withMergeWhenIdle(Duration.ZERO));
        Table reopened = engine.table("db", "vecs");
        Random random = new Random(SEED + 1);
        for (int q = 0; q < 5; q++) {
            float[] query = VectorFixtures.randomVector(random);
            for (VectorMetric metric : VectorMetric.values()) {
                List<Long> exact = VectorFixtures.ids(reopened.vectorSearch(VectorSearchRequest.of("embedding", query, metric, 10, SearchStrategy.EXACT)));
                List<Long> approximate = VectorFixtures.ids(reopened.vectorSearch(
                        VectorSearchRequest.of("embedding", query, metric, 10, SearchStrategy.APPROXIMATE).withEfSearch(ROWS)));
                assertThat(approximate).as(metric.name()).isEqualTo(exact);
            }
        }
    }

    @Test
    void testRowIdOrderPutsDocumentsWithoutARowIdLast()
            throws IOException
    {
        Path path = Files.createTempDirectory(referenceDirectory, "order");
        try (Directory directory = FSDirectory.open(path)) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
                for (long rowId : new long[] {5, 3, -1, 1, Long.MAX_VALUE, 4}) {
                    Document document = new Document();
                    if (rowId >= 0) {
                        document.add(new NumericDocValuesField(LuceneRowStore.ROW_ID_DOC_VALUE, rowId));
                    }
                    writer.addDocument(document);
                }
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                CodecReader segment = (CodecReader) reader.leaves().get(0).reader();
                Sorter.DocMap order = OnePieceGraphMergePolicy.rowIdOrder(segment);
                // new order: row ids 1, 3, 4, 5, then Long.MAX_VALUE (doc 4) and the document without one (doc 2) by number
                int[] newToOld = new int[order.size()];
                for (int doc = 0; doc < newToOld.length; doc++) {
                    newToOld[doc] = order.newToOld(doc);
                    assertThat(order.oldToNew(newToOld[doc])).isEqualTo(doc);
                }
                assertThat(newToOld).containsExactly(3, 1, 5, 0, 2, 4);
            }
        }
        Path sortedPath = Files.createTempDirectory(referenceDirectory, "sorted");
        try (Directory directory = FSDirectory.open(sortedPath)) {
            try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
                for (long rowId = 1; rowId <= 3; rowId++) {
                    Document document = new Document();
                    document.add(new NumericDocValuesField(LuceneRowStore.ROW_ID_DOC_VALUE, rowId));
                    writer.addDocument(document);
                }
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertThat(OnePieceGraphMergePolicy.rowIdOrder((CodecReader) reader.leaves().get(0).reader())).as("already in order").isNull();
            }
        }
    }

    @Test
    void testForcedMergeRebuildsASegmentABackgroundMergeJoined()
            throws IOException
    {
        // a background merge that finishes as the refresh call starts leaves one joined segment out of row-id order:
        // the forced merge must still rebuild it (the wrapped policy alone sees a merged index and does nothing)
        Path path = Files.createTempDirectory(referenceDirectory, "joined");
        LogDocMergePolicy background = new LogDocMergePolicy();
        background.setMergeFactor(2);
        background.setMinMergeDocs(1);
        try (Directory directory = FSDirectory.open(path);
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig()
                        .setMergeScheduler(new SerialMergeScheduler())
                        .setMergePolicy(new OnePieceGraphMergePolicy(background)))) {
            for (long[] segment : new long[][] {{5, 6, 7}, {1, 2, 3}}) {
                for (long rowId : segment) {
                    Document document = new Document();
                    document.add(new NumericDocValuesField(LuceneRowStore.ROW_ID_DOC_VALUE, rowId));
                    writer.addDocument(document);
                }
                writer.flush();
            }
            writer.maybeMerge();
            try (DirectoryReader joined = DirectoryReader.open(writer)) {
                assertThat(joined.leaves()).hasSize(1);
                assertThat(rowIds(joined.leaves().get(0).reader())).as("joined by the background merge").containsExactly(5L, 6L, 7L, 1L, 2L, 3L);
            }
            writer.forceMerge(1);
            try (DirectoryReader rebuilt = DirectoryReader.open(writer)) {
                assertThat(rebuilt.leaves()).hasSize(1);
                assertThat(rowIds(rebuilt.leaves().get(0).reader())).containsExactly(1L, 2L, 3L, 5L, 6L, 7L);
                assertThat(((org.apache.lucene.index.SegmentReader) rebuilt.leaves().get(0).reader()).getSegmentInfo().info.getDiagnostics())
                        .containsEntry("mergeMaxNumSegments", "1");
            }
            // a segment a forced merge wrote is not merged again
            String name = segmentName(writer);
            writer.forceMerge(1);
            assertThat(segmentName(writer)).isEqualTo(name);
        }
    }

    private static String segmentName(IndexWriter writer)
            throws IOException
    {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            return ((org.apache.lucene.index.SegmentReader) reader.leaves().get(0).reader()).getSegmentName();
        }
    }

    private static List<Long> rowIds(LeafReader leaf)
            throws IOException
    {
        List<Long> rowIds = new ArrayList<>();
        NumericDocValues values = leaf.getNumericDocValues(LuceneRowStore.ROW_ID_DOC_VALUE);
        for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
            rowIds.add(values.longValue());
        }
        return rowIds;
    }

    private Path tableDirectory()
            throws IOException
    {
        try (Stream<Path> tables = Files.list(dataDirectory.resolve("tables"))) {
            List<Path> all = tables.toList();
            assertThat(all).hasSize(1);
            return all.get(0);
        }
    }

    private static List<String> vectorFields(LeafReader leaf)
    {
        List<String> fields = new ArrayList<>();
        for (FieldInfo field : leaf.getFieldInfos()) {
            if (field.hasVectorValues()) {
                fields.add(field.name);
            }
        }
        return fields;
    }

    /** The segment's documents in order, each with the vector fields it has (the vectors as indexed). */
    private static List<Document> vectorDocuments(LeafReader leaf, List<String> fields)
            throws IOException
    {
        List<Document> documents = new ArrayList<>();
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
            documents.add(new Document());
        }
        for (String field : fields) {
            FieldInfo info = leaf.getFieldInfos().fieldInfo(field);
            FloatVectorValues values = leaf.getFloatVectorValues(field);
            KnnVectorValues.DocIndexIterator iterator = values.iterator();
            for (int doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.nextDoc()) {
                documents.get(doc).add(new KnnFloatVectorField(field, values.vectorValue(iterator.index()).clone(), info.getVectorSimilarityFunction()));
            }
        }
        return documents;
    }

    /** The documents written with the table's formats, flushed after {@code firstSegment} and at the end, merged into one. */
    private DirectoryReader reference(TableDefinition definition, List<Document> documents, int firstSegment, MergePolicy mergePolicy)
            throws IOException
    {
        Path path = Files.createTempDirectory(referenceDirectory, "reference");
        Directory directory = FSDirectory.open(path);
        IndexWriterConfig config = new IndexWriterConfig()
                .setCodec(new VectorFields(definition).codec())
                .setRAMBufferSizeMB(256)
                .setMaxBufferedDocs(IndexWriterConfig.DISABLE_AUTO_FLUSH)
                .setMergeScheduler(new SerialMergeScheduler())
                .setMergePolicy(mergePolicy);
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < documents.size(); i++) {
                writer.addDocument(documents.get(i));
                if (i + 1 == firstSegment) {
                    writer.flush();
                }
            }
            writer.forceMerge(1);
            writer.commit();
        }
        DirectoryReader reader = DirectoryReader.open(directory);
        assertThat(reader.leaves()).hasSize(1);
        return reader;
    }

    /** The nodes (and the entry) whose neighbours differ, or that only one graph has. */
    private static long differences(Map<String, List<Integer>> graph, Map<String, List<Integer>> expected)
    {
        return Stream.concat(graph.keySet().stream(), expected.keySet().stream()).distinct()
                .filter(node -> !Objects.equals(graph.get(node), expected.get(node)))
                .count();
    }

    /** Every level's nodes with their neighbours, and the entry node. */
    private static Map<String, List<Integer>> graph(LeafReader leaf, String field)
            throws IOException
    {
        KnnVectorsReader vectors = ((CodecReader) leaf).getVectorReader();
        if (vectors instanceof PerFieldKnnVectorsFormat.FieldsReader perField) {
            vectors = perField.getFieldReader(field);
        }
        HnswGraph graph = ((HnswGraphProvider) vectors).getGraph(field);
        Map<String, List<Integer>> adjacency = new HashMap<>();
        adjacency.put("entry", List.of(graph.entryNode(), graph.numLevels(), graph.size()));
        for (int level = 0; level < graph.numLevels(); level++) {
            HnswGraph.NodesIterator nodes = graph.getNodesOnLevel(level);
            while (nodes.hasNext()) {
                int node = nodes.nextInt();
                graph.seek(level, node);
                List<Integer> neighbours = new ArrayList<>();
                for (int neighbour = graph.nextNeighbor(); neighbour != DocIdSetIterator.NO_MORE_DOCS; neighbour = graph.nextNeighbor()) {
                    neighbours.add(neighbour);
                }
                adjacency.put(level + ":" + node, neighbours);
            }
        }
        assertThat(adjacency.size()).isGreaterThan(graph.size());
        return adjacency;
    }
}
