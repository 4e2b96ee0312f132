-- Covers: SELECT without FROM, FROM DUAL, WHERE, LIMIT and OFFSET; SELECT from a table is not supported yet
SELECT 1 FROM DUAL;
> 1
> -
> 1
> rows: 1

SELECT @@version_comment LIMIT 1;
> @@version_comment
> ----------------------------------
> Quiver, a seekdb-compatible server
> rows: 1

SELECT 1 LIMIT 0;
> 1
> -
> rows: 0

SELECT 1 LIMIT 1 OFFSET 1;
> 1
> -
> rows: 0

SELECT 1 LIMIT 1, 1;
> 1
> -
> rows: 0

SELECT 'kept' WHERE 1 = 1;
> kept
> ----
> kept
> rows: 1

SELECT 'dropped' WHERE 1 = 0;
> dropped
> -------
> rows: 0

SELECT 'null condition' FROM DUAL WHERE NULL;
> null condition
> --------------
> rows: 0

SELECT 1 AS x ORDER BY 1;
> x
> -
> 1
> rows: 1

SELECT DISTINCT 1;
> 1
> -
> 1
> rows: 1

-- Failure: a star needs a table
SELECT *;
> exception ER_NO_TABLES_USED: No tables used

-- Failure: no database selected, a table that does not exist
SELECT * FROM t;
> exception ER_NO_DB_ERROR: No database selected

SELECT a FROM db.t WHERE b = 1;
> exception ER_NO_SUCH_TABLE: Table 'db.t' doesn't exist

SELECT 1 UNION SELECT 2;
> 1
> -
> 1
> 2
> rows: 2

-- Failure: LIMIT takes integer literals only
SELECT 1 LIMIT 'a';
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near ''a'' at line 1
