package dev.quiver.client.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A hybrid (full-text + vector) search, sent to the server's {@code DBMS_HYBRID_SEARCH} as the JSON
 * {@code search_parm} the seekdb JS SDK builds: a full-text/metadata {@link FullText} part, a
 * {@link Knn} part, optional reciprocal-rank fusion, and the final result size ({@code nResults},
 * 10 by default). Documents and metadatas are returned by default.
 *
 * @param query the full-text / metadata part, if any
 * @param knn the vector part, if any
 * @param rrf the rank fusion parameters, if fusion is asked for
 * @param nResults the final number of results
 * @param include the optional fields to return
 */
public record HybridSearchRequest(Optional<FullText> query, Optional<Knn> knn, Optional<Rrf> rrf, int nResults, Set<Include> include)
{
    public HybridSearchRequest
    {
        requireNonNull(query, "query is null");
        requireNonNull(knn, "knn is null");
        requireNonNull(rrf, "rrf is null");
        include = Copies.include(include);
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * The full-text part: a document filter and/or a metadata filter.
     *
     * @param whereDocument documents to match ({@code $contains} becomes {@code query_string}, {@code $regex} becomes {@code regexp})
     * @param where the metadata filter
     */
    public record FullText(Optional<WhereDocument> whereDocument, Optional<Where> where)
    {
        public FullText
        {
            requireNonNull(whereDocument, "whereDocument is null");
            requireNonNull(where, "where is null");
        }
    }

    /**
     * The vector part: one query vector, or one query text embedded by the collection's embedding
     * function; a metadata filter; and {@code k} (10 by default).
     *
     * @param queryEmbedding the query vector, if given
     * @param queryText the query text to embed, if given
     * @param where the metadata filter applied before the top-k cut, if any
     * @param nResults {@code k}, the number of nearest rows
     */
    public record Knn(Optional<float[]> queryEmbedding, Optional<String> queryText, Optional<Where> where, int nResults)
    {
        public Knn
        {
            queryEmbedding = requireNonNull(queryEmbedding, "queryEmbedding is null").map(float[]::clone);
            requireNonNull(queryText, "queryText is null");
            requireNonNull(where, "where is null");
        }

        public static Knn ofEmbedding(float[] queryEmbedding, Optional<Where> where, int nResults)
        {
            return new Knn(Optional.of(queryEmbedding), Optional.empty(), where, nResults);
        }

        public static Knn ofText(String queryText, Optional<Where> where, int nResults)
        {
            return new Knn(Optional.empty(), Optional.of(queryText), where, nResults);
        }
    }

    /**
     * Reciprocal-rank fusion; unset values are left to the server (its constant defaults to 60).
     *
     * @param rankWindowSize {@code rank_window_size}, if set
     * @param rankConstant {@code rank_constant}, if set
     */
    public record Rrf(OptionalInt rankWindowSize, OptionalInt rankConstant)
    {
        public Rrf
        {
            requireNonNull(rankWindowSize, "rankWindowSize is null");
            requireNonNull(rankConstant, "rankConstant is null");
        }
    }

    /** Builds a {@link HybridSearchRequest}. */
    public static final class Builder
    {
        private FullText query;
        private Knn knn;
        private Rrf rrf;
        private int nResults = 10;
        private Set<Include> include = Include.queryDefault();

        private Builder() {}

        public Builder query(WhereDocument whereDocument)
        {
            this.query = new FullText(Optional.of(whereDocument), Optional.empty());
            return this;
        }

        public Builder query(WhereDocument whereDocument, Where where)
        {
            this.query = new FullText(Optional.of(whereDocument), Optional.of(where));
            return this;
        }

        public Builder query(Where where)
        {
            this.query = new FullText(Optional.empty(), Optional.of(where));
            return this;
        }

        public Builder knn(float[] queryEmbedding, int nResults)
        {
            this.knn = Knn.ofEmbedding(queryEmbedding, Optional.empty(), nResults);
            return this;
        }

        public Builder knn(float[] queryEmbedding, Where where, int nResults)
        {
            this.knn = Knn.ofEmbedding(queryEmbedding, Optional.of(where), nResults);
            return this;
        }

        public Builder knnText(String queryText, int nResults)
        {
            this.knn = Knn.ofText(queryText, Optional.empty(), nResults);
            return this;
        }

        public Builder knn(Knn knn)
        {
            this.knn = requireNonNull(knn, "knn is null");
            return this;
        }

        public Builder rrf(int rankWindowSize, int rankConstant)
        {
            this.rrf = new Rrf(OptionalInt.of(rankWindowSize), OptionalInt.of(rankConstant));
            return this;
        }

        public Builder rrf()
        {
            this.rrf = new Rrf(OptionalInt.empty(), OptionalInt.empty());
            return this;
        }

        public Builder nResults(int nResults)
        {
            this.nResults = nResults;
            return this;
        }

        public Builder include(Include... include)
        {
            this.include = Set.of(include);
            return this;
        }

        public HybridSearchRequest build()
        {
            return new HybridSearchRequest(Optional.ofNullable(query), Optional.ofNullable(knn), Optional.ofNullable(rrf), nResults, include);
        }
    }
}
