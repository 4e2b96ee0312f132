package dev.quiver.client.model;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * Which rows {@code Collection.delete} removes: by ids and/or filters, all conditions ANDed. At least
 * one non-empty condition is required, so a delete never removes everything by accident.
 *
 * @param ids the ids to delete, if any
 * @param where the metadata filter, if any
 * @param whereDocument the document filter, if any
 */
public record DeleteRequest(Optional<List<String>> ids, Optional<Where> where, Optional<WhereDocument> whereDocument)
{
    public DeleteRequest
    {
        ids = requireNonNull(ids, "ids is null").map(list -> Copies.list(list, "ids"));
        requireNonNull(where, "where is null");
        requireNonNull(whereDocument, "whereDocument is null");
    }

    public static DeleteRequest ofIds(List<String> ids)
    {
        return new DeleteRequest(Optional.of(ids), Optional.empty(), Optional.empty());
    }

    public static DeleteRequest of(Where where)
    {
        return new DeleteRequest(Optional.empty(), Optional.of(where), Optional.empty());
    }

    public static DeleteRequest of(WhereDocument whereDocument)
    {
        return new DeleteRequest(Optional.empty(), Optional.empty(), Optional.of(whereDocument));
    }

    public static DeleteRequest of(Where where, WhereDocument whereDocument)
    {
        return new DeleteRequest(Optional.empty(), Optional.of(where), Optional.of(whereDocument));
    }
}
