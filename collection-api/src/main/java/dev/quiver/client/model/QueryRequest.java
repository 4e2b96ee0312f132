package dev.quiver.client.model;

import dev.quiver.client.Distance;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * A nearest-neighbour query: query vectors, or query texts embedded by the collection's embedding
 * function (exactly one of the two), {@code nResults} per query (10 by default), filters applied
 * before the top-k cut, the fields to return (documents and metadatas by default; distances always),
 * an optional metric overriding the collection's, and {@code approximate} (the {@code APPROXIMATE}
 * keyword, true by default).
 *
 * @param queryEmbeddings the query vectors, if querying by vectors
 * @param queryTexts the query texts, if querying by texts
 * @param nResults the number of rows per query
 * @param where the metadata filter, if any
 * @param whereDocument the document filter, if any
 * @param include the optional fields to return
 * @param distance the metric overriding the collection's, if any
 * @param approximate whether to ask for an approximate (index) search
 */
public record QueryRequest(
        Optional<List<float[]>> queryEmbeddings,
        Optional<List<String>> queryTexts,
        int nResults,
        Optional<Where> where,
        Optional<WhereDocument> whereDocument,
        Set<Include> include,
        Optional<Distance> distance,
        boolean approximate)
{
    public QueryRequest
    {
        queryEmbeddings = requireNonNull(queryEmbeddings, "queryEmbeddings is null").map(list -> Copies.vectors(list, "queryEmbeddings"));
        queryTexts = requireNonNull(queryTexts, "queryTexts is null").map(list -> Copies.list(list, "queryTexts"));
        requireNonNull(where, "where is null");
        requireNonNull(whereDocument, "whereDocument is null");
        include = Copies.include(include);
        requireNonNull(distance, "distance is null");
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** Builds a {@link QueryRequest}. */
    public static final class Builder
    {
        private List<float[]> queryEmbeddings;
        private List<String> queryTexts;
        private int nResults = 10;
        private Where where;
        private WhereDocument whereDocument;
        private Set<Include> include = Include.queryDefault();
        private Distance distance;
        private boolean approximate = true;

        private Builder() {}

        public Builder queryEmbeddings(List<float[]> queryEmbeddings)
        {
            this.queryEmbeddings = requireNonNull(queryEmbeddings, "queryEmbeddings is null");
            return this;
        }

        public Builder queryEmbedding(float[] queryEmbedding)
        {
            return queryEmbeddings(List.of(queryEmbedding));
        }

        public Builder queryTexts(List<String> queryTexts)
        {
            this.queryTexts = requireNonNull(queryTexts, "queryTexts is null");
            return this;
        }

        public Builder nResults(int nResults)
        {
            this.nResults = nResults;
            return this;
        }

        public Builder where(Where where)
        {
            this.where = requireNonNull(where, "where is null");
            return this;
        }

        public Builder whereDocument(WhereDocument whereDocument)
        {
            this.whereDocument = requireNonNull(whereDocument, "whereDocument is null");
            return this;
        }

        public Builder include(Include... include)
        {
            this.include = Set.of(include);
            return this;
        }

        public Builder include(Set<Include> include)
        {
            this.include = requireNonNull(include, "include is null");
            return this;
        }

        public Builder distance(Distance distance)
        {
            this.distance = requireNonNull(distance, "distance is null");
            return this;
        }

        public Builder approximate(boolean approximate)
        {
            this.approximate = approximate;
            return this;
        }

        public QueryRequest build()
        {
            return new QueryRequest(Optional.ofNullable(queryEmbeddings), Optional.ofNullable(queryTexts), nResults, Optional.ofNullable(where),
                    Optional.ofNullable(whereDocument), include, Optional.ofNullable(distance), approximate);
        }
    }
}
