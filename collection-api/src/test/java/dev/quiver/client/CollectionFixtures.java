package dev.quiver.client;

import java.util.List;

import static dev.quiver.client.FakeDatabase.rows;

/** A fake database holding one v2 collection {@code docs} of dimension 3, and clients over it. */
final class CollectionFixtures
{
    static final String ID = "605991322cb843b29205530ae2d2b7c3";
    static final String TABLE = "c$v2$" + ID;
    static final List<String> CATALOG_COLUMNS = List.of("collection_id", "collection_name", "settings", "created_at", "updated_at");

    private CollectionFixtures() {}

    static FakeDatabase databaseWithCollection(String distance)
    {
        String settings = "{\"schema\":{\"fulltextIndex\":{\"analyzer\":\"ik\",\"properties\":{}},\"vectorIndex\":{\"hnsw\":{\"dimension\":3,\"distance\":\"%s\"}}},\"version\":\"v2\"}"
                .formatted(distance);
        return new FakeDatabase()
                .on("FROM sdk_collections WHERE collection_name = ?", rows(CATALOG_COLUMNS, List.of(ID, "docs", settings, "2026-01-01 00:00:00", "2026-01-01 00:00:00")))
                .on("SHOW TABLES LIKE ?", rows(List.of("Tables_in_test"), List.of(TABLE)));
    }

    static SeekdbClient client(FakeDatabase database)
    {
        return SeekdbClient.builder().dataSource(database).build();
    }

    static Collection collection(FakeDatabase database, SeekdbClient.Builder builder)
    {
        Collection result = builder.dataSource(database).build().getCollection("docs");
        database.clearExecuted();
        return result;
    }

    static Collection collection(FakeDatabase database)
    {
        return collection(database, SeekdbClient.builder());
    }
}
