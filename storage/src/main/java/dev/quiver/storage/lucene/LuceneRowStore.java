package dev.quiver.storage.lucene;

import dev.quiver.common.ErrorCode;
import dev.quiver.common.QuiverException;
import dev.quiver.storage.catalog.TableDefinition;
import dev.quiver.storage.filter.Filter;
import dev.quiver.storage.mvcc.VersionMap;
import dev.quiver.storage.search.SearchResult;
import dev.quiver.storage.vector.VectorQuery;
import dev.quiver.storage.table.RowChange;
import dev.quiver.storage.table.RowStore;
import dev.quiver.storage.text.TextHits;
import dev.quiver.storage.text.TextPlan;
import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.ValueComparison;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CodecReader;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * One table's rows in a Lucene index, served through a version map. A document per row: the internal row id
 * ({@code _rowid} term), the row in binary form ({@code _row}), and one term per unique key ({@code _u<n>}, the
 * collation-normalised key) for duplicate checks.
 *
 * <p>A committed statement is first handed off for the index writer ({@link #handOff}, which numbers it), then
 * published to the version map (row id → latest row or tombstone, and per unique key → row id or "freed"), so the
 * statement's acknowledgement and later readers need only the version map; the engine's background applier builds
 * the documents and calls the writer ({@link #apply(Pending)}) later, in hand-off order, so a statement never waits
 * for HNSW graph insertion. {@link #refresh} (under the table's write lock, between statements) reopens the searcher
 * and drops the version-map entries it now shows; entries of statements the writer has not reached yet stay and keep
 * serving lookups and the search overlay. Lookups read the version map, then the searcher. A {@link #commit} at a
 * checkpoint records the log position it covers ({@link #appliedThrough}). The writer never commits on close.
 *
 * <p>This class is the entry point and serves the reads (lookups through the version map then the searcher, scans,
 * the text and vector searches) and the index's life (open, commit, merges, close); the document layout and the
 * term queries are {@link RowDocuments}', the hand-off, apply and refresh bookkeeping {@link RowIndexWriter}'s.
 */
public final class LuceneRowStore
        implements RowStore, AutoCloseable
{
    static final String ROW_ID = "_rowid";
    static final String ROW_ID_VALUE = "_rowid_v";
    static final String ROW = "_row";
    static final String ROW_ID_DOC_VALUE = "_rowid_dv";
    private static final String LSN = "lsn";
    private static final String AUTO_INCREMENT = "auto_increment";
    private static final String NEXT_ROW_ID = "next_row_id";

    private final Path path;
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final RowDocuments documents;
    private final VersionMap versionMap;
    private final long committedLsn;
    private final long committedAutoIncrement;
    private final long committedNextRowId;
    private final LuceneTextSearch textSearch = new LuceneTextSearch(this);
    private final AscendingRowIds ascendingRowIds = new AscendingRowIds();
    private final RowIndexWriter writes;
    private final VectorFields vectorFields;

    private LuceneRowStore(Path path, TableDefinition definition, FSDirectory directory, IndexWriter writer, int refreshRows)
            throws IOException
    {
        this.path = path;
        try (DirectoryReader segments = DirectoryReader.open(writer)) {
            // a quantized cosine index keeps the similarity its segments were written with
            this.vectorFields = new VectorFields(definition, FieldInfos.getMergedFieldInfos(segments));
        }
        this.documents = new RowDocuments(path, definition, vectorFields);
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.versionMap = new VersionMap(documents.uniquePositions().size());
        Map<String, String> commitData = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> commitData.put(entry.getKey(), entry.getValue()));
        }
        this.committedLsn = Long.parseLong(commitData.getOrDefault(LSN, "0"));
        this.committedAutoIncrement = Long.parseLong(commitData.getOrDefault(AUTO_INCREMENT, "0"));
        this.committedNextRowId = Long.parseLong(commitData.getOrDefault(NEXT_ROW_ID, "1"));
        this.writes = new RowIndexWriter(path, writer, searchers, versionMap, documents, refreshRows, committedLsn);
    }

    /** Opens (creating if needed) the index; the version map asks for a refresh after {@code refreshRows} changed rows. */
    public static LuceneRowStore open(Path path, TableDefinition definition, int refreshRows)
    {
        requireNonNull(path, "path is null");
        requireNonNull(definition, "definition is null");
        try {
            Files.createDirectories(path);
            FSDirectory directory = FSDirectory.open(path);
            IndexWriterConfig config = new IndexWriterConfig()
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCodec(new VectorFields(definition).codec())
                    .setMergePolicy(new OnePieceGraphMergePolicy(new TieredMergePolicy()))
                    .setCommitOnClose(false);
            return new LuceneRowStore(path, definition, directory, new IndexWriter(directory, config), refreshRows);
        }
        catch (IOException e) {
            throw QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, "opening table index " + path.getFileName() + ": " + e.getMessage());
        }
    }

    /** The log position the last commit covers (0 when the index was never committed). */
    public long committedLsn()
    {
        return committedLsn;
    }

    public long committedAutoIncrement()
    {
        return committedAutoIncrement;
    }

    public long committedNextRowId()
    {
        return committedNextRowId;
    }

    // ------------------------------------------------------------------ RowStore (threading: see RowStore)

    @Override
    public Row get(long rowId)
    {
        VersionMap.Version version = versionMap.version(rowId);
        if (version != null) {
            return version.row();
        }
        return searchOne(new Term(ROW_ID, rowIdBytes(rowId)), true).row();
    }

    @Override
    public Long findUnique(int ordinal, List<Object> key)
    {
        BytesRef bytes = keyBytes(key);
        Long owner = versionMap.keyOwner(ordinal, bytes);
        if (owner != null) {
            return owner == VersionMap.FREED ? null : owner;
        }
        Hit hit = searchOne(new Term(RowDocuments.uniqueField(ordinal), bytes), false);
        if (hit.rowId() < 0) {
            return null;
        }
        VersionMap.Version current = versionMap.version(hit.rowId());
        if (current == null) {
            return hit.rowId();
        }
        if (current.deleted()) {
            return null;
        }
        List<Object> currentKey = ValueComparison.indexKey(current.row(), documents.uniquePositions().get(ordinal));
        return currentKey != null && keyBytes(currentKey).equals(bytes) ? hit.rowId() : null;
    }

    @Override
    public void put(long rowId, Row row)
    {
        put(rowId, row, get(rowId));
    }

    @Override
    public void put(long rowId, Row row, Row previous)
    {
        // the statement was handed to the writer before it publishes (see the class comment), so the entry's
        // sequence is at least the statement's own
        long sequence = writes.handedSequence();
        versionMap.put(rowId, row, sequence);
        for (int i = 0; i < documents.uniquePositions().size(); i++) {
            List<Object> newKey = ValueComparison.indexKey(row, documents.uniquePositions().get(i));
            BytesRef newBytes = newKey == null ? null : keyBytes(newKey);
            if (previous != null) {
                List<Object> oldKey = ValueComparison.indexKey(previous, documents.uniquePositions().get(i));
                if (oldKey != null) {
                    BytesRef oldBytes = keyBytes(oldKey);
                    if (!oldBytes.equals(newBytes)) {
                        versionMap.freeKey(i, oldBytes, sequence);
                    }
                }
            }
            if (newBytes != null) {
                versionMap.claimKey(i, newBytes, rowId, sequence);
            }
        }
    }

    @Override
    public void remove(long rowId)
    {
        remove(rowId, get(rowId));
    }

    @Override
    public void remove(long rowId, Row previous)
    {
        if (previous == null) {
            return;
        }
        long sequence = writes.handedSequence();
        versionMap.delete(rowId, sequence);
        for (int i = 0; i < documents.uniquePositions().size(); i++) {
            List<Object> oldKey = ValueComparison.indexKey(previous, documents.uniquePositions().get(i));
            if (oldKey != null) {
                versionMap.freeKey(i, keyBytes(oldKey), sequence);
            }
        }
    }

    @Override
    public Iterable<Map.Entry<Long, Row>> all()
    {
        TreeMap<Long, Row> rows = new TreeMap<>();
        IndexSearcher searcher = acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                StoredFields storedFields = leaf.reader() instanceof CodecReader codecReader
                        ? codecReader.getFieldsReader().getMergeInstance()
                        : leaf.reader().storedFields();
                Bits liveDocs = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (liveDocs != null && !liveDocs.get(doc)) {
                        continue;
                    }
                    Document document = storedFields.document(doc);
                    long rowId = document.getField(ROW_ID_VALUE).numericValue().longValue();
                    if (versionMap.version(rowId) == null) {
                        rows.put(rowId, decode(rowId, document));
                    }
                }
            }
        }
        catch (IOException e) {
            throw io("reading", e);
        }
        finally {
            release(searcher);
        }
        versionMap.forEachLive(rows::put);
        return rows.entrySet();
    }

    @Override
    public Set<Long> sortedCandidates(Filter conjunct)
    {
        Query query = orderedQuery(conjunct);
        if (query == null) {
            return null;
        }
        Set<Long> rowIds = new TreeSet<>();
        IndexSearcher searcher = acquire();
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Scorer scorer = weight.scorer(leaf);
                if (scorer == null) {
                    continue;
                }
                Bits liveDocs = leaf.reader().getLiveDocs();
                NumericDocValues ids = leaf.reader().getNumericDocValues(ROW_ID_DOC_VALUE);
                DocIdSetIterator iterator = scorer.iterator();
                for (int doc = iterator.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = iterator.nextDoc()) {
                    if ((liveDocs == null || liveDocs.get(doc)) && ids != null && ids.advanceExact(doc)) {
                        rowIds.add(ids.longValue());
                    }
                }
            }
        }
        catch (IOException e) {
            throw io("searching", e);
        }
        finally {
            release(searcher);
        }
        // rows changed since the refresh may match now; the caller re-checks every candidate's current version
        versionMap.forEachLive((rowId, row) -> rowIds.add(rowId));
        return rowIds;
    }

    /** BM25 through the FULLTEXT index's field, with the rows changed since the last refresh folded in ({@link LuceneTextSearch}). */
    @Override
    public TextHits textSearch(TextPlan plan)
    {
        IndexSearcher searcher = acquire();
        try {
            if (versionMap.isEmpty()) {
                // an emptied concurrent map still walks its whole table when iterated
                return textSearch.search(plan, searcher, java.util.Set.of(), Map.of());
            }
            Map<Long, Row> live = new HashMap<>();
            versionMap.forEachLive(live::put);
            return textSearch.search(plan, searcher, versionMap.changedRowIds(), live);
        }
        catch (IOException e) {
            throw io("searching", e);
        }
        finally {
            release(searcher);
        }
    }

    /**
     * A vector search through the VECTOR index the query may use (or, for an exact search, any VECTOR index on the
     * column that holds every vector: the float vectors are scanned instead of the stored rows); see
     * {@link LuceneVectorSearch}. Null when the column has no such index.
     */
    @Override
    public SearchResult searchVectors(VectorQuery query)
    {
        VectorFields.VectorField field = query.index().map(vectorFields::forIndex)
                .orElseGet(() -> vectorFields.forScan(query.column(), query.metric()));
        if (field == null) {
            return null;
        }
        IndexSearcher searcher = acquire();
        try {
            return new LuceneVectorSearch(this, searcher, query, field.name(), versionMap).run();
        }
        catch (IOException e) {
            throw io("searching", e);
        }
        finally {
            release(searcher);
        }
    }

    /** A query over an ordered-term field that returns a superset of the conjunct's rows, or null ({@link RowDocuments}). */
    Query orderedQuery(Filter conjunct)
    {
        return documents.orderedQuery(conjunct);
    }

    // ------------------------------------------------------------------ writer side (engine)

    /**
     * A committed statement on its way to the index writer: {@code sequence} orders the statements handed to this
     * store ({@link #handOff}), {@code lsn} is its log position (0 when it is not logged, as in an ALTER TABLE
     * build).
     */
    public record Pending(LuceneRowStore store, long sequence, long lsn, List<RowChange> changes)
    {
        public Pending
        {
            requireNonNull(store, "store is null");
            changes = List.copyOf(changes);
        }
    }

    /**
     * Numbers a committed statement for the index writer. The caller hands statements off in log order, before
     * it publishes them to the version map, and passes every one to {@link #apply(Pending)} in that order.
     */
    public Pending handOff(long lsn, List<RowChange> changes)
    {
        return new Pending(this, writes.handOff(changes.size()), lsn, changes);
    }

    /**
     * Builds the documents of a handed-off statement and applies them to the index writer (the engine's background
     * applier; statements of one store one at a time, in sequence order). Returns false, applying nothing, when the
     * store is closed or discarded.
     */
    public boolean apply(Pending pending)
            throws IOException
    {
        return writes.apply(pending.sequence(), pending.lsn(), pending.changes());
    }

    /** Hands off and applies a statement on the calling thread (recovery, an ALTER TABLE build). */
    public void applyNow(long lsn, List<RowChange> changes)
            throws IOException
    {
        apply(handOff(lsn, changes));
    }

    /** Rows in the version map (tests). */
    int versionMapRows()
    {
        return versionMap.size();
    }

    /** Number of documents the index writer holds, flushed or not (tests: proves what reached the writer). */
    int writerDocuments()
    {
        return writer.getDocStats().maxDoc;
    }

    /**
     * The log position a commit made now may record: every statement of this table up to it has reached the
     * writer. {@code lastAppended} (the log's end, with no statement between its append and its hand-off) when
     * nothing waits for the writer, else the position of the last statement applied.
     */
    public long appliedThrough(long lastAppended)
    {
        return writes.appliedThrough(lastAppended);
    }

    /** True when nothing handed off waits for the writer. */
    public boolean fullyApplied()
    {
        return writes.fullyApplied();
    }

    /**
     * True when a refresh should run soon: the version map holds at least {@code refreshRows} rows besides those
     * still waiting for the writer (which a refresh could not drop), and something reached the writer since the
     * last refresh. With the applier caught up this is the plain "the version map has grown" rule.
     */
    public boolean needsRefresh()
    {
        return writes.needsRefresh();
    }

    /** True when a refresh would show something new (a statement reached the writer since the last one). */
    public boolean hasUnrefreshedChanges()
    {
        return writes.hasUnrefreshedChanges();
    }

    /**
     * Reopens the searcher on a statement boundary and drops the version-map entries it now contains (see
     * {@link RowIndexWriter#refresh}). Caller holds the table write lock.
     */
    public void refresh()
    {
        writes.refresh();
    }

    /** Commits everything applied so far with the log position, auto_increment counter and next row id it covers. */
    public void commit(long lsn, long autoIncrement, long nextRowId)
            throws IOException
    {
        writer.setLiveCommitData(Map.of(LSN, Long.toString(lsn), AUTO_INCREMENT, Long.toString(autoIncrement),
                NEXT_ROW_ID, Long.toString(nextRowId)).entrySet());
        writer.commit();
    }

    // ------------------------------------------------------------------ segments (see LuceneStorageEngine#refreshIndexes)

    /**
     * Merges the index into one segment ({@link IndexWriter#forceMerge}, which first flushes what was applied) and
     * reopens the searcher on it. Each vector field's graph is built anew in one piece, not joined from the segments'
     * ({@link OnePieceGraphMergePolicy}). Takes no table lock: the writer accepts changes meanwhile (they may form a new small
     * segment), and reopening without emptying the version map is safe (its rows shadow their older documents). Not
     * committed: the caller commits (a checkpoint).
     */
    public void mergeToOneSegment()
    {
        try {
            // a background merge still running would join the segments on its own, after the forced merge found
            // nothing to do: let it finish, so the forced merge sees (and rebuilds) what it wrote
            if (writer.getConfig().getMergeScheduler() instanceof org.apache.lucene.index.ConcurrentMergeScheduler background) {
                background.sync();
            }
            writer.forceMerge(1);
        }
        catch (IOException e) {
            throw io("merging", e);
        }
        writes.reopenSearcher();
    }

    /** The segments holding vectors of a VECTOR index, once the searcher holds every applied statement: the graphs a vector search walks. */
    public int vectorSegments()
    {
        writes.reopenSearcher();
        IndexSearcher searcher = acquire();
        try {
            int segments = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                for (org.apache.lucene.index.FieldInfo field : leaf.reader().getFieldInfos()) {
                    if (field.getVectorDimension() > 0) {
                        segments++;
                        break;
                    }
                }
            }
            return segments;
        }
        finally {
            release(searcher);
        }
    }

    /** The segments of the current searcher. */
    public int segments()
    {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().leaves().size();
        }
        finally {
            release(searcher);
        }
    }

    /**
     * True when the vector segments are worth merging into one while the table is idle: more than one, and either
     * the rows outside the largest are at least 5 % of the table (so a large, merged table that takes a trickle of
     * writes is not rewritten for each) or there are more than 8 of them.
     */
    public boolean vectorMergeWorthwhile()
    {
        if (!vectorFields.any()) {
            return false;
        }
        writes.reopenSearcher();
        IndexSearcher searcher = acquire();
        try {
            int segments = 0;
            long total = 0;
            long largest = 0;
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                int docs = leaf.reader().maxDoc();
                segments++;
                total += docs;
                largest = Math.max(largest, docs);
            }
            return segments > 1 && ((total - largest) * 20 >= total || segments > 8);
        }
        finally {
            release(searcher);
        }
    }

    // ------------------------------------------------------------------ helpers

    private record Hit(long rowId, Row row) {}

    private Hit searchOne(Term term, boolean loadRow)
    {
        IndexSearcher searcher = acquire();
        try {
            TopDocs top = searcher.search(new TermQuery(term), 1);
            if (top.scoreDocs.length == 0) {
                return new Hit(-1, null);
            }
            Document document = searcher.storedFields().document(top.scoreDocs[0].doc);
            long rowId = document.getField(ROW_ID_VALUE).numericValue().longValue();
            return new Hit(rowId, loadRow ? decode(rowId, document) : null);
        }
        catch (IOException e) {
            throw io("searching", e);
        }
        finally {
            release(searcher);
        }
    }

    /** The primary key's doc values (a search projecting only key columns reads them instead of stored rows). */
    /** Which of this table's segments hold their documents in row-id order. */
    AscendingRowIds ascendingRowIds()
    {
        return ascendingRowIds;
    }

    KeyDocValues keyDocValues()
    {
        return documents.keyDocValues();
    }

    Row decode(long rowId, Document document)
    {
        return documents.decode(rowId, document);
    }

    private IndexSearcher acquire()
    {
        try {
            return searchers.acquire();
        }
        catch (IOException e) {
            throw io("opening a searcher on", e);
        }
    }

    private void release(IndexSearcher searcher)
    {
        try {
            searchers.release(searcher);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private QuiverException io(String action, IOException e)
    {
        return io(path, action, e);
    }

    static QuiverException io(Path path, String action, IOException e)
    {
        return QuiverException.withCause(ErrorCode.ER_STORAGE_IO, e, action + " table index " + path.getFileName() + ": " + e.getMessage());
    }

    /** A unique key as index bytes ({@link RowDocuments#keyBytes}). */
    static BytesRef keyBytes(List<Object> key)
    {
        return RowDocuments.keyBytes(key);
    }

    static BytesRef rowIdBytes(long rowId)
    {
        return RowDocuments.rowIdBytes(rowId);
    }

    /** Closes without committing. */
    @Override
    public void close()
    {
        writes.markClosed();
        try {
            searchers.close();
            writer.close();
            directory.close();
        }
        catch (IOException e) {
            throw io("closing", e);
        }
    }

    /**
     * Closes, discarding uncommitted changes (DROP TABLE). The files stay until a checkpoint no longer lists the
     * table, so a crash before then still finds what the last catalog snapshot names.
     */
    public void discard()
    {
        writes.markClosed();
        try {
            searchers.close();
            writer.rollback();
            directory.close();
        }
        catch (IOException e) {
            throw io("closing", e);
        }
    }

    static void deleteRecursively(Path root)
            throws IOException
    {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }
}
