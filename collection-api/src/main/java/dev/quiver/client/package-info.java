/**
 * The collection API over JDBC ({@code SeekdbClient}, {@code Collection}): issue 8. It depends on no server
 * module; the MySQL wire protocol is its contract.
 */
package dev.quiver.client;
