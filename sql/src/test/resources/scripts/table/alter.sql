-- Covers: CREATE [UNIQUE] INDEX on a filled table, DROP INDEX, RENAME TABLE, ALTER TABLE ... RENAME
CREATE DATABASE qv_alter;
> update count: 1

USE qv_alter;
> ok

CREATE TABLE t (id INT PRIMARY KEY, a INT, b VARCHAR(10) COMMENT 'bee', c TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
> ok

INSERT INTO t (id, a, b) VALUES (1, 10, 'x'), (2, 20, 'x'), (3, 20, 'y');
> update count: 3

CREATE INDEX k_a ON t (a);
> ok

SELECT id, a, b FROM t WHERE a = 20 ORDER BY id;
> id a  b
> -- -- -
> 2  20 x
> 3  20 y
> rows: 2

-- Failure: duplicate values under a new unique index; nothing changes
CREATE UNIQUE INDEX u_a ON t (a);
> exception ER_DUP_ENTRY: Duplicate entry '20' for key 't.u_a'

CREATE UNIQUE INDEX u_b ON t (b);
> exception ER_DUP_ENTRY: Duplicate entry 'x' for key 't.u_b'

SHOW INDEX FROM t;
> Table Non_unique Key_name Seq_in_index Column_name Collation Cardinality Sub_part Packed Null Index_type Comment Index_comment Visible Expression
> ----- ---------- -------- ------------ ----------- --------- ----------- -------- ------ ---- ---------- ------- ------------- ------- ----------
> t     0          PRIMARY  1            id          A         null        null     null        BTREE                            YES     null
> t     1          k_a      1            a           A         null        null     null   YES  BTREE                            YES     null
> rows: 2

CREATE UNIQUE INDEX u_ab ON t (a, b);
> ok

INSERT INTO t (id, a, b) VALUES (4, 20, 'y');
> exception ER_DUP_ENTRY: Duplicate entry '20-y' for key 't.u_ab'

-- Failure: a key name already used, an unknown column
CREATE INDEX k_a ON t (b);
> exception ER_DUP_KEYNAME: Duplicate key name 'k_a'

CREATE INDEX k_nope ON t (nope);
> exception ER_KEY_COLUMN_DOES_NOT_EXITS: Key column 'nope' doesn't exist in table

CREATE INDEX k_a ON nope (a);
> exception ER_NO_SUCH_TABLE: Table 'qv_alter.nope' doesn't exist

DROP INDEX u_ab ON t;
> ok

INSERT INTO t (id, a, b) VALUES (4, 20, 'y');
> update count: 1

-- Failure: no such key
DROP INDEX u_ab ON t;
> exception ER_CANT_DROP_FIELD_OR_KEY: Can't DROP 'u_ab'; check that column/key exists

DROP INDEX k_a ON nope;
> exception ER_NO_SUCH_TABLE: Table 'qv_alter.nope' doesn't exist

DROP INDEX `PRIMARY` ON t;
> ok

INSERT INTO t (id, a, b) VALUES (4, 30, 'z');
> update count: 1

SHOW INDEX FROM t;
> Table Non_unique Key_name Seq_in_index Column_name Collation Cardinality Sub_part Packed Null Index_type Comment Index_comment Visible Expression
> ----- ---------- -------- ------------ ----------- --------- ----------- -------- ------ ---- ---------- ------- ------------- ------- ----------
> t     1          k_a      1            a           A         null        null     null   YES  BTREE                            YES     null
> rows: 1

SELECT id, a, b FROM t ORDER BY id, a;
> id a  b
> -- -- -
> 1  10 x
> 2  20 x
> 3  20 y
> 4  20 y
> 4  30 z
> rows: 5

RENAME TABLE t TO t2;
> ok

SELECT COUNT(*) FROM t;
> exception ER_NO_SUCH_TABLE: Table 'qv_alter.t' doesn't exist

SHOW CREATE TABLE t2;
> Table Create Table
> ----- ---------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
> t2    CREATE TABLE `t2` (\n  `id` int NOT NULL,\n  `a` int DEFAULT NULL,\n  `b` varchar(10) DEFAULT NULL COMMENT 'bee',\n  `c` timestamp NULL DEFAULT CURRENT_TIMESTAMP,\n  KEY `k_a` (`a`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
> rows: 1

-- Failure: missing source, existing target, unknown database
RENAME TABLE t TO t3;
> exception ER_NO_SUCH_TABLE: Table 'qv_alter.t' doesn't exist

CREATE TABLE other (id INT);
> ok

RENAME TABLE t2 TO other;
> exception ER_TABLE_EXISTS_ERROR: Table 'other' already exists

RENAME TABLE t2 TO qv_nowhere.t2;
> exception ER_BAD_DB_ERROR: Unknown database 'qv_nowhere'

-- Failure: all or none, the second pair fails so the first is not applied
RENAME TABLE t2 TO t3, nope TO t4;
> exception ER_NO_SUCH_TABLE: Table 'qv_alter.nope' doesn't exist

SHOW TABLES;
> Tables_in_qv_alter
> ------------------
> other
> t2
> rows: 2

-- pairs apply in order: a swap through a temporary name
RENAME TABLE t2 TO tmp, other TO t2, tmp TO other;
> ok

SHOW TABLES;
> Tables_in_qv_alter
> ------------------
> other
> t2
> rows: 2

SELECT COUNT(*) FROM other;
> COUNT(*)
> --------
> 5
> rows: 1

ALTER TABLE other RENAME TO t;
> ok

ALTER TABLE t RENAME AS t5;
> ok

ALTER TABLE t5 RENAME qv_alter.t;
> ok

CREATE DATABASE qv_alter2;
> update count: 1

RENAME TABLE t TO qv_alter2.moved;
> ok

SHOW FULL COLUMNS FROM qv_alter2.moved;
> Field Type        Collation          Null Key Default           Extra             Privileges                      Comment
> ----- ----------- ------------------ ---- --- ----------------- ----------------- ------------------------------- -------
> id    int         null               NO       null                                select,insert,update,references
> a     int         null               YES  MUL null                                select,insert,update,references
> b     varchar(10) utf8mb4_general_ci YES      null                                select,insert,update,references bee
> c     timestamp   null               YES      CURRENT_TIMESTAMP DEFAULT_GENERATED select,insert,update,references
> rows: 4

DROP DATABASE qv_alter2;
> ok

DROP DATABASE qv_alter;
> ok
