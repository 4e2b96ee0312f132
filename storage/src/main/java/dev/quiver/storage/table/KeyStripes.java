package dev.quiver.storage.table;

import dev.quiver.storage.row.Row;
import dev.quiver.storage.row.Value;
import dev.quiver.storage.row.ValueComparison;

import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The striped key locks of one table: which stripe a unique-key value falls in (through the table's seed), and
 * taking and releasing a set of stripes in ascending order. The stripes themselves are shared by all tables.
 */
final class KeyStripes
{
    /**
     * Number of key lock stripes (a power of two), shared by all tables (a table's seed spreads its keys): enough
     * that two statements of 100 keys each share a stripe with a probability of about 4%.
     */
    static final int STRIPES = 1 << 18;
    /** The stripes, created on first use. */
    private static final AtomicReferenceArray<ReentrantLock> LOCKS = new AtomicReferenceArray<>(STRIPES);
    private static final AtomicLong SEEDS = new AtomicLong();

    private final int stripeSeed = (int) (SEEDS.incrementAndGet() * 0x9E3779B9L);

    void lockStripes(BitSet held)
    {
        for (int i = held.nextSetBit(0); i >= 0; i = held.nextSetBit(i + 1)) {
            ReentrantLock stripe = LOCKS.get(i);
            if (stripe == null) {
                LOCKS.compareAndSet(i, null, new ReentrantLock());
                stripe = LOCKS.get(i);
            }
            stripe.lock();
        }
    }

    void unlockStripes(BitSet held)
    {
        for (int i = held.nextSetBit(0); i >= 0; i = held.nextSetBit(i + 1)) {
            LOCKS.get(i).unlock();
        }
    }

    /**
     * The lock stripe of a value of unique key {@code ordinal} (a value from
     * {@link ValueComparison#indexKey(Row, int[])}); values equal as keys share a stripe.
     */
    int stripe(int ordinal, List<Object> key)
    {
        int hash = stripeSeed + ordinal;
        for (Object part : key) {
            int partHash = switch (part) {
                case Value.DoubleValue real -> Double.hashCode(real.value() == 0.0 ? 0.0 : real.value());
                case Value.DecimalValue decimal -> decimal.value().signum() == 0 ? 0 : decimal.value().stripTrailingZeros().hashCode();
                default -> part.hashCode();
            };
            hash = 31 * hash + partHash;
        }
        hash ^= hash >>> 16;
        hash *= 0x85ebca6b;
        hash ^= hash >>> 13;
        hash *= 0xc2b2ae35;
        hash ^= hash >>> 16;
        return hash & (STRIPES - 1);
    }
}
