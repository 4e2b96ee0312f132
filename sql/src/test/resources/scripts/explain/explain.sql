-- Covers: EXPLAIN SELECT in MySQL's column layout: const/ref/range lookups through PRIMARY, UNIQUE and secondary keys, ALL for scans, filesort
CREATE DATABASE qv_explain;
> update count: 1

USE qv_explain;
> ok

CREATE TABLE t (id INT PRIMARY KEY, code VARCHAR(10) UNIQUE, grp INT, note VARCHAR(20), INDEX idx_grp (grp));
> ok

INSERT INTO t VALUES (1, 'a', 1, 'x'), (2, 'b', 1, 'y'), (3, 'c', 2, 'z');
> update count: 3

EXPLAIN SELECT * FROM t WHERE id = 2;
> id select_type table partitions type  possible_keys key     key_len ref   rows filtered Extra
> -- ----------- ----- ---------- ----- ------------- ------- ------- ----- ---- -------- -----
> 1  SIMPLE      t     null       const PRIMARY       PRIMARY 4       const 1    100.00   null
> rows: 1

EXPLAIN SELECT id FROM t WHERE code = 'b';
> id select_type table partitions type  possible_keys key  key_len ref   rows filtered Extra
> -- ----------- ----- ---------- ----- ------------- ---- ------- ----- ---- -------- -----
> 1  SIMPLE      t     null       const code          code 43      const 1    100.00   null
> rows: 1

EXPLAIN SELECT id FROM t WHERE grp = 1 AND note LIKE 'x%';
> id select_type table partitions type possible_keys key     key_len ref   rows filtered Extra
> -- ----------- ----- ---------- ---- ------------- ------- ------- ----- ---- -------- -----------
> 1  SIMPLE      t     null       ref  idx_grp       idx_grp 5       const 1    100.00   Using where
> rows: 1

EXPLAIN SELECT id FROM t WHERE id > 1;
> id select_type table partitions type  possible_keys key     key_len ref  rows filtered Extra
> -- ----------- ----- ---------- ----- ------------- ------- ------- ---- ---- -------- -----
> 1  SIMPLE      t     null       range PRIMARY       PRIMARY 4       null 1    100.00   null
> rows: 1

EXPLAIN SELECT * FROM t AS a ORDER BY note;
> id select_type table partitions type possible_keys key  key_len ref  rows filtered Extra
> -- ----------- ----- ---------- ---- ------------- ---- ------- ---- ---- -------- --------------
> 1  SIMPLE      a     null       ALL  null          null null    null 3    100.00   Using filesort
> rows: 1

EXPLAIN SELECT 1 + 1;
> id select_type table partitions type possible_keys key  key_len ref  rows filtered Extra
> -- ----------- ----- ---------- ---- ------------- ---- ------- ---- ---- -------- --------------
> 1  SIMPLE      null  null       null null          null null    null null null     No tables used
> rows: 1

-- Failure: EXPLAIN checks the query as running it would
EXPLAIN SELECT nope FROM t;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'field list'

EXPLAIN SELECT * FROM missing;
> exception ER_NO_SUCH_TABLE: Table 'qv_explain.missing' doesn't exist

DROP DATABASE qv_explain;
> ok
