/**
 * The SQL layer: {@link dev.quiver.sql.QueryEngine} is the facade the server adapter calls (sessions,
 * COM_QUERY with multi-statements, prepared statements, COM_FIELD_LIST, COM_INIT_DB).
 *
 * <p>One statement flows parser ({@code parser}: split, comments, keyword front step, JSqlParser, immutable
 * {@code tree}) → analyzer ({@code analyzer}: access control, names, types) → execution ({@code execution},
 * evaluating {@code expression}s against {@code variable}s and the session). Everything a client can see fails
 * with a {@link dev.quiver.common.QuiverException} carrying MySQL's error number.
 */
package dev.quiver.sql;
