-- Covers: statements this version cannot run answer 1235 naming their kind (never a silent OK); table statements without a database answer 1046; KILL
CREATE TABLE t (id INT PRIMARY KEY);
> exception ER_NO_DB_ERROR: No database selected

INSERT INTO t VALUES (1);
> exception ER_NO_DB_ERROR: No database selected

UPDATE t SET id = 2;
> exception ER_NO_DB_ERROR: No database selected

DELETE FROM t;
> exception ER_NO_DB_ERROR: No database selected

REPLACE INTO t VALUES (1);
> exception ER_NO_DB_ERROR: No database selected

DROP TABLE t;
> exception ER_NO_DB_ERROR: No database selected

ALTER TABLE t ADD COLUMN c INT;
> exception ER_NO_DB_ERROR: No database selected

TRUNCATE TABLE t;
> exception ER_NO_DB_ERROR: No database selected

DESCRIBE t;
> exception ER_NO_DB_ERROR: No database selected

CALL dbms_index_manager.refresh();
> ok

LOCK TABLES t READ;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'LOCK'

-- Failure: a real syntax error in an unsupported statement is still 1064
INSERT INTO;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near 'INSERT INTO' at line 1

-- KILL: unknown ids answer 1094; KILL QUERY of this connection has nothing to interrupt
KILL 999;
> exception ER_NO_SUCH_THREAD: Unknown thread id: 999

KILL CONNECTION 12345;
> exception ER_NO_SUCH_THREAD: Unknown thread id: 12345

KILL 99999999999999999999;
> exception ER_NO_SUCH_THREAD: Unknown thread id: 99999999999999999999

KILL 'x';
> exception ER_NO_SUCH_THREAD: Unknown thread id: 0

KILL QUERY CONNECTION_ID();
> ok

-- seekdb's FORK TABLE (the JS SDK's collection.fork, sent with a trailing semicolon) is not implemented yet
FORK TABLE `c$v2$0123456789abcdef0123456789abcdef` TO `c$v2$fedcba9876543210fedcba9876543210`;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'FORK TABLE'
