-- Covers: COUNT(*), COUNT(expr), COUNT(DISTINCT), SUM, AVG, MIN, MAX with MySQL's result types; GROUP BY (columns, expressions, positions, aliases), HAVING, DISTINCT; errors 1111, 1055, 1140, 1054 in GROUP BY/HAVING
CREATE DATABASE qv_agg;
> update count: 1
USE qv_agg;
> ok
CREATE TABLE s (id INT PRIMARY KEY, cat VARCHAR(10), qty INT, price DECIMAL(6,2), w DOUBLE);
> ok
INSERT INTO s VALUES (1, 'a', 3, 1.50, 0.5), (2, 'b', 5, 2.25, 1.5), (3, 'a', NULL, 3.00, 2), (4, 'c', 7, NULL, NULL), (5, 'A', 3, 1.50, 1);
> update count: 5

SELECT COUNT(*), COUNT(qty), COUNT(DISTINCT qty), SUM(qty), AVG(qty), MIN(qty), MAX(qty) FROM s;
> COUNT(*) COUNT(qty) COUNT(DISTINCT qty) SUM(qty) AVG(qty) MIN(qty) MAX(qty)
> -------- ---------- ------------------- -------- -------- -------- --------
> 5        4          3                   18       4.5000   3        7
> rows: 1

SELECT SUM(price), AVG(price), SUM(w), AVG(w), MIN(cat), MAX(cat) FROM s;
> SUM(price) AVG(price) SUM(w) AVG(w) MIN(cat) MAX(cat)
> ---------- ---------- ------ ------ -------- --------
> 8.25       2.062500   5      1.25   a        c
> rows: 1

SELECT cat, COUNT(*) AS n, SUM(qty) FROM s GROUP BY cat ORDER BY cat;
> cat n SUM(qty)
> --- - --------
> a   3 6
> b   1 5
> c   1 7
> rows: 3

SELECT cat, COUNT(*) AS n FROM s GROUP BY cat HAVING n > 1;
> cat n
> --- -
> a   3
> rows: 1

SELECT cat, COUNT(*) FROM s GROUP BY 1 HAVING COUNT(*) = 1 ORDER BY 1;
> cat COUNT(*)
> --- --------
> b   1
> c   1
> rows: 2

SELECT qty % 2 AS parity, COUNT(*) FROM s WHERE qty IS NOT NULL GROUP BY parity ORDER BY parity;
> parity COUNT(*)
> ------ --------
> 1      4
> rows: 1

SELECT COUNT(*) FROM s WHERE id > 10;
> COUNT(*)
> --------
> 0
> rows: 1

SELECT SUM(qty), MAX(cat) FROM s WHERE id > 10;
> SUM(qty) MAX(cat)
> -------- --------
> null     null
> rows: 1

SELECT cat, MAX(price) FROM s GROUP BY cat ORDER BY MAX(price) DESC, cat;
> cat MAX(price)
> --- ----------
> a   3.00
> b   2.25
> c   null
> rows: 3

SELECT id, cat FROM s GROUP BY id ORDER BY id LIMIT 2;
> id cat
> -- ---
> 1  a
> 2  b
> rows: 2

SELECT DISTINCT cat FROM s ORDER BY cat;
> cat
> ---
> a
> b
> c
> rows: 3

SELECT DISTINCT qty FROM s ORDER BY qty DESC LIMIT 2;
> qty
> ---
> 7
> 5
> rows: 2

SELECT COUNT(*) FROM s;
> COUNT(*)
> --------
> 5
> rows: 1

SELECT COUNT(*) FROM s WHERE cat = 'a';
> COUNT(*)
> --------
> 3
> rows: 1

SELECT COUNT(1), COUNT(*) + 1 FROM s;
> COUNT(1) COUNT(*) + 1
> -------- ------------
> 5        6
> rows: 1

-- Failure: aggregates in WHERE
SELECT id FROM s WHERE COUNT(*) > 1;
> exception ER_INVALID_GROUP_FUNC_USE: Invalid use of group function

-- Failure: nested aggregates
SELECT SUM(COUNT(*)) FROM s;
> exception ER_INVALID_GROUP_FUNC_USE: Invalid use of group function

-- Failure: only_full_group_by
SELECT cat, qty FROM s GROUP BY cat;
> exception ER_WRONG_FIELD_WITH_GROUP: Expression #2 of SELECT list is not in GROUP BY clause and contains nonaggregated column 'qv_agg.s.qty' which is not functionally dependent on columns in GROUP BY clause; this is incompatible with sql_mode=only_full_group_by

-- Failure: a bare column next to an aggregate without GROUP BY
SELECT id, COUNT(*) FROM s;
> exception ER_MIX_OF_GROUP_FUNC_AND_FIELDS: In aggregated query without GROUP BY, expression #1 of SELECT list contains nonaggregated column 'qv_agg.s.id'; this is incompatible with sql_mode=only_full_group_by

-- Failure: unknown columns name their clause
SELECT cat FROM s GROUP BY nope;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'group statement'

SELECT cat FROM s GROUP BY cat HAVING nope > 1;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'having clause'

SET SESSION sql_mode = '';
> ok

SELECT cat, qty FROM s WHERE id < 3 GROUP BY cat ORDER BY cat;
> cat qty
> --- ---
> a   3
> b   5
> rows: 2

SET SESSION sql_mode = DEFAULT;
> ok

DROP DATABASE qv_agg;
> ok
