package dev.quiver.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static java.util.Objects.requireNonNull;

/**
 * Durable upserts per second: {@code writers} threads each upsert batches of {@code batchSize} generated rows
 * whose keys are drawn from {@code keySpace} (so the run mixes inserts and updates), for {@code seconds}. The
 * burst rate counts what was acknowledged in the first {@code burstSeconds}; the sustained rate the whole run,
 * checkpoints, merges and refreshes included. Every writer's rows come from its own seed, so each engine in a
 * run receives the same rows in the same order. Runners warm each target up with {@link Settings#warmup} first.
 */
final class UpsertBenchmark
{
    record Settings(int dimensions, int writers, int batchSize, long keySpace, double burstSeconds, double seconds, long seed)
    {
        Settings
        {
            if (dimensions <= 0 || writers <= 0 || batchSize <= 0 || keySpace <= 0 || burstSeconds <= 0 || seconds < burstSeconds) {
                throw new IllegalArgumentException("bad settings: " + dimensions + "d " + writers + " writers " + batchSize + "/batch "
                        + keySpace + " keys " + burstSeconds + "s burst of " + seconds + "s");
            }
        }

        /** The same workload for {@code warmupSeconds} with another seed: JIT and caches warm, not measured. */
        Settings warmup(double warmupSeconds)
        {
            return new Settings(dimensions, writers, batchSize, keySpace, warmupSeconds, warmupSeconds, ~seed);
        }
    }

    record Result(String engine, Settings settings, long rows, double burstRowsPerSecond, double sustainedRowsPerSecond)
    {
    }

    private UpsertBenchmark()
    {
    }

    static Result run(UpsertTarget target, Settings settings)
            throws Exception
    {
        requireNonNull(target, "target is null");
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong acknowledgedInBurst = new AtomicLong(-1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        long startNanos = System.nanoTime();
        long burstEnd = startNanos + (long) (settings.burstSeconds() * 1e9);
        long end = startNanos + (long) (settings.seconds() * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int writer = 0; writer < settings.writers(); writer++) {
            Random random = new Random(settings.seed() * 31 + writer);
            threads.add(Thread.ofPlatform().name("bench-writer-" + writer).start(() -> {
                try {
                    start.await();
                    while (System.nanoTime() < end && failure.get() == null) {
                        List<CollectionRow> batch = new ArrayList<>(settings.batchSize());
                        for (int i = 0; i < settings.batchSize(); i++) {
                            batch.add(CollectionRow.generate(Math.floorMod(random.nextLong(), settings.keySpace()), settings.dimensions(), random));
                        }
                        target.upsert(batch);
                        long total = acknowledged.addAndGet(batch.size());
                        if (System.nanoTime() >= burstEnd) {
                            acknowledgedInBurst.compareAndSet(-1, total - batch.size());
                        }
                    }
                }
                catch (Throwable ex) {
                    failure.compareAndSet(null, ex);
                }
            }));
        }
        start.countDown();
        for (Thread each : threads) {
            each.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(target.name() + " failed", failure.get());
        }
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        long burstRows = acknowledgedInBurst.get() < 0 ? acknowledged.get() : acknowledgedInBurst.get();
        return new Result(target.name(), settings, acknowledged.get(), burstRows / settings.burstSeconds(), acknowledged.get() / elapsed);
    }
}
