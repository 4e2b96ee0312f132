package dev.quiver.storage.search;

/**
 * MySQL's {@code MATCH ... AGAINST} modes. {@link #NATURAL_LANGUAGE}: a row matches when it contains any term of the
 * query, scored by BM25. {@link #BOOLEAN}: MySQL's boolean syntax ({@code +must -mustnot word "phrase" prefix*}),
 * scored by BM25 over the positive terms.
 */
public enum TextMode
{
    NATURAL_LANGUAGE, BOOLEAN
}
