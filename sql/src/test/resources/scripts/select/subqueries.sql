-- Covers: IN (subquery), NOT IN, EXISTS / NOT EXISTS (correlated), scalar subqueries in the select list and WHERE; errors 1242 (more than one row), 1241 (operand columns)
CREATE DATABASE qv_sub;
> update count: 1
USE qv_sub;
> ok
CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(10));
> ok
CREATE TABLE b (bid INT PRIMARY KEY, id INT, v INT);
> ok
INSERT INTO a VALUES (1, 'one'), (2, 'two'), (3, 'three');
> update count: 3
INSERT INTO b VALUES (10, 1, 100), (11, 1, 101), (12, 2, 200), (13, NULL, 900);
> update count: 4

SELECT name FROM a WHERE id IN (SELECT id FROM b) ORDER BY id;
> name
> ----
> one
> two
> rows: 2

SELECT name FROM a WHERE id NOT IN (SELECT id FROM b WHERE id IS NOT NULL) ORDER BY id;
> name
> -----
> three
> rows: 1

SELECT name FROM a WHERE id NOT IN (SELECT id FROM b);
> name
> ----
> rows: 0

SELECT name FROM a WHERE EXISTS (SELECT 1 FROM b WHERE b.id = a.id) ORDER BY id;
> name
> ----
> one
> two
> rows: 2

SELECT name FROM a WHERE NOT EXISTS (SELECT * FROM b WHERE b.id = a.id);
> name
> -----
> three
> rows: 1

SELECT name, (SELECT MAX(v) FROM b WHERE b.id = a.id) AS top FROM a ORDER BY id;
> name  top
> ----- ----
> one   101
> two   200
> three null
> rows: 3

SELECT name FROM a WHERE id = (SELECT MIN(id) FROM b);
> name
> ----
> one
> rows: 1

SELECT (SELECT COUNT(*) FROM b) AS n, id FROM a WHERE id < 2;
> n id
> - --
> 4 1
> rows: 1

-- Failure: a scalar subquery with several rows
SELECT name FROM a WHERE id = (SELECT id FROM b);
> exception ER_SUBQUERY_NO_1_ROW: Subquery returns more than 1 row

-- Failure: IN with two columns
SELECT name FROM a WHERE id IN (SELECT id, v FROM b);
> exception ER_OPERAND_COLUMNS: Operand should contain 1 column(s)

DROP DATABASE qv_sub;
> ok
