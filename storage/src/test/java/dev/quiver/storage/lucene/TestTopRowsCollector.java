package dev.quiver.storage.lucene;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link TopRowsCollector} against a full sort of every match by (score descending, row id ascending): short
 * documents over a tiny vocabulary, so most scores tie, row ids shuffled against doc ids, several segments, some
 * deleted documents, top sizes from 0 to more than the matches; once with row ids in no order, once with them rising
 * inside each segment but interleaved across segments (where the collector asks for strictly better scores).
 * {@code -Dtests.seed=S} replays.
 */
class TestTopRowsCollector
{
    private static final String[] WORDS = {"a", "b", "c", "d", "e"};

    @Test
    void testTopRowsEqualAFullSortWithManyTies()
            throws IOException
    {
        check(false);
    }

    @Test
    void testSegmentsWithRisingRowIdsPruneTiesAndStillEqualAFullSort()
            throws IOException
    {
        check(true);
    }

    private static void check(boolean risingSegments)
            throws IOException
    {
        long seed = Long.getLong("tests.seed", System.nanoTime());
        Random random = new Random(seed);
        String context = "replay with -Dtests.seed=" + seed;
        int documents = 400 + random.nextInt(400);
        List<Long> rowIds = new ArrayList<>();
        for (long i = 1; i <= documents; i++) {
            rowIds.add(i * 3);
        }
        Collections.shuffle(rowIds, random);
        int flushEvery = 50 + random.nextInt(100);
        if (risingSegments) {
            // each flush's row ids in order, the segments' ranges interleaved
            for (int from = 0; from < documents; from += flushEvery) {
                Collections.sort(rowIds.subList(from, Math.min(documents, from + flushEvery)));
            }
        }
        AscendingRowIds ascending = new AscendingRowIds();
        try (Directory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setMaxBufferedDocs(flushEvery)
                        // no merges, also none on the reader's full flush: the segments stay several
                        .setMergePolicy(NoMergePolicy.INSTANCE))) {
            for (int i = 0; i < documents; i++) {
                Document document = new Document();
                StringBuilder text = new StringBuilder();
                for (int w = 1 + random.nextInt(3); w > 0; w--) {
                    text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                document.add(new TextField("text", text.toString(), Field.Store.NO));
                document.add(new StringField("key", Integer.toString(i), Field.Store.NO));
                document.add(new NumericDocValuesField(LuceneRowStore.ROW_ID_DOC_VALUE, rowIds.get(i)));
                writer.addDocument(document);
                if (random.nextInt(10) == 0) {
                    writer.deleteDocuments(new Term("key", Integer.toString(random.nextInt(i + 1))));
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                assertThat(reader.leaves().size()).as(context).isGreaterThan(1);
                int rising = 0;
                for (LeafReaderContext leaf : reader.leaves()) {
                    List<Long> ids = new ArrayList<>();
                    NumericDocValues values = leaf.reader().getNumericDocValues(LuceneRowStore.ROW_ID_DOC_VALUE);
                    for (int doc = values.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                        ids.add(values.longValue());
                    }
                    boolean sorted = ids.equals(ids.stream().sorted().toList());
                    assertThat(ascending.test(leaf.reader())).as(context).isEqualTo(sorted);
                    rising += sorted ? 1 : 0;
                }
                if (risingSegments) {
                    assertThat(rising).as(context).isEqualTo(reader.leaves().size());
                }
                else {
                    // shuffled: a short last segment may rise by chance, the full ones do not
                    assertThat(rising).as(context).isLessThan(reader.leaves().size());
                }
                IndexSearcher searcher = new IndexSearcher(reader);
                for (int q = 0; q < 40; q++) {
                    BooleanQuery.Builder builder = new BooleanQuery.Builder();
                    for (int t = 1 + random.nextInt(3); t > 0; t--) {
                        builder.add(new TermQuery(new Term("text", WORDS[random.nextInt(WORDS.length)])), BooleanClause.Occur.SHOULD);
                    }
                    Query query = builder.build();
                    List<TopRowsCollector.Hit> all = all(searcher, query);
                    for (int size : new int[] {0, 1, 3, 10, 64, 65, 200, all.size(), all.size() + 5}) {
                        List<TopRowsCollector.Hit> top = searcher.search(query, TopRowsCollector.manager(size, ascending));
                        assertThat(top).as(context + ", query " + query + ", size " + size).containsExactlyElementsOf(all.subList(0, Math.min(size, all.size())));
                    }
                }
                assertThat(ascending.known()).isEqualTo(reader.leaves().size());
            }
        }
        assertThat(ascending.known()).as("forgotten when the segments close").isZero();
    }

    /** Every match with its score and row id, best first. */
    private static List<TopRowsCollector.Hit> all(IndexSearcher searcher, Query query)
            throws IOException
    {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        List<TopRowsCollector.Hit> hits = new ArrayList<>();
        for (ScoreDoc hit : searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc())).scoreDocs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
            NumericDocValues values = leaf.reader().getNumericDocValues(LuceneRowStore.ROW_ID_DOC_VALUE);
            long rowId = values != null && values.advanceExact(hit.doc - leaf.docBase) ? values.longValue() : Long.MAX_VALUE;
            hits.add(new TopRowsCollector.Hit(hit.doc, hit.score, rowId));
        }
        hits.sort(Comparator.comparingDouble((TopRowsCollector.Hit hit) -> -hit.score()).thenComparingLong(TopRowsCollector.Hit::rowId));
        return hits;
    }
}
