/**
 * Requests and responses of the collection API: metadata and document filters
 * ({@link dev.quiver.client.model.Where}, {@link dev.quiver.client.model.WhereDocument}), the items of a
 * write ({@link dev.quiver.client.model.Documents}), get / query / hybrid search requests and their
 * results. All are immutable.
 */
package dev.quiver.client.model;
