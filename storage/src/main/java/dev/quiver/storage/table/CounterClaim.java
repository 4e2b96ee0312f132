package dev.quiver.storage.table;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The values a statement took from a shared counter. They can be given back (the counter reset to where the
 * statement found it) only when the statement took one contiguous range and nobody has taken a value since:
 * then the counter still equals the statement's last value. Otherwise they stay a gap.
 */
final class CounterClaim
{
    private long before = -1;
    private long mine = -1;
    private boolean contiguous = true;

    /** The counter went from {@code previous} to {@code now} for this statement. */
    void took(long previous, long now)
    {
        if (mine < 0) {
            before = previous;
        }
        else if (previous != mine) {
            contiguous = false;
        }
        mine = now;
    }

    boolean tookAny()
    {
        return mine >= 0;
    }

    void giveBack(AtomicLong counter)
    {
        if (mine >= 0 && contiguous) {
            counter.compareAndSet(mine, before);
        }
    }

    CounterClaim copy()
    {
        CounterClaim copy = new CounterClaim();
        copy.before = before;
        copy.mine = mine;
        copy.contiguous = contiguous;
        return copy;
    }
}
