package dev.quiver.client.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * What {@code Collection.get} selects: by ids and/or filters, with limit, offset and the fields to
 * return (all by default). No ids and no filters select every row. There is no ORDER BY, as in the
 * seekdb SDKs: the order is the server's.
 *
 * @param ids the ids to fetch, if restricted by id (an empty list matches nothing)
 * @param where the metadata filter, if any
 * @param whereDocument the document filter, if any
 * @param limit the maximum number of rows, if any
 * @param offset the number of rows to skip, if any
 * @param include the optional fields to return
 */
public record GetRequest(Optional<List<String>> ids, Optional<Where> where, Optional<WhereDocument> whereDocument, OptionalLong limit, OptionalLong offset, Set<Include> include)
{
    public GetRequest
    {
        ids = requireNonNull(ids, "ids is null").map(list -> Copies.list(list, "ids"));
        requireNonNull(where, "where is null");
        requireNonNull(whereDocument, "whereDocument is null");
        requireNonNull(limit, "limit is null");
        requireNonNull(offset, "offset is null");
        include = Copies.include(include);
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /** Builds a {@link GetRequest}. */
    public static final class Builder
    {
        private List<String> ids;
        private Where where;
        private WhereDocument whereDocument;
        private OptionalLong limit = OptionalLong.empty();
        private OptionalLong offset = OptionalLong.empty();
        private Set<Include> include = Include.all();

        private Builder() {}

        public Builder ids(List<String> ids)
        {
            this.ids = requireNonNull(ids, "ids is null");
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

        public Builder limit(long limit)
        {
            this.limit = OptionalLong.of(limit);
            return this;
        }

        public Builder offset(long offset)
        {
            this.offset = OptionalLong.of(offset);
            return this;
        }

        public Builder include(Set<Include> include)
        {
            this.include = requireNonNull(include, "include is null");
            return this;
        }

        public Builder include(Include... include)
        {
            this.include = Set.of(include);
            return this;
        }

        public GetRequest build()
        {
            return new GetRequest(Optional.ofNullable(ids), Optional.ofNullable(where), Optional.ofNullable(whereDocument), limit, offset, include);
        }
    }
}
