package dev.quiver.storage.table;

import dev.quiver.storage.catalog.IndexDefinition;

/** A unique key of a table (the primary key first): its definition, its ordinal among the unique keys, its column positions. */
record UniqueIndex(IndexDefinition definition, int ordinal, int[] positions) {}
