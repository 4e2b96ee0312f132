-- Covers: single-table SELECT: *, t.*, expressions and aliases, WHERE (comparisons, AND/OR/NOT, IN, BETWEEN, LIKE, IS NULL, CAST), ORDER BY (columns, expressions, aliases, positions), LIMIT/OFFSET in both forms, COUNT(*), and what answers 1235
CREATE DATABASE qv_select;
> update count: 1

USE qv_select;
> ok

CREATE TABLE p (id INT PRIMARY KEY, name VARCHAR(20), price DECIMAL(6,2), qty INT UNSIGNED, tag VARCHAR(5), raw VARBINARY(8), meta JSON, emb VECTOR(2), d DATE);
> ok

INSERT INTO p VALUES (1, 'Apple', 1.50, 10, 'a', X'0102', '{"k": 1}', '[1,2]', '2024-01-02'), (2, 'banana', 0.25, 0, NULL, NULL, NULL, NULL, NULL), (3, 'Cherry', 12.00, 3, 'c', 'xy', '[1, "two"]', '[0.5,-1]', '2023-12-31'), (4, 'apple pie', 7.75, 1, 'a', NULL, 'null', NULL, NULL);
> update count: 4

SELECT * FROM p;
> id name      price qty tag  raw  meta       emb      d
> -- --------- ----- --- ---- ---- ---------- -------- ----------
> 1  Apple     1.50  10  a       {"k": 1}   [1,2]    2024-01-02
> 2  banana    0.25  0   null null null       null     null
> 3  Cherry    12.00 3   c    xy   [1, "two"] [0.5,-1] 2023-12-31
> 4  apple pie 7.75  1   a    null null       null     null
> rows: 4

SELECT p.*, 1 AS one FROM p WHERE id = 1;
> id name  price qty tag raw meta     emb   d          one
> -- ----- ----- --- --- --- -------- ----- ---------- ---
> 1  Apple 1.50  10  a     {"k": 1} [1,2] 2024-01-02 1
> rows: 1

SELECT x.id, x.name FROM p AS x WHERE x.id = 2;
> id name
> -- ------
> 2  banana
> rows: 1

SELECT id, price * qty AS total, CONCAT(name, '!') FROM p ORDER BY total DESC;
> id total CONCAT(name, '!')
> -- ----- -----------------
> 3  36.00 Cherry!
> 1  15.00 Apple!
> 4  7.75  apple pie!
> 2  0.00  banana!
> rows: 4

SELECT id FROM p WHERE name = 'apple';
> id
> --
> 1
> rows: 1

SELECT id FROM p WHERE name LIKE 'apple%' ORDER BY id;
> id
> --
> 1
> 4
> rows: 2

SELECT id FROM p WHERE name NOT LIKE '%e%';
> id
> --
> 2
> rows: 1

SELECT id FROM p WHERE id IN (1, 3, 5) OR tag IS NULL ORDER BY id;
> id
> --
> 1
> 2
> 3
> rows: 3

SELECT id FROM p WHERE id NOT IN (1, 3) AND NOT (qty = 0);
> id
> --
> 4
> rows: 1

SELECT id FROM p WHERE price BETWEEN 1 AND 8 ORDER BY price;
> id
> --
> 1
> 4
> rows: 2

SELECT id FROM p WHERE qty > 2 AND price < 10;
> id
> --
> 1
> rows: 1

SELECT id, tag FROM p WHERE tag IS NOT NULL ORDER BY tag DESC, id;
> id tag
> -- ---
> 3  c
> 1  a
> 4  a
> rows: 3

SELECT id FROM p WHERE CAST(price AS SIGNED) = 12;
> id
> --
> 3
> rows: 1

SELECT id FROM p WHERE raw = CAST('xy' AS BINARY);
> id
> --
> 3
> rows: 1

SELECT id FROM p WHERE d < '2024-01-01';
> id
> --
> 3
> rows: 1

SELECT id FROM p WHERE name = 1;
> id
> --
> rows: 0

SELECT id, name FROM p ORDER BY 2 LIMIT 2;
> id name
> -- ---------
> 1  Apple
> 4  apple pie
> rows: 2

SELECT id FROM p ORDER BY id LIMIT 1, 2;
> id
> --
> 2
> 3
> rows: 2

SELECT id FROM p ORDER BY id LIMIT 2 OFFSET 1;
> id
> --
> 2
> 3
> rows: 2

SELECT id FROM p ORDER BY id DESC LIMIT 0;
> id
> --
> rows: 0

SELECT id, qty - 5 AS q FROM p ORDER BY q, id;
> id q
> -- --
> 2  -5
> 4  -4
> 3  -2
> 1  5
> rows: 4

SELECT COUNT(*) FROM p;
> COUNT(*)
> --------
> 4
> rows: 1

SELECT COUNT(*) FROM p WHERE price > 1;
> COUNT(*)
> --------
> 3
> rows: 1

SELECT COUNT(*) AS n FROM p WHERE name LIKE '%pp%';
> n
> -
> 2
> rows: 1

-- Filters pushed into the engine keep MySQL's answers for values outside the column's range or length
CREATE TABLE r (a TINYINT PRIMARY KEY, u INT UNSIGNED, s VARCHAR(3), UNIQUE KEY us (s), KEY ku (u));
> ok

INSERT INTO r VALUES (1, 1, 'abc'), (2, 2, 'x');
> update count: 2

SELECT a FROM r WHERE a = 1000;
> a
> -
> rows: 0

