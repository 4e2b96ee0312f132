package dev.quiver.storage.lucene;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Keeps the vector tables of a {@link LuceneStorageEngine} in few segments, since a vector search walks one HNSW graph
 * per segment for the whole {@code ef} (a bulk-loaded 100k-row table had 9-19 segments and cost 5-8x a merged one;
 * BENCHMARKS.md). Two ways, both {@link org.apache.lucene.index.IndexWriter#forceMerge forceMerge(1)}, which runs
 * beside writes and searches (searches use the old segments until the merged one is opened) and builds each vector
 * field's graph in one piece ({@link OnePieceGraphMergePolicy}):
 * <ul>
 * <li>on request ({@link dev.quiver.storage.Table#refreshIndexes}, seekdb's {@code CALL dbms_index_manager.refresh()}),
 * in the caller's thread;</li>
 * <li>when idle: a table with a VECTOR index that took no write for {@code idle} and whose segments are worth merging
 * ({@link LuceneRowStore#vectorMergeWorthwhile}) is merged on a background thread, one table at a time. Elasticsearch
 * gives the same advice for its force merge: for indexes that no longer take writes, since a merged segment that
 * then takes writes is rewritten whole by the next merge; the 5 % rule bounds that rewriting.</li>
 * </ul>
 * A merge is not durable by itself: it marks the engine so that its next checkpoint commits even if nothing was logged.
 */
final class IndexMerges
        implements AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(IndexMerges.class);

    /** A table as the idle check sees it. */
    interface Candidate
    {
        LuceneRowStore store();

        /** {@link System#nanoTime} of the table's last write (or of its opening). */
        long lastWriteNanos();

        String name();
    }

    private final Duration idle;
    private final ExecutorService executor;
    private final Set<LuceneRowStore> running = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean merged = new AtomicBoolean();
    private volatile boolean closed;

    /** {@code idle} zero: never merge in the background. */
    IndexMerges(Duration idle)
    {
        this.idle = requireNonNull(idle, "idle is null");
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "quiver-merge");
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
        });
    }

    /** Merges the store into one segment now (see {@link LuceneRowStore#mergeToOneSegment}). */
    void mergeNow(LuceneRowStore store)
    {
        // marked as running so that the idle check does not start a second merge of the same table meanwhile
        boolean marked = running.add(store);
        try {
            store.mergeToOneSegment();
            merged.set(true);
        }
        finally {
            if (marked) {
                running.remove(store);
            }
        }
    }

    /** Starts a background merge of an idle table worth merging, if none runs (called periodically). */
    void mergeIdle(Supplier<List<? extends Candidate>> tables)
    {
        if (!idle.isZero()) {
            mergeIdle(tables, idle);
        }
    }

    /** As {@link #mergeIdle(Supplier)}, with tables idle after {@code idle} (zero: every table). */
    synchronized void mergeIdle(Supplier<List<? extends Candidate>> tables, Duration idle)
    {
        if (closed || !running.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        for (Candidate table : tables.get()) {
            LuceneRowStore store = table.store();
            try {
                if (now - table.lastWriteNanos() < idle.toNanos() || !store.vectorMergeWorthwhile() || !running.add(store)) {
                    continue;
                }
            }
            catch (RuntimeException e) {
                LOG.debug("Idle merge check of table {} failed (dropped or closed?)", table.name(), e);
                continue;
            }
            try {
                executor.execute(() -> {
                    long start = System.nanoTime();
                    try {
                        if (!closed) {
                            mergeNow(store);
                            LOG.info("Merged idle table {} into one segment in {} ms", table.name(), (System.nanoTime() - start) / 1_000_000);
                        }
                    }
                    catch (RuntimeException e) {
                        // dropped, altered or closed meanwhile: the writer aborts its merges
                        LOG.debug("Idle merge of table {} stopped", table.name(), e);
                    }
                    finally {
                        running.remove(store);
                    }
                });
            }
            catch (RejectedExecutionException e) {
                running.remove(store);
            }
            return;
        }
    }

    /** True when a merge finished since the last call: the next checkpoint must commit even if nothing was logged. */
    boolean takeMerged()
    {
        return merged.getAndSet(false);
    }

    /** Returns once every background merge started so far has ended (for tests). */
    void awaitMerges()
    {
        java.util.concurrent.Future<?> done;
        synchronized (this) {
            done = executor.submit(() -> {});
        }
        try {
            done.get();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean hasMerged()
    {
        return merged.get();
    }

    /** Stops starting merges. Call before closing the stores; a merge still running is aborted by its writer's close. */
    @Override
    public void close()
    {
        closed = true;
        executor.shutdown();
    }

    /** Waits for the background merge thread to end (after the stores closed, which aborts a running merge). */
    void awaitTermination()
    {
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("Background merge still running at close");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
