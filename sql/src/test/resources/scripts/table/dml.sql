-- Covers: INSERT (VALUES, multi-row, SET, SELECT, DEFAULT), INSERT IGNORE, ON DUPLICATE KEY UPDATE (VALUES(), row alias, order of assignments), REPLACE, UPDATE, DELETE, LAST_INSERT_ID, strict-mode errors
CREATE DATABASE qv_dml;
> update count: 1

USE qv_dml;
> ok

CREATE TABLE t (id INT NOT NULL AUTO_INCREMENT PRIMARY KEY, k VARCHAR(10) NOT NULL, n INT DEFAULT 0, UNIQUE KEY uk (k));
> ok

INSERT INTO t (k) VALUES ('a');
> update count: 1

SELECT LAST_INSERT_ID(), ROW_COUNT();
> LAST_INSERT_ID() ROW_COUNT()
> ---------------- -----------
> 1                1
> rows: 1

INSERT INTO t (k, n) VALUES ('b', 1), ('c', 2), ('d', 3);
> update count: 3

SELECT LAST_INSERT_ID();
> LAST_INSERT_ID()
> ----------------
> 2
> rows: 1

INSERT INTO t SET k = 'e', n = 5;
> update count: 1

INSERT INTO t VALUES (10, 'f', 6);
> update count: 1

INSERT INTO t VALUES (DEFAULT, 'g', DEFAULT);
> update count: 1

INSERT INTO t (k, n) VALUES ('h0', 7), ('h1', n + 1);
> update count: 2

SELECT k, n FROM t WHERE k LIKE 'h_';
> k  n
> -- -
> h0 7
> h1 1
> rows: 2

DELETE FROM t WHERE k LIKE 'h_';
> update count: 2

SELECT * FROM t;
> id k n
> -- - -
> 1  a 0
> 2  b 1
> 3  c 2
> 4  d 3
> 5  e 5
> 10 f 6
> 11 g 0
> rows: 7

-- Failure: duplicates name the key as MySQL 8 does
INSERT INTO t (k) VALUES ('A');
> exception ER_DUP_ENTRY: Duplicate entry 'A' for key 't.uk'

INSERT INTO t (id, k) VALUES (1, 'zz');
> exception ER_DUP_ENTRY: Duplicate entry '1' for key 't.PRIMARY'

INSERT INTO t (k) VALUES ('x'), ('x');
> exception ER_DUP_ENTRY: Duplicate entry 'x' for key 't.uk'

SELECT COUNT(*) FROM t;
> COUNT(*)
> --------
> 7
> rows: 1

INSERT IGNORE INTO t (k, n) VALUES ('a', 100), ('h', 7), ('B', 100);
> update count: 1

SHOW WARNINGS;
> Level   Code Message
> ------- ---- ----------------------------------
> Warning 1062 Duplicate entry 'a' for key 't.uk'
> Warning 1062 Duplicate entry 'B' for key 't.uk'
> rows: 2

INSERT INTO t (k, n) VALUES ('a', 50) ON DUPLICATE KEY UPDATE n = n + VALUES(n);
> update count: 2

SELECT id, k, n FROM t WHERE k = 'a';
> id k n
> -- - --
> 1  a 50
> rows: 1

INSERT INTO t (k, n) VALUES ('a', 50) ON DUPLICATE KEY UPDATE n = 51;
> update count: 2

INSERT INTO t (k, n) VALUES ('a', 50) ON DUPLICATE KEY UPDATE n = 51;
> update count: 1

INSERT INTO t (k, n) VALUES ('b', 9), ('zz', 1) AS new ON DUPLICATE KEY UPDATE n = new.n * 10;
> update count: 3

SELECT id, k, n FROM t WHERE k IN ('b', 'zz') ORDER BY id;
> id k  n
> -- -- --
> 2  b  90
> 21 zz 1
> rows: 2

INSERT INTO t (k, n) VALUES ('c', 3) AS new (kk, nn) ON DUPLICATE KEY UPDATE n = nn + 1, k = CONCAT(k, '2'), n = n + 100;
> update count: 2

SELECT id, k, n FROM t WHERE id = 3;
> id k  n
> -- -- ---
> 3  c2 104
> rows: 1

INSERT INTO t (k, n) VALUES ('d', 1) ON DUPLICATE KEY UPDATE nope = 1;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'field list'

