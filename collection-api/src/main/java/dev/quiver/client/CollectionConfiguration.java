package dev.quiver.client;

import java.util.Optional;
import java.util.OptionalInt;

import static java.util.Objects.requireNonNull;

/**
 * How a collection is created: vector dimension, distance metric, HNSW parameters and an optional
 * embedding function.
 *
 * <p>The dimension is, in order: the one given, else the embedding function's, else 384 (as in the
 * seekdb SDKs). The distance defaults to {@link Distance#COSINE}. HNSW parameters left unset are
 * omitted from the DDL, so the server's defaults apply; set ones are appended to the vector index's
 * {@code WITH(...)} clause and recorded in the catalog settings.
 *
 * @param dimension the vector dimension, if given explicitly
 * @param distance the distance metric
 * @param hnsw the HNSW index parameters
 * @param embeddingFunction the embedding function, if any
 */
public record CollectionConfiguration(OptionalInt dimension, Distance distance, Hnsw hnsw, Optional<EmbeddingFunction> embeddingFunction)
{
    /** The dimension used when none is given and there is no embedding function. */
    public static final int DEFAULT_DIMENSION = 384;
    /** The largest dimension seekdb indexes. */
    public static final int MAXIMUM_DIMENSION = 4096;

    public CollectionConfiguration
    {
        requireNonNull(dimension, "dimension is null");
        requireNonNull(distance, "distance is null");
        requireNonNull(hnsw, "hnsw is null");
        requireNonNull(embeddingFunction, "embeddingFunction is null");
        if (dimension.isPresent()) {
            checkDimension(dimension.getAsInt());
        }
        if (dimension.isPresent() && embeddingFunction.isPresent() && embeddingFunction.get().dimension() != dimension.getAsInt()) {
            throw new ValidationException("Dimension %d does not match the embedding function '%s', which makes vectors of dimension %d".formatted(
                    dimension.getAsInt(), embeddingFunction.get().name(), embeddingFunction.get().dimension()));
        }
    }

    /** The defaults: dimension 384 (or the embedding function's), cosine distance, server HNSW defaults. */
    public static CollectionConfiguration defaults()
    {
        return builder().build();
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** The dimension the collection table is created with. */
    public int resolvedDimension()
    {
        if (dimension.isPresent()) {
            return dimension.getAsInt();
        }
        return embeddingFunction.map(function -> checkDimension(function.dimension())).orElse(DEFAULT_DIMENSION);
    }

    private static int checkDimension(int dimension)
    {
        if (dimension < 1 || dimension > MAXIMUM_DIMENSION) {
            throw new ValidationException("Dimension must be between 1 and %d, got %d".formatted(MAXIMUM_DIMENSION, dimension));
        }
        return dimension;
    }

    /**
     * HNSW parameters of the vector index, each optional, with seekdb's ranges:
     * {@code m} 5..128, {@code ef_construction} 5..1000, {@code ef_search} 1..1000.
     *
     * @param m the maximum number of neighbours per node
     * @param efConstruction the candidate list size while building
     * @param efSearch the candidate list size while searching
     */
    public record Hnsw(OptionalInt m, OptionalInt efConstruction, OptionalInt efSearch)
    {
        /** No parameters: the server's defaults. */
        public static final Hnsw DEFAULTS = new Hnsw(OptionalInt.empty(), OptionalInt.empty(), OptionalInt.empty());

        public Hnsw
        {
            requireNonNull(m, "m is null");
            requireNonNull(efConstruction, "efConstruction is null");
            requireNonNull(efSearch, "efSearch is null");
            checkRange("m", m, 5, 128);
            checkRange("ef_construction", efConstruction, 5, 1000);
            checkRange("ef_search", efSearch, 1, 1000);
        }

        private static void checkRange(String name, OptionalInt value, int minimum, int maximum)
        {
            if (value.isPresent() && (value.getAsInt() < minimum || value.getAsInt() > maximum)) {
                throw new ValidationException("HNSW %s must be between %d and %d, got %d".formatted(name, minimum, maximum, value.getAsInt()));
            }
        }
    }

    /** Builds a {@link CollectionConfiguration}; every setting is optional. */
    public static final class Builder
    {
        private OptionalInt dimension = OptionalInt.empty();
        private Distance distance = Distance.COSINE;
        private OptionalInt m = OptionalInt.empty();
        private OptionalInt efConstruction = OptionalInt.empty();
        private OptionalInt efSearch = OptionalInt.empty();
        private EmbeddingFunction embeddingFunction;

        private Builder() {}

        /** The vector dimension (1..4096). */
        public Builder dimension(int dimension)
        {
            this.dimension = OptionalInt.of(dimension);
            return this;
        }

        /** The distance metric; {@link Distance#COSINE} by default. */
        public Builder distance(Distance distance)
        {
            this.distance = requireNonNull(distance, "distance is null");
            return this;
        }

        /** HNSW {@code m}: neighbours per node (5..128). */
        public Builder hnswM(int m)
        {
            this.m = OptionalInt.of(m);
            return this;
        }

        /** HNSW {@code ef_construction} (5..1000). */
        public Builder hnswEfConstruction(int efConstruction)
        {
            this.efConstruction = OptionalInt.of(efConstruction);
            return this;
        }

        /** HNSW {@code ef_search} (1..1000). */
        public Builder hnswEfSearch(int efSearch)
        {
            this.efSearch = OptionalInt.of(efSearch);
            return this;
        }

        /** The function that embeds documents and query texts on the client. */
        public Builder embeddingFunction(EmbeddingFunction embeddingFunction)
        {
            this.embeddingFunction = requireNonNull(embeddingFunction, "embeddingFunction is null");
            return this;
        }

        public CollectionConfiguration build()
        {
            return new CollectionConfiguration(dimension, distance, new Hnsw(m, efConstruction, efSearch), Optional.ofNullable(embeddingFunction));
        }
    }
}
