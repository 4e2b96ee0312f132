package dev.quiver.client.internal;

import dev.quiver.client.ClientException;
import dev.quiver.client.CollectionConfiguration;
import dev.quiver.client.Distance;
import dev.quiver.client.EmbeddingFunction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The {@code settings} JSON of a {@code sdk_collections} row, written as seekdb JS SDK 1.4.0 writes it
 * ({@code {"schema":{"fulltextIndex":{"analyzer":"ik","properties":{}},"vectorIndex":{"hnsw":{"dimension":3,"distance":"l2"}}},"version":"v2"}})
 * and read as the SDK reads it, legacy {@code configuration} / {@code embeddingFunction} keys included.
 *
 * @param dimension the vector dimension
 * @param distance the distance metric
 * @param embeddingFunctionName the recorded embedding function's name, if any
 * @param embeddingFunctionProperties the recorded embedding function's properties (empty when none)
 */
public record CollectionSettings(int dimension, Distance distance, Optional<String> embeddingFunctionName, Map<String, Object> embeddingFunctionProperties)
{
    public CollectionSettings
    {
        requireNonNull(distance, "distance is null");
        requireNonNull(embeddingFunctionName, "embeddingFunctionName is null");
        embeddingFunctionProperties = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(embeddingFunctionProperties, "embeddingFunctionProperties is null")));
    }

    /** Settings without recorded embedding function properties. */
    public CollectionSettings(int dimension, Distance distance, Optional<String> embeddingFunctionName)
    {
        this(dimension, distance, embeddingFunctionName, Map.of());
    }

    /** The settings JSON for a new collection. Set HNSW parameters are recorded next to dimension and distance. */
    public static String toJson(int dimension, Distance distance, CollectionConfiguration.Hnsw hnsw, Optional<EmbeddingFunction> embeddingFunction)
    {
        Map<String, Object> hnswSettings = new LinkedHashMap<>();
        hnswSettings.put("dimension", dimension);
        hnswSettings.put("distance", distance.settingName());
        hnsw.m().ifPresent(value -> hnswSettings.put("m", value));
        hnsw.efConstruction().ifPresent(value -> hnswSettings.put("ef_construction", value));
        hnsw.efSearch().ifPresent(value -> hnswSettings.put("ef_search", value));
        Map<String, Object> vectorIndex = new LinkedHashMap<>();
        vectorIndex.put("hnsw", hnswSettings);
        embeddingFunction.ifPresent(function -> {
            Map<String, Object> recorded = new LinkedHashMap<>();
            recorded.put("name", function.name());
            recorded.put("properties", function.properties());
            vectorIndex.put("embeddingFunction", recorded);
        });
        Map<String, Object> fulltextIndex = new LinkedHashMap<>();
        fulltextIndex.put("analyzer", "ik");
        fulltextIndex.put("properties", Map.of());
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("fulltextIndex", fulltextIndex);
        schema.put("vectorIndex", vectorIndex);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("schema", schema);
        result.put("version", "v2");
        return JsonCodec.write(result);
    }

    /** Reads dimension, distance (cosine when absent) and embedding function name from settings JSON. */
    public static CollectionSettings parse(String collectionName, String json)
    {
        if (json == null) {
            throw new ClientException("Collection '%s' has no settings in sdk_collections".formatted(collectionName));
        }
        Map<String, Object> settings;
        try {
            settings = JsonCodec.parseObject(json);
        }
        catch (IllegalArgumentException ex) {
            throw new ClientException("Collection '%s' has malformed settings: %s".formatted(collectionName, ex.getMessage()));
        }
        Map<String, Object> schema = child(settings, "schema");
        Map<String, Object> vectorIndex = child(schema, "vectorIndex");
        Map<String, Object> hnsw = child(vectorIndex, "hnsw");
        Map<String, Object> embeddingFunction = child(vectorIndex, "embeddingFunction");
        if (schema.isEmpty()) {
            Map<String, Object> configuration = child(settings, "configuration");
            hnsw = configuration.containsKey("hnsw") ? child(configuration, "hnsw") : configuration;
            embeddingFunction = child(settings, "embeddingFunction");
        }
        if (!(hnsw.get("dimension") instanceof Number dimension)) {
            throw new ClientException("Collection '%s' has no vector dimension in its settings: %s".formatted(collectionName, json));
        }
        Distance distance = hnsw.get("distance") instanceof String name ? Distance.fromSettingName(name) : Distance.COSINE;
        Optional<String> functionName = embeddingFunction.get("name") instanceof String name ? Optional.of(name) : Optional.empty();
        return new CollectionSettings(dimension.intValue(), distance, functionName, functionName.isPresent() ? child(embeddingFunction, "properties") : Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key)
    {
        return parent.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
