-- Covers: CREATE [UNIQUE] INDEX on a filled table, DROP INDEX, RENAME TABLE, ALTER TABLE ... RENAME, ALTER TABLE column and key actions
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
> update count: 4

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

-- ALTER TABLE: columns and keys, one rebuild per statement
CREATE TABLE p (id INT NOT NULL, name VARCHAR(10) DEFAULT 'n' COMMENT 'the name', made TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP);
> ok

INSERT INTO p (id, name) VALUES (1, 'a'), (2, 'b'), (3, NULL);
> update count: 3

ALTER TABLE p ADD COLUMN qty INT NOT NULL, ADD flag BOOLEAN DEFAULT TRUE FIRST, ADD COLUMN note VARCHAR(5) DEFAULT 'x' AFTER id;
> ok

SELECT flag, id, note, name, qty FROM p ORDER BY id;
> flag id note name qty
> ---- -- ---- ---- ---
> 1    1  x    a    0
> 1    2  x    b    0
> 1    3  x    null 0
> rows: 3

SHOW COLUMNS FROM p;
> Field Type        Null Key Default           Extra
> ----- ----------- ---- --- ----------------- ---------------------------------------------
> flag  tinyint(1)  YES      1
> id    int         NO       null
> note  varchar(5)  YES      x
> name  varchar(10) YES      n
> made  timestamp   YES      CURRENT_TIMESTAMP DEFAULT_GENERATED on update CURRENT_TIMESTAMP
> qty   int         NO       null
> rows: 6

ALTER TABLE p ADD PRIMARY KEY (id), ADD UNIQUE KEY u_name (name), ADD INDEX (qty), ADD KEY (qty);
> ok

SHOW INDEX FROM p;
> Table Non_unique Key_name Seq_in_index Column_name Collation Cardinality Sub_part Packed Null Index_type Comment Index_comment Visible Expression
> ----- ---------- -------- ------------ ----------- --------- ----------- -------- ------ ---- ---------- ------- ------------- ------- ----------
> p     0          PRIMARY  1            id          A         null        null     null        BTREE                            YES     null
> p     0          u_name   1            name        A         null        null     null   YES  BTREE                            YES     null
> p     1          qty      1            qty         A         null        null     null        BTREE                            YES     null
> p     1          qty_2    1            qty         A         null        null     null        BTREE                            YES     null
> rows: 4

ALTER TABLE p DROP COLUMN flag, MODIFY COLUMN qty BIGINT DEFAULT 7 COMMENT 'how many', CHANGE name title VARCHAR(20) COMMENT 'the title' AFTER made, RENAME COLUMN note TO memo;
> update count: 3

