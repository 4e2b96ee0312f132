-- Covers: CREATE/DROP DATABASE|SCHEMA with IF [NOT] EXISTS, options, USE, SHOW DATABASES, and the refusals
SHOW DATABASES LIKE 'information\_schema';
> Database (information\_schema)
> ------------------------------
> information_schema
> rows: 1

SHOW DATABASES LIKE 'qv\_%';
> Database (qv\_%)
> ----------------
> rows: 0

CREATE DATABASE qv_test;
> update count: 1

CREATE SCHEMA IF NOT EXISTS `qv_other db` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
> update count: 1

CREATE DATABASE IF NOT EXISTS qv_test;
> update count: 1

SHOW WARNINGS;
> Level Code Message
> ----- ---- ------------------------------------------------
> Note  1007 Can't create database 'qv_test'; database exists
> rows: 1

CREATE DATABASE qv_cs CHARACTER SET = latin1;
> update count: 1

SHOW DATABASES LIKE 'qv\_%';
> Database (qv\_%)
> ----------------
> qv_cs
> qv_other db
> qv_test
> rows: 3

SHOW SCHEMAS LIKE 'qv\_o%';
> Database (qv\_o%)
> -----------------
> qv_other db
> rows: 1

SHOW DATABASES WHERE `Database` LIKE 'qv%s%' OR `Database` = 'information_schema';
> Database
> ------------------
> information_schema
> qv_cs
> qv_test
> rows: 3

USE qv_test;
> ok

SELECT DATABASE();
> DATABASE()
> ----------
> qv_test
> rows: 1

USE `qv_other db`;
> ok

SELECT SCHEMA();
> SCHEMA()
> -----------
> qv_other db
> rows: 1

DROP DATABASE `qv_other db`;
> ok

SELECT DATABASE();
> DATABASE()
> ----------
> null
> rows: 1

DROP SCHEMA IF EXISTS `qv_other db`;
> ok

SHOW WARNINGS;
> Level Code Message
> ----- ---- ---------------------------------------------------------
> Note  1008 Can't drop database 'qv_other db'; database doesn't exist
> rows: 1

USE information_schema;
> ok

SELECT DATABASE();
> DATABASE()
> ------------------
> information_schema
> rows: 1

-- Failure: the database exists / does not exist / is unknown
CREATE DATABASE qv_test;
> exception ER_DB_CREATE_EXISTS: Can't create database 'qv_test'; database exists

DROP DATABASE qv_nope;
> exception ER_DB_DROP_EXISTS: Can't drop database 'qv_nope'; database doesn't exist

USE qv_nope;
> exception ER_BAD_DB_ERROR: Unknown database 'qv_nope'

-- Failure: bad options
CREATE DATABASE bad CHARACTER SET klingon;
> exception ER_UNKNOWN_CHARACTER_SET: Unknown character set: 'klingon'

CREATE DATABASE bad COLLATE nope_ci;
> exception ER_UNKNOWN_COLLATION: Unknown collation: 'nope_ci'

CREATE DATABASE bad CHARACTER SET latin1 COLLATE utf8mb4_bin;
> exception ER_COLLATION_CHARSET_MISMATCH: COLLATION 'utf8mb4_bin' is not valid for CHARACTER SET 'latin1'

-- Failure: system schemas
CREATE DATABASE information_schema;
> exception ER_DBACCESS_DENIED_ERROR: Access denied for user 'root'@'localhost' to database 'information_schema'

DROP DATABASE information_schema;
> exception ER_DBACCESS_DENIED_ERROR: Access denied for user 'root'@'localhost' to database 'information_schema'

CREATE DATABASE mysql;
> exception ER_DB_CREATE_EXISTS: Can't create database 'mysql'; database exists

DROP DATABASE mysql;
> exception ER_NO_SYSTEM_SCHEMA_ACCESS: Access to system schema 'mysql' is rejected.

-- Failure: names
CREATE DATABASE `trailing `;
> exception ER_WRONG_DB_NAME: Incorrect database name 'trailing '

CREATE DATABASE aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa;
> exception ER_TOO_LONG_IDENT: Identifier name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' is too long

CREATE DATABASE;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1

DROP DATABASE ``;
> exception ER_WRONG_DB_NAME: Incorrect database name ''

USE ``;
> exception ER_NO_DB_ERROR: No database selected

DROP DATABASE qv_test;
> ok

DROP DATABASE qv_cs;
> ok

SHOW DATABASES LIKE 'qv\_%';
> Database (qv\_%)
> ----------------
> rows: 0
