package dev.quiver.storage.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import static java.util.Objects.requireNonNull;

/**
 * Candidates handed out in exact nearest-first order (distance, then row id), where a candidate may be added with only
 * a lower bound of its distance ({@link FloatScreen}): when a bounded candidate reaches the head, its exact distance is
 * computed and it goes back in. An exact candidate at the head is therefore nearer than every bound left (ties: a
 * bounded candidate equal to the head's distance is refined first), so the order is the one that scoring every
 * candidate exactly gives, and only the candidates that may rank before the last one taken are computed exactly.
 * Building is linear (one heapify at the first {@link #poll}); each poll costs a logarithm.
 *
 * @param <T> what a candidate carries (a row, a document)
 */
public final class NearestFirst<T>
{
    /** The exact distance of a candidate added with a bound; NaN when it has none (it is then dropped). */
    @FunctionalInterface
    public interface Refiner<T>
    {
        double distance(T item);
    }

    /** A candidate: its distance when exact, else a lower bound of it. */
    public record Entry<T>(T item, long rowId, double distance, boolean exact) implements Comparable<Entry<T>>
    {
        @Override
        public int compareTo(Entry<T> other)
        {
            int byDistance = Double.compare(distance, other.distance);
            if (byDistance != 0) {
                return byDistance;
            }
            // at an equal value a bound goes first: its exact distance may tie with a smaller row id
            if (exact != other.exact) {
                return exact ? 1 : -1;
            }
            return Long.compare(rowId, other.rowId);
        }
    }

    private final Refiner<T> refiner;
    private List<Entry<T>> added = new ArrayList<>();
    private PriorityQueue<Entry<T>> heap;
    private long refined;

    public NearestFirst(Refiner<T> refiner)
    {
        this.refiner = requireNonNull(refiner, "refiner is null");
    }

    /** Adds a candidate whose exact distance is known (not NaN). */
    public void addExact(T item, long rowId, double distance)
    {
        add(new Entry<>(item, rowId, distance, true));
    }

    /** Adds a candidate by a lower bound of its distance; it is refined if it reaches the head. */
    public void addBound(T item, long rowId, double lowerBound)
    {
        add(new Entry<>(item, rowId, lowerBound, false));
    }

    private void add(Entry<T> entry)
    {
        if (heap != null) {
            heap.add(entry);
        }
        else {
            added.add(entry);
        }
    }

    /** The candidates not handed out yet (refined or not). */
    public int size()
    {
        return heap != null ? heap.size() : added.size();
    }

    /** How many exact distances were computed for bounded candidates so far. */
    public long refined()
    {
        return refined;
    }

    /** The nearest candidate left, with its exact distance; null when none is left. */
    public Entry<T> poll()
    {
        if (heap == null) {
            // heapifies in linear time (the entries are Comparable)
            heap = new PriorityQueue<>(added);
            added = null;
        }
        while (true) {
            Entry<T> head = heap.poll();
            if (head == null || head.exact()) {
                return head;
            }
            refined++;
            double distance = refiner.distance(head.item());
            if (!Double.isNaN(distance)) {
                heap.add(new Entry<>(head.item(), head.rowId(), distance, true));
            }
        }
    }
}
