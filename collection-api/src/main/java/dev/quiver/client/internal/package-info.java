/**
 * Implementation, not API: {@link dev.quiver.client.internal.SqlStatementBuilder} (the only place
 * building SQL text), {@link dev.quiver.client.internal.JdbcExecutor} and its
 * {@link dev.quiver.client.internal.ConnectionPool}, {@link dev.quiver.client.internal.ResultMappers},
 * {@link dev.quiver.client.internal.JsonCodec} and {@link dev.quiver.client.internal.VectorCodec}.
 */
package dev.quiver.client.internal;
