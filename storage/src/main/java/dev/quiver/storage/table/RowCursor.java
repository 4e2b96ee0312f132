package dev.quiver.storage.table;

import dev.quiver.storage.row.Row;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import static java.util.Objects.requireNonNull;

/** A forward-only stream of rows from a scan. Close it when done (it may pin a searcher). */
public interface RowCursor
        extends Iterator<Row>, AutoCloseable
{
    @Override
    void close();

    /** Drains the cursor into a list and closes it. */
    default List<Row> toList()
    {
        try (this) {
            List<Row> rows = new ArrayList<>();
            while (hasNext()) {
                rows.add(next());
            }
            return List.copyOf(rows);
        }
    }

    static RowCursor of(List<Row> rows)
    {
        requireNonNull(rows, "rows is null");
        Iterator<Row> iterator = rows.iterator();
        return new RowCursor()
        {
            @Override
            public boolean hasNext()
            {
                return iterator.hasNext();
            }

            @Override
            public Row next()
            {
                if (!iterator.hasNext()) {
                    throw new NoSuchElementException();
                }
                return iterator.next();
            }

            @Override
            public void close() {}
        };
    }
}
