package dev.quiver.client.internal;

import static java.util.Objects.requireNonNull;

/**
 * One row of {@code sdk_collections}.
 *
 * @param collectionId the 32-hex id naming the table {@code c$v2$<id>}
 * @param collectionName the collection name
 * @param settingsJson the settings JSON text (may be null in a hand-made row)
 */
public record CatalogRow(String collectionId, String collectionName, String settingsJson)
{
    public CatalogRow
    {
        requireNonNull(collectionId, "collectionId is null");
        requireNonNull(collectionName, "collectionName is null");
    }
}
