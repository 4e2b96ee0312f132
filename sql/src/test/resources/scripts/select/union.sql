-- Covers: UNION and UNION ALL (names from the first SELECT, duplicate removal, type merging), ORDER BY and LIMIT over the union; error 1222 (column count)
CREATE DATABASE qv_union;
> update count: 1
USE qv_union;
> ok
CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(10));
> ok
INSERT INTO a VALUES (1, 'one'), (2, 'two');
> update count: 2

SELECT id, name FROM a UNION SELECT id, name FROM a;
> id name
> -- ----
> 1  one
> 2  two
> rows: 2

SELECT id, name FROM a UNION ALL SELECT id, name FROM a ORDER BY id DESC, name;
> id name
> -- ----
> 2  two
> 2  two
> 1  one
> 1  one
> rows: 4

SELECT id AS k FROM a UNION SELECT 2.5 ORDER BY k;
> k
> ---
> 1.0
> 2.0
> 2.5
> rows: 3

SELECT name FROM a UNION SELECT 'ONE' UNION SELECT 'three' ORDER BY 1 LIMIT 2;
> name
> -----
> one
> three
> rows: 2

SELECT 1 AS x UNION ALL SELECT 1 UNION ALL SELECT 2;
> x
> -
> 1
> 1
> 2
> rows: 3

SELECT 1 AS x UNION ALL SELECT 1 UNION SELECT 2;
> x
> -
> 1
> 2
> rows: 2

-- Failure: different column counts
SELECT id, name FROM a UNION SELECT id FROM a;
> exception ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT: The used SELECT statements have a different number of columns

-- Failure: ORDER BY a column the union does not have
SELECT id FROM a UNION SELECT id FROM a ORDER BY name;
> exception ER_BAD_FIELD_ERROR: Unknown column 'name' in 'order clause'

DROP DATABASE qv_union;
> ok
