/**
 * The seekdb collection API over JDBC: {@link dev.quiver.client.SeekdbClient} manages collections in
 * the seekdb SDKs' catalog ({@code sdk_collections}) and tables ({@code c$v2$<id>}), and
 * {@link dev.quiver.client.Collection} adds, upserts, updates, gets, queries, counts and deletes their
 * rows with the same SQL as the seekdb JS SDK, so either client reads what the other wrote.
 *
 * <p>The module depends on no Quiver server module and on no JDBC driver at compile time: the MySQL
 * wire protocol is its contract. Every failure is a {@link dev.quiver.client.ClientException}, keeping
 * the server's error number and SQLSTATE.
 */
package dev.quiver.client;
