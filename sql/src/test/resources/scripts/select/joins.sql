-- Covers: INNER and LEFT joins with ON and USING, comma joins with WHERE, RIGHT JOIN, aliases, t.*, joins with GROUP BY; errors 1052 (ambiguous), 1054 (unknown in on clause), 1066 (duplicate alias)
CREATE DATABASE qv_join;
> update count: 1
USE qv_join;
> ok
CREATE TABLE a (id INT PRIMARY KEY, name VARCHAR(10));
> ok
CREATE TABLE b (bid INT PRIMARY KEY, id INT, v INT);
> ok
INSERT INTO a VALUES (1, 'one'), (2, 'two'), (3, 'three');
> update count: 3
INSERT INTO b VALUES (10, 1, 100), (11, 1, 101), (12, 2, 200), (13, 9, 900);
> update count: 4

SELECT a.id, name, bid, v FROM a JOIN b ON a.id = b.id ORDER BY bid;
> id name bid v
> -- ---- --- ---
> 1  one  10  100
> 1  one  11  101
> 2  two  12  200
> rows: 3

SELECT a.id, name, bid FROM a LEFT JOIN b ON a.id = b.id ORDER BY a.id, bid;
> id name  bid
> -- ----- ----
> 1  one   10
> 1  one   11
> 2  two   12
> 3  three null
> rows: 4

SELECT x.name, y.v FROM a AS x INNER JOIN b y ON y.id = x.id AND y.v > 100 ORDER BY y.v;
> name v
> ---- ---
> one  101
> two  200
> rows: 2

SELECT * FROM a JOIN b USING (id) ORDER BY bid;
> id name bid v
> -- ---- --- ---
> 1  one  10  100
> 1  one  11  101
> 2  two  12  200
> rows: 3

SELECT id, name FROM a LEFT JOIN b USING (id) WHERE b.bid IS NULL;
> id name
> -- -----
> 3  three
> rows: 1

SELECT a.name, b.v FROM a, b WHERE a.id = b.id AND b.v < 200 ORDER BY b.v;
> name v
> ---- ---
> one  100
> one  101
> rows: 2

SELECT a.*, b.v FROM b RIGHT JOIN a ON a.id = b.id ORDER BY a.id, b.v;
> id name  v
> -- ----- ----
> 1  one   100
> 1  one   101
> 2  two   200
> 3  three null
> rows: 4

SELECT a.name, COUNT(b.bid) AS n, SUM(b.v) FROM a LEFT JOIN b ON a.id = b.id GROUP BY a.id ORDER BY a.id;
> name  n SUM(b.v)
> ----- - --------
> one   2 201
> two   1 200
> three 0 null
> rows: 3

SELECT COUNT(*) FROM a CROSS JOIN b;
> COUNT(*)
> --------
> 12
> rows: 1

SELECT a1.id, a2.id FROM a a1 JOIN a a2 ON a1.id < a2.id ORDER BY 1, 2;
> id id
> -- --
> 1  2
> 1  3
> 2  3
> rows: 3

-- Failure: id is in both tables
SELECT id FROM a JOIN b ON a.id = b.id;
> exception ER_NON_UNIQ_ERROR: Column 'id' in field list is ambiguous

-- Failure: unknown column in ON
SELECT 1 FROM a JOIN b ON a.nope = b.id;
> exception ER_BAD_FIELD_ERROR: Unknown column 'a.nope' in 'on clause'

-- Failure: the same alias twice
SELECT 1 FROM a JOIN b AS a ON 1 = 1;
> exception ER_NONUNIQ_TABLE: Not unique table/alias: 'a'

-- Failure: unknown table in t.*
SELECT c.* FROM a JOIN b ON a.id = b.id;
> exception ER_BAD_TABLE_ERROR: Unknown table 'c'

-- EXPLAIN of a join: one row per table (no keys here: a scan, then a hash join on the ON equality)
EXPLAIN SELECT a.id FROM a JOIN b ON a.id = b.id;
> id select_type table partitions type possible_keys key  key_len ref  rows filtered Extra
> -- ----------- ----- ---------- ---- ------------- ---- ------- ---- ---- -------- ------------------------------------------
> 1  SIMPLE      a     null       ALL  null          null null    null 3    100.00   null
> 1  SIMPLE      b     null       ALL  null          null null    null 4    100.00   Using where; Using join buffer (hash join)
> rows: 2

DROP DATABASE qv_join;
> ok
