package dev.quiver.storage.vector;

import dev.quiver.storage.row.Row;

import java.util.Comparator;

/** A row scored exactly by a vector search: nearest first, ties by internal row id so every engine agrees. */
public record VectorCandidate(long rowId, Row row, double distance)
{
    public static final Comparator<VectorCandidate> NEAREST_FIRST = Comparator.comparingDouble(VectorCandidate::distance)
            .thenComparingLong(VectorCandidate::rowId);
}
