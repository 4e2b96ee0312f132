package dev.quiver.sql.result;

import java.util.Iterator;
import java.util.List;

/** A stream of rows that may hold resources (a storage snapshot); always closed by its consumer. */
public interface RowCursor
        extends Iterator<Object[]>, AutoCloseable
{
    @Override
    void close();

    static RowCursor of(List<Object[]> rows)
    {
        Iterator<Object[]> iterator = List.copyOf(rows).iterator();
        return new RowCursor()
        {
            @Override
            public boolean hasNext()
            {
                return iterator.hasNext();
            }

            @Override
            public Object[] next()
            {
                return iterator.next();
            }

            @Override
            public void close()
            {
            }
        };
    }
}
