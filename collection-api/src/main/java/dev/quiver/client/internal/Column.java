package dev.quiver.client.internal;

/** The value columns of a collection table, in the order the seekdb SDKs list them. */
public enum Column
{
    DOCUMENT("document"),
    METADATA("metadata"),
    EMBEDDING("embedding");

    private final String columnName;

    Column(String columnName)
    {
        this.columnName = columnName;
    }

    public String columnName()
    {
        return columnName;
    }
}
