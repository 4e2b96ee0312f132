package dev.quiver.storage.lucene;

import dev.quiver.storage.mvcc.VersionMap;
import dev.quiver.storage.table.RowChange;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SearcherManager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The writer side of one table's index ({@link LuceneRowStore}): numbers the statements handed off for the index
 * writer, applies them to it in that order (the engine's background applier), reopens the searcher on a statement
 * boundary and drops the version-map entries it then shows, and tells what a commit may record. Owns the
 * apply lock and the applied/refreshed positions that decide when a refresh is due.
 */
final class RowIndexWriter
{
    private final Path path;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final VersionMap versionMap;
    private final RowDocuments documents;
    private final int refreshRows;
    /** Sequence number of the last statement handed off for the writer ({@link #handOff}). */
    private final java.util.concurrent.atomic.AtomicLong handedSequence = new java.util.concurrent.atomic.AtomicLong();
    /** Rows (changes) handed off so far. */
    private final java.util.concurrent.atomic.AtomicLong handedRows = new java.util.concurrent.atomic.AtomicLong();
    /** Held while a statement is applied to the writer, and while the store closes (so closing waits for it). */
    private final java.util.concurrent.locks.ReentrantLock applyLock = new java.util.concurrent.locks.ReentrantLock();
    /** Set under {@link #applyLock}: the writer is closed or rolled back, statements are dropped. */
    private boolean closed;
    /** The last statement applied to the writer (written under {@link #applyLock}). */
    private volatile long appliedSequence;
    /** Log position of the last logged statement applied (the committed position until one is). */
    private volatile long appliedLsn;
    /** Rows (changes) applied to the writer so far (for the refresh trigger). */
    private volatile long appliedRows;
    /** {@link #appliedSequence} as of the last refresh (written under the table write lock). */
    private volatile long refreshedSequence;

    RowIndexWriter(Path path, IndexWriter writer, SearcherManager searchers, VersionMap versionMap, RowDocuments documents, int refreshRows, long committedLsn)
    {
        this.path = path;
        this.writer = writer;
        this.searchers = searchers;
        this.versionMap = versionMap;
        this.documents = documents;
        this.refreshRows = refreshRows;
        this.appliedLsn = committedLsn;
    }

    /** The sequence number of the last statement handed off (a version-map entry's sequence is at least it). */
    long handedSequence()
    {
        return handedSequence.get();
    }

    /** Numbers a committed statement of {@code rows} changes for the writer (see {@link LuceneRowStore#handOff}). */
    long handOff(int rows)
    {
        handedRows.addAndGet(rows);
        return handedSequence.incrementAndGet();
    }

    /** See {@link LuceneRowStore#apply}. */
    boolean apply(long sequence, long lsn, List<RowChange> changes)
            throws IOException
    {
        applyLock.lock();
        try {
            if (closed) {
                return false;
            }
            if (sequence != appliedSequence + 1) {
                throw new IllegalStateException("table index " + path.getFileName() + " got statement " + sequence + " after " + appliedSequence);
            }
            write(changes);
            appliedLsn = Math.max(appliedLsn, lsn);
            appliedRows += changes.size();
            appliedSequence = sequence;
            return true;
        }
        finally {
            applyLock.unlock();
        }
    }

    /** See {@link LuceneRowStore#appliedThrough}. */
    long appliedThrough(long lastAppended)
    {
        applyLock.lock();
        try {
            return appliedSequence == handedSequence.get() ? lastAppended : appliedLsn;
        }
        finally {
            applyLock.unlock();
        }
    }

    /** See {@link LuceneRowStore#fullyApplied}. */
    boolean fullyApplied()
    {
        return appliedSequence == handedSequence.get();
    }

    private void write(List<RowChange> changes)
            throws IOException
    {
        for (RowChange change : changes) {
            Term term = new Term(LuceneRowStore.ROW_ID, RowDocuments.rowIdBytes(change.rowId()));
            switch (change) {
                case RowChange.Put put -> writer.updateDocument(term, documents.document(put));
                case RowChange.Delete ignored -> writer.deleteDocuments(term);
            }
        }
    }

    /** See {@link LuceneRowStore#needsRefresh}. */
    boolean needsRefresh()
    {
        long waiting = handedRows.get() - appliedRows;
        return versionMap.size() - waiting >= refreshRows && appliedSequence > refreshedSequence;
    }

    /** See {@link LuceneRowStore#hasUnrefreshedChanges}. */
    boolean hasUnrefreshedChanges()
    {
        return appliedSequence > refreshedSequence;
    }

    /**
     * Reopens the searcher and drops the version-map entries it now contains: those no newer than the last
     * statement applied. The reopen holds the apply lock, so the new searcher holds exactly the statements applied
     * (it waits for the one being applied, and the applier waits for the reopen); each searcher, and each flushed
     * segment, then ends on a statement boundary, as when statements applied themselves. Entries of statements still
     * waiting for the writer stay and keep serving lookups and the search overlay. Caller holds the table write
     * lock: no reader sits between its version-map lookup and its searcher lookup while the two change, so every
     * reader sees each row either in the version map or in its searcher.
     */
    void refresh()
    {
        long sequence;
        applyLock.lock();
        try {
            sequence = appliedSequence;
            searchers.maybeRefreshBlocking();
        }
        catch (IOException e) {
            throw LuceneRowStore.io(path, "refreshing", e);
        }
        finally {
            applyLock.unlock();
        }
        versionMap.removeThrough(sequence);
        refreshedSequence = sequence;
    }

    /**
     * Reopens the searcher on everything applied so far, keeping the version map (its rows shadow their older
     * documents, so this is safe without the table lock). The segment checks of {@link LuceneRowStore} look at the writer's segments
     * this way, not at a searcher that predates the last statements: an idle table nobody searches would otherwise
     * keep its last statements out of the idle-merge check until a checkpoint flushed them into one more segment.
     */
    void reopenSearcher()
    {
        applyLock.lock();
        try {
            searchers.maybeRefreshBlocking();
        }
        catch (IOException e) {
            throw LuceneRowStore.io(path, "refreshing", e);
        }
        finally {
            applyLock.unlock();
        }
    }

    /** Waits for a statement being applied, then makes {@link #apply} drop every later one. */
    void markClosed()
    {
        applyLock.lock();
        try {
            closed = true;
        }
        finally {
            applyLock.unlock();
        }
    }
}
