-- Covers: CREATE TABLE (types, keys, defaults, options, seekdb's inline VECTOR/FULLTEXT indexes), DROP TABLE, TRUNCATE, SHOW TABLES, DESCRIBE, SHOW COLUMNS, SHOW CREATE TABLE, SHOW INDEX, CREATE INDEX
CREATE TABLE t (id INT PRIMARY KEY);
> exception ER_NO_DB_ERROR: No database selected

CREATE DATABASE qv_ddl;
> update count: 1

USE qv_ddl;
> ok

CREATE TABLE t1 (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  name VARCHAR(20) NOT NULL DEFAULT 'none' COMMENT 'the name',
  flag BOOLEAN DEFAULT TRUE,
  price DECIMAL(10,2) DEFAULT 1.5,
  score DOUBLE,
  body TEXT,
  doc STRING,
  raw VARBINARY(16),
  meta JSON,
  emb VECTOR(3),
  born DATE,
  seen DATETIME(3),
  made TIMESTAMP DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uk_name (name),
  KEY k_score (score, price)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='first table';
> ok

CREATE TABLE IF NOT EXISTS t1 (id INT);
> ok

SHOW WARNINGS;
> Level Code Message
> ----- ---- -------------------------
> Note  1050 Table 't1' already exists
> rows: 1

CREATE TABLE t1 (id INT);
> exception ER_TABLE_EXISTS_ERROR: Table 't1' already exists

DESCRIBE t1;
> Field Type            Null Key Default           Extra
> ----- --------------- ---- --- ----------------- ---------------------------------------------
> id    bigint unsigned NO   PRI null              auto_increment
> name  varchar(20)     NO   UNI none
> flag  tinyint(1)      YES      1
> price decimal(10,2)   YES      1.50
> score double          YES  MUL null
> body  text            YES      null
> doc   string          YES      null
> raw   varbinary(16)   YES      null
> meta  json            YES      null
> emb   vector(3)       YES      null
> born  date            YES      null
> seen  datetime(3)     YES      null
> made  timestamp       YES      CURRENT_TIMESTAMP DEFAULT_GENERATED on update CURRENT_TIMESTAMP
> rows: 13

SHOW FULL COLUMNS FROM t1 LIKE 'n%';
> Field Type        Collation          Null Key Default Extra Privileges                      Comment
> ----- ----------- ------------------ ---- --- ------- ----- ------------------------------- --------
> name  varchar(20) utf8mb4_general_ci NO   UNI none          select,insert,update,references the name
> rows: 1

SHOW CREATE TABLE t1;
> Table Create Table
> ----- ------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
> t1    CREATE TABLE `t1` (\n  `id` bigint unsigned NOT NULL AUTO_INCREMENT,\n  `name` varchar(20) NOT NULL DEFAULT 'none' COMMENT 'the name',\n  `flag` tinyint(1) DEFAULT '1',\n  `price` decimal(10,2) DEFAULT '1.50',\n  `score` double DEFAULT NULL,\n  `body` text DEFAULT NULL,\n  `doc` string DEFAULT NULL,\n  `raw` varbinary(16) DEFAULT NULL,\n  `meta` json DEFAULT NULL,\n  `emb` vector(3) DEFAULT NULL,\n  `born` date DEFAULT NULL,\n  `seen` datetime(3) DEFAULT NULL,\n  `made` timestamp NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,\n  PRIMARY KEY (`id`),\n  UNIQUE KEY `uk_name` (`name`),\n  KEY `k_score` (`score`,`price`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='first table'
> rows: 1

SHOW INDEX FROM t1;
> Table Non_unique Key_name Seq_in_index Column_name Collation Cardinality Sub_part Packed Null Index_type Comment Index_comment Visible Expression
> ----- ---------- -------- ------------ ----------- --------- ----------- -------- ------ ---- ---------- ------- ------------- ------- ----------
> t1    0          PRIMARY  1            id          A         null        null     null        BTREE                            YES     null
> t1    0          uk_name  1            name        A         null        null     null        BTREE                            YES     null
> t1    1          k_score  1            score       A         null        null     null   YES  BTREE                            YES     null
> t1    1          k_score  2            price       A         null        null     null   YES  BTREE                            YES     null
> rows: 4

CREATE TABLE `c$v2$605991322cb843b29205530ae2d2b7c3` (
      _id VARBINARY(512) PRIMARY KEY NOT NULL,
      document STRING,
      embedding VECTOR(3),
      
      metadata JSON,
      FULLTEXT INDEX idx_fts (document) WITH PARSER ik,
      VECTOR INDEX idx_vec (embedding) WITH(distance=l2, type=hnsw, lib=vsag)
      
    ) ORGANIZATION = HEAP;
> ok

SHOW CREATE TABLE `c$v2$605991322cb843b29205530ae2d2b7c3`;
> Table                                 Create Table
> ------------------------------------- ------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
> c$v2$605991322cb843b29205530ae2d2b7c3 CREATE TABLE `c$v2$605991322cb843b29205530ae2d2b7c3` (\n  `_id` varbinary(512) NOT NULL,\n  `document` string DEFAULT NULL,\n  `embedding` vector(3) DEFAULT NULL,\n  `metadata` json DEFAULT NULL,\n  PRIMARY KEY (`_id`),\n  FULLTEXT KEY `idx_fts` (`document`) WITH PARSER ik,\n  VECTOR KEY `idx_vec` (`embedding`) WITH (distance=l2, type=hnsw, lib=vsag)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
> rows: 1

SHOW INDEX FROM `c$v2$605991322cb843b29205530ae2d2b7c3`;
> Table                                 Non_unique Key_name Seq_in_index Column_name Collation Cardinality Sub_part Packed Null Index_type Comment Index_comment Visible Expression
> ------------------------------------- ---------- -------- ------------ ----------- --------- ----------- -------- ------ ---- ---------- ------- ------------- ------- ----------
> c$v2$605991322cb843b29205530ae2d2b7c3 0          PRIMARY  1            _id         A         null        null     null        BTREE                            YES     null
> c$v2$605991322cb843b29205530ae2d2b7c3 1          idx_fts  1            document    null      null        null     null   YES  FULLTEXT                         YES     null
> c$v2$605991322cb843b29205530ae2d2b7c3 1          idx_vec  1            embedding   null      null        null     null   YES  VECTOR                           YES     null
> rows: 3

CREATE TABLE v2 (id INT PRIMARY KEY, e VECTOR(4), FULLTEXT INDEX f (id) WITH PARSER ngram PARSER_PROPERTIES=(ngram_token_size=2), VECTOR INDEX v (e) WITH(distance=cosine, type=hnsw, lib=vsag, m=16, ef_construction=200, ef_search=64));
> ok

SHOW CREATE TABLE v2;
> Table Create Table
> ----- ---------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------------
> v2    CREATE TABLE `v2` (\n  `id` int NOT NULL,\n  `e` vector(4) DEFAULT NULL,\n  PRIMARY KEY (`id`),\n  FULLTEXT KEY `f` (`id`) WITH PARSER ngram PARSER_PROPERTIES=(ngram_token_size=2),\n  VECTOR KEY `v` (`e`) WITH (distance=cosine, type=hnsw, lib=vsag, ef_construction=200, ef_search=64, m=16)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
> rows: 1

CREATE TABLE composite (a INT, b VARCHAR(10), c INT, PRIMARY KEY (a, b), UNIQUE (c), INDEX (b, c));
> ok

SHOW INDEX FROM composite;
> Table     Non_unique Key_name Seq_in_index Column_name Collation Cardinality Sub_part Packed Null Index_type Comment Index_comment Visible Expression
> --------- ---------- -------- ------------ ----------- --------- ----------- -------- ------ ---- ---------- ------- ------------- ------- ----------
> composite 0          PRIMARY  1            a           A         null        null     null        BTREE                            YES     null
> composite 0          PRIMARY  2            b           A         null        null     null        BTREE                            YES     null
> composite 0          c        1            c           A         null        null     null   YES  BTREE                            YES     null
> composite 1          b        1            b           A         null        null     null        BTREE                            YES     null
> composite 1          b        2            c           A         null        null     null   YES  BTREE                            YES     null
> rows: 5

SHOW TABLES;
> Tables_in_qv_ddl
> -------------------------------------
> c$v2$605991322cb843b29205530ae2d2b7c3
> composite
> t1
> v2
> rows: 4

SHOW FULL TABLES;
> Tables_in_qv_ddl                      Table_type
> ------------------------------------- ----------
> c$v2$605991322cb843b29205530ae2d2b7c3 BASE TABLE
> composite                             BASE TABLE
> t1                                    BASE TABLE
> v2                                    BASE TABLE
> rows: 4

SHOW TABLES LIKE 'c$v2$%';
> Tables_in_qv_ddl (c$v2$%)
> -------------------------------------
> c$v2$605991322cb843b29205530ae2d2b7c3
> rows: 1

SHOW TABLES FROM qv_ddl LIKE 'T%';
> Tables_in_qv_ddl (T%)
> ---------------------
> rows: 0

CREATE TABLE bad1 (a INT, a INT);
> exception ER_DUP_FIELDNAME: Duplicate column name 'a'

CREATE TABLE bad2 (a INT PRIMARY KEY, b INT PRIMARY KEY);
> exception ER_MULTIPLE_PRI_KEY: Multiple primary key defined

CREATE TABLE bad3 (a INT, KEY (nope));
> exception ER_KEY_COLUMN_DOES_NOT_EXITS: Key column 'nope' doesn't exist in table

CREATE TABLE bad4 (a VARCHAR(10) AUTO_INCREMENT PRIMARY KEY);
> exception ER_WRONG_FIELD_SPEC: Incorrect column specifier for column 'a'

CREATE TABLE bad5 (a INT NOT NULL DEFAULT NULL);
> exception ER_INVALID_DEFAULT: Invalid default value for 'a'

CREATE TABLE bad6 (a INT DEFAULT 'abc');
> exception ER_INVALID_DEFAULT: Invalid default value for 'a'

CREATE TABLE bad7 (a VECTOR(0));
> exception ER_TOO_BIG_FIELDLENGTH: Column length too big for column 'a' (max = 16000); use BLOB or TEXT instead

CREATE TABLE bad7b (a TEXT DEFAULT 'x');
> exception ER_BLOB_CANT_HAVE_DEFAULT: BLOB, TEXT, GEOMETRY or JSON column 'a' can't have a default value

CREATE TABLE bad7c (a JSON DEFAULT '{}');
> exception ER_BLOB_CANT_HAVE_DEFAULT: BLOB, TEXT, GEOMETRY or JSON column 'a' can't have a default value

CREATE TABLE bad8 (a INT AUTO_INCREMENT);
> exception ER_WRONG_AUTO_KEY: Incorrect table definition; there can be only one auto column and it must be defined as a key

CREATE TABLE bad9 (a INT, FOREIGN KEY (a) REFERENCES t1 (id));
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'FOREIGN constraints'

CREATE TABLE bad10 (a ENUM('x'));
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'column type ENUM'

CREATE TABLE bad11 (a INT) SELECT 1;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'CREATE TABLE ... SELECT'

CREATE TABLE bad12 (a INT,);
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near ')' at line 1

CREATE TABLE qv_nowhere.t (a INT);
> exception ER_BAD_DB_ERROR: Unknown database 'qv_nowhere'

DESCRIBE nope;
> exception ER_NO_SUCH_TABLE: Table 'qv_ddl.nope' doesn't exist

SHOW CREATE TABLE nope;
> exception ER_NO_SUCH_TABLE: Table 'qv_ddl.nope' doesn't exist

-- an index can be added to an existing table (see also table/alter.sql)
CREATE INDEX k_doc ON v2 (id);
> ok

SHOW INDEX FROM v2;
> Table Non_unique Key_name Seq_in_index Column_name Collation Cardinality Sub_part Packed Null Index_type Comment Index_comment Visible Expression
> ----- ---------- -------- ------------ ----------- --------- ----------- -------- ------ ---- ---------- ------- ------------- ------- ----------
> v2    0          PRIMARY  1            id          A         null        null     null        BTREE                            YES     null
> v2    1          f        1            id          null      null        null     null        FULLTEXT                         YES     null
> v2    1          v        1            e           null      null        null     null   YES  VECTOR                           YES     null
> v2    1          k_doc    1            id          A         null        null     null        BTREE                            YES     null
> rows: 4

-- Failure: the name and columns are still checked first, as MySQL does
CREATE UNIQUE INDEX v ON v2 (id);
> exception ER_DUP_KEYNAME: Duplicate key name 'v'

CREATE INDEX k_nope ON v2 (nope);
> exception ER_KEY_COLUMN_DOES_NOT_EXITS: Key column 'nope' doesn't exist in table

TRUNCATE TABLE composite;
> ok

TRUNCATE nope;
> exception ER_NO_SUCH_TABLE: Table 'qv_ddl.nope' doesn't exist

DROP TABLE composite, v2;
> ok

DROP TABLE composite;
> exception ER_BAD_TABLE_ERROR: Unknown table 'qv_ddl.composite'

DROP TABLE IF EXISTS composite, t1;
> ok

SHOW WARNINGS;
> Level Code Message
> ----- ---- --------------------------------
> Note  1051 Unknown table 'qv_ddl.composite'
> rows: 1

SHOW TABLES;
> Tables_in_qv_ddl
> -------------------------------------
> c$v2$605991322cb843b29205530ae2d2b7c3
> rows: 1

-- SHOW TABLE STATUS in MySQL 8's layout (Rows exact, sizes and Auto_increment not reported yet)
SHOW TABLE STATUS LIKE 'c$%';
> Name                                  Engine Version Row_format Rows Avg_row_length Data_length Max_data_length Index_length Data_free Auto_increment Create_time Update_time Check_time Collation          Checksum Create_options Comment
> ------------------------------------- ------ ------- ---------- ---- -------------- ----------- --------------- ------------ --------- -------------- ----------- ----------- ---------- ------------------ -------- -------------- -------
> c$v2$605991322cb843b29205530ae2d2b7c3 InnoDB 10      Dynamic    0    0              0           0               0            0         null           null        null        null       utf8mb4_general_ci null
> rows: 1

SHOW TABLE STATUS WHERE Rows > 1000;
> Name Engine Version Row_format Rows Avg_row_length Data_length Max_data_length Index_length Data_free Auto_increment Create_time Update_time Check_time Collation Checksum Create_options Comment
> ---- ------ ------- ---------- ---- -------------- ----------- --------------- ------------ --------- -------------- ----------- ----------- ---------- --------- -------- -------------- -------
> rows: 0

-- Failure: an unknown database
SHOW TABLE STATUS FROM qv_nowhere;
> exception ER_BAD_DB_ERROR: Unknown database 'qv_nowhere'

DROP DATABASE qv_ddl;
> ok

SHOW TABLES;
> exception ER_NO_DB_ERROR: No database selected
