-- Covers: transaction statements accepted until transactions land; ROLLBACK without writes is fine
BEGIN;
> ok

COMMIT;
> ok

BEGIN WORK;
> ok

ROLLBACK;
> ok

START TRANSACTION;
> ok

COMMIT WORK;
> ok

START TRANSACTION READ ONLY;
> ok

ROLLBACK WORK;
> ok

START TRANSACTION WITH CONSISTENT SNAPSHOT, READ WRITE;
> ok

COMMIT AND NO CHAIN NO RELEASE;
> ok

SET autocommit = 0;
> ok

SELECT @@autocommit, @@session.autocommit;
> @@autocommit @@session.autocommit
> ------------ --------------------
> 0            0
> rows: 1

SELECT 1;
> 1
> -
> 1
> rows: 1

ROLLBACK;
> ok

SET autocommit = 1;
> ok

-- Failure: what is not supported yet answers 1235, malformed forms 1064
ROLLBACK TO SAVEPOINT s1;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'ROLLBACK TO SAVEPOINT'

SAVEPOINT s1;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'SAVEPOINT'

COMMIT AND CHAIN;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'COMMIT AND CHAIN'

ROLLBACK RELEASE;
> exception ER_NOT_SUPPORTED_YET: This version of MySQL doesn't yet support 'ROLLBACK RELEASE'

START TRANSACTION READ;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '' at line 1

BEGIN 1;
> exception ER_PARSE_ERROR: You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '1' at line 1
