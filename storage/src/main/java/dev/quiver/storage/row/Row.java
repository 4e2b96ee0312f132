package dev.quiver.storage.row;

import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/** An immutable row: one value per column, positionally, in the order of the table (or projection). */
public record Row(List<Value> values)
{
    public Row
    {
        values = List.copyOf(requireNonNull(values, "values is null"));
    }

    public static Row of(Value... values)
    {
        return new Row(List.of(values));
    }

    public Value get(int index)
    {
        return values.get(index);
    }

    public int size()
    {
        return values.size();
    }

    /** A copy with value {@code index} replaced. */
    public Row with(int index, Value value)
    {
        List<Value> copy = new ArrayList<>(values);
        copy.set(index, requireNonNull(value, "value is null"));
        return new Row(copy);
    }

    /** The values at the given positions, in that order. */
    public Row project(int[] positions)
    {
        List<Value> projected = new ArrayList<>(positions.length);
        for (int position : positions) {
            projected.add(values.get(position));
        }
        return new Row(projected);
    }
}
