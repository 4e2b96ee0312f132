package dev.quiver.storage.catalog;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static java.util.Objects.requireNonNull;

/**
 * An index over one or more columns. PRIMARY and UNIQUE are enforced; INDEX is a plain secondary index for
 * equality and range lookups; VECTOR and FULLTEXT are declared here and built by the vector and full-text layer
 * (the options hold e.g. {@code distance=l2, type=hnsw} or {@code parser=ngram}). The primary key is always
 * named {@code PRIMARY}, as in MySQL.
 */
public record IndexDefinition(String name, Kind kind, List<String> columns, Map<String, String> options)
{
    public static final String PRIMARY = "PRIMARY";

    public enum Kind
    {
        PRIMARY, UNIQUE, INDEX, VECTOR, FULLTEXT;

        /** True for the kinds that refuse duplicate keys. */
        public boolean isUnique()
        {
            return this == PRIMARY || this == UNIQUE;
        }
    }

    public IndexDefinition
    {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(requireNonNull(options, "options is null")));
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("index without columns: " + name);
        }
        if (kind == Kind.PRIMARY && !name.equals(PRIMARY)) {
            throw new IllegalArgumentException("the primary key is named PRIMARY");
        }
    }

    public static IndexDefinition primaryKey(String... columns)
    {
        return new IndexDefinition(PRIMARY, Kind.PRIMARY, List.of(columns), Map.of());
    }

    public static IndexDefinition unique(String name, String... columns)
    {
        return new IndexDefinition(name, Kind.UNIQUE, List.of(columns), Map.of());
    }

    public static IndexDefinition index(String name, String... columns)
    {
        return new IndexDefinition(name, Kind.INDEX, List.of(columns), Map.of());
    }
}
