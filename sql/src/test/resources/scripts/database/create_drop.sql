-- Covers: CREATE/DROP DATABASE|SCHEMA with IF [NOT] EXISTS, options, USE, SHOW DATABASES, and the refusals
SHOW DATABASES;
> Database
> ------------------
> information_schema
> rows: 1

CREATE DATABASE test;
> update count: 1

CREATE SCHEMA IF NOT EXISTS `other db` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
> update count: 1

CREATE DATABASE IF NOT EXISTS test;
> update count: 1

SHOW WARNINGS;
> Level Code Message
> ----- ---- ---------------------------------------------
> Note  1007 Can't create database 'test'; database exists
> rows: 1

CREATE DATABASE cs CHARACTER SET = latin1;
> update count: 1

SHOW DATABASES;
> Database
> ------------------
> cs
> information_schema
> other db
> test
> rows: 4

SHOW SCHEMAS LIKE 'o%';
> Database (o%)
> -------------
> other db
> rows: 1

SHOW DATABASES WHERE `Database` LIKE '%s%';
> Database
> ------------------
> cs
> information_schema
> test
> rows: 3

USE test;
> ok

SELECT DATABASE();
> DATABASE()
> ----------
> test
> rows: 1

USE `other db`;
> ok

SELECT SCHEMA();
> SCHEMA()
> --------
> other db
> rows: 1

DROP DATABASE `other db`;
> ok

SELECT DATABASE();
> DATABASE()
> ----------
> null
> rows: 1

DROP SCHEMA IF EXISTS `other db`;
> ok

SHOW WARNINGS;
> Level Code Message
> ----- ---- ------------------------------------------------------
> Note  1008 Can't drop database 'other db'; database doesn't exist
> rows: 1

USE information_schema;
> ok

SELECT DATABASE();
> DATABASE()
> ------------------
> information_schema
> rows: 1

-- Failure: the database exists / does not exist / is unknown
CREATE DATABASE test;
> exception ER_DB_CREATE_EXISTS: Can't create database 'test'; database exists

DROP DATABASE nope;
> exception ER_DB_DROP_EXISTS: Can't drop database 'nope'; database doesn't exist

USE nope;
> exception ER_BAD_DB_ERROR: Unknown database 'nope'

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

DROP DATABASE test;
> ok

DROP DATABASE cs;
> ok

SHOW DATABASES;
> Database
> ------------------
> information_schema
> rows: 1