SHOW CREATE TABLE p;
> Table Create Table
> ----- ---------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
> p     CREATE TABLE `p` (\n  `id` int NOT NULL,\n  `memo` varchar(5) DEFAULT 'x',\n  `made` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,\n  `title` varchar(20) DEFAULT NULL COMMENT 'the title',\n  `qty` bigint DEFAULT '7' COMMENT 'how many',\n  PRIMARY KEY (`id`),\n  UNIQUE KEY `u_name` (`title`),\n  KEY `qty` (`qty`),\n  KEY `qty_2` (`qty`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
> rows: 1

SELECT id, memo, title, qty FROM p ORDER BY id;
> id memo title qty
> -- ---- ----- ---
> 1  x    a     0
> 2  x    b     0
> 3  x    null  0
> rows: 3

ALTER TABLE p DROP INDEX qty, DROP KEY qty_2, DROP PRIMARY KEY, RENAME INDEX u_name TO u_title, ENGINE=InnoDB, DEFAULT CHARSET=utf8mb4, COMMENT='products';
> update count: 3

SHOW CREATE TABLE p;
> Table Create Table
> ----- --------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
> p     CREATE TABLE `p` (\n  `id` int NOT NULL,\n  `memo` varchar(5) DEFAULT 'x',\n  `made` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,\n  `title` varchar(20) DEFAULT NULL COMMENT 'the title',\n  `qty` bigint DEFAULT '7' COMMENT 'how many',\n  UNIQUE KEY `u_title` (`title`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='products'
> rows: 1

-- the rows are rewritten through the new types; nothing changes when one does not fit
ALTER TABLE p MODIFY memo VARCHAR(10) NOT NULL;
> ok

ALTER TABLE p MODIFY memo INT;
> exception ER_TRUNCATED_WRONG_VALUE_FOR_FIELD: Incorrect integer value: 'x' for column 'memo' at row 1

ALTER TABLE p MODIFY title VARCHAR(5) NOT NULL;
> exception ER_INVALID_USE_OF_NULL: Invalid use of NULL value

ALTER TABLE p ADD UNIQUE (memo);
> exception ER_DUP_ENTRY: Duplicate entry 'x' for key 'p.memo'

SELECT id, memo, title FROM p ORDER BY id;
> id memo title
> -- ---- -----
> 1  x    a
> 2  x    b
> 3  x    null
> rows: 3

-- Failure: MySQL's errors, nothing changes
ALTER TABLE p ADD COLUMN id INT;
> exception ER_DUP_FIELDNAME: Duplicate column name 'id'

ALTER TABLE p DROP COLUMN nope;
> exception ER_CANT_DROP_FIELD_OR_KEY: Can't DROP 'nope'; check that column/key exists

ALTER TABLE p MODIFY nope INT;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'p'

ALTER TABLE p CHANGE id memo INT;
> exception ER_DUP_FIELDNAME: Duplicate column name 'memo'

ALTER TABLE p RENAME COLUMN nope TO x;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'p'

ALTER TABLE p ADD COLUMN x INT AFTER nope;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'p'

ALTER TABLE p DROP INDEX nope;
> exception ER_CANT_DROP_FIELD_OR_KEY: Can't DROP 'nope'; check that column/key exists

ALTER TABLE p DROP PRIMARY KEY;
> exception ER_CANT_DROP_FIELD_OR_KEY: Can't DROP 'PRIMARY'; check that column/key exists

ALTER TABLE p ADD PRIMARY KEY (id), ADD PRIMARY KEY (qty);
> exception ER_MULTIPLE_PRI_KEY: Multiple primary key defined

ALTER TABLE p ADD INDEX u_title (qty);
> exception ER_DUP_KEYNAME: Duplicate key name 'u_title'

ALTER TABLE p ADD INDEX (nope);
> exception ER_KEY_COLUMN_DOES_NOT_EXITS: Key column 'nope' doesn't exist in table

ALTER TABLE p DROP id, DROP memo, DROP qty, DROP made, DROP title;
> exception ER_CANT_REMOVE_ALL_FIELDS: You can't delete all columns with ALTER TABLE; use DROP TABLE instead

ALTER TABLE nope ADD COLUMN x INT;
> exception ER_NO_SUCH_TABLE: Table 'qv_alter.nope' doesn't exist

ALTER TABLE p ALTER COLUMN qty SET DEFAULT 3, ALTER title SET DEFAULT 'z', ALTER COLUMN made DROP DEFAULT;
> ok

INSERT INTO p (id, memo, made) VALUES (9, 'm', '2024-01-02 03:04:05');
> update count: 1

SELECT id, qty, title FROM p WHERE id = 9;
> id qty title
> -- --- -----
> 9  3   z
> rows: 1

ALTER TABLE p ALTER COLUMN made SET DEFAULT CURRENT_TIMESTAMP, ALTER memo SET DEFAULT ('q');
> ok

SHOW CREATE TABLE p;
> Table Create Table
> ----- -------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
> p     CREATE TABLE `p` (\n  `id` int NOT NULL,\n  `memo` varchar(10) NOT NULL DEFAULT ('q'),\n  `made` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,\n  `title` varchar(20) DEFAULT 'z' COMMENT 'the title',\n  `qty` bigint DEFAULT '3' COMMENT 'how many',\n  UNIQUE KEY `u_title` (`title`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='products'
> rows: 1

ALTER TABLE p ALTER qty DROP DEFAULT, ALTER nope SET DEFAULT 1;
> exception ER_BAD_FIELD_ERROR: Unknown column 'nope' in 'p'

ALTER TABLE p ALTER COLUMN id SET DEFAULT 'abc';
> exception ER_INVALID_DEFAULT: Invalid default value for 'id'

DELETE FROM p WHERE id = 9;
> update count: 1

-- Failure: clauses not supported yet answer 1235 naming the clause
ALTER TABLE p ALTER COLUMN qty SET INVISIBLE;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'ALTER TABLE ... ALTER COLUMN'

ALTER TABLE p AUTO_INCREMENT = 10;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'ALTER TABLE ... AUTO_INCREMENT'

ALTER TABLE p ADD FOREIGN KEY (id) REFERENCES t2 (id);
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'FOREIGN constraints'

ALTER TABLE p RENAME TO p2, ADD COLUMN x INT;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'ALTER TABLE ... RENAME together with other changes'

SHOW CREATE TABLE p;
> Table Create Table
> ----- -------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
> p     CREATE TABLE `p` (\n  `id` int NOT NULL,\n  `memo` varchar(10) NOT NULL DEFAULT ('q'),\n  `made` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,\n  `title` varchar(20) DEFAULT 'z' COMMENT 'the title',\n  `qty` bigint DEFAULT '3' COMMENT 'how many',\n  UNIQUE KEY `u_title` (`title`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='products'
> rows: 1

ALTER TABLE p ADD COLUMN v VECTOR(2), ADD VECTOR INDEX vi (v) WITH (distance=l2, type=hnsw, lib=vsag);
> ok

SHOW INDEX FROM p;
> Table Non_unique Key_name Seq_in_index Column_name Collation Cardinality Sub_part Packed Null Index_type Comment Index_comment Visible Expression
> ----- ---------- -------- ------------ ----------- --------- ----------- -------- ------ ---- ---------- ------- ------------- ------- ----------
> p     0          u_title  1            title       A         null        null     null   YES  BTREE                            YES     null
> p     1          vi       1            v           null      null        null     null   YES  VECTOR                           YES     null
> rows: 2

-- an added AUTO_INCREMENT column numbers the existing rows
CREATE TABLE n (v INT);
> ok

INSERT INTO n VALUES (5), (6);
> update count: 2

ALTER TABLE n ADD COLUMN id INT AUTO_INCREMENT PRIMARY KEY FIRST;
> update count: 2

SELECT * FROM n ORDER BY v;
> id v
> -- -
> 1  5
> 2  6
> rows: 2

DROP DATABASE qv_alter2;
> ok

DROP DATABASE qv_alter;
> ok
