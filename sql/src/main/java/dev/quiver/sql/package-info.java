/**
 * The SQL layer: {@link dev.quiver.sql.QueryEngine} is the facade the server adapter calls (sessions,
 * COM_QUERY with multi-statements, prepared statements, COM_FIELD_LIST, COM_INIT_DB).
 *
 * <p>One statement flows parser ({@code parser}: split, comments, keyword front step, JSqlParser, immutable
 * {@code tree}) → analyzer ({@code analyzer}: access control, names, types) → execution ({@code execution},
 * evaluating {@code expression}s against {@code variable}s and the session). Everything a client can see fails
 * with a {@link dev.quiver.common.QuiverException} carrying MySQL's error number.
 *
 * <p>Tables: the front step ({@code parser.TableStatementParser}) parses table DDL and the table SHOW statements
 * in seekdb's dialect (inline VECTOR / FULLTEXT indexes with their options, STRING, VECTOR(n), ORGANIZATION =
 * HEAP), with column definitions ({@code ColumnDefinitionParser}, types in {@code ColumnTypeParser}), key
 * definitions ({@code IndexDefinitionParser}) and table options ({@code TableOptionParser}) on its cursor, and
 * DESCRIBE / SHOW in {@code TableShowParser}; JSqlParser parses INSERT / REPLACE / UPDATE / DELETE
 * ({@code parser.DmlBuilder}) and SELECT. Execution has one executor per family: {@code DdlExecutor} (CREATE / DROP /
 * TRUNCATE / RENAME TABLE, handing ALTER TABLE and CREATE / DROP INDEX to {@code AlterTableExecutor} and SHOW TABLES /
 * TABLE STATUS / COLUMNS / CREATE TABLE / INDEX to {@code TableShowExecutor}), {@code WriteExecutor} (every INSERT form, ODKU and REPLACE as one storage
 * {@code WriteRequest} with its {@code ConflictPolicy}; UPDATE; DELETE) and {@code SelectExecutor} (single-table
 * SELECT, with the plain parts of WHERE and ORDER BY pushed into the engine's scan by {@code FilterPushdown} and the
 * evaluator as the final check). {@code TableScope} resolves columns (and VALUES(col) / the row alias of ODKU);
 * {@code TableValues} maps storage values to the evaluator's and table columns to result columns. What the storage
 * catalog cannot hold yet (expression defaults, ON UPDATE CURRENT_TIMESTAMP, comments) lives in
 * {@code mysql.quiver_table_extras} ({@code TableExtras}).
 */
package dev.quiver.sql;
