package dev.quiver.client.model;

import java.util.EnumSet;
import java.util.Set;

/** The optional fields of a get or query result; ids (and query distances) are always returned. */
public enum Include
{
    DOCUMENTS,
    METADATAS,
    EMBEDDINGS;

    /** Everything: what {@code get} returns by default and {@code peek} always returns. */
    public static Set<Include> all()
    {
        return EnumSet.allOf(Include.class);
    }

    /** Documents and metadatas: what {@code query} returns by default, as in the seekdb SDKs. */
    public static Set<Include> queryDefault()
    {
        return EnumSet.of(DOCUMENTS, METADATAS);
    }
}
