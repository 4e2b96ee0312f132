package dev.quiver.storage.lucene;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The durable engine's background index applier: one thread that takes committed statements
 * ({@link LuceneRowStore.Pending}) in the order they were queued and applies them to their table's index writer
 * (document building and HNSW graph insertion happen here, not on the statement's thread). The engine queues a
 * table's statements in log order, so the changes of one row reach the writer in commit order.
 *
 * <p>Back-pressure: {@link #awaitBacklog} makes a writer wait (after its statement, holding no lock) while more
 * than {@code backlogLimit} rows are queued or being applied, so writers wait only when the applier is far behind.
 * A failure stops the applier and is handed to {@code onFailure} (the engine then refuses writes; the statements
 * not applied are in the log and come back by replay); nothing waits for it any more.
 */
final class IndexApplier
        implements AutoCloseable
{
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when there is work, or the applier is resumed or stopped. */
    private final Condition work = lock.newCondition();
    /** Signalled when a statement was applied, the applier failed, paused or stopped. */
    private final Condition progress = lock.newCondition();
    private final ArrayDeque<LuceneRowStore.Pending> queue = new ArrayDeque<>();
    private final long backlogLimit;
    private final Consumer<Throwable> onFailure;
    private final Thread thread;
    /** Rows queued or being applied. */
    private long backlogRows;
    /** The thread has taken a statement and not finished it. */
    private boolean applying;
    private boolean paused;
    /** Writers waiting in {@link #awaitBacklog}. */
    private int waitingWriters;
    private boolean stopping;
    private Throwable failure;

    IndexApplier(long backlogLimit, Consumer<Throwable> onFailure)
    {
        if (backlogLimit < 1) {
            throw new IllegalArgumentException("backlogLimit must be positive");
        }
        this.backlogLimit = backlogLimit;
        this.onFailure = requireNonNull(onFailure, "onFailure is null");
        this.thread = Thread.ofPlatform().name("quiver-index-applier").daemon().unstarted(this::run);
    }

    void start()
    {
        thread.start();
    }

    /** Queues a committed statement (callers queue a table's statements in log order). */
    void enqueue(LuceneRowStore.Pending pending)
    {
        lock.lock();
        try {
            queue.add(pending);
            backlogRows += pending.changes().size();
            work.signal();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Back-pressure: returns once at most {@code backlogLimit} rows wait for the writer (or the applier failed or
     * stopped). Call holding no lock.
     */
    void awaitBacklog()
    {
        lock.lock();
        try {
            if (!mustWait()) {
                return;
            }
            waitingWriters++;
            try {
                while (mustWait()) {
                    progress.await();
                }
            }
            finally {
                waitingWriters--;
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            lock.unlock();
        }
    }

    private boolean mustWait()
    {
        return backlogRows > backlogLimit && failure == null && !stopping;
    }

    /**
     * Waits until every queued statement is applied. Returns false at once, leaving the queue as it is, when the
     * applier is paused, failed or stopped (the statements are in the log).
     */
    boolean drain()
    {
        lock.lock();
        try {
            while (applying || !queue.isEmpty()) {
                if (paused || failure != null || stopping) {
                    return false;
                }
                progress.awaitUninterruptibly();
            }
            return true;
        }
        finally {
            lock.unlock();
        }
    }

    /** Writers held by back-pressure now (tests). */
    int waitingWriters()
    {
        lock.lock();
        try {
            return waitingWriters;
        }
        finally {
            lock.unlock();
        }
    }

    /** Rows queued or being applied. */
    long backlogRows()
    {
        lock.lock();
        try {
            return backlogRows;
        }
        finally {
            lock.unlock();
        }
    }

    /** Test hook: the applier takes no further statement until {@link #resume} (a statement being applied finishes). */
    void pause()
    {
        lock.lock();
        try {
            paused = true;
            progress.signalAll();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Test hook: while paused (and idle), applies the next {@code statements} queued statements on the calling thread,
     * as the applier thread would.
     */
    void applyHeld(int statements)
            throws java.io.IOException
    {
        for (int i = 0; i < statements; i++) {
            LuceneRowStore.Pending next;
            lock.lock();
            try {
                if (!paused || applying) {
                    throw new IllegalStateException("the applier is not paused and idle");
                }
                next = queue.poll();
                if (next == null) {
                    return;
                }
                applying = true;
            }
            finally {
                lock.unlock();
            }
            try {
                next.store().apply(next);
            }
            finally {
                lock.lock();
                try {
                    backlogRows -= next.changes().size();
                    applying = false;
                    progress.signalAll();
                }
                finally {
                    lock.unlock();
                }
            }
        }
    }

    void resume()
    {
        lock.lock();
        try {
            paused = false;
            work.signal();
        }
        finally {
            lock.unlock();
        }
    }

    /**
     * Stops the thread after the statement it is applying (never interrupting it: an interrupted thread doing I/O on
     * a Lucene directory closes the channel of its write.lock). Statements still queued are dropped; they are in the
     * log. Call {@link #drain} first to apply them.
     */
    @Override
    public void close()
    {
        lock.lock();
        try {
            stopping = true;
            work.signalAll();
            progress.signalAll();
        }
        finally {
            lock.unlock();
        }
        if (thread.isAlive() && thread != Thread.currentThread()) {
            boolean interrupted = false;
            while (true) {
                try {
                    thread.join();
                    break;
                }
                catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run()
    {
        while (true) {
            LuceneRowStore.Pending next;
            lock.lock();
            try {
                while (!stopping && (paused || failure != null || queue.isEmpty())) {
                    work.awaitUninterruptibly();
                }
                if (stopping) {
                    return;
                }
                next = queue.poll();
                applying = true;
            }
            finally {
                lock.unlock();
            }
            Throwable error = null;
            try {
                // false: the table was dropped, altered or closed meanwhile, and its statements no longer matter
                next.store().apply(next);
            }
            catch (Throwable e) {
                error = e;
            }
            lock.lock();
            try {
                backlogRows -= next.changes().size();
                applying = false;
                if (error != null) {
                    failure = error;
                }
                progress.signalAll();
            }
            finally {
                lock.unlock();
            }
            if (error != null) {
                onFailure.accept(error);
                return;
            }
        }
    }
}
