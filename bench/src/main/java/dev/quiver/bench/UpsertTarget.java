package dev.quiver.bench;

import java.util.List;

/** Something that upserts batches of collection rows durably: a batch is on disk when the call returns. */
interface UpsertTarget
        extends AutoCloseable
{
    String name();

    void upsert(List<CollectionRow> batch)
            throws Exception;

    @Override
    void close()
            throws Exception;
}