SELECT a FROM r WHERE a < 1000 ORDER BY a;
> a
> -
> 1
> 2
> rows: 2

SELECT a FROM r WHERE a > -1000 AND u > -1 ORDER BY a;
> a
> -
> 1
> 2
> rows: 2

SELECT a FROM r WHERE u IN (-1, 2, 99999999999);
> a
> -
> 2
> rows: 1

SELECT a FROM r WHERE s = 'abcdef';
> a
> -
> rows: 0

SELECT a FROM r WHERE s = 'ABC ';
> a
> -
> 1
> rows: 1

SELECT a FROM r WHERE s IN ('x', 'toolong') AND a BETWEEN -5 AND 500;
> a
> -
> 2
> rows: 1

UPDATE r SET u = u + 1 WHERE a = 1000;
> ok

DELETE FROM r WHERE s = 'abcdef';
> ok

-- information_schema: a snapshot of the catalog per query
SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'qv_select' AND TABLE_NAME LIKE 'p%';
> TABLE_NAME
> ----------
> p
> rows: 1

SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, ENGINE, TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'qv_select' ORDER BY TABLE_NAME;
> TABLE_SCHEMA TABLE_NAME TABLE_TYPE ENGINE TABLE_ROWS
> ------------ ---------- ---------- ------ ----------
> qv_select    p          BASE TABLE InnoDB 4
> qv_select    r          BASE TABLE InnoDB 2
> rows: 2

SELECT SCHEMA_NAME, DEFAULT_CHARACTER_SET_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = 'qv_select';
> SCHEMA_NAME DEFAULT_CHARACTER_SET_NAME
> ----------- --------------------------
> qv_select   utf8mb4
> rows: 1

SELECT COLUMN_NAME, ORDINAL_POSITION, IS_NULLABLE, DATA_TYPE, COLUMN_TYPE, COLUMN_KEY FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = 'qv_select' AND TABLE_NAME = 'r' ORDER BY ORDINAL_POSITION;
> COLUMN_NAME ORDINAL_POSITION IS_NULLABLE DATA_TYPE COLUMN_TYPE  COLUMN_KEY
> ----------- ---------------- ----------- --------- ------------ ----------
> a           1                NO          tinyint   tinyint      PRI
> u           2                YES         int       int unsigned MUL
> s           3                YES         varchar   varchar(3)   UNI
> rows: 3

SELECT INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = 'qv_select' AND TABLE_NAME = 'r' ORDER BY INDEX_NAME;
> INDEX_NAME NON_UNIQUE SEQ_IN_INDEX COLUMN_NAME
> ---------- ---------- ------------ -----------
> ku         1          1            u
> PRIMARY    0          1            a
> us         0          1            s
> rows: 3

SELECT CONSTRAINT_NAME, COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = 'qv_select' ORDER BY TABLE_NAME, CONSTRAINT_NAME;
> CONSTRAINT_NAME COLUMN_NAME
> --------------- -----------
> PRIMARY         id
> PRIMARY         a
> us              s
> rows: 3

SHOW TABLES FROM information_schema;
> Tables_in_information_schema
> ----------------------------
> COLUMNS
> KEY_COLUMN_USAGE
> SCHEMATA
> STATISTICS
> TABLES
> rows: 5

SELECT * FROM information_schema.ROUTINES;
> exception ER_UNKNOWN_TABLE: Unknown table 'ROUTINES' in information_schema

-- Failure: unknown columns name their clause; aggregates beyond COUNT(*) and grouping are the next issue
SELECT nope FROM p;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'field list'

SELECT id FROM p WHERE nope = 1;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'where clause'

SELECT id FROM p ORDER BY nope;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'order clause'

SELECT q.id FROM p;
> exception ER_BAD_FIELD_ERROR: Unknown column 'q.id' in 'field list'

SELECT id FROM nope;
> exception ER_NO_SUCH_TABLE: Table 'qv_select.nope' doesn't exist

SELECT COUNT(*), id FROM p;
> exception ER_MIX_OF_GROUP_FUNC_AND_FIELDS: In aggregated query without GROUP BY, expression #2 of SELECT list contains nonaggregated column 'qv_select.p.id'; this is incompatible with sql_mode=only_full_group_by

SELECT SUM(qty) FROM p;
> SUM(qty)
> --------
> 14
> rows: 1

SELECT tag FROM p GROUP BY tag;
> tag
> ----
> a
> null
> c
> rows: 3

SELECT DISTINCT tag FROM p;
> tag
> ----
> a
> null
> c
> rows: 3

SELECT * FROM p JOIN p AS q ON p.id = q.id;
> id name      price qty tag  raw  meta       emb      d          id name      price qty tag  raw  meta       emb      d
> -- --------- ----- --- ---- ---- ---------- -------- ---------- -- --------- ----- --- ---- ---- ---------- -------- ----------
> 1  Apple     1.50  10  a       {"k": 1}   [1,2]    2024-01-02 1  Apple     1.50  10  a       {"k": 1}   [1,2]    2024-01-02
> 2  banana    0.25  0   null null null       null     null       2  banana    0.25  0   null null null       null     null
> 3  Cherry    12.00 3   c    xy   [1, "two"] [0.5,-1] 2023-12-31 3  Cherry    12.00 3   c    xy   [1, "two"] [0.5,-1] 2023-12-31
> 4  apple pie 7.75  1   a    null null       null     null       4  apple pie 7.75  1   a    null null       null     null
> rows: 4


SELECT id FROM p LIMIT -1;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '-1' at line 1

DROP DATABASE qv_select;
> ok
