/**
 * The default embedding function of the Java client (all-MiniLM-L6-v2, offline), in a module of its own
 * so that {@code quiver-client} depends on nothing but JDBC.
 */
package dev.quiver.client.embedding;