INSERT INTO t (k, n) VALUES ('d', 1) ON DUPLICATE KEY UPDATE n = VALUES(nope);
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'field list'

REPLACE INTO t (id, k, n) VALUES (1, 'a', 0);
> update count: 2

REPLACE INTO t (id, k, n) VALUES (1, 'b', 0);
> update count: 3

REPLACE INTO t SET id = 100, k = 'new';
> update count: 1

SELECT * FROM t ORDER BY id;
> id  k   n
> --- --- ---
> 1   b   0
> 3   c2  104
> 4   d   3
> 5   e   5
> 10  f   6
> 11  g   0
> 15  h   7
> 21  zz  1
> 100 new 0
> rows: 9

-- Failure: strict-mode errors come from the engine
INSERT INTO t (k) VALUES ('0123456789x');
> exception ER_DATA_TOO_LONG: Data too long for column 'k' at row 1

INSERT INTO t (k) VALUES (NULL);
> exception ER_BAD_NULL_ERROR: Column 'k' cannot be null

INSERT INTO t (k, n) VALUES ('y', 'abc');
> exception ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: Incorrect integer value: 'abc' for column 'n' at row 1

INSERT INTO t (k, n) VALUES ('y', 99999999999);
> exception ER_WARN_DATA_OUT_OF_RANGE: Out of range value for column 'n' at row 1

INSERT INTO t (k, n) VALUES ('y');
> exception ER_WRONG_VALUE_COUNT_ON_ROW: Column count doesn't match value count at row 1

INSERT INTO t VALUES (1, 'y');
> exception ER_WRONG_VALUE_COUNT_ON_ROW: Column count doesn't match value count at row 1

INSERT INTO t (k, nope) VALUES ('y', 1);
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'field list'

INSERT INTO t (k, k) VALUES ('y', 'z');
> exception ER_FIELD_SPECIFIED_TWICE: Column 'k' specified twice

INSERT INTO nope VALUES (1);
> exception ER_NO_SUCH_TABLE: Table 'qv_dml.nope' doesn't exist

INSERT INTO qv_nowhere.t VALUES (1);
> exception ER_NO_SUCH_TABLE: Table 'qv_nowhere.t' doesn't exist

UPDATE t SET n = n + 1 WHERE id < 5;
> update count: 3

UPDATE t SET n = n WHERE id < 5;
> update count: 3

UPDATE t SET n = 0 ORDER BY id DESC LIMIT 2;
> update count: 2

SELECT id, n FROM t ORDER BY id DESC LIMIT 3;
> id  n
> --- -
> 100 0
> 21  0
> 15  7
> rows: 3

UPDATE t SET k = 'b' WHERE id = 3;
> exception ER_DUP_ENTRY: Duplicate entry 'b' for key 't.uk'

UPDATE t SET nope = 1;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'field list'

UPDATE t SET n = 1 WHERE nope = 1;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'where clause'

UPDATE t SET n = n * 2 WHERE k LIKE 'z%' OR n > 1000;
> update count: 1

DELETE FROM t WHERE id = 100;
> update count: 1

DELETE FROM t WHERE n + 0 = 0 ORDER BY id LIMIT 1;
> update count: 1

DELETE FROM t WHERE nope = 1;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'where clause'

SELECT COUNT(*) FROM t;
> COUNT(*)
> --------
> 7
> rows: 1

CREATE TABLE copy (id INT PRIMARY KEY, k VARCHAR(10));
> ok

INSERT INTO copy SELECT id, k FROM t WHERE id < 5;
> update count: 3

INSERT INTO copy (id, k) SELECT id, k FROM t WHERE id < 5 ON DUPLICATE KEY UPDATE k = 'dup';
> update count: 6

REPLACE INTO copy SELECT id, 'r' FROM t WHERE id < 4;
> update count: 4

INSERT INTO copy SELECT id FROM t;
> exception ER_WRONG_VALUE_COUNT_ON_ROW: Column count doesn't match value count at row 1

SELECT * FROM copy;
> id k
> -- ---
> 1  r
> 3  r
> 4  dup
> rows: 3

DELETE FROM copy;
> update count: 3

TRUNCATE TABLE t;
> ok

INSERT INTO t (k) VALUES ('after');
> update count: 1

SELECT id, k FROM t;
> id k
> -- -----
> 1  after
> rows: 1

DROP DATABASE qv_dml;
> ok
