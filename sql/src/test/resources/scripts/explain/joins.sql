-- Covers: EXPLAIN of joins (one row per table in plan order: eq_ref/ref through the inner table's key, hash join or nested loop buffers, Using where), GROUP BY/DISTINCT/ORDER BY (Using temporary, Using filesort), subqueries (SUBQUERY, DEPENDENT SUBQUERY), UNION (PRIMARY, UNION, UNION RESULT) and the rows estimates (ref: 10% of the table, range: a third, at least 1)
-- MySQL 8, not MariaDB: MariaDB writes "Using join buffer (flat, BNL join)", shows a UNION RESULT row for UNION ALL too, and turns IN subqueries into semijoins; MySQL 8 would too (semijoin), Quiver runs them as subqueries and shows them so
CREATE DATABASE qv_explain_join;
> update count: 1

USE qv_explain_join;
> ok

CREATE TABLE a (id INT PRIMARY KEY, grp INT, note VARCHAR(20), INDEX idx_grp (grp));
> ok

CREATE TABLE b (id INT PRIMARY KEY, a_id INT, code VARCHAR(10) UNIQUE, INDEX idx_a (a_id));
> ok

INSERT INTO a VALUES (1, 1, 'x'), (2, 1, 'y'), (3, 2, 'z');
> update count: 3

INSERT INTO b VALUES (10, 1, 'p'), (11, 1, 'q'), (12, 3, 'r'), (13, NULL, 's');
> update count: 4

EXPLAIN SELECT a.id, b.id FROM a JOIN b ON b.id = a.id;
> id select_type table partitions type   possible_keys key     key_len ref                  rows filtered Extra
> -- ----------- ----- ---------- ------ ------------- ------- ------- -------------------- ---- -------- -----
> 1  SIMPLE      a     null       ALL    null          null    null    null                 3    100.00   null
> 1  SIMPLE      b     null       eq_ref PRIMARY       PRIMARY 4       qv_explain_join.a.id 1    100.00   null
> rows: 2

EXPLAIN SELECT a.id, b.id FROM a JOIN b ON b.a_id = a.id;
> id select_type table partitions type possible_keys key   key_len ref                  rows filtered Extra
> -- ----------- ----- ---------- ---- ------------- ----- ------- -------------------- ---- -------- -----
> 1  SIMPLE      a     null       ALL  null          null  null    null                 3    100.00   null
> 1  SIMPLE      b     null       ref  idx_a         idx_a 5       qv_explain_join.a.id 1    100.00   null
> rows: 2

EXPLAIN SELECT a.id, b.id FROM a LEFT JOIN b ON b.a_id = a.id AND b.code <> 'q' WHERE a.grp = 1;
> id select_type table partitions type possible_keys key     key_len ref                  rows filtered Extra
> -- ----------- ----- ---------- ---- ------------- ------- ------- -------------------- ---- -------- -----------
> 1  SIMPLE      a     null       ref  idx_grp       idx_grp 5       const                1    100.00   null
> 1  SIMPLE      b     null       ref  idx_a         idx_a   5       qv_explain_join.a.id 1    100.00   Using where
> rows: 2

EXPLAIN SELECT a.id, b.id FROM a JOIN b ON b.code = a.note;
> id select_type table partitions type   possible_keys key  key_len ref                    rows filtered Extra
> -- ----------- ----- ---------- ------ ------------- ---- ------- ---------------------- ---- -------- -----
> 1  SIMPLE      a     null       ALL    null          null null    null                   3    100.00   null
> 1  SIMPLE      b     null       eq_ref code          code 43      qv_explain_join.a.note 1    100.00   null
> rows: 2

EXPLAIN SELECT a.id, b.id FROM a JOIN b ON b.id > a.id;
> id select_type table partitions type possible_keys key  key_len ref  rows filtered Extra
> -- ----------- ----- ---------- ---- ------------- ---- ------- ---- ---- -------- --------------------------------------------------
> 1  SIMPLE      a     null       ALL  null          null null    null 3    100.00   null
> 1  SIMPLE      b     null       ALL  null          null null    null 4    100.00   Using where; Using join buffer (Block Nested Loop)
> rows: 2

EXPLAIN SELECT a.id, b.id FROM a, b WHERE a.id = 1 AND b.code = 'p';
> id select_type table partitions type  possible_keys key     key_len ref   rows filtered Extra
> -- ----------- ----- ---------- ----- ------------- ------- ------- ----- ---- -------- -----
> 1  SIMPLE      a     null       const PRIMARY       PRIMARY 4       const 1    100.00   null
> 1  SIMPLE      b     null       const code          code    43      const 1    100.00   null
> rows: 2

EXPLAIN SELECT a.grp, COUNT(*) FROM a JOIN b ON b.a_id = a.id GROUP BY a.grp ORDER BY a.grp;
> id select_type table partitions type possible_keys key   key_len ref                  rows filtered Extra
> -- ----------- ----- ---------- ---- ------------- ----- ------- -------------------- ---- -------- -------------------------------
> 1  SIMPLE      a     null       ALL  null          null  null    null                 3    100.00   Using temporary; Using filesort
> 1  SIMPLE      b     null       ref  idx_a         idx_a 5       qv_explain_join.a.id 1    100.00   null
> rows: 2

EXPLAIN SELECT DISTINCT a.grp FROM a;
> id select_type table partitions type possible_keys key  key_len ref  rows filtered Extra
> -- ----------- ----- ---------- ---- ------------- ---- ------- ---- ---- -------- ---------------
> 1  SIMPLE      a     null       ALL  null          null null    null 3    100.00   Using temporary
> rows: 1

EXPLAIN SELECT id FROM a WHERE id IN (SELECT a_id FROM b WHERE code > 'p');
> id select_type table partitions type  possible_keys key  key_len ref  rows filtered Extra
> -- ----------- ----- ---------- ----- ------------- ---- ------- ---- ---- -------- -----------
> 1  PRIMARY     a     null       ALL   null          null null    null 3    100.00   Using where
> 2  SUBQUERY    b     null       range code          code 43      null 2    100.00   Using where
> rows: 2

EXPLAIN SELECT id, (SELECT COUNT(*) FROM b WHERE b.a_id = a.id) AS n FROM a WHERE EXISTS (SELECT 1 FROM b AS c WHERE c.id = 10);
> id select_type        table partitions type  possible_keys key     key_len ref                  rows filtered Extra
> -- ------------------ ----- ---------- ----- ------------- ------- ------- -------------------- ---- -------- -----------
> 1  PRIMARY            a     null       ALL   null          null    null    null                 3    100.00   Using where
> 2  DEPENDENT SUBQUERY b     null       ref   idx_a         idx_a   5       qv_explain_join.a.id 1    100.00   Using where
> 3  SUBQUERY           c     null       const PRIMARY       PRIMARY 4       const                1    100.00   null
> rows: 3

EXPLAIN SELECT id FROM a UNION SELECT id FROM b WHERE id = 10;
> id   select_type  table      partitions type  possible_keys key     key_len ref   rows filtered Extra
> ---- ------------ ---------- ---------- ----- ------------- ------- ------- ----- ---- -------- ---------------
> 1    PRIMARY      a          null       ALL   null          null    null    null  3    100.00   null
> 2    UNION        b          null       const PRIMARY       PRIMARY 4       const 1    100.00   null
> null UNION RESULT <union1,2> null       ALL   null          null    null    null  null null     Using temporary
> rows: 3

EXPLAIN SELECT id FROM a UNION ALL SELECT a_id FROM b ORDER BY 1;
> id   select_type  table      partitions type possible_keys key  key_len ref  rows filtered Extra
> ---- ------------ ---------- ---------- ---- ------------- ---- ------- ---- ---- -------- -------------------------------
> 1    PRIMARY      a          null       ALL  null          null null    null 3    100.00   null
> 2    UNION        b          null       ALL  null          null null    null 4    100.00   null
> null UNION RESULT <union1,2> null       ALL  null          null null    null null null     Using temporary; Using filesort
> rows: 3

EXPLAIN SELECT id FROM a UNION ALL SELECT 1;
> id select_type table partitions type possible_keys key  key_len ref  rows filtered Extra
> -- ----------- ----- ---------- ---- ------------- ---- ------- ---- ---- -------- --------------
> 1  PRIMARY     a     null       ALL  null          null null    null 3    100.00   null
> 2  UNION       null  null       null null          null null    null null null     No tables used
> rows: 2

EXPLAIN SELECT a.id FROM a JOIN b ON b.a_id = a.id JOIN a AS a2 ON a2.id = b.id;
> id select_type table partitions type   possible_keys key     key_len ref                  rows filtered Extra
> -- ----------- ----- ---------- ------ ------------- ------- ------- -------------------- ---- -------- -----
> 1  SIMPLE      a     null       ALL    null          null    null    null                 3    100.00   null
> 1  SIMPLE      b     null       ref    idx_a         idx_a   5       qv_explain_join.a.id 1    100.00   null
> 1  SIMPLE      a2    null       eq_ref PRIMARY       PRIMARY 4       qv_explain_join.b.id 1    100.00   null
> rows: 3

-- Failure: names are checked in every part, as running the statement would
EXPLAIN SELECT a.id FROM a JOIN b ON b.nope = a.id;
> exception ER_BAD_FIELD_ERROR: Unknown column 'b.nope' in 'on clause'

EXPLAIN SELECT id FROM a UNION SELECT id, code FROM b;
> exception ER_WRONG_NUMBER_OF_COLUMNS_IN_SELECT: The used SELECT statements have a different number of columns

EXPLAIN SELECT id FROM a WHERE id IN (SELECT missing FROM b);
> exception ER_BAD_FIELD_ERROR: Unknown column 'missing' in 'field list'

-- Failure: EXPLAIN ANALYZE (MySQL 8 runs the query and prints a tree) is not there
EXPLAIN ANALYZE SELECT id FROM a;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'EXPLAIN ANALYZE'

DROP DATABASE qv_explain_join;
> ok
